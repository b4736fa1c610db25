/**
 * What the env's hooks do, as data: the variables they set (in order), the ones they clear, and
 * the PATH entries they add. The same plan renders every shell and `gocross env`.
 */
import { join } from 'node:path';
import type { TargetInfo } from '../targets/index.js';

export interface EnvSettings {
  goroot: string;
  target: TargetInfo;
  cgo: boolean;
  /** C and C++ compilers for cgo, when the target needs a cross compiler. */
  cc?: string;
  cxx?: string;
  modcache: 'shared' | 'env';
  /** GOCROSS_HOME, where the shared module cache lives. */
  home: string;
}

export interface HookPlan {
  set: { name: string; value: string }[];
  clear: string[];
  /** Entries to put first on PATH, in the order they end up (the first one first). */
  path: string[];
}

/** Where gocross keeps an env's own files: settings and the exec wrapper. */
export const envGocrossDir = (prefix: string): string => join(prefix, 'etc', 'gocross');
export const execWrapperDir = (prefix: string): string => join(envGocrossDir(prefix), 'bin');
export const execWrapperName = (target: Pick<TargetInfo, 'goos' | 'goarch'>): string => `go_${target.goos}_${target.goarch}_exec`;

export function planHooks(settings: EnvSettings, prefix: string, foreign: boolean): HookPlan {
  const gopath = join(prefix, 'share', 'gocross', 'gopath');
  const { target } = settings;
  const set: HookPlan['set'] = [
    { name: 'GOROOT', value: settings.goroot },
    { name: 'GOBIN', value: join(prefix, 'bin') },
    { name: 'GOPATH', value: gopath },
    { name: 'GOMODCACHE', value: settings.modcache === 'shared' ? join(settings.home, 'mod') : join(gopath, 'pkg', 'mod') },
    // A per-env cache must be removable with the env: module files are read-only without this.
    ...(settings.modcache === 'env' ? [{ name: 'GOFLAGS', value: '-modcacherw' }] : []),
    // A go.mod toolchain line must not fetch a Go from outside the env unnoticed.
    { name: 'GOTOOLCHAIN', value: 'local' },
    { name: 'GOOS', value: target.goos },
    { name: 'GOARCH', value: target.goarch },
    ...(target.goarm ? [{ name: 'GOARM', value: target.goarm }] : []),
    ...(target.goamd64 ? [{ name: 'GOAMD64', value: target.goamd64 }] : []),
    { name: 'CGO_ENABLED', value: settings.cgo ? '1' : '0' },
    ...(settings.cgo && settings.cc ? [{ name: 'CC', value: settings.cc }] : []),
    ...(settings.cgo && settings.cxx ? [{ name: 'CXX', value: settings.cxx }] : []),
  ];
  // A GOARM or GOAMD64 left by another hook would change what a build for this target means.
  const clear = ['GOARM', 'GOAMD64'].filter((name) => !set.some((s) => s.name === name));
  return { set, clear, path: [join(settings.goroot, 'bin'), ...(foreign ? [execWrapperDir(prefix)] : [])] };
}
