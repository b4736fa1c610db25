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
const MACHO_ARCHES: Readonly<Record<number, string>> = { 7: '386', 0x01000007: 'amd64', 12: 'arm', 0x0100000c: 'arm64', 18: 'ppc', 0x01000012: 'ppc64' };

/** PE/COFF Machine: ARM, Thumb and ARMv7 Thumb-2 (ARMNT, what Go's windows/arm produces) are all arm. */
const PE_ARCHES: Readonly<Record<number, string>> = { 0x14c: '386', 0x8664: 'amd64', 0x1c0: 'arm', 0x1c2: 'arm', 0x1c4: 'arm', 0xaa64: 'arm64', 0x5032: 'riscv', 0x5064: 'riscv64', 0x6264: 'loong64' };

export const machoArch = (cputype: number): string => MACHO_ARCHES[cputype] ?? 'unknown';

export const peArch = (machine: number): string => PE_ARCHES[machine] ?? 'unknown';
