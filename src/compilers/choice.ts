/**
 * The C compiler of a cgo build for a target (pure): `--cc` for it, else nothing for a native
 * target (go's default cc), else the first cross compiler found (conda's, then Debian's), else why
 * there is none and what installs one. build and init both ask here.
 */
import { debianPackageTriple, isForeign, type TargetInfo } from '../targets/index.js';
import type { CrossCompiler } from './found.js';

export interface Compiler {
  cc: string;
  cxx: string | null;
  /** The target's libc, for `qemu -L` when smoke-running a cgo output. */
  sysroot: string | null;
  from: 'flag' | 'conda' | 'debian';
}

/** Why a cgo build cannot start, and how to get what it lacks. */
export interface Blocked {
  message: string;
  hint: string;
}

export interface CompilerFacts {
  host: TargetInfo;
  /** `--cc T=CC`, by canonical target. */
  flags: ReadonlyMap<string, string>;
  /** Cross compilers found for this target (conda's first). */
  found: readonly CrossCompiler[];
}

/** The C compiler of a cgo build, or why there is none. A native build uses go's default cc. */
export function chooseCompiler(target: TargetInfo, facts: CompilerFacts): { compiler: Compiler | null; blocked: Blocked | null } {
  const sysroot = facts.found[0]?.sysroot ?? null;
  const flagged = facts.flags.get(target.target);
  if (flagged) return { compiler: { cc: flagged, cxx: null, sysroot, from: 'flag' }, blocked: null };
  if (!isForeign(target, facts.host)) return { compiler: null, blocked: null };
  const first = facts.found[0];
  if (first) return { compiler: { cc: first.cc, cxx: first.cxx, sysroot: first.sysroot, from: first.kind }, blocked: null };
  const names = [target.triple && `${target.triple}-gcc`, target.condaTriple && `conda's ${target.condaTriple}-cc`].filter(Boolean).join(' or ');
  const commands = installCommands(target);
  return {
    compiler: null,
    blocked: {
      message: `cgo for ${target.target} needs a C cross compiler${names ? ` (${names})` : ''}, and none was found.`,
      hint: `${commands.length > 0 ? `install one: ${commands.join(', or ')}; ` : ''}or pass --cc ${target.target}=CC, or build it with --no-cgo`,
    },
  };
}


/** The commands that install a cross compiler for `target`, for error messages. */
export function installCommands(target: TargetInfo): string[] {
  const debian = target.triple ? debianPackageTriple(target.triple) : null;
  return [
    ...(target.conda ? [`conda install -c conda-forge gcc_${target.conda} gxx_${target.conda}`] : []),
    ...(debian && target.debian ? [`apt-get install gcc-${debian} g++-${debian} libc6-dev-${target.debian}-cross`] : []),
  ];
}
