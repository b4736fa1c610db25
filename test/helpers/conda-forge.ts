/**
 * Fixture envs in the shapes conda-forge's Go packages have today: the `go` package
 * in `$PREFIX/go` with `$PREFIX/bin/go` links and `env_vars.d/go.json`, and the compiler package
 * `go-nocgo_<subdir>`/`go-cgo_<subdir>` whose `activate-z61-<pkg>.sh` exports CGO_ENABLED, GOOS,
 * GOARCH, CONDA_GO_COMPILER and GOFLAGS, and whose deactivate script only unsets
 * CONDA_GO_COMPILER. (A unix package ships .sh hooks only, a win-* one .bat hooks that set
 * CONDA_GO_COMPILER and GOFLAGS: fish, csh and nushell run none of them.)
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { condaPrefix } from '../doctor/fixtures.js';

export interface CondaForgeGo {
  /** A real GOROOT that stands in for the package's `$PREFIX/go`. */
  goroot: string;
  subdir?: string;
  goos?: string;
  goarch?: string;
  cgo?: boolean;
  goflags?: string;
  version?: string;
}

export function condaForgeGoEnv(dir: string, go: CondaForgeGo): string {
  const subdir = go.subdir ?? 'linux-64';
  const pkg = `go-${go.cgo ? 'cgo' : 'nocgo'}_${subdir}`;
  const version = go.version ?? '1.26.0';
  const goflags = go.goflags ?? '-modcacherw -buildmode=pie -trimpath';
  // A win-* package ships .bat hooks (CONDA_GO_COMPILER and GOFLAGS only), the others .sh hooks.
  const windows = subdir.startsWith('win-');
  const prefix = condaPrefix(dir, {
    packages: [
      { name: 'go', version, build: 'h1a2b3c4_0' },
      { name: pkg, version, build: 'h0_0' },
      { name: '_go_select', version: '2.2.0', build: go.cgo ? 'cgo' : 'nocgo' },
    ],
    envVarsD: { 'go.json': { GOTOOLCHAIN: 'local' } },
    activate: windows ? {
      [`activate-z61-${pkg}.bat`]: ['@echo off', 'set "CONDA_GO_COMPILER=1"', `set "GOFLAGS=${goflags}"`, ''].join('\r\n'),
    } : {
      [`activate-z61-${pkg}.sh`]: [
        `export CGO_ENABLED=${go.cgo ? 1 : 0}`,
        `export GOOS=${go.goos ?? 'linux'}`,
        `export GOARCH=${go.goarch ?? 'amd64'}`,
        'export CONDA_GO_COMPILER=1',
        `export GOFLAGS="${goflags}"`,
        '',
      ].join('\n'),
    },
    deactivate: windows
      ? { [`deactivate-z61-${pkg}.bat`]: ['@echo off', 'set "CONDA_GO_COMPILER="', ''].join('\r\n') }
      : { [`deactivate-z61-${pkg}.sh`]: 'unset CONDA_GO_COMPILER' },
  });
  // go finds its root from its own path; the links in bin/ point into $PREFIX/go.
  symlinkSync(go.goroot, join(prefix, 'go'));
  for (const tool of ['go', 'gofmt']) symlinkSync(join('..', 'go', 'bin', tool), join(prefix, 'bin', tool));
  mkdirSync(join(prefix, 'etc', 'conda', 'activate.d'), { recursive: true });
  writeFileSync(join(prefix, 'conda-meta', 'state'), JSON.stringify({ env_vars: {} }));
  return prefix;
}
