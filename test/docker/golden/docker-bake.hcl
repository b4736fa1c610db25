# gocross-managed: written by `gocross dockerfile --bake`; running it again replaces this file.
#   docker buildx bake                      # every platform below
#   VERSION=v1.2.3 REVISION=$(git rev-parse HEAD) docker buildx bake --push
variable "VERSION" {
  default = "v1.2.3"
}

variable "REVISION" {
  default = "0123456789abcdef0123456789abcdef01234567"
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
