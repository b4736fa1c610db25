/**
 * What the env's hooks do, as data. gocross writes two pairs of hooks per shell:
 *
 * - `activate-a00-gocross` runs before every package's activate script (conda runs them sorted
 *   A→Z) and saves the shell's Go variables; `deactivate-a00-gocross` runs after every package's
 *   deactivate script (Z→A) and puts them all back, so a package that sets GOOS or GOFLAGS and
 *   never restores them (conda-forge's go-nocgo/go-cgo) leaves nothing behind.
 * - `activate-z90-gocross` runs after the packages' scripts (conda-forge's are `…-z61-…`) and
 *   sets what the env's target needs; `deactivate-z90-gocross` runs first on deactivation and takes
 *   its PATH entries out.
 *
 * `gocross env` renders the same target variables (`targetVariables`), so both always agree.
 */
import { join } from 'node:path';
import { type GoflagsRule, goflagsRule } from '../targets/goflags.js';
import { targetGoVariables, type TargetInfo } from '../targets/index.js';

export interface EnvSettings {
  goroot: string;
  target: TargetInfo;
  /** The target is not the host's: a wrapper runs its programs, and `go install` needs GOBIN unset. */
  foreign: boolean;
  cgo: boolean;
  /** C and C++ compilers for cgo, when the target needs a cross compiler. */
  cc?: string;
  cxx?: string;
  modcache: 'shared' | 'env';
  /** GOCROSS_HOME, where the shared module cache lives. */
  home: string;
  /** `init --goflags`: GOFLAGS exactly this, whatever else set it. */
  goflags?: string | null;
}

/** Every variable the early hook saves and restores: all that any Go or C toolchain hook sets. */
export const SAVED_VARS = [
  'GOROOT',
  'GOPATH',
  'GOBIN',
  'GOMODCACHE',
  'GOTOOLCHAIN',
  'GOOS',
  'GOARCH',
  'GOARM',
  'GOAMD64',
  'CGO_ENABLED',
  'GOFLAGS',
  'CC',
  'CXX',
  'CGO_CFLAGS',
  'CGO_LDFLAGS',
] as const;

export interface HookPlan {
  /** Saved by the early hook at activation, restored by it at deactivation. */
  saved: readonly string[];
  /** Set by the late hook, in order. */
  set: { name: string; value: string }[];
  /** Unset by the late hook. */
  clear: string[];
  goflags: GoflagsRule;
  /** Entries to put first on PATH, in the order they end up (the first one first). */
  path: string[];
}

/** Where gocross keeps an env's own files: settings, the exec wrapper, the PATH entries. */
export const envGocrossDir = (prefix: string): string => join(prefix, 'etc', 'gocross');
export const execWrapperDir = (prefix: string): string => join(envGocrossDir(prefix), 'bin');
export const execWrapperName = (target: Pick<TargetInfo, 'goos' | 'goarch'>): string => `go_${target.goos}_${target.goarch}_exec`;
/**
 * The PATH entries an env's hooks add, one a line. When conda switches from this env to another,
 * it runs this env's deactivate hooks and then exports a PATH it computed before they ran, so the
 * entries come back; the next env's hook reads this file to take them out again.
 */
export const pathEntriesFile = (prefix: string): string => join(envGocrossDir(prefix), 'path-entries');

/**
 * The variables a target decides, as `gocross env` prints them and the hooks set them; null
 * means "unset it".
 */
export function targetVariables(target: TargetInfo, cgo: boolean, goroot: string | undefined): Record<string, string | null> {
  return { ...(goroot ? { GOROOT: goroot } : {}), ...targetGoVariables(target, cgo) };
}

export function planHooks(settings: EnvSettings, prefix: string): HookPlan {
  const gopath = join(prefix, 'share', 'gocross', 'gopath');
  const { target } = settings;
  const variables: Record<string, string | null> = {
    ...targetVariables(target, settings.cgo, settings.goroot),
    // `go install` refuses cross-compiled binaries when GOBIN is set; without it they go to
    // $GOPATH/bin/<goos>_<goarch> (go help install).
    GOBIN: settings.foreign ? null : join(prefix, 'bin'),
    GOPATH: gopath,
    GOMODCACHE: settings.modcache === 'shared' ? join(settings.home, 'mod') : join(gopath, 'pkg', 'mod'),
    ...(settings.cgo && settings.cc ? { CC: settings.cc } : {}),
    ...(settings.cgo && settings.cxx ? { CXX: settings.cxx } : {}),
  };
  const order = ['GOROOT', 'GOBIN', 'GOPATH', 'GOMODCACHE', 'GOTOOLCHAIN', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'CGO_ENABLED', 'CC', 'CXX'];
  const names = order.filter((name) => name in variables);
  return {
    saved: SAVED_VARS,
    set: names.filter((name) => variables[name] !== null).map((name) => ({ name, value: variables[name] as string })),
    clear: names.filter((name) => variables[name] === null),
    // A per-env cache must be removable with the env: module files are read-only without this.
    goflags: goflagsRule(target, settings.cgo, { explicit: settings.goflags, add: settings.modcache === 'env' ? ['-modcacherw'] : [] }),
    path: [join(settings.goroot, 'bin'), ...(settings.foreign && target.qemu ? [execWrapperDir(prefix)] : [])],
  };
}
