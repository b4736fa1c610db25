# gocross-managed: written by `gocross dockerfile --bake`; running it again replaces this file.
#   docker buildx bake                      # every platform below
#   REVISION=$(git rev-parse HEAD) docker buildx bake --push    # VERSION=1.2.3 to override the tag's
variable "VERSION" {
  default = "1.2.3"
}

# No default: the revision comes from the environment at build time, never from this file.
variable "REVISION" {
  default = ""
}

variable "IMAGE" {
  default = "hello"
}

group "default" {
  targets = ["hello"]
}

target "hello" {
  context    = "."
  dockerfile = "build/Dockerfile"
  platforms  = ["linux/amd64", "linux/arm64", "linux/arm/v7"]
  tags       = ["${IMAGE}:${VERSION}"]
  args = {
    VERSION  = "${VERSION}"
    REVISION = "${REVISION}"
  }
}
