#!/usr/bin/env bash
# Builds the package's Go binaries into $PREFIX/bin and saves the licenses of every Go module
# they link into library_licenses/, as conda-forge asks of Go packages.
set -euxo pipefail

go build -trimpath -ldflags "-s -w -X main.version=${PKG_VERSION}" -o "${PREFIX}/bin/@BINARY.name@" @BINARY.package@

go-licenses save @PACKAGES@ --save_path library_licenses@IGNORES@

# Go writes its module cache read-only; make it writable so the build dir can be cleaned up.
modcache="$(go env GOMODCACHE)"
if [[ -d "${modcache}" ]]; then
  chmod -R u+w "${modcache}"
fi
