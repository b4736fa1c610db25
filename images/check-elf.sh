#!/bin/sh
# gocross-managed: checks that an ELF binary is built for a GOARCH, reading its header with od
# (no emulation, POSIX tools only): class (byte 4), byte order (byte 5), e_machine (bytes
# 18-19) and, when cgo is off, static linkage (no PT_INTERP program header).
#   usage: check-elf.sh FILE GOARCH CGO_ENABLED [PLATFORM]
# With PLATFORM (the build's TARGETPLATFORM, os/arch[/variant]), GOARCH must be its arch.
# `gocross dockerfile` joins these lines into one RUN, so comments stay on their own lines and
# every other line ends where a shell command may continue (`;`, `then`, `do`, `{`, `in`).
set -eu;
file=${1:?usage: check-elf.sh FILE GOARCH CGO_ENABLED} goarch=${2:?GOARCH missing} cgo=${3:-0};
fail() { echo "gocross: $file: $*" >&2; exit 1; };
# TARGETARCH is a build argument that --build-arg can override, while the image is labelled with
# the platform being built: a binary for another architecture must not pass because both lied.
platform=${4:-};
if [ -n "$platform" ]; then
  platform_arch=${platform#*/}; platform_arch=${platform_arch%%/*};
  [ "$platform_arch" = "$goarch" ] || fail "GOARCH $goarch is not the architecture of the platform $platform being built (is TARGETARCH overridden?)";
fi;
# want_machine want_class (1 = 32-bit, 2 = 64-bit) want_data (1 = little, 2 = big endian)
case "$goarch" in
  386) want_machine=3 want_class=1 want_data=1 ;;
  amd64) want_machine=62 want_class=2 want_data=1 ;;
  arm) want_machine=40 want_class=1 want_data=1 ;;
  arm64) want_machine=183 want_class=2 want_data=1 ;;
  loong64) want_machine=258 want_class=2 want_data=1 ;;
  mips64le) want_machine=8 want_class=2 want_data=1 ;;
  ppc64) want_machine=21 want_class=2 want_data=2 ;;
  ppc64le) want_machine=21 want_class=2 want_data=1 ;;
  riscv64) want_machine=243 want_class=2 want_data=1 ;;
  s390x) want_machine=22 want_class=2 want_data=2 ;;
  *) fail "no ELF facts for GOARCH $goarch" ;;
esac;
[ -f "$file" ] || fail "no such file";
[ "$(od -A n -v -t x1 -N 4 "$file" | tr -d ' \n')" = 7f454c46 ] || fail "not an ELF file";
byte() { od -A n -v -t u1 -j "$1" -N 1 "$file" | tr -d ' \n'; };
class=$(byte 4) data=$(byte 5);
# An unsigned number of $2 bytes at offset $1, in the file's byte order.
num() {
  n=0 m=1;
  for b in $(od -A n -v -t u1 -j "$1" -N "$2" "$file"); do
    if [ "$data" = 1 ]; then n=$((n + b * m)); m=$((m * 256)); else n=$((n * 256 + b)); fi;
  done;
  echo "$n";
};
machine=$(num 18 2);
[ "$class" = "$want_class" ] || fail "ELF class $class (1 = 32-bit, 2 = 64-bit), but $goarch needs $want_class";
[ "$data" = "$want_data" ] || fail "ELF byte order $data (1 = little, 2 = big endian), but $goarch needs $want_data";
[ "$machine" = "$want_machine" ] || fail "ELF machine $machine, but $goarch needs $want_machine: the binary was built for another architecture";
linkage="cgo";
if [ "$cgo" = 0 ]; then
  if [ "$class" = 2 ]; then phoff=$(num 32 8) phentsize=$(num 54 2) phnum=$(num 56 2); else phoff=$(num 28 4) phentsize=$(num 42 2) phnum=$(num 44 2); fi;
  i=0;
  while [ "$i" -lt "$phnum" ]; do
    [ "$(num $((phoff + i * phentsize)) 4)" != 3 ] || fail "dynamically linked (it has a PT_INTERP program interpreter), but CGO_ENABLED=0 must give a static binary";
    i=$((i + 1));
  done;
  linkage="static";
fi;
echo "gocross: $file: ELF class $class, byte order $data, machine $machine, $linkage: built for $goarch";
