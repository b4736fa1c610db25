import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/io/process.js';
import { BIN, gocross } from '../helpers/cli.js';
import { condaForgeGoEnv } from '../helpers/conda-forge.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { condaPrefix } from './fixtures.js';

/**
 * doctor on an env as it is when active: conda-forge's go + go-nocgo_linux-aarch64 packages,
 * before and after `gocross init`, inspected with --prefix or -n from a shell where the env is not
 * active (and once from one where it is). Every finding must be true of the activated env and
 * every fix must work for where the value comes from.
 */
const GOROOT = testGoroot();
const BASH = requireTool('bash');
const ACTIVATE = new URL('../helpers/conda-activate.mjs', import.meta.url).pathname;

interface Finding {
  id: string;
  severity: string;
  title: string;
  detail: string;
  fix: string;
}
interface Report {
  findings: Finding[];
  inspected: {
    env: { inForce: string; active: boolean };
    variables: Record<string, string | null>;
    gos: { path: string }[];
    deep?: { target: string; ok: boolean }[];
    activation: { simulated: boolean; variables: Record<string, { value: string | null; source: string }> };
  };
}

describe.skipIf(!GOROOT)('gocross doctor inspects the env as it is when active', () => {
  const root = tempDir('gocross-doctor-activated-');
  const home = join(root, 'home');
  mkdirSync(home);
  const store = join(root, 'store');
  let n = 0;
  const fresh = (): string => join(root, `env ${++n}`);
  // A shell where no env is active: no $PREFIX/bin on PATH, no Go variables.
  const shell = (extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
    PATH: '/usr/bin:/bin',
    HOME: home,
    SHELL: BASH ?? '/bin/sh',
    XDG_CONFIG_HOME: join(root, 'xdg'),
    GOCACHE: join(root, 'gocache'),
    GOCROSS_HOME: store,
    CONDA_PREFIX: undefined,
    CONDA_SHLVL: undefined,
    CONDA_DEFAULT_ENV: undefined,
    CONDA_EXE: undefined,
    MAMBA_ROOT_PREFIX: undefined,
    PIXI_PROJECT_ROOT: undefined,
    ...Object.fromEntries(['GOROOT', 'GOPATH', 'GOBIN', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'CGO_ENABLED', 'GOFLAGS', 'GOTOOLCHAIN', 'GOMODCACHE', 'CC'].map((v) => [v, undefined])),
    ...extra,
  });
  const doctor = async (args: string[], env = shell()): Promise<{ exitCode: number; report: Report }> => {
    const result = await gocross(['--json', 'doctor', ...args], { env, cwd: root });
    expect(result.stderr).toBe('');
    return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as Report };
  };
  const init = async (prefix: string, extra: string[] = []): Promise<void> => {
    const result = await gocross(['init', '--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64', ...extra], { env: shell() });
    expect(result.stderr).not.toContain('error');
    expect(result.exitCode).toBe(0);
  };
  const forgeEnv = (): string => condaForgeGoEnv(fresh(), { goroot: GOROOT ?? '', subdir: 'linux-aarch64', goarch: 'arm64' });
  const find = (report: Report, id: string, title?: string): Finding | undefined => report.findings.find((f) => f.id === id && (!title || f.title.startsWith(title)));
  const ids = (report: Report): string[] => report.findings.map((f) => f.id);
  const z61 = 'activate-z61-go-nocgo_linux-aarch64.sh';

  it('before gocross init: z61’s GOFLAGS pie, env-wide GOARCH, no restore — each with a fix for its source', async () => {
    const prefix = forgeEnv();
    const { report, exitCode } = await doctor(['--prefix', prefix], shell({ GOBIN: join(root, 'shell-bin') }));
    expect(exitCode).toBe(0);
    // The env's own activation: its PATH (bin/go), its hooks' values — not this shell's.
    expect(report.inspected.env).toMatchObject({ inForce: 'activation', active: false });
    expect(report.inspected.gos.map((g) => g.path)).toEqual([join(prefix, 'bin', 'go')]);
    expect(report.inspected.variables).toMatchObject({ GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '0', GOFLAGS: '-modcacherw -buildmode=pie -trimpath', GOTOOLCHAIN: 'local' });
    expect(report.inspected.activation.variables.GOARCH?.source).toBe(join(prefix, 'etc', 'conda', 'activate.d', z61));
    expect(ids(report)).not.toContain('go.not-found');

    const pie = find(report, 'goflags.pie');
    expect(pie).toMatchObject({ severity: 'warning', title: 'GOFLAGS has -buildmode=pie for linux/arm64 built without cgo' });
    expect(pie?.detail).toContain('/lib/ld-linux-aarch64.so.1');
    expect(pie?.fix).toContain(`gocross init -p '${prefix}' --target linux/arm64`);
    const wide = find(report, 'goarch.env-wide');
    expect(wide).toMatchObject({ severity: 'warning', title: 'GOOS/GOARCH are set for the whole shell to linux/arm64' });
    expect(wide?.fix).not.toMatch(/^nothing to do/);
    expect(wide?.fix).toContain('gocross init');
    expect(find(report, 'activate.no-restore')?.title).toBe(`${z61} sets GOOS, GOARCH, CGO_ENABLED, GOFLAGS and nothing restores them on deactivate`);
    const goarch = find(report, 'activate.foreign-go-vars', 'GOARCH');
    expect(goarch).toMatchObject({ severity: 'warning' });
    expect(goarch?.detail).toContain(`${z61} runs last and wins`);
    expect(find(report, 'conda.go-package', 'conda package go-nocgo_linux-aarch64')?.severity).toBe('warning');
    // A package script's value: conda env config vars cannot remove it; conda remove or gocross init can.
    expect(goarch?.fix).toContain(`conda remove -p '${prefix}' go-nocgo_linux-aarch64`);
    for (const f of report.findings) expect(f.fix).not.toContain('conda env config vars unset');
    // GOBIN from the shell while the env builds for linux/arm64: go install would refuse.
    const gobin = find(report, 'gobin.foreign-target');
    expect(gobin?.detail).toContain('cannot install cross-compiled binaries when GOBIN is set');
    expect(gobin?.fix).toContain('unset GOBIN in the shell');
    expect(gobin?.fix).toContain('gocross init');
  });

  it('after gocross init: nothing gocross fixed is reported, no fix says gocross init, and z61 is not said to win', async () => {
    const prefix = forgeEnv();
    await init(prefix);
    const { report, exitCode } = await doctor(['--prefix', prefix], shell({ GOBIN: join(root, 'shell-bin') }));
    expect(exitCode).toBe(0);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    for (const id of ['goflags.pie', 'goarch.env-wide', 'activate.no-restore', 'gobin.foreign-target', 'go.not-found', 'gocross.hooks-stale']) expect(ids(report)).not.toContain(id);
    for (const f of report.findings) expect(f.fix).not.toContain('gocross init');
    expect(report.inspected.variables).toMatchObject({ GOROOT, GOARCH: 'arm64', GOFLAGS: '-modcacherw -trimpath', GOBIN: null, GOTOOLCHAIN: 'local' });
    expect(report.inspected.gos[0]?.path).toBe(join(GOROOT ?? '', 'bin', 'go'));
    const goarch = find(report, 'activate.foreign-go-vars', 'GOARCH');
    expect(goarch?.severity).toBe('info');
    expect(goarch?.detail).not.toContain('runs last and wins');
    expect(goarch?.detail).toContain('gocross’s activate-z90-gocross.sh runs after it');
    expect(find(report, 'activate.foreign-go-vars', 'GOFLAGS')?.detail).toContain('drops -buildmode=pie');
  });

  it('-n ENV of an initialized env that is not active: go is found on the activated PATH', async () => {
    const prefix = condaPrefix(join(root, 'envs', 'plain'));
    const named = join(root, 'named-home');
    mkdirSync(join(named, '.conda'), { recursive: true });
    writeFileSync(join(named, '.conda', 'environments.txt'), `${prefix}\n`);
    const before = await doctor(['-n', 'plain'], shell({ HOME: named }));
    expect(before.report.findings).toContainEqual(expect.objectContaining({ id: 'go.not-found', fix: expect.stringContaining('gocross init') }));
    expect(before.exitCode).toBe(1);
    await init(prefix);
    const after = await doctor(['-n', 'plain'], shell({ HOME: named }));
    expect(ids(after.report)).not.toContain('go.not-found');
    expect(after.exitCode).toBe(0);
    expect(after.report.inspected.gos[0]?.path).toBe(join(GOROOT ?? '', 'bin', 'go'));
  });

  it('--deep builds in the env’s own environment: passes after init, fails once a later hook breaks GOFLAGS', async () => {
    const prefix = forgeEnv();
    await init(prefix);
    const good = await doctor(['--prefix', prefix, '--deep', '--target', 'linux/arm/v7']);
    expect(good.report.inspected.deep).toEqual([expect.objectContaining({ target: 'linux/arm/v7', ok: true }), expect.objectContaining({ target: 'linux/amd64', ok: true })]);
    expect(good.exitCode).toBe(0);

    writeFileSync(join(prefix, 'etc', 'conda', 'activate.d', 'activate-z95-breaks.sh'), 'export GOFLAGS="-buildmode=pie"\n');
    const bad = await doctor(['--prefix', prefix, '--deep', '--target', 'linux/arm/v7']);
    expect(bad.exitCode).toBe(1);
    const failed = find(bad.report, 'cross.build-failed');
    expect(failed?.title).toBe('a hello-world does not build for linux/arm/v7');
    expect(failed?.detail).toContain('GOFLAGS=-buildmode=pie');
    expect(bad.report.inspected.deep?.find((d) => d.target === 'linux/amd64')?.ok).toBe(true);
    // The flag's source runs after gocross's hook: init cannot fix it, removing or renaming the script can.
    const pie = find(bad.report, 'goflags.pie');
    expect(pie?.severity).toBe('error');
    expect(pie?.fix).toContain('activate-z95-breaks.sh runs after gocross’s activate-z90-gocross.sh');
    expect(pie?.fix).not.toContain('gocross init');
    // The wrapper is there, but cannot run the dynamic PIEs go now builds: no "nothing to do".
    const wide = find(bad.report, 'goarch.env-wide');
    expect(wide?.severity).toBe('warning');
    expect(wide?.detail).toContain('without a sysroot');
  });

  it('goarch.env-wide says "nothing to do" only when the exec wrapper on the activated PATH can run what go builds', async () => {
    const wrapped = (goflags: string): string => {
      const prefix = condaForgeGoEnv(fresh(), { goroot: GOROOT ?? '', subdir: 'linux-aarch64', goarch: 'arm64', goflags });
      writeFileSync(join(prefix, 'bin', 'go_linux_arm64_exec'), '#!/bin/sh\nexec qemu-aarch64 "$@"\n', { mode: 0o755 });
      return prefix;
    };
    const staticBuilds = await doctor(['--prefix', wrapped('-modcacherw -trimpath')]);
    expect(find(staticBuilds.report, 'goarch.env-wide')).toMatchObject({ severity: 'info', fix: 'nothing to do' });
    const pies = await doctor(['--prefix', wrapped('-modcacherw -buildmode=pie -trimpath')]);
    const wide = find(pies.report, 'goarch.env-wide');
    expect(wide?.severity).toBe('warning');
    expect(wide?.detail).toContain('need /lib/ld-linux-aarch64.so.1');
    expect(wide?.fix).not.toBe('nothing to do');
  });

  it('activate.no-restore after init: a script that runs before gocross saves the shell’s variables', async () => {
    const prefix = forgeEnv();
    await init(prefix);
    expect(ids((await doctor(['--prefix', prefix])).report)).not.toContain('activate.no-restore');
    writeFileSync(join(prefix, 'etc', 'conda', 'activate.d', 'activate-00-early.sh'), 'export GOFLAGS=-mod=mod\n');
    const lost = find((await doctor(['--prefix', prefix])).report, 'activate.no-restore');
    expect(lost?.title).toBe('activate-00-early.sh sets GOFLAGS and nothing restores them on deactivate');
    expect(lost?.fix).toContain('runs before gocross’s activate-a00-gocross.sh saves the shell’s variables');
    expect(lost?.fix).not.toContain('gocross init');
  });

  it('activate.script-exits: a script that ends the shell conda activates in', async () => {
    const prefix = forgeEnv();
    writeFileSync(join(prefix, 'etc', 'conda', 'activate.d', 'activate-z70-exits.sh'), 'echo leaving >&2\nexit 1\n');
    const { report, exitCode } = await doctor(['--prefix', prefix]);
    expect(exitCode).toBe(1);
    const stops = find(report, 'activate.script-exits');
    expect(stops).toMatchObject({ severity: 'error', title: 'activating the env stops in activate-z70-exits.sh' });
    expect(stops?.detail).toContain('leaving');
    expect(stops?.fix).toContain(`remove ${join(prefix, 'etc', 'conda', 'activate.d', 'activate-z70-exits.sh')}`);
    expect(ids((await doctor(['--prefix', forgeEnv()])).report)).not.toContain('activate.script-exits');
  });

  it('follows the fix for a conda env config var: `conda env config vars unset` as conda writes it', async () => {
    const prefix = forgeEnv();
    writeFileSync(join(prefix, 'conda-meta', 'state'), JSON.stringify({ env_vars: { GOBIN: join(prefix, 'bin') } }));
    const before = await doctor(['--prefix', prefix]);
    const gobin = find(before.report, 'gobin.foreign-target');
    expect(gobin?.fix).toContain(`conda env config vars unset GOBIN -p '${prefix}'`);
    // What `conda env config vars unset GOBIN` writes (conda/core/prefix_data.py).
    const state = JSON.parse(readFileSync(join(prefix, 'conda-meta', 'state'), 'utf8')) as { env_vars: Record<string, string> };
    state.env_vars.GOBIN = '***unset***';
    writeFileSync(join(prefix, 'conda-meta', 'state'), JSON.stringify(state));
    const after = await doctor(['--prefix', prefix]);
    expect(ids(after.report)).not.toContain('gobin.foreign-target');
    expect(after.report.inspected.variables.GOBIN).toBeNull();
  });

  it.skipIf(!BASH)('in the shell where the env is active: reports a shell not reactivated since init, then nothing after reactivating', async () => {
    const prefix = forgeEnv();
    const q = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;
    const out = (name: string): string => join(root, `${name}-${n}.json`);
    const driver = join(root, `driver-${n}.sh`);
    writeFileSync(
      driver,
      [
        `eval "$(node ${q(ACTIVATE)} shell.posix activate ${q(prefix)})"`,
        `node ${q(BIN)} --json doctor > ${q(out('active'))} || true`,
        `node ${q(BIN)} init --go ${q(GOROOT ?? '')} --target linux/arm64 > /dev/null 2>&1`,
        `node ${q(BIN)} --json doctor > ${q(out('pending'))} || true`,
        `eval "$(node ${q(ACTIVATE)} shell.posix reactivate)"`,
        `node ${q(BIN)} --json doctor > ${q(out('reactivated'))} || true`,
      ].join('\n'),
    );
    const result = await run(BASH ?? 'bash', [driver], { baseEnv: shell(), cwd: root });
    expect(result.stderr).toBe('');
    const read = (name: string): Report => JSON.parse(readFileSync(out(name), 'utf8')) as Report;
    const active = read('active');
    expect(active.inspected.env).toMatchObject({ active: true, inForce: 'shell' });
    // The attributions are the same as from outside: the env's values are not credited to the shell.
    expect(active.inspected.activation.variables.GOARCH?.source).toContain(z61);
    expect(find(active, 'goflags.pie')?.fix).toContain('gocross init --target linux/arm64');
    const pending = read('pending');
    const stale = find(pending, 'activate.stale-shell');
    expect(stale?.fix).toBe(`reactivate the env: conda activate '${prefix}'`);
    expect(find(pending, 'goflags.pie')?.fix).toContain('reactivate the env');
    for (const f of pending.findings) expect(f.fix).not.toContain('gocross init');
    const reactivated = read('reactivated');
    expect(reactivated.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
