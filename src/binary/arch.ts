/**
 * Machine numbers → GOARCH names. The machine alone is not enough: word size and byte order pick
 * between mips/mipsle/mips64/mips64le, ppc64/ppc64le, s390/s390x and so on.
 * Combinations Go has no port for get the name go/build's list reserves for them (armbe, arm64be,
 * mips64p32, …) so a mismatch still reads clearly; machines Go never heard of are `unknown`.
 */

export const EM = {
  SPARC: 2,
  I386: 3,
  MIPS: 8,
  PPC: 20,
  PPC64: 21,
  S390: 22,
  ARM: 40,
  SPARCV9: 43,
  X86_64: 62,
  AARCH64: 183,
  RISCV: 243,
  LOONGARCH: 258,
} as const;

export function elfArch(machine: number, bits: 32 | 64, little: boolean): string {
  const le = (big: string, small: string): string => (little ? small : big);
  switch (machine) {
    case EM.I386:
      return '386';
    case EM.X86_64:
      return bits === 64 ? 'amd64' : 'amd64p32';
    case EM.ARM:
      return le('armbe', 'arm');
    case EM.AARCH64:
      return bits === 64 ? le('arm64be', 'arm64') : 'unknown';
    case EM.MIPS:
      return bits === 64 ? le('mips64', 'mips64le') : le('mips', 'mipsle');
    case EM.PPC:
      return 'ppc';
    case EM.PPC64:
      return le('ppc64', 'ppc64le');
    case EM.S390:
      return bits === 64 ? 's390x' : 's390';
    case EM.RISCV:
      return bits === 64 ? 'riscv64' : 'riscv';
    case EM.LOONGARCH:
      return bits === 64 ? 'loong64' : 'unknown';
    case EM.SPARC:
      return 'sparc';
    case EM.SPARCV9:
      return 'sparc64';
    default:
      return 'unknown';
  }
}

/** Mach-O cputype; the 0x01000000 bit is CPU_ARCH_ABI64 (0x02000000 is the ILP32 arm64_32). */
export function machoArch(cputype: number): string {
  switch (cputype) {
    case 7:
      return '386';
    case 0x01000007:
      return 'amd64';
    case 12:
      return 'arm';
    case 0x0100000c:
      return 'arm64';
    case 18:
      return 'ppc';
    case 0x01000012:
      return 'ppc64';
    default:
      return 'unknown';
  }
}

/** PE/COFF Machine. */
export function peArch(machine: number): string {
  switch (machine) {
    case 0x14c:
      return '386';
    case 0x8664:
      return 'amd64';
    case 0x1c0: // ARM
    case 0x1c2: // Thumb
    case 0x1c4: // ARMv7 Thumb-2 (ARMNT), what Go's windows/arm produces
      return 'arm';
    case 0xaa64:
      return 'arm64';
    case 0x5032:
      return 'riscv';
    case 0x5064:
      return 'riscv64';
    case 0x6264:
      return 'loong64';
    default:
      return 'unknown';
  }
}
