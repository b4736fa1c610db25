/** Per-GOOS facts: the executable format and conda's platform names. */
export type BinaryFormat = 'elf' | 'macho' | 'pe' | 'wasm' | 'plan9' | 'xcoff';

export const FORMAT_OF_OS: Readonly<Record<string, BinaryFormat>> = {
  darwin: 'macho',
  ios: 'macho',
  windows: 'pe',
  js: 'wasm',
  wasip1: 'wasm',
  plan9: 'plan9',
  aix: 'xcoff',
};

export const formatOf = (goos: string): BinaryFormat => FORMAT_OF_OS[goos] ?? 'elf';

/**
 * conda subdir per `goos/goarch[/variant]`, from conda's PLATFORMS (conda/base/constants.py).
 * conda has no subdir for loong64 or mips, so those have none.
 */
export const CONDA_SUBDIRS: Readonly<Record<string, string>> = {
  'linux/386': 'linux-32',
  'linux/amd64': 'linux-64',
  'linux/arm64': 'linux-aarch64',
  // conda has no ARMv5 subdir; a GOARM=5 binary runs in a linux-armv6l env.
  'linux/arm/v5': 'linux-armv6l',
  'linux/arm/v6': 'linux-armv6l',
  'linux/arm/v7': 'linux-armv7l',
  'linux/ppc64le': 'linux-ppc64le',
  'linux/ppc64': 'linux-ppc64',
  'linux/s390x': 'linux-s390x',
  'linux/riscv64': 'linux-riscv64',
  'darwin/amd64': 'osx-64',
  'darwin/arm64': 'osx-arm64',
  'windows/386': 'win-32',
  'windows/amd64': 'win-64',
  'windows/arm64': 'win-arm64',
  'freebsd/amd64': 'freebsd-64',
  'js/wasm': 'emscripten-wasm32',
  'wasip1/wasm': 'wasi-wasm32',
};

/**
 * The prefixes of conda's C compilers (`$PREFIX/bin/<triple>-cc`): ctng gcc on Linux
 * (`<cpu>-conda-linux-gnu`, as ctng-compilers-feedstock's get_triplet spells them; the s390x
 * and riscv64 builds use the same scheme) and the clang activation on macOS (darwin13.4.0 and
 * darwin20.0.0 are the kernels of the deployment targets). Windows has none: conda's MinGW gcc
 * is not installed as a triple-prefixed cc in bin/.
 */
export const CONDA_TRIPLES: Readonly<Record<string, string>> = {
  'linux/amd64': 'x86_64-conda-linux-gnu',
  'linux/arm64': 'aarch64-conda-linux-gnu',
  'linux/ppc64le': 'powerpc64le-conda-linux-gnu',
  'linux/s390x': 's390x-conda-linux-gnu',
  'linux/riscv64': 'riscv64-conda-linux-gnu',
  'darwin/amd64': 'x86_64-apple-darwin13.4.0',
  'darwin/arm64': 'arm64-apple-darwin20.0.0',
};

/** GNU triple suffixes for non-Linux OSes that have cross toolchains. */
export const TRIPLE_SUFFIX: Readonly<Record<string, string>> = {
  windows: 'w64-mingw32',
  darwin: 'apple-darwin',
  freebsd: 'unknown-freebsd',
};
