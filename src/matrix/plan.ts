/**
 * The build matrix as data (pure): for every main package and target, the output name, the
 * environment, the `go build` arguments, the C compiler for cgo and what verify expects.
 */
import { join } from 'node:path';
import { type Blocked, chooseCompiler, type Compiler, type CompilerFacts } from '../compilers/choice.js';
import { usageError } from '../errors.js';
import { applyGoflagsRule, buildsStatic, goflagsRule } from '../targets/goflags.js';
import { targetGoVariables, type TargetInfo } from '../targets/index.js';
import type { Expectations } from '../verify/expect.js';

// The compiler choice is build's and init's alike; its home is conda/compiler-choice.ts.
export { chooseCompiler, type Compiler, type CompilerFacts };

export interface MainPackage {
  /** What `go build` is given: `.`, `./cmd/alpha`, or an import path. */
  pattern: string;
  /** The base of its outputs' names. */
  name: string;
}

export interface BuildJob {
  target: TargetInfo;
  pkg: MainPackage;
  fileName: string;
  output: string;
  /** Set on top of the caller's environment; undefined unsets. */
  env: Record<string, string | undefined>;
  /** `go build` arguments up to (not including) `-o`. */
  flags: string[];
  cgo: boolean;
  compiler: Compiler | null;
  /** Known before building: the job cannot succeed (cgo without a cross compiler). */
  blocked: Blocked | null;
  expect: Expectations;
}

/** `NAME_GOOS_GOARCH[_VARIANT][.exe]` */
export const outputName = (name: string, target: Pick<TargetInfo, 'goos' | 'goarch' | 'variant'>): string =>
  `${name}_${target.goos}_${target.goarch}${target.variant ? `_${target.variant}` : ''}${target.goos === 'windows' ? '.exe' : ''}`;

/** A -X value quoted for Go's flag splitting when it holds spaces or quotes. */
const quoteForLdflags = (text: string): string => {
  if (!/[\s'"]/.test(text)) return text;
  return text.includes("'") ? `"${text.replace(/(["\\])/g, '\\$1')}"` : `'${text}'`;
};

export interface FlagOptions {
  ldflags: string;
  version?: string;
  tags?: string;
  /** A VCS checkout holds the module: stamp its revision (Go needs the VCS tool for that). */
  vcs: boolean;
}

/** `-trimpath` and a fixed -buildvcs make the outputs depend on the inputs only, not on paths. */
export function goBuildFlags(options: FlagOptions): string[] {
  const ldflags = [options.ldflags.trim(), ...(options.version ? [`-X ${quoteForLdflags(`main.version=${options.version}`)}`] : [])]
    .filter(Boolean)
    .join(' ');
  return [
    'build',
    '-trimpath',
    `-buildvcs=${options.vcs}`,
    ...(ldflags ? ['-ldflags', ldflags] : []),
    ...(options.tags ? ['-tags', options.tags] : []),
  ];
}

/**
 * GOFLAGS as `go build` sees it in the env: what the environment has (an activated env's hooks
 * already filtered it) or the env's `init --goflags`, less what breaks the target — the same rule
 * the hooks apply, so `gocross build` and `go build` in the env build alike.
 */
export interface GoflagsInput {
  /** GOFLAGS in the environment gocross runs in. */
  current: string | undefined;
  /** The env's `init --goflags`, if any. */
  explicit: string | null;
}

/** The variables of one target's build; everything else a build reads is unset or fixed. */
export function targetEnv(target: TargetInfo, goroot: string, cgo: boolean, compiler: Compiler | null, goflags: GoflagsInput = { current: undefined, explicit: null }): Record<string, string | undefined> {
  // The same variables as the env's hooks set (an unset one undefined, so none leaks in).
  const { GOTOOLCHAIN, ...variables } = targetGoVariables(target, cgo);
  return {
    GOROOT: goroot,
    ...Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, value ?? undefined])),
    CC: compiler?.cc,
    CXX: compiler?.cxx ?? undefined,
    GOTOOLCHAIN: GOTOOLCHAIN ?? undefined,
    GOFLAGS: applyGoflagsRule(goflagsRule(target, cgo, { explicit: goflags.explicit }), goflags.current).value,
  };
}

/** What verify checks on an output: the target, and static linkage when cgo is off on ELF. */
export function expectationsFor(target: TargetInfo, cgo: boolean): Expectations {
  return {
    goos: target.goos,
    goarch: target.goarch,
    ...(target.goarm ? { goarm: target.goarm } : {}),
    ...(target.goamd64 ? { goamd64: target.goamd64 } : {}),
    // Mach-O and PE Go binaries always import the system's libraries; Android links dynamically.
    ...(buildsStatic(target, cgo) ? { linkage: 'static' as const } : {}),
    cgo,
  };
}

export interface MatrixInput {
  packages: readonly MainPackage[];
  targets: readonly TargetInfo[];
  outDir: string;
  goroot: string;
  cgo: boolean;
  flags: FlagOptions;
  goflags?: GoflagsInput;
  compilers: (target: TargetInfo) => CompilerFacts;
}

export function planMatrix(input: MatrixInput): BuildJob[] {
  const flags = goBuildFlags(input.flags);
  const jobs: BuildJob[] = [];
  for (const pkg of input.packages) {
    for (const target of input.targets) {
      const { compiler, blocked } = input.cgo ? chooseCompiler(target, input.compilers(target)) : { compiler: null, blocked: null };
      const fileName = outputName(pkg.name, target);
      jobs.push({
        target,
        pkg,
        fileName,
        output: join(input.outDir, fileName),
        env: targetEnv(target, input.goroot, input.cgo, compiler, input.goflags),
        flags,
        cgo: input.cgo,
        compiler,
        blocked,
        expect: expectationsFor(target, input.cgo),
      });
    }
  }
  return jobs;
}

/** `--cc linux/arm64=aarch64-linux-gnu-gcc`, each target through the target parser. */
export function parseCcFlags(values: readonly string[], parse: (name: string) => TargetInfo): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    const name = at > 0 ? value.slice(0, at) : '';
    const cc = at > 0 ? value.slice(at + 1).trim() : '';
    if (!name || !cc) {
      throw usageError('build.cc', `--cc ${value} is not TARGET=COMPILER.`, { hint: 'e.g. --cc linux/arm64=aarch64-linux-gnu-gcc' });
    }
    map.set(parse(name).target, cc);
  }
  return map;
}
