import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/io/process.js';
import { condaPrefix } from '../doctor/fixtures.js';
import { condaForgeGoEnv } from '../helpers/conda-forge.js';
import { gocross } from '../helpers/cli.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';

const GOROOT = testGoroot();
const ZSH = requireTool('zsh');

describe.skipIf(!GOROOT)('gocross init and gocross env on the command line', () => {
  const root = tempDir('gocross-init-cli-');
  let n = 0;
  const fresh = (): string => condaPrefix(join(root, `env ${++n}`));
  const env = { GOCROSS_HOME: join(root, 'store'), HOME: join(root, 'home'), CONDA_PREFIX: undefined, XDG_CONFIG_HOME: join(root, 'xdg') };
  const init = (args: string[], extra: Record<string, string | undefined> = {}) => gocross(['init', ...args], { env: { ...env, ...extra } });
  const snapshot = (prefix: string): Record<string, string> => {
    const files: Record<string, string> = {};
    for (const dir of ['etc/conda/activate.d', 'etc/conda/deactivate.d', 'etc/gocross', 'etc/gocross/bin']) {
      const full = join(prefix, dir);
      if (!existsSync(full)) continue;
      for (const name of readdirSync(full)) if (statSync(join(full, name)).isFile()) files[`${dir}/${name}`] = readFileSync(join(full, name), 'utf8');
    }
    return files;
  };

  it('writes hooks for every shell, the settings and the exec wrapper; the same options again change nothing', async () => {
    const prefix = fresh();
    const first = await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64', '--json']);
    expect(first.exitCode).toBe(0);
    const report = JSON.parse(first.stdout) as { files: { path: string; action: string }[]; version: string };
    expect(report.version).toBe('go1.19.8');
    expect(report.files.map((f) => f.path.slice(prefix.length + 1)).sort()).toEqual(
      [
        ...['sh', 'csh', 'fish', 'ps1', 'bat', 'nu'].flatMap((s) => [
          `etc/conda/activate.d/activate-a00-gocross.${s}`,
          `etc/conda/activate.d/activate-z90-gocross.${s}`,
          `etc/conda/deactivate.d/deactivate-z90-gocross.${s}`,
          `etc/conda/deactivate.d/deactivate-a00-gocross.${s}`,
        ]),
        'etc/gocross/bin/go_linux_arm64_exec',
        'etc/gocross/env-settings.ini',
        'etc/gocross/path-entries',
      ].sort(),
    );
    expect(new Set(report.files.map((f) => f.action))).toEqual(new Set(['created']));
    expect(statSync(join(prefix, 'etc/gocross/bin/go_linux_arm64_exec')).mode & 0o111).not.toBe(0);
    const before = snapshot(prefix);
    const again = JSON.parse((await init(['--prefix', prefix, '--json'])).stdout) as { files: { action: string }[]; target: string };
    expect(again.target).toBe('linux/arm64');
    expect(new Set(again.files.map((f) => f.action))).toEqual(new Set(['unchanged']));
    expect(snapshot(prefix)).toEqual(before);
  });

  it('installs the SDK into the shared store when --go is a version', async () => {
    const sdk = sdkTarball();
    const mirror = await new TestMirror().start();
    try {
      mirror.files = [{ filename: sdk?.filename ?? '', data: readFileSync(sdk?.path ?? ''), sha256: sdk?.sha256 ?? '', version: sdk?.version ?? '' }];
      const prefix = fresh();
      const store = join(root, 'own-store');
      const result = await init(['--prefix', prefix, '--go', '1.19', '--json'], { GOCROSS_HOME: store, GOCROSS_GO_MIRROR: mirror.base, HTTP_PROXY: undefined, http_proxy: undefined });
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ goroot: join(store, 'sdk', sdk?.version ?? ''), version: sdk?.version });
      expect(readFileSync(join(prefix, 'etc/gocross/env-settings.ini'), 'utf8')).toContain(`goroot = "${join(store, 'sdk', sdk?.version ?? '')}"`);
    } finally {
      await mirror.stop();
    }
  });

  it('offline, without --go, takes the newest installed SDK and says so', async () => {
    const sdk = sdkTarball();
    const store = join(root, 'offline-store');
    const offline = { GOCROSS_HOME: store, GOCROSS_GO_MIRROR: 'http://127.0.0.1:9/dl/', HTTP_PROXY: undefined, http_proxy: undefined };
    expect((await gocross(['install', '--archive', sdk?.path ?? '', '--sha256', sdk?.sha256 ?? ''], { env: { ...env, ...offline } })).exitCode).toBe(0);
    const prefix = fresh();
    const result = await init(['--prefix', prefix, '--json'], offline);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: sdk?.version, goroot: join(store, 'sdk', sdk?.version ?? '') });
    expect(result.stderr).toContain(`no mirror answered: using ${sdk?.version}`);
  });

  it('re-renders with new options, remembering the rest', async () => {
    const prefix = fresh();
    await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64']);
    const changed = JSON.parse((await init(['--prefix', prefix, '--target', 'linux/amd64', '--json'])).stdout) as { goroot: string; files: { path: string; action: string }[] };
    expect(changed.goroot).toBe(GOROOT);
    expect(readFileSync(join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh'), 'utf8')).toContain("_gocross_set GOARCH 'amd64'");
    // A native target needs no exec wrapper: the arm64 one goes, and so does its PATH entry.
    expect(changed.files.filter((f) => f.path.endsWith('_exec'))).toEqual([{ path: join(prefix, 'etc/gocross/bin/go_linux_arm64_exec'), action: 'removed' }]);
    expect(existsSync(join(prefix, 'etc/gocross/bin/go_linux_arm64_exec'))).toBe(false);
    expect(readFileSync(join(prefix, 'etc/gocross/path-entries'), 'utf8').trim().split('\n').slice(1)).toEqual([join(GOROOT ?? '', 'bin')]);
  });

  it('reads the settings an earlier gocross kept as etc/gocross/gocross.ini, and moves them to env-settings.ini', async () => {
    const prefix = fresh();
    await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64']);
    const settings = readFileSync(join(prefix, 'etc/gocross/env-settings.ini'), 'utf8');
    renameSync(join(prefix, 'etc/gocross/env-settings.ini'), join(prefix, 'etc/gocross/gocross.ini'));
    const again = JSON.parse((await init(['--prefix', prefix, '--json'])).stdout) as { target: string; files: { path: string; action: string }[] };
    expect(again.target).toBe('linux/arm64');
    expect(again.files).toContainEqual({ path: join(prefix, 'etc/gocross/gocross.ini'), action: 'removed' });
    expect(readFileSync(join(prefix, 'etc/gocross/env-settings.ini'), 'utf8')).toBe(settings);
    expect(existsSync(join(prefix, 'etc/gocross/gocross.ini'))).toBe(false);
  });

  it('--goflags sets GOFLAGS whatever other hooks set, and auto goes back to filtering theirs', async () => {
    const prefix = fresh();
    await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64', '--goflags', '-mod=vendor']);
    const hook = (): string => readFileSync(join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh'), 'utf8');
    expect(hook()).toContain("_gocross_set GOFLAGS '-mod=vendor'");
    expect(hook()).not.toContain("_gocross_goflags_drop '");
    // Remembered by the next init without the flag.
    await init(['--prefix', prefix]);
    expect(hook()).toContain("_gocross_set GOFLAGS '-mod=vendor'");
    await init(['--prefix', prefix, '--goflags', 'auto']);
    expect(hook()).toContain("_gocross_goflags_drop '-buildmode=pie'");
    expect(hook()).not.toContain('_gocross_set GOFLAGS ');
  });

  it('says what it overrides of conda-forge’s Go hooks, and why', async () => {
    const prefix = condaForgeGoEnv(join(root, `forge ${++n}`), { goroot: GOROOT ?? '' });
    const result = await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('GOFLAGS from activate-z61-go-nocgo_linux-64.sh ("-modcacherw -buildmode=pie -trimpath"): drops -buildmode=pie: with CGO_ENABLED=0 it makes linux/arm64 binaries dynamically linked PIEs');
    expect(result.stderr).toContain('GOARCH=amd64 from activate-z61-go-nocgo_linux-64.sh is overridden: gocross sets GOARCH=arm64 for linux/arm64');
    // The same value is not worth a word.
    expect(result.stderr).not.toContain('GOOS=linux from');
    const json = JSON.parse((await init(['--prefix', prefix, '--json'])).stdout) as { overrides: { variable: string; action: string; dropped: string[] }[] };
    expect(json.overrides.find((o) => o.variable === 'GOFLAGS')).toMatchObject({ action: 'filtered', dropped: ['-buildmode=pie'] });
  });

  it('-q prints nothing but errors', async () => {
    const prefix = condaForgeGoEnv(join(root, `quiet ${++n}`), { goroot: GOROOT ?? '' });
    const quiet = await gocross(['-q', 'init', '--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64'], { env });
    expect([quiet.exitCode, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    const error = await gocross(['-q', 'init', '--prefix', join(root, 'nowhere'), '--go', GOROOT ?? ''], { env });
    expect(error.exitCode).toBe(2);
    expect(error.stderr).toContain('gocross: error:');
  });

  it('--dry-run writes nothing', async () => {
    const prefix = fresh();
    const result = await init(['--prefix', prefix, '--go', GOROOT ?? '', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`would create ${join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh')}`);
    expect(snapshot(prefix)).toEqual({});
  });

  it('never overwrites a file gocross did not write, unless --force', async () => {
    const prefix = fresh();
    mkdirSync(join(prefix, 'etc/conda/activate.d'), { recursive: true });
    writeFileSync(join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh'), 'echo mine\n');
    const refused = await init(['--prefix', prefix, '--go', GOROOT ?? '']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('activate-z90-gocross.sh exists and was not written by gocross');
    expect(readFileSync(join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh'), 'utf8')).toBe('echo mine\n');
    expect((await init(['--prefix', prefix, '--go', GOROOT ?? '', '--force'])).exitCode).toBe(0);
    expect(readFileSync(join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh'), 'utf8')).toContain('gocross-managed');
  });

  it('--remove deletes only gocross’s files', async () => {
    const prefix = fresh();
    await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64']);
    writeFileSync(join(prefix, 'etc/conda/activate.d/activate-other.sh'), 'export X=1\n');
    const removed = await init(['--prefix', prefix, '--remove']);
    expect(removed.exitCode).toBe(0);
    expect(Object.keys(snapshot(prefix))).toEqual(['etc/conda/activate.d/activate-other.sh']);
  });

  it('--remove in the active env keeps the deactivate hooks until conda deactivate has run them', async () => {
    const prefix = fresh();
    await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64']);
    const inside = await init(['--prefix', prefix, '--remove'], { CONDA_PREFIX: prefix, CONDA_SHLVL: '1' });
    expect(inside.exitCode).toBe(0);
    expect(Object.keys(snapshot(prefix)).sort()).toEqual(['sh', 'csh', 'fish', 'ps1', 'bat', 'nu'].flatMap((s) => [`etc/conda/deactivate.d/deactivate-a00-gocross.${s}`, `etc/conda/deactivate.d/deactivate-z90-gocross.${s}`]).sort());
    expect(inside.stderr).toContain('the env is active: its deactivate hooks stay');
    expect(inside.stderr).toContain(`run \`gocross init --remove --prefix '${prefix}'\` again`);
    // The command it names, run after deactivating, removes the rest.
    const after = await init(['--prefix', prefix, '--remove']);
    expect(after.exitCode).toBe(0);
    expect(snapshot(prefix)).toEqual({});
  });

  it('rejects what it cannot do with clear exit codes', async () => {
    const notEnv = join(root, 'not-an-env');
    mkdirSync(notEnv, { recursive: true });
    expect((await init(['--prefix', notEnv])).exitCode).toBe(2);
    expect((await init([])).stderr).toContain('no conda env active; pass --prefix');
    const badRoot = await init(['--prefix', fresh(), '--go', join(root, 'no-go-here')]);
    expect(badRoot.exitCode).toBe(2);
    expect(badRoot.stderr).toContain('not a complete Go installation');
    const noCc = await init(['--prefix', fresh(), '--go', GOROOT ?? '', '--target', 'linux/riscv64', '--cgo'], { PATH: '/usr/bin:/bin' });
    expect(noCc.exitCode).toBe(3);
    expect(noCc.stderr).toContain('apt-get install gcc-riscv64-linux-gnu');
  });

  it('picks Debian’s cross gcc for cgo to linux/arm64', async () => {
    const prefix = fresh();
    const result = await init(['--prefix', prefix, '--go', GOROOT ?? '', '--target', 'linux/arm64', '--cgo'], { PATH: '/usr/bin:/bin' });
    expect(result.exitCode).toBe(0);
    const hook = readFileSync(join(prefix, 'etc/conda/activate.d/activate-z90-gocross.sh'), 'utf8');
    expect(hook).toContain("_gocross_set CGO_ENABLED '1'");
    expect(hook).toContain("_gocross_set CC '/usr/bin/aarch64-linux-gnu-gcc'");
    expect(readFileSync(join(prefix, 'etc/gocross/bin/go_linux_arm64_exec'), 'utf8')).toContain("-L '/usr/aarch64-linux-gnu'");
  });

  it('gocross env prints a target’s variables for each shell', async () => {
    const sh = await gocross(['env', '--target', 'linux/arm/v7', '--shell', 'sh'], { env });
    expect(sh.stdout).toBe("export GOOS='linux'\nexport GOARCH='arm'\nexport GOARM='7'\nunset GOAMD64\nexport CGO_ENABLED='0'\nexport GOTOOLCHAIN='local'");
    const json = JSON.parse((await gocross(['--json', 'env', '--target', 'osx-arm64'], { env })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ GOOS: 'darwin', GOARCH: 'arm64', GOARM: null });
    expect((await gocross(['env', '--shell', 'elvish'], { env })).exitCode).toBe(2);
  });

  it.skipIf(!ZSH)('gocross env output evaluates in a real shell', async () => {
    const result = await run(ZSH ?? 'zsh', ['-c', `export GOARM=6; eval "$(${process.execPath} ${join(process.cwd(), 'bin', 'gocross.js')} env --target linux/arm64 --shell sh)"; echo "$GOOS/$GOARCH \${GOARM-unset}"`], { env });
    expect(result.stdout).toBe('linux/arm64 unset');
  });
});
