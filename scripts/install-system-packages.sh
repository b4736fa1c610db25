#!/usr/bin/env bash
# Installs every Debian package the test suite uses (real Go, cross C compiler, qemu-user,
# the shells the hooks are sourced by, the oracle tools, and a Docker engine).
set -euo pipefail
PACKAGES=(
  golang-1.19-go                                # a real Go at /usr/lib/go-1.19
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross   # cgo cross-compiling to linux/arm64
  qemu-user                                     # runs arm64 outputs (qemu-aarch64)
  zsh fish tcsh dash                            # hooks are sourced by real shells
  wine64                                        # cmd.exe for the .bat hooks (Wine's cmd)
  file binutils llvm                            # oracles: file, readelf, llvm-objdump/readobj
  gcc libc6-dev                                 # C fixtures (static-pie, dynamic)
  docker.io debootstrap                         # a real Docker engine and base images
  zstd bzip2 gzip                               # compressed image layers and conda packages in fixtures
  git curl ca-certificates
)
SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "system packages installed: ${PACKAGES[*]}"
