/** Everything gocross knows about one target, derived from the arch and OS tables. */
import { ARCHES, VARIANTS } from './arch-table.js';
import { type BinaryFormat, CONDA_SUBDIRS, CONDA_TRIPLES, formatOf, TRIPLE_SUFFIX } from './os-table.js';

export interface TargetInfo {
  /** Canonical `GOOS/GOARCH[/VARIANT]`. */
  target: string;
  goos: string;
  goarch: string;
  variant: string | null;
  /** GOARM to set (5, 6, 7) when the variant pins it; null leaves Go's default (see VARIANTS). */
  goarm: string | null;
  /** GOAMD64 to set (v2, v3, v4) when the variant pins it; null is Go's default, v1. */
  goamd64: string | null;
  /** conda subdir (linux-aarch64, osx-arm64, win-64…), null where conda has none. */
  conda: string | null;
  /** Debian architecture (arm64, armhf, ppc64el…) for Linux targets. */
  debian: string | null;
  /** GNU triple of a Debian/MinGW/Apple cross compiler (`<triple>-gcc`). */
  triple: string | null;
  /** conda-forge cross compiler prefix (`<condaTriple>-cc`). */
  condaTriple: string | null;
  bits: 32 | 64;
  endian: 'little' | 'big';
  format: BinaryFormat;
  /** ELF e_machine, Mach-O cputype or PE machine, for the target's format. */
  machine: number | null;
  /** qemu-user binary that runs the target's Linux binaries. */
  qemu: string | null;
}

export function targetInfo(goos: string, goarch: string, variant: string | null): TargetInfo {
  const arch = ARCHES[goarch];
  if (!arch) throw new Error(`no facts for GOARCH ${goarch}`);
  const effective = variant ?? VARIANTS[goarch]?.implied ?? null;
  const base = `${goos}/${goarch}`;
  const format = formatOf(goos);
  const armel = goarch === 'arm' && (effective === 'v5' || effective === 'v6');
  let triple: string | null = null;
  if (goos === 'linux') triple = armel ? 'arm-linux-gnueabi' : arch.linuxTriple;
  else if (TRIPLE_SUFFIX[goos]) triple = `${arch.cpu}-${TRIPLE_SUFFIX[goos]}`;
  return {
    target: variant ? `${base}/${variant}` : base,
    goos,
    goarch,
    variant,
    goarm: goarch === 'arm' && variant ? variant.slice(1) : null,
    goamd64: goarch === 'amd64' && variant ? variant : null,
    conda: CONDA_SUBDIRS[goarch === 'arm' ? `${base}/${effective}` : base] ?? null,
    debian: goos === 'linux' ? (armel ? 'armel' : arch.debian) : null,
    triple,
    condaTriple: CONDA_TRIPLES[base] ?? null,
    bits: arch.bits,
    endian: arch.endian,
    format,
    machine: format === 'elf' ? arch.elf : format === 'macho' ? arch.macho : format === 'pe' ? arch.pe : null,
    qemu: goos === 'linux' ? arch.qemu : null,
  };
}

/** Debian's package name for a triple: `_` is not allowed in package names (gcc-x86-64-linux-gnu). */
export const debianPackageTriple = (triple: string): string => triple.replace(/_/g, '-');

/**
 * The variables that make go build for `target`: GOOS, GOARCH and the variant's GOARM/GOAMD64.
 * An unpinned variant is undefined (unset), so a value left in the environment cannot leak in.
 */
export function goTargetEnv(target: TargetInfo): Record<'GOOS' | 'GOARCH' | 'GOARM' | 'GOAMD64', string | undefined> {
  return { GOOS: target.goos, GOARCH: target.goarch, GOARM: target.goarm ?? undefined, GOAMD64: target.goamd64 ?? undefined };
}

/**
 * Every variable a target decides for go, as the env's hooks set them, `gocross env` prints them
 * and `gocross build` runs go with them; null means "unset it".
 */
export function targetGoVariables(target: TargetInfo, cgo: boolean): Record<'GOOS' | 'GOARCH' | 'GOARM' | 'GOAMD64' | 'CGO_ENABLED' | 'GOTOOLCHAIN', string | null> {
  const { GOARM, GOAMD64 } = goTargetEnv(target);
  return {
    GOOS: target.goos,
    GOARCH: target.goarch,
    GOARM: GOARM ?? null,
    GOAMD64: GOAMD64 ?? null,
    CGO_ENABLED: cgo ? '1' : '0',
    // A go.mod toolchain line must not fetch or switch to a Go from elsewhere unnoticed.
    GOTOOLCHAIN: 'local',
  };
}
