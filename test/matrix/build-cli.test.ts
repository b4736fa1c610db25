/**
 * `gocross build` end to end: real builds of the hello sample module with Debian's Go 1.19,
 * checked against independent oracles — `sha256sum -c`, `file`, `go version -m`, running the
 * outputs natively and under qemu-aarch64. The five-target matrix is built once and asserted
 * on from many sides; Go's build cache is shared under the OS temp dir so reruns are warm.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gocross } from '../helpers/cli.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';
import { locateTool, requireTool, testGoroot } from '../helpers/tools.js';

const GOROOT = testGoroot();
const TOOLS = ['file', 'sha256sum', 'git', 'aarch64-linux-gnu-gcc', 'qemu-aarch64', 'gcc'].map((name) => requireTool(name));
const HELLO = new URL('../fixtures/modules/hello', import.meta.url).pathname;
const MULTI = new URL('../fixtures/modules/multi', import.meta.url).pathname;
const MATRIX = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'windows/amd64', 'darwin/arm64'];

interface Row {
  target: string;
  output: string | null;
  sha256: string | null;
  size: number | null;
  seconds: number;
  ok: boolean;
  checks: { name: string; expected: string; actual: string; ok: boolean }[];
  smoke: { ran: boolean; how?: string; args?: string[]; exitCode?: number; line?: string; reason?: string } | null;
  error: string | null;
  hint: string | null;
  cc: string | null;
}
interface Report {
  targets: Row[];
  go: { goroot: string; version: string; why: string };
  sums: string | null;
}

/** What `file` must say about each target's output: the oracle, written without gocross's tables. */
const FILE_SAYS: Record<string, RegExp[]> = {
  'linux/amd64': [/^ELF 64-bit LSB executable, x86-64/, /statically linked/],
  'linux/arm64': [/^ELF 64-bit LSB executable, ARM aarch64/, /statically linked/],
  'linux/arm/v7': [/^ELF 32-bit LSB executable, ARM, EABI5/, /statically linked/],
  'windows/amd64': [/^PE32\+ executable \(console\) x86-64/, /MS Windows/],
  'darwin/arm64': [/^Mach-O 64-bit arm64 executable/],
};

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe.skipIf(!GOROOT || !TOOLS.every(Boolean))('gocross build with real Go', () => {
  const root = tempDir('gocross-build-');
  const shared = join(tmpdir(), 'gocross-test-go');
  const env: Record<string, string | undefined> = {
    GOCACHE: join(shared, 'cache'),
    GOPATH: join(shared, 'path'),
    GOPROXY: 'off',
    GOFLAGS: '-buildmode=pie',
    GOOS: 'plan9',
    XDG_CONFIG_HOME: join(root, 'no-config'),
    GOCROSS_HOME: join(root, 'home'),
    CONDA_PREFIX: undefined,
    GOCROSS_GO: undefined,
    GOCROSS_TARGET: undefined,
    GOCROSS_BUILD_TARGETS: undefined,
    GOCROSS_BUILD_OUTPUT: undefined,
    GOCROSS_BUILD_JOBS: undefined,
  };
  const goArgs = ['--go', GOROOT ?? ''];
  /** A fresh copy of a sample module (tests never write near the committed fixture). */
  let copies = 0;
  const copy = (from = HELLO): string => {
    const dir = join(root, `module${++copies}`);
    cpSync(from, dir, { recursive: true });
    return dir;
  };
  const build = async (cwd: string, args: string[], extraEnv: Record<string, string | undefined> = {}) => {
    const result = await gocross(['--json', 'build', ...goArgs, ...args], { cwd, env: { ...env, ...extraEnv } });
    return { ...result, report: (result.stdout.trim().startsWith('{') ? JSON.parse(result.stdout) : null) as Report | null };
  };

  let mod = '';
  let report: Report;
  let first: Awaited<ReturnType<typeof build>>;
  const row = (target: string): Row => {
    const found = report.targets.find((r) => r.target === target);
    if (!found) throw new Error(`no row for ${target}`);
    return found;
  };

  beforeAll(async () => {
    mod = copy();
    first = await build(mod, ['--targets', MATRIX.join(','), '--version', '1.2.3']);
    if (!first.report) throw new Error(`build printed no JSON: ${first.stderr}`);
    report = first.report;
  });

  it('builds every target, named NAME_GOOS_GOARCH[_VARIANT][.exe], in dist/', () => {
    expect(first.exitCode).toBe(0);
    expect(report.targets.map((r) => r.target)).toEqual(MATRIX);
    expect(report.targets.map((r) => r.output)).toEqual(
      ['hello_linux_amd64', 'hello_linux_arm64', 'hello_linux_arm_v7', 'hello_windows_amd64.exe', 'hello_darwin_arm64'].map((n) => join(mod, 'dist', n)),
    );
    expect(readdirSync(join(mod, 'dist')).filter((n) => !n.startsWith('.')).sort()).toEqual(
      ['SHA256SUMS', 'hello_darwin_arm64', 'hello_linux_amd64', 'hello_linux_arm64', 'hello_linux_arm_v7', 'hello_windows_amd64.exe'],
    );
    expect(report.go).toEqual({ goroot: GOROOT, version: expect.stringMatching(/^go1\.19/), why: 'the GOROOT from flag --go' });
  });

  it('reports its JSON contract per target: sha256 and size of the real file', () => {
    for (const r of report.targets) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['target', 'output', 'sha256', 'size', 'seconds', 'ok', 'checks']));
      expect(r.ok).toBe(true);
      expect(r.sha256).toBe(sha256(r.output ?? ''));
      expect(r.size).toBe(readFileSync(r.output ?? '').length);
      expect(r.seconds).toBeGreaterThan(0);
    }
  });

  it('writes SHA256SUMS that `sha256sum -c` accepts, sorted by name', () => {
    const dist = join(mod, 'dist');
    const text = readFileSync(join(dist, 'SHA256SUMS'), 'utf8');
    const names = text.trimEnd().split('\n').map((line) => line.split('  ')[1]);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(5);
    const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dist, encoding: 'utf8' });
    expect(checked.trimEnd().split('\n').sort()).toEqual(names.map((n) => `${n}: OK`).sort());
  });

  it('verifies OS, arch, the ARM variant, static linkage and CGO_ENABLED of every output', () => {
    const summary = (target: string) => row(target).checks.map((c) => `${c.name}=${c.actual}:${c.ok}`);
    expect(summary('linux/amd64')).toEqual(['os=linux:true', 'arch=amd64:true', 'linkage=static:true', 'cgo=CGO_ENABLED=0:true']);
    expect(summary('linux/arm/v7')).toEqual(['os=linux:true', 'arch=arm:true', 'goarm=7:true', 'linkage=static:true', 'cgo=CGO_ENABLED=0:true']);
    expect(summary('windows/amd64')).toEqual(['os=windows:true', 'arch=amd64:true', 'cgo=CGO_ENABLED=0:true']);
    expect(summary('darwin/arm64')).toEqual(['os=darwin:true', 'arch=arm64:true', 'cgo=CGO_ENABLED=0:true']);
  });

  it('agrees with `file` on every output', () => {
    for (const target of MATRIX) {
      const said = execFileSync('file', ['-b', row(target).output ?? ''], { encoding: 'utf8' });
      for (const pattern of FILE_SAYS[target] ?? []) expect(said, target).toMatch(pattern);
    }
  });

  it('names outputs so that `gocross verify --infer` reads each target back from its name', async () => {
    const verified = await gocross(['--json', 'verify', '--infer', '--no-cgo', join(mod, 'dist')], { env });
    expect(verified.exitCode).toBe(0);
    const rows = JSON.parse(verified.stdout) as { path: string; ok: boolean; checks: { name: string }[] }[];
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.checks.map((c) => c.name), r.path).toEqual(expect.arrayContaining(['os', 'arch', 'cgo']));
  });

  it('sets main.version, trims paths, and the native output runs', () => {
    const out = row('linux/amd64').output ?? '';
    expect(execFileSync(out, ['--version'], { encoding: 'utf8' })).toBe('hello 1.2.3 linux/amd64\n');
    const info = execFileSync(join(GOROOT ?? '', 'bin', 'go'), ['version', '-m', out], { encoding: 'utf8' });
    expect(info).toMatch(/build\s+-trimpath=true/);
    // -s -w: no symbol table (go records no -ldflags under -trimpath, so `file` is the witness).
    expect(execFileSync('file', ['-b', out], { encoding: 'utf8' })).toMatch(/, stripped\n$/);
    expect(readFileSync(out).includes(Buffer.from(mod)), 'the module path is trimmed from the binary').toBe(false);
  });

  it('is reproducible: the same module built again elsewhere gives byte-identical outputs', async () => {
    const again = copy();
    const second = await build(again, ['--targets', MATRIX.join(','), '--version', '1.2.3', '-o', 'out']);
    expect(second.exitCode).toBe(0);
    for (const r of report.targets) {
      const name = (r.output ?? '').split('/').pop() ?? '';
      expect(sha256(join(again, 'out', name)), name).toBe(r.sha256);
    }
    expect(readFileSync(join(again, 'out', 'SHA256SUMS'), 'utf8')).toBe(readFileSync(join(mod, 'dist', 'SHA256SUMS'), 'utf8'));
  });

  it('replaces its own outputs, but refuses a file it did not write unless --force', async () => {
    const dir = copy();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'hello_linux_amd64'), 'mine\n');
    const refused = await gocross(['build', ...goArgs, '--targets', 'linux/amd64'], { cwd: dir, env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('hello_linux_amd64, which gocross did not write');
    expect(readFileSync(join(dir, 'dist', 'hello_linux_amd64'), 'utf8')).toBe('mine\n');
    expect((await gocross(['build', ...goArgs, '--targets', 'linux/amd64', '--force'], { cwd: dir, env })).exitCode).toBe(0);
    // What an interrupted build leaves behind is cleaned by the next one.
    writeFileSync(join(dir, 'dist', '.hello_linux_amd64.0123abcd.tmp'), 'half');
    const rebuilt = await gocross(['build', ...goArgs, '--targets', 'linux/amd64'], { cwd: dir, env });
    expect(existsSync(join(dir, 'dist', '.hello_linux_amd64.0123abcd.tmp'))).toBe(false);
    expect(rebuilt.exitCode).toBe(0);
    expect(rebuilt.stdout).toMatch(/linux\/amd64\s+hello_linux_amd64\s+[\d.]+ MiB\s+[\d.]+ s\s+ok \(os,arch,linkage,cgo\)\s+-\s+ok/);
  });

  it('builds cgo for linux/arm64 with aarch64-linux-gnu-gcc; a target without a cross compiler fails alone', async () => {
    expect(locateTool('riscv64-linux-gnu-gcc'), 'this test needs a machine without a riscv64 cross gcc').toBeUndefined();
    const dir = copy();
    const result = await build(dir, ['--cgo', '--targets', 'linux/arm64,linux/riscv64,linux/amd64']);
    expect(result.exitCode).toBe(1);
    const rows = result.report?.targets ?? [];
    expect(rows.map((r) => [r.target, r.ok])).toEqual([['linux/arm64', true], ['linux/riscv64', false], ['linux/amd64', true]]);
    const [arm64, riscv] = rows;
    expect(arm64?.cc).toBe(TOOLS[3]);
    expect(arm64?.checks.find((c) => c.name === 'cgo')).toMatchObject({ actual: 'CGO_ENABLED=1', ok: true });
    expect(riscv?.error).toContain('cgo for linux/riscv64 needs a C cross compiler');
    expect(riscv?.hint).toContain('apt-get install gcc-riscv64-linux-gnu');
    // The C half really ran: dynamic against the target's glibc, and C answers under emulation.
    const out = arm64?.output ?? '';
    expect(execFileSync('file', ['-b', out], { encoding: 'utf8' })).toMatch(/ARM aarch64.*dynamically linked/);
    expect(execFileSync(TOOLS[4] ?? '', ['-L', '/usr/aarch64-linux-gnu', out], { encoding: 'utf8' })).toBe('hello from linux/arm64 (cgo: yes, C says 42)\n');
    expect(readFileSync(join(dir, 'dist', 'SHA256SUMS'), 'utf8')).not.toContain('riscv64');
  });

  it('--smoke runs the arm64 output under qemu-aarch64 and reports its version line', async () => {
    const dir = copy();
    const result = await gocross(['build', ...goArgs, '--targets', 'linux/arm64,windows/amd64', '--version', '2.0.0', '--smoke'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/linux\/arm64 .* qemu --version → exit 0: hello 2\.0\.0 linux\/arm64\s+ok/);
    // Wine runs the windows/amd64 output where it is installed (CI installs it).
    expect(result.stdout).toMatch(/windows\/amd64 .* wine --version → exit 0: hello 2\.0\.0 windows\/amd64\s+ok/);
    const json = await build(dir, ['--targets', 'linux/arm64', '--smoke', '--', '--help']);
    expect(json.report?.targets[0]?.smoke).toEqual({ ran: true, how: 'qemu', args: ['--help'], exitCode: 0, line: 'usage: hello [--version|--help]' });
    // A smoke run that fails fails its target: the output is not left in dist/ nor in SHA256SUMS.
    const bad = await build(dir, ['--targets', 'linux/arm64,linux/amd64', '--smoke', '--', '--bogus'], {});
    expect(bad.exitCode).toBe(1);
    expect(bad.report?.targets.map((r) => [r.target, r.ok, r.smoke?.exitCode])).toEqual([['linux/arm64', false, 2], ['linux/amd64', false, 2]]);
    expect(bad.report?.targets[0]?.error).toBe('smoke run `hello_linux_arm64 --bogus` exited 2: hello: unknown argument "--bogus"');
    expect(existsSync(join(dir, 'dist', 'hello_linux_arm64'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'SHA256SUMS'))).toBe(false);
    // Without qemu on PATH the smoke step is skipped with the reason; the build still succeeds.
    const emptyPath = join(root, 'empty-path');
    mkdirSync(emptyPath, { recursive: true });
    const noQemu = await build(dir, ['--targets', 'linux/arm64', '--smoke'], { PATH: emptyPath });
    expect(noQemu.exitCode).toBe(0);
    expect(noQemu.report?.targets[0]?.smoke).toEqual({ ran: false, reason: 'qemu-aarch64 is not installed (apt-get install qemu-user)' });
  });

  it("reports a compile error in one target with go's own message; the others are built", async () => {
    const dir = copy();
    writeFileSync(join(dir, 'broken_windows.go'), 'package main\n\nfunc broken( {\n');
    const result = await gocross(['build', ...goArgs, '--targets', 'linux/amd64,windows/amd64'], { cwd: dir, env });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('hello_windows_amd64.exe (windows/amd64) failed:');
    expect(result.stdout).toMatch(/\.\/broken_windows\.go:3:\d+: syntax error/);
    expect(readFileSync(join(dir, 'dist', 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}hello_linux_amd64\n$/);
    expect(existsSync(join(dir, 'dist', 'hello_windows_amd64.exe'))).toBe(false);
  });

  it('stamps the VCS revision in a git checkout', async () => {
    const dir = copy();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'hello');
    const result = await gocross(['build', ...goArgs, '--targets', 'linux/amd64'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('a git checkout');
    const info = execFileSync(join(GOROOT ?? '', 'bin', 'go'), ['version', '-m', join(dir, 'dist', 'hello_linux_amd64')], { encoding: 'utf8' });
    expect(info).toContain(`vcs.revision=${git('rev-parse', 'HEAD').trim()}`);
  });

  it('in a git checkout: outputs keep the checkout clean, two builds in a row are byte-identical, the tag at HEAD is the version, a dirty tree is said and --require-clean refuses it', async () => {
    const dir = copy();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'hello');
    git('tag', 'v2.0.1');
    const targets = ['--targets', 'linux/amd64,linux/arm64,windows/amd64'];
    const once = await build(dir, targets);
    expect(once.exitCode, once.stderr).toBe(0);
    expect(once.stderr).toContain('main.version 2.0.1 (the git tag v2.0.1 at HEAD)');
    expect(git('status', '--porcelain')).toBe('');
    const twice = await build(dir, targets);
    expect(twice.report?.targets.map((r) => r.sha256)).toEqual(once.report?.targets.map((r) => r.sha256));
    const info = execFileSync(join(GOROOT ?? '', 'bin', 'go'), ['version', '-m', join(dir, 'dist', 'hello_linux_amd64')], { encoding: 'utf8' });
    expect(info).toContain('vcs.modified=false');
    expect(execFileSync(join(dir, 'dist', 'hello_linux_amd64'), ['--version'], { encoding: 'utf8' })).toBe('hello 2.0.1 linux/amd64\n');
    // Uncommitted work: said, stamped, and refused on request.
    writeFileSync(join(dir, 'main.go'), `${readFileSync(join(dir, 'main.go'), 'utf8')}\n// edited\n`);
    const dirty = await build(dir, targets);
    expect(dirty.exitCode).toBe(0);
    expect(dirty.stderr).toContain('has 1 uncommitted change (main.go): the outputs are stamped vcs.modified=true');
    const refused = await build(dir, [...targets, '--require-clean']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('refusing to build from');
  });

  it('builds one output per cmd/* main package', async () => {
    const dir = copy(MULTI);
    const result = await build(dir, ['--targets', 'linux/amd64,linux/arm64', '--no-verify']);
    expect(result.exitCode).toBe(0);
    expect(result.report?.targets.map((r) => r.output?.split('/').pop())).toEqual(['alpha_linux_amd64', 'alpha_linux_arm64', 'beta_linux_amd64', 'beta_linux_arm64']);
    expect(result.report?.targets.map((r) => r.checks)).toEqual([[], [], [], []]);
    const named = await gocross(['build', ...goArgs, './cmd/alpha', '--name', 'tool', '--targets', 'linux/amd64', '-o', 'named'], { cwd: dir, env });
    expect(named.exitCode).toBe(0);
    expect(readdirSync(join(dir, 'named')).filter((n) => !n.startsWith('.')).sort()).toEqual(['SHA256SUMS', 'tool_linux_amd64']);
    expect((await gocross(['build', ...goArgs, '--name', 'tool', '--dry-run'], { cwd: dir, env })).exitCode).toBe(2);
    expect(execFileSync(join(dir, 'dist', 'beta_linux_amd64'), ['--version'], { encoding: 'utf8' })).toContain('beta');
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = copy();
    const result = await gocross(['build', ...goArgs, '--targets', 'linux/arm/v7,windows/amd64', '--dry-run'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`would build dist/hello_linux_arm_v7: GOOS=linux GOARCH=arm GOARM=7 CGO_ENABLED=0 GOTOOLCHAIN=local ${GOROOT}/bin/go build -trimpath -buildvcs=false -ldflags '-s -w' -o dist/hello_linux_arm_v7 .`);
    expect(result.stdout).toContain('would build dist/hello_windows_amd64.exe');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('chooses the go on PATH when it satisfies go.mod, else plans an install, and says why', async () => {
    const dir = copy();
    const onPath = { PATH: `${GOROOT}/bin:${process.env.PATH}` };
    const fine = await gocross(['build', '--dry-run', '--targets', 'linux/amd64'], { cwd: dir, env: { ...env, ...onPath } });
    expect(fine.exitCode).toBe(0);
    expect(fine.stderr).toContain(`Go go1.19.8 at ${GOROOT}: the go on PATH (go1.19.8) satisfies the go 1.19 line of ${join(dir, 'go.mod')}`);
    writeFileSync(join(dir, 'go.mod'), 'module github.com/example/hello\n\ngo 1.99\n');
    const newer = await gocross(['build', '--dry-run', '--targets', 'linux/amd64'], { cwd: dir, env: { ...env, ...onPath } });
    expect(newer.stdout).toContain(`would install Go 1.99 (newest patch) into the SDK store (the go 1.99 line of ${join(dir, 'go.mod')} asks for it and the go on PATH is go1.19.8)`);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it("uses the env's gocross SDK and target inside an env set up by init", async () => {
    const dir = copy();
    const prefix = join(root, 'env');
    mkdirSync(join(prefix, 'conda-meta'), { recursive: true });
    mkdirSync(join(prefix, 'etc', 'gocross'), { recursive: true });
    const settings = join(prefix, 'etc', 'gocross', 'env-settings.ini');
    writeFileSync(settings, `goroot = "${GOROOT}"\ntarget = linux/arm/v6\ncgo = false\n`);
    const result = await gocross(['build', '--dry-run'], { cwd: dir, env: { ...env, CONDA_PREFIX: prefix } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`Go go1.19.8 at ${GOROOT}: the env's gocross SDK (${settings})`);
    expect(result.stderr).toContain(`targets: linux/arm/v6 (the env's target (${settings}))`);
    expect(result.stdout).toContain('would build dist/hello_linux_arm_v6: GOOS=linux GOARCH=arm GOARM=6 ');
  });

  it('installs the Go that go.mod asks for through the SDK store when no go is at hand, then builds with it', async () => {
    const sdk = sdkTarball();
    if (!sdk) return;
    const mirror = await new TestMirror().start();
    try {
      mirror.files = [{ filename: sdk.filename, data: readFileSync(sdk.path), sha256: sdk.sha256, version: sdk.version }];
      const dir = copy();
      const home = join(root, 'install-home');
      const emptyPath = join(root, 'empty-path');
      mkdirSync(emptyPath, { recursive: true });
      const proxyless = { HTTP_PROXY: undefined, http_proxy: undefined, HTTPS_PROXY: undefined, https_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined };
      const result = await gocross(['--json', 'build', '--targets', 'linux/amd64'], {
        cwd: dir,
        env: { ...env, ...proxyless, PATH: emptyPath, GOCROSS_HOME: home, GOCROSS_GO_MIRROR: mirror.base },
      });
      expect(result.exitCode, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as Report;
      expect(json.go).toEqual({ goroot: join(home, 'sdk', sdk.version), version: sdk.version, why: `the go 1.19 line of ${join(dir, 'go.mod')} asks for it and no go is on PATH` });
      expect(result.stderr).toContain(`installing ${sdk.version} into the SDK store`);
      expect(execFileSync(join(dir, 'dist', 'hello_linux_amd64'), ['--version'], { encoding: 'utf8' })).toBe('hello dev linux/amd64\n');
    } finally {
      await mirror.stop();
    }
  });

  it('offline with no Go at hand: the hint is an install from an archive, and after following it the build works', async () => {
    const sdk = sdkTarball();
    if (!sdk) return;
    const dir = copy();
    const home = join(root, 'offline-home');
    const emptyPath = join(root, 'empty-path-offline');
    mkdirSync(emptyPath, { recursive: true });
    const offline = { ...env, PATH: emptyPath, GOCROSS_HOME: home, GOCROSS_GO_MIRROR: 'http://127.0.0.1:9/dl/', HTTP_PROXY: undefined, http_proxy: undefined };
    const first = await gocross(['build', '--targets', 'linux/amd64'], { cwd: dir, env: offline });
    expect(first.exitCode).toBe(3);
    expect(first.stderr).toContain('hint: without network, install from an archive downloaded elsewhere: gocross install --archive');
    expect(first.stderr).not.toContain('--sha256 HEX (or');
    const followed = await gocross(['install', '--archive', sdk.path, '--sha256', sdk.sha256], { cwd: dir, env: offline });
    expect(followed.exitCode, followed.stderr).toBe(0);
    const again = await gocross(['build', '--targets', 'linux/amd64'], { cwd: dir, env: offline });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${sdk.version} from the SDK store satisfies the go 1.19 line`);
  });

  it("takes the matrix from gocross.ini's [build] section", async () => {
    const dir = copy();
    writeFileSync(join(dir, 'gocross.ini'), '[build]\ntargets = aarch64, win-64\noutput = release\n');
    const result = await gocross(['build', ...goArgs, '--dry-run'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`targets: linux/arm64, windows/amd64 (from project config ${join(dir, 'gocross.ini')}:2)`);
    expect(result.stdout).toContain('would build release/hello_windows_amd64.exe');
  });

  it('a bad target exits 2 naming it, before building anything', async () => {
    const dir = copy();
    const result = await gocross(['build', ...goArgs, '--targets', 'linux/amd64,linux/arm65'], { cwd: dir, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/gocross: error: .*arm65/);
    expect(result.stderr).toContain('hint:');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
