/**
 * `go tool dist list` of Go 1.25, used when no Go is at hand: cmd/dist/build.go's cgoEnabled
 * table minus its `broken` ports, which dist list leaves out (linux/sparc64, openbsd/mips64, and
 * windows/arm, broken since Go 1.24 and removed in 1.26). Go 1.24 lists the same pairs. Newer
 * than Go 1.19's list by freebsd/riscv64 (1.20), wasip1/wasm (1.21), openbsd/ppc64 (1.22) and
 * openbsd/riscv64 (1.23).
 */
export const BUILTIN_PAIRS: readonly string[] = [
  'aix/ppc64', 'android/386', 'android/amd64', 'android/arm', 'android/arm64', 'darwin/amd64', 'darwin/arm64',
  'dragonfly/amd64', 'freebsd/386', 'freebsd/amd64', 'freebsd/arm', 'freebsd/arm64', 'freebsd/riscv64',
  'illumos/amd64', 'ios/amd64', 'ios/arm64', 'js/wasm', 'linux/386', 'linux/amd64', 'linux/arm', 'linux/arm64',
  'linux/loong64', 'linux/mips', 'linux/mips64', 'linux/mips64le', 'linux/mipsle', 'linux/ppc64', 'linux/ppc64le',
  'linux/riscv64', 'linux/s390x', 'netbsd/386', 'netbsd/amd64', 'netbsd/arm', 'netbsd/arm64', 'openbsd/386',
  'openbsd/amd64', 'openbsd/arm', 'openbsd/arm64', 'openbsd/ppc64', 'openbsd/riscv64', 'plan9/386', 'plan9/amd64',
  'plan9/arm', 'solaris/amd64', 'wasip1/wasm', 'windows/386', 'windows/amd64', 'windows/arm64',
];
