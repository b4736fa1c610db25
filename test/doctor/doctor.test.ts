import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gocross } from '../helpers/cli.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';
import { testGoroot } from '../helpers/tools.js';
import { condaPrefix, goTree, type PrefixOptions } from './fixtures.js';

const GOROOT = testGoroot();
const REAL_GO = GOROOT ? join(GOROOT, 'bin', 'go') : '';

interface Finding {
  id: string;
  severity: string;
  title: string;
  detail: string;
  fix: string;
  evidence: string[];
}
interface Report {
  findings: Finding[];
  inspected: Record<string, unknown> & { gos: { path: string; version: string | null }[] };
}

describe.skipIf(!GOROOT)('gocross doctor on conda-style prefixes with a real Go', () => {
  const root = tempDir('gocross-doctor-');
  const home = join(root, 'home');
  mkdirSync(home);
  let n = 0;
  const fresh = (name = 'env'): string => join(root, `${name}${++n}`);
  let alt = '';
  let noRuntime = '';
  let noTool = '';
  let oldVersion = '';

  beforeAll(() => {
    alt = goTree(GOROOT ?? '', join(root, 'alt-go'));
    noRuntime = goTree(GOROOT ?? '', join(root, 'no-runtime'), { without: ['src/runtime'] });
    noTool = goTree(GOROOT ?? '', join(root, 'no-tool'), { without: ['pkg/tool'] });
    oldVersion = goTree(GOROOT ?? '', join(root, 'old-version'), { version: 'go1.18.1' });
  });

  const baseEnv = (prefix: string | null, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
    PATH: [...(prefix ? [join(prefix, 'bin')] : []), '/usr/bin', '/bin'].join(':'),
    HOME: home,
    XDG_CONFIG_HOME: join(root, 'xdg'),
    GOCACHE: join(root, 'gocache'),
    CONDA_PREFIX: undefined,
    CONDA_DEFAULT_ENV: undefined,
    CONDA_SHLVL: undefined,
    CONDA_EXE: undefined,
    MAMBA_ROOT_PREFIX: undefined,
    PIXI_PROJECT_ROOT: undefined,
    GOROOT: undefined,
    GOPATH: prefix ? join(prefix, 'gopath') : undefined,
    GOBIN: undefined,
    GOOS: undefined,
    GOARCH: undefined,
    CGO_ENABLED: undefined,
    GOFLAGS: undefined,
    GOTOOLCHAIN: undefined,
    CC: undefined,
    ...extra,
  });

  const doctor = async (args: string[], env: Record<string, string | undefined>, cwd = root): Promise<{ exitCode: number; report: Report; stderr: string }> => {
    const result = await gocross(['--json', 'doctor', ...args], { env, cwd });
    return { exitCode: result.exitCode, report: JSON.parse(result.stdout || '{"findings":[]}') as Report, stderr: result.stderr };
  };
  const ids = (report: Report): string[] => report.findings.map((f) => f.id);
  const envWith = async (options: PrefixOptions, extra: Record<string, string | undefined> = {}, args: string[] = []) => {
    const prefix = condaPrefix(fresh(), { go: REAL_GO, ...options });
    return doctor(['--prefix', prefix, ...args], baseEnv(prefix, extra));
  };

  it('finds nothing wrong in a healthy env and exits 0', async () => {
    const { exitCode, report } = await envWith({});
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(exitCode).toBe(0);
    expect(report.inspected.gos).toEqual([expect.objectContaining({ path: expect.stringContaining('/bin/go'), version: 'go1.19.8' })]);
    expect(report.inspected).toHaveProperty('env.kind', 'conda');
  });

  it('go.not-found: no go on PATH (error, exit 1) — and not when there is one', async () => {
    const prefix = condaPrefix(fresh());
    const missing = await doctor(['--prefix', prefix], baseEnv(prefix));
    expect(missing.exitCode).toBe(1);
    expect(missing.report.findings).toContainEqual(expect.objectContaining({ id: 'go.not-found', severity: 'error' }));
    expect(ids((await envWith({})).report)).not.toContain('go.not-found');
  });

  it('go.multiple-on-path: says which go wins', async () => {
    const prefix = condaPrefix(fresh(), { go: REAL_GO });
    const env = baseEnv(prefix, { PATH: `${join(prefix, 'bin')}:${join(alt, 'bin')}:/usr/bin:/bin` });
    const { report } = await doctor(['--prefix', prefix], env);
    const finding = report.findings.find((f) => f.id === 'go.multiple-on-path');
    expect(finding?.severity).toBe('warning');
    expect(finding?.detail).toContain(`${join(prefix, 'bin', 'go')} (go1.19.8) runs because its directory comes first in PATH`);
    // Two links to one binary are one installation.
    const twice = baseEnv(prefix, { PATH: `${join(prefix, 'bin')}:${join(GOROOT ?? '', 'bin')}:/usr/bin:/bin` });
    expect(ids((await doctor(['--prefix', prefix], twice)).report)).not.toContain('go.multiple-on-path');
  });

  it('goroot.env-mismatch: GOROOT names another installation', async () => {
    const bad = await envWith({}, { GOROOT: alt });
    expect(bad.report.findings).toContainEqual(expect.objectContaining({ id: 'goroot.env-mismatch', severity: 'error' }));
    expect(bad.exitCode).toBe(1);
    expect(ids((await envWith({}, { GOROOT: GOROOT ?? '' })).report)).not.toContain('goroot.env-mismatch');
  });

  it('goroot.incomplete: no src/runtime, or no pkg/tool for this host', async () => {
    const noRt = await envWith({ go: join(noRuntime, 'bin', 'go') });
    expect(noRt.report.findings.find((f) => f.id === 'goroot.incomplete')?.title).toContain('src/runtime');
    const noTl = await envWith({ go: join(noTool, 'bin', 'go') });
    expect(noTl.report.findings.find((f) => f.id === 'goroot.incomplete')?.title).toContain('pkg/tool/linux_amd64');
    expect(ids((await envWith({ go: join(alt, 'bin', 'go') })).report)).not.toContain('goroot.incomplete');
  });

  it('goroot.version-mismatch: $GOROOT/VERSION disagrees with go version', async () => {
    const bad = await envWith({ go: join(oldVersion, 'bin', 'go') });
    const finding = bad.report.findings.find((f) => f.id === 'goroot.version-mismatch');
    expect(finding?.title).toBe('GOROOT holds go1.18.1 but the go that runs is go1.19.8');
    expect(ids((await envWith({})).report)).not.toContain('goroot.version-mismatch');
  });

  it('goroot.profile-export: a profile exports GOROOT or puts a go first on PATH', async () => {
    const profiled = join(root, 'profiled-home');
    mkdirSync(join(profiled, '.config', 'fish'), { recursive: true });
    writeFileSync(join(profiled, '.bashrc'), '# export GOROOT=/commented\nalias ll="ls -l"\nexport GOROOT=/usr/local/go\n');
    writeFileSync(join(profiled, '.zshrc'), 'export PATH=/usr/local/go/bin:$PATH\n');
    writeFileSync(join(profiled, '.config', 'fish', 'config.fish'), 'set -gx GOROOT /opt/go\n');
    const { report } = await envWith({}, { HOME: profiled });
    const finding = report.findings.find((f) => f.id === 'goroot.profile-export');
    expect(finding?.evidence).toEqual([
      `${join(profiled, '.bashrc')}:3: export GOROOT=/usr/local/go`,
      `${join(profiled, '.zshrc')}:1: export PATH=/usr/local/go/bin:$PATH`,
      `${join(profiled, '.config', 'fish', 'config.fish')}:1: set -gx GOROOT /opt/go`,
    ]);
    const clean = join(root, 'clean-home');
    mkdirSync(clean);
    writeFileSync(join(clean, '.bashrc'), '# export GOROOT=/x\nexport PATH=$HOME/bin:$PATH\n');
    expect(ids((await envWith({}, { HOME: clean })).report)).not.toContain('goroot.profile-export');
  });

  it('conda.go-package: conda-forge go and go-nocgo packages, with what they set', async () => {
    const { report } = await envWith({ packages: [{ name: 'go', version: '1.22.5' }, { name: 'go-nocgo_linux-64', version: '1.22.5' }] });
    const found = report.findings.filter((f) => f.id === 'conda.go-package');
    expect(found.map((f) => [f.severity, f.title])).toEqual([
      ['warning', 'conda package go-nocgo_linux-64 1.22.5 is installed in the env'],
      ['info', 'conda package go 1.22.5 is installed in the env'],
    ]);
    expect(found[0]?.detail).toContain('GOOS, GOARCH, CGO_ENABLED and GOFLAGS');
    expect(ids((await envWith({ packages: [{ name: 'gomplate', version: '3.0' }] })).report)).not.toContain('conda.go-package');
  });

  it('activate.foreign-go-vars: names every source and the one that wins by sort order', async () => {
    const { report } = await envWith({
      stateVars: { GOFLAGS: '-mod=vendor' },
      envVarsD: { 'go.json': { GOTOOLCHAIN: 'local' } },
      activate: {
        'activate-z61-go-nocgo_linux-64.sh': 'export GOARCH=arm64\nexport CGO_ENABLED=0\n',
        'activate-z70-other.sh': 'export GOARCH="riscv64"\n',
      },
    });
    const goarch = report.findings.find((f) => f.id === 'activate.foreign-go-vars' && f.title.startsWith('GOARCH'));
    expect(goarch?.severity).toBe('warning');
    expect(goarch?.detail).toMatch(/activate-z70-other\.sh runs last and wins/);
    expect(report.findings.find((f) => f.id === 'activate.foreign-go-vars' && f.title.startsWith('GOFLAGS'))?.detail).toContain('conda-meta/state');
    // GOTOOLCHAIN=local from conda-forge's go.json is what gocross wants too: not a conflict.
    expect(report.findings.some((f) => f.title.startsWith('GOTOOLCHAIN'))).toBe(false);

    const won = await envWith({
      activate: { 'activate-z61-go-nocgo_linux-64.sh': 'export GOARCH=arm64\n', 'activate-z90-gocross.sh': 'export GOARCH=amd64\n' },
      deactivate: { 'deactivate-z61-go.sh': 'unset GOARCH\n' },
    });
    expect(won.report.findings.find((f) => f.id === 'activate.foreign-go-vars')?.severity).toBe('info');
    expect(ids((await envWith({ activate: { 'activate-java.sh': 'export JAVA_HOME=/x\n' } })).report)).not.toContain('activate.foreign-go-vars');
  });

  it('activate.no-restore: a hook sets Go variables and no deactivate script restores them', async () => {
    const bad = await envWith({ activate: { 'activate-z61-go.sh': 'export GOOS=linux\nexport GOARCH=arm64\n' }, deactivate: { 'deactivate-z61-go.sh': 'unset GOOS\n' } });
    expect(bad.report.findings.find((f) => f.id === 'activate.no-restore')?.title).toBe('activate-z61-go.sh sets GOARCH and nothing restores them on deactivate');
    const good = await envWith({ activate: { 'activate-z61-go.sh': 'export GOARCH=arm64\n' }, deactivate: { 'deactivate-z61-go.sh': 'unset GOARCH\n' } });
    expect(ids(good.report)).not.toContain('activate.no-restore');
  });

  it('go.too-old: go.mod needs a newer Go than the one that runs (Go 1.19 cannot switch toolchains)', async () => {
    const project = join(root, 'newer-project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'go.mod'), 'module x\n\ngo 1.22\n');
    const prefix = condaPrefix(fresh(), { go: REAL_GO });
    const bad = await doctor(['--prefix', prefix], baseEnv(prefix), project);
    expect(bad.report.findings).toContainEqual(expect.objectContaining({ id: 'go.too-old', severity: 'error' }));
    const older = join(root, 'older-project');
    mkdirSync(older, { recursive: true });
    writeFileSync(join(older, 'go.mod'), 'module x\n\ngo 1.18\n');
    expect(ids((await doctor(['--prefix', prefix], baseEnv(prefix), older)).report)).not.toContain('go.too-old');
  });

  it('goarch.env-wide: GOOS/GOARCH set for the whole shell to a foreign target', async () => {
    const bad = await envWith({}, { GOARCH: 'arm64' });
    expect(bad.report.findings.find((f) => f.id === 'goarch.env-wide')?.title).toBe('GOOS/GOARCH are set for the whole shell to linux/arm64');
    expect(ids((await envWith({}, { GOARCH: 'amd64', GOOS: 'linux' })).report)).not.toContain('goarch.env-wide');
  });

  it('gopath.shared: GOPATH outside the env', async () => {
    const shared = await envWith({}, { GOPATH: undefined });
    expect(shared.report.findings.find((f) => f.id === 'gopath.shared')?.detail).toContain(join(home, 'go'));
    expect(ids((await envWith({})).report)).not.toContain('gopath.shared');
  });

  it('cgo.no-cross-cc: cgo for a foreign target without a cross compiler', async () => {
    const bad = await envWith({}, { CGO_ENABLED: '1', GOARCH: 'riscv64' });
    const finding = bad.report.findings.find((f) => f.id === 'cgo.no-cross-cc');
    expect(finding?.fix).toContain('apt-get install gcc-riscv64-linux-gnu g++-riscv64-linux-gnu libc6-dev-riscv64-cross');
    expect(bad.exitCode).toBe(1);
    // Debian's aarch64 cross gcc is installed, and a conda cross compiler in the env counts too.
    expect(ids((await envWith({}, { CGO_ENABLED: '1', GOARCH: 'arm64' })).report)).not.toContain('cgo.no-cross-cc');
    const condaCc = await envWith({ binaries: ['powerpc64le-conda-linux-gnu-cc'] }, { CGO_ENABLED: '1' }, ['--target', 'linux/ppc64le']);
    expect(ids(condaCc.report)).not.toContain('cgo.no-cross-cc');
  });

  it('gocross.hooks-stale: the hooks point at an SDK that is gone', async () => {
    const stale = await envWith({ gocrossGoroot: join(root, 'deleted-sdk') });
    expect(stale.report.findings).toContainEqual(expect.objectContaining({ id: 'gocross.hooks-stale', severity: 'error' }));
    // Settings with a good SDK but no hooks: activation does not do what init set.
    const noHooks = await envWith({ gocrossGoroot: GOROOT ?? '' });
    expect(noHooks.report.findings.find((f) => f.id === 'gocross.hooks-stale')?.title).toBe('some of the env’s gocross hooks are missing');
    const prefix = condaPrefix(fresh(), { go: REAL_GO });
    const init = await gocross(['init', '--prefix', prefix, '--go', GOROOT ?? ''], { env: baseEnv(prefix, { GOCROSS_HOME: join(root, 'store') }) });
    expect(init.exitCode).toBe(0);
    expect(ids((await doctor(['--prefix', prefix], baseEnv(prefix))).report)).not.toContain('gocross.hooks-stale');
  });

  it('gocross.hooks-stale: the fix reinstalls the version init recorded, and following it does', async () => {
    const sdk = sdkTarball();
    const store = join(root, 'stale-store');
    const offline = { GOCROSS_HOME: store, GOCROSS_GO_MIRROR: 'http://127.0.0.1:9/dl/', HTTP_PROXY: undefined, http_proxy: undefined };
    const prefix = condaPrefix(fresh());
    expect((await gocross(['install', '--archive', sdk?.path ?? '', '--sha256', sdk?.sha256 ?? ''], { env: baseEnv(null, offline) })).exitCode).toBe(0);
    expect((await gocross(['init', '--prefix', prefix, '--go', sdk?.version ?? ''], { env: baseEnv(prefix, offline) })).exitCode).toBe(0);
    // The SDK goes from the store; a mirror serves it again when the fix is followed.
    expect((await gocross(['uninstall', sdk?.version ?? '', '--force'], { env: baseEnv(null, offline) })).exitCode).toBe(0);
    const stale = (await doctor(['--prefix', prefix], baseEnv(null, offline))).report.findings.find((f) => f.id === 'gocross.hooks-stale');
    expect(stale?.fix).toContain(`installs ${sdk?.version} again, the version it recorded`);
    const mirror = await new TestMirror().start();
    try {
      mirror.files = [{ filename: sdk?.filename ?? '', data: readFileSync(sdk?.path ?? ''), sha256: sdk?.sha256 ?? '', version: sdk?.version ?? '' }];
      const followed = await gocross(['init', '--prefix', prefix, '--json'], { env: baseEnv(null, { ...offline, GOCROSS_GO_MIRROR: mirror.base }) });
      expect(followed.exitCode, followed.stderr).toBe(0);
      expect(JSON.parse(followed.stdout)).toMatchObject({ version: sdk?.version });
    } finally {
      await mirror.stop();
    }
    expect(ids((await doctor(['--prefix', prefix], baseEnv(null, offline))).report)).not.toContain('gocross.hooks-stale');
  });

  it('--deep builds for linux/arm64 with the real Go, and reports go’s own error for a broken GOROOT', async () => {
    const good = await envWith({}, {}, ['--deep', '--target', 'linux/arm64']);
    expect(good.report.inspected.deep).toEqual([
      expect.objectContaining({ target: 'linux/arm64', ok: true }),
      expect.objectContaining({ target: 'linux/amd64', ok: true }),
    ]);
    expect(ids(good.report)).not.toContain('cross.build-failed');
    const broken = await envWith({ go: join(noRuntime, 'bin', 'go') }, {}, ['--deep', '--target', 'linux/arm64']);
    const failure = broken.report.findings.find((f) => f.id === 'cross.build-failed');
    expect(failure?.detail).toMatch(/runtime/);
    expect(broken.exitCode).toBe(1);
  });

  it('checks the plain shell when no env is active', async () => {
    const { report } = await doctor([], baseEnv(null, { PATH: `${join(GOROOT ?? '', 'bin')}:/usr/bin:/bin` }));
    expect(report.findings).toContainEqual(expect.objectContaining({ id: 'env.none', severity: 'info' }));
    expect(report.inspected).toHaveProperty('env.prefix', null);
  });

  it('finds an env by name through ~/.conda/environments.txt, and rejects what is not an env', async () => {
    const prefix = condaPrefix(join(root, 'named', 'tools'), { go: REAL_GO });
    const named = join(root, 'named-home');
    mkdirSync(join(named, '.conda'), { recursive: true });
    writeFileSync(join(named, '.conda', 'environments.txt'), `${prefix}\n`);
    const { report, exitCode } = await doctor(['-n', 'tools'], baseEnv(prefix, { HOME: named }));
    expect(exitCode).toBe(0);
    expect(report.inspected).toHaveProperty('env.prefix', prefix);
    expect((await gocross(['doctor', '-n', 'nope'], { env: baseEnv(null, { HOME: named }) })).exitCode).toBe(2);
    const notEnv = await gocross(['doctor', '--prefix', root], { env: baseEnv(null) });
    expect(notEnv.exitCode).toBe(2);
    expect(notEnv.stderr).toContain('is not a conda env');
  });

  it('prints findings grouped by severity with the fix under each', async () => {
    const prefix = condaPrefix(fresh(), { go: REAL_GO });
    const result = await gocross(['doctor', '--prefix', prefix], { env: baseEnv(prefix, { GOROOT: alt, GOARCH: 'arm64' }) });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/Errors \(1\)\n {2}error goroot\.env-mismatch: .*\n {4}.*\n {4}fix: unset GOROOT/);
    expect(result.stdout.indexOf('Errors')).toBeLessThan(result.stdout.indexOf('Warnings'));
  });
});
