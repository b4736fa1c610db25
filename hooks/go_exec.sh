#!/bin/sh
# gocross-managed: written by `gocross init`. go runs @TARGET@ programs of `go run` and
# `go test` through go_@GOOS@_@GOARCH@_exec when it is on PATH; this one uses qemu-user.
if command -v @QEMU@ >/dev/null 2>&1; then
  exec @QEMU@ @QEMU_ARGS@"$@"
fi
echo "gocross: cannot run a @TARGET@ program: @QEMU@ is not installed (apt-get install qemu-user, or conda install -c conda-forge qemu)" >&2
exit 126
