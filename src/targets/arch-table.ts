/**
 * Per-GOARCH facts, the one table every target mapping reads. Values per
 * format: ELF e_machine, Mach-O cputype, PE machine. Linux-only facts (Debian arch, GNU triple,
 * qemu) are for the base architecture; ARM variants refine them in info.ts.
 */
export interface ArchFacts {
  bits: 32 | 64;
  endian: 'little' | 'big';
  elf: number | null;
  macho: number | null;
  pe: number | null;
  debian: string | null;
  /** Debian's cross gcc prefix for linux, e.g. aarch64-linux-gnu. */
  linuxTriple: string | null;
  /** The CPU part of GNU triples on other OSes (x86_64-w64-mingw32, aarch64-apple-darwin). */
  cpu: string;
  qemu: string | null;
}

export const ARCHES: Readonly<Record<string, ArchFacts>> = {
  '386': { bits: 32, endian: 'little', elf: 3, macho: 7, pe: 0x14c, debian: 'i386', linuxTriple: 'i686-linux-gnu', cpu: 'i686', qemu: 'qemu-i386' },
  amd64: { bits: 64, endian: 'little', elf: 62, macho: 0x01000007, pe: 0x8664, debian: 'amd64', linuxTriple: 'x86_64-linux-gnu', cpu: 'x86_64', qemu: 'qemu-x86_64' },
  arm: { bits: 32, endian: 'little', elf: 40, macho: 12, pe: 0x1c4, debian: 'armhf', linuxTriple: 'arm-linux-gnueabihf', cpu: 'arm', qemu: 'qemu-arm' },
  arm64: { bits: 64, endian: 'little', elf: 183, macho: 0x0100000c, pe: 0xaa64, debian: 'arm64', linuxTriple: 'aarch64-linux-gnu', cpu: 'aarch64', qemu: 'qemu-aarch64' },
  loong64: { bits: 64, endian: 'little', elf: 258, macho: null, pe: null, debian: 'loong64', linuxTriple: 'loongarch64-linux-gnu', cpu: 'loongarch64', qemu: 'qemu-loongarch64' },
  mips: { bits: 32, endian: 'big', elf: 8, macho: null, pe: null, debian: 'mips', linuxTriple: 'mips-linux-gnu', cpu: 'mips', qemu: 'qemu-mips' },
  mipsle: { bits: 32, endian: 'little', elf: 8, macho: null, pe: null, debian: 'mipsel', linuxTriple: 'mipsel-linux-gnu', cpu: 'mipsel', qemu: 'qemu-mipsel' },
  mips64: { bits: 64, endian: 'big', elf: 8, macho: null, pe: null, debian: 'mips64', linuxTriple: 'mips64-linux-gnuabi64', cpu: 'mips64', qemu: 'qemu-mips64' },
  mips64le: { bits: 64, endian: 'little', elf: 8, macho: null, pe: null, debian: 'mips64el', linuxTriple: 'mips64el-linux-gnuabi64', cpu: 'mips64el', qemu: 'qemu-mips64el' },
  ppc64: { bits: 64, endian: 'big', elf: 21, macho: 0x01000012, pe: null, debian: 'ppc64', linuxTriple: 'powerpc64-linux-gnu', cpu: 'powerpc64', qemu: 'qemu-ppc64' },
  ppc64le: { bits: 64, endian: 'little', elf: 21, macho: null, pe: null, debian: 'ppc64el', linuxTriple: 'powerpc64le-linux-gnu', cpu: 'powerpc64le', qemu: 'qemu-ppc64le' },
  riscv64: { bits: 64, endian: 'little', elf: 243, macho: null, pe: null, debian: 'riscv64', linuxTriple: 'riscv64-linux-gnu', cpu: 'riscv64', qemu: 'qemu-riscv64' },
  s390x: { bits: 64, endian: 'big', elf: 22, macho: null, pe: null, debian: 's390x', linuxTriple: 's390x-linux-gnu', cpu: 's390x', qemu: 'qemu-s390x' },
  // wasm is a 32-bit address space in Go's js/wasm and wasip1/wasm ports.
  wasm: { bits: 32, endian: 'little', elf: null, macho: null, pe: null, debian: null, linuxTriple: null, cpu: 'wasm32', qemu: null },
};

export interface VariantRule {
  valid: readonly string[];
  /** What Go builds when no variant is given; the target's facts follow it. */
  implied: string;
  /** A variant that names the default and so normalises away (linux/amd64/v1 → linux/amd64). */
  dropped: string | null;
}

/** Valid variants per GOARCH; other architectures take none. */
export const VARIANTS: Readonly<Record<string, VariantRule>> = {
  // GOARM. A toolchain's default is fixed when the toolchain is built: cmd/dist's xgetgoarm
  // picks 7 on a non-arm build host since Go 1.21 (5 before; golang/go#62164), the official
  // linux-armv6l SDK is built with GOARM=6, and a toolchain built on an ARM board detects its
  // CPU. So plain linux/arm means "Go's default", which is 7 for every Go 1.21+ cross-compile
  // from the SDKs gocross installs; its facts (linux-armv7l, armhf, arm-linux-gnueabihf) are
  // v7's, and they hold for an older Go's GOARM=5 output too, which runs on ARMv7 armhf.
  // No variant is dropped: linux/arm/v7 is Docker's spelling and pins GOARM=7 explicitly.
  arm: { valid: ['v5', 'v6', 'v7'], implied: 'v7', dropped: null },
  // GOAMD64: v1 is Go's default and Docker's (containerd normalises amd64/v1 to amd64), so
  // linux/amd64/v1 is linux/amd64: one canonical name per build.
  amd64: { valid: ['v1', 'v2', 'v3', 'v4'], implied: 'v1', dropped: 'v1' },
  // Docker's linux/arm64/v8 is plain arm64 (containerd drops v8 too). Go's GOARM64 levels
  // (v8.0…v9.5, Go 1.23+) are not variants here.
  arm64: { valid: ['v8'], implied: 'v8', dropped: 'v8' },
};
