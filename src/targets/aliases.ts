/**
 * The names people use for operating systems and architectures, mapped to Go's. Sources: conda
 * subdirs, Docker platforms, Node's process.platform/arch, uname -m, GNU and Rust triples, Go's
 * release archive names (linux-armv6l).
 */
export const OS_ALIASES: Readonly<Record<string, string>> = {
  linux: 'linux',
  darwin: 'darwin',
  macos: 'darwin',
  osx: 'darwin',
  mac: 'darwin',
  apple: 'darwin',
  windows: 'windows',
  win: 'windows',
  win32: 'windows',
  win64: 'windows',
  mingw32: 'windows',
  mingw: 'windows',
  cygwin: 'windows',
  freebsd: 'freebsd',
  netbsd: 'netbsd',
  openbsd: 'openbsd',
  dragonfly: 'dragonfly',
  solaris: 'solaris',
  sunos: 'solaris',
  illumos: 'illumos',
  aix: 'aix',
  plan9: 'plan9',
  android: 'android',
  // The NDK's 32-bit ARM triple: armv7a-linux-androideabi.
  androideabi: 'android',
  ios: 'ios',
  js: 'js',
  emscripten: 'js',
  wasip1: 'wasip1',
  wasi: 'wasip1',
};

/**
 * A GOOS that is a more specific kind of another: Go builds android with the linux files and
 * ios with the darwin ones, and triples say both (aarch64-linux-android, arm64-apple-ios).
 * When a name gives both, the specific one wins.
 */
export const OS_REFINES: Readonly<Record<string, string>> = { android: 'linux', ios: 'darwin', illumos: 'solaris' };

/** Architecture names with the variant some of them imply (armv7l → arm + v7). */
export const ARCH_ALIASES: Readonly<Record<string, { goarch: string; variant?: string }>> = {
  amd64: { goarch: 'amd64' },
  x64: { goarch: 'amd64' },
  // conda's linux-64, osx-64, win-64.
  '64': { goarch: 'amd64' },
  '386': { goarch: '386' },
  i386: { goarch: '386' },
  i486: { goarch: '386' },
  i586: { goarch: '386' },
  i686: { goarch: '386' },
  x86: { goarch: '386' },
  ia32: { goarch: '386' },
  // conda's linux-32, win-32.
  '32': { goarch: '386' },
  arm64: { goarch: 'arm64' },
  aarch64: { goarch: 'arm64' },
  armv8: { goarch: 'arm64' },
  // uname -m of 32-bit ARM userland on a 64-bit kernel.
  armv8l: { goarch: 'arm', variant: 'v7' },
  arm: { goarch: 'arm' },
  armv7: { goarch: 'arm', variant: 'v7' },
  armv7l: { goarch: 'arm', variant: 'v7' },
  armv7a: { goarch: 'arm', variant: 'v7' },
  armhf: { goarch: 'arm', variant: 'v7' },
  armv6: { goarch: 'arm', variant: 'v6' },
  armv6l: { goarch: 'arm', variant: 'v6' },
  // Docker and containerd normalise armel to arm/v6.
  armel: { goarch: 'arm', variant: 'v6' },
  armv5: { goarch: 'arm', variant: 'v5' },
  armv5l: { goarch: 'arm', variant: 'v5' },
  armv5te: { goarch: 'arm', variant: 'v5' },
  ppc64le: { goarch: 'ppc64le' },
  ppc64el: { goarch: 'ppc64le' },
  powerpc64le: { goarch: 'ppc64le' },
  ppc64: { goarch: 'ppc64' },
  powerpc64: { goarch: 'ppc64' },
  s390x: { goarch: 's390x' },
  riscv64: { goarch: 'riscv64' },
  // Rust's riscv64gc-unknown-linux-gnu.
  riscv64gc: { goarch: 'riscv64' },
  loong64: { goarch: 'loong64' },
  loongarch64: { goarch: 'loong64' },
  mips: { goarch: 'mips' },
  mipsle: { goarch: 'mipsle' },
  mipsel: { goarch: 'mipsle' },
  mips64: { goarch: 'mips64' },
  mips64le: { goarch: 'mips64le' },
  mips64el: { goarch: 'mips64le' },
  wasm: { goarch: 'wasm' },
  wasm32: { goarch: 'wasm' },
};

/**
 * Words of triples that say nothing about OS or architecture: vendors, libcs, ABIs, conda's old
 * CentOS vendor tags (x86_64-conda_cos6-linux-gnu).
 */
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  'unknown', 'pc', 'gnu', 'musl', 'msvc', 'w64', 'gnuabi64', 'elf', 'none', 'conda', 'cos6', 'cos7',
  'ibm', 'redhat', 'suse', 'alpine',
]);

/**
 * ABI words that suggest the ARM variant as Debian uses them: hard-float EABI is ARMv7 (armhf),
 * soft-float ARMv6 (armel). Only a default: an explicit architecture wins, so Rust's
 * armv6-unknown-linux-gnueabihf (Raspberry Pi 1) stays v6.
 */
export const ABI_VARIANTS: Readonly<Record<string, string>> = { gnueabihf: 'v7', gnueabi: 'v6', eabihf: 'v7' };
