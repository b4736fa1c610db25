/** What an inspection reports. Field names follow the `verify --json` contract (cli/json.ts). */

export type BinaryFormat = 'elf' | 'macho' | 'pe';

/**
 * `pie`: a position-independent executable (ELF ET_DYN with DF_1_PIE or PT_INTERP; Mach-O
 * MH_EXECUTE with MH_PIE; PE with DYNAMIC_BASE). `shared`: a library (ELF ET_DYN otherwise,
 * Mach-O dylib, PE DLL). `relocatable`: an object file. `bundle`: a Mach-O bundle.
 */
export type BinaryType = 'exec' | 'pie' | 'shared' | 'relocatable' | 'core' | 'bundle' | 'unknown';

/** Like `file` says it: no PT_DYNAMIC → static; DF_1_PIE without imports → static-pie. */
export type Linkage = 'static' | 'static-pie' | 'dynamic';

/** A module line of Go build info (`mod`, `dep`, and a following `=>`). */
export interface GoModule {
  path: string;
  /** As recorded; the main module of a local build is `(devel)`. */
  version: string;
  /** The go.sum hash, or null when the line has none. */
  sum: string | null;
  /** The `=>` replacement, or null. */
  replace: GoModule | null;
}

export interface GoInfo {
  /** e.g. `go1.19.8`; null for a Go binary that carries no build info. */
  version: string | null;
  /** The main package path (`path` line), or null. */
  path: string | null;
  /** The main module (`mod` line), or null. */
  main: GoModule | null;
  /** Dependencies (`dep` lines), in recorded order. */
  deps: GoModule[];
  /** `build` lines as key → value, unquoted, in recorded order (e.g. GOOS, GOARCH, GOARM, CGO_ENABLED, -trimpath). */
  settings: Record<string, string>;
}

export interface BinaryInfo {
  format: BinaryFormat;
  /** A GOOS name: linux, freebsd, netbsd, openbsd, dragonfly, solaris, android, hurd, darwin, ios, windows. */
  os: string;
  /**
   * A GOARCH name (amd64, arm64, arm, 386, ppc64, ppc64le, s390x, riscv64, mips, mipsle, mips64,
   * mips64le, loong64, …); `universal` for a fat Mach-O (see `slices`); `unknown` for a machine
   * with no GOARCH name (the raw number is in `machine`).
   */
  arch: string;
  /** The raw machine number: ELF e_machine, Mach-O cputype, PE Machine. */
  machine: number;
  bits: 32 | 64;
  endian: 'little' | 'big';
  type: BinaryType;
  linkage: Linkage;
  /** ELF PT_INTERP or Mach-O LC_LOAD_DYLINKER; null when there is none. */
  interpreter: string | null;
  /** ELF DT_NEEDED, Mach-O LC_LOAD_*DYLIB, PE import DLL names, in file order. */
  needed: string[];
  /** The highest GLIBC_x.y version the ELF needs (from its version-needs table), as `x.y`; null if none. */
  glibc: string | null;
  /** ELF: no .symtab; Mach-O: no LC_SYMTAB symbols; PE: no COFF symbol table. */
  stripped: boolean;
  /** DWARF present (.debug_info/.zdebug_info, __DWARF segment, or PE .debug_* sections). */
  debugInfo: boolean;
  /** ELF ARM only: e_flags EABI version and float ABI (Go's linker records no float ABI → null). */
  arm: { eabi: number; float: 'hard' | 'soft' | null } | null;
  /** ELF arm64 only: GNU property note GNU_PROPERTY_AARCH64_FEATURE_1_AND bits. */
  aarch64: { bti: boolean; pac: boolean } | null;
  /** null only when the file is not a Go binary. */
  go: GoInfo | null;
  /** Fat Mach-O: one full inspection per architecture, in file order; otherwise null. */
  slices: BinaryInfo[] | null;
}
