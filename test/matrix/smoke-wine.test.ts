/**
 * Smoke runs of windows outputs under Debian's wine64: the plan (why not, when it cannot) and a
 * real windows/amd64 Go binary run with exactly the plan's command and environment, in a
 * WINEPREFIX under a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planWineSmoke, WINE_CANDIDATES } from '../../src/matrix/smoke.js';
import { findExecutable, run } from '../../src/io/process.js';
import { parseTarget } from '../../src/targets/index.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const host = { goos: 'linux', goarch: 'amd64' };
const GO = requireTool('go');
const WINE = WINE_CANDIDATES.map((c) => findExecutable(c)).find(Boolean);

describe('planWineSmoke', () => {
  const facts = { host, winePath: '/usr/lib/wine/wine64', prefix: '/tmp/p' };
  it('runs windows/amd64 with WINEPREFIX and WINEDEBUG=-all', () => {
    expect(planWineSmoke(parseTarget('windows/amd64'), 'dist/t.exe', facts)).toEqual({
      run: true,
      how: 'wine',
      command: '/usr/lib/wine/wine64',
      prefixArgs: ['dist/t.exe'],
      env: { WINEPREFIX: '/tmp/p', WINEDEBUG: '-all' },
    });
  });
  it('says why it cannot run the others', () => {
    expect(planWineSmoke(parseTarget('windows/arm64'), 't.exe', facts)).toEqual({ run: false, reason: 'wine64 cannot run windows/arm64 binaries (only amd64 and 386)' });
    expect(planWineSmoke(parseTarget('windows/amd64'), 't.exe', { ...facts, winePath: undefined })).toEqual({ run: false, reason: 'wine64 is not installed (apt-get install wine64)' });
    expect(planWineSmoke(parseTarget('windows/amd64'), 't.exe', { ...facts, host: { goos: 'linux', goarch: 'arm64' } })).toEqual({ run: false, reason: 'wine64 runs windows binaries on linux/amd64 hosts only, not on linux/arm64' });
    expect(planWineSmoke(parseTarget('darwin/arm64'), 't', facts)).toMatchObject({ run: false });
  });
});

describe.skipIf(!GO || !WINE || process.arch !== 'x64')('a windows/amd64 Go binary under wine64', () => {
  const root = tempDir('gocross-wine-');
  it('runs with the plan’s command and environment and prints its line', async () => {
    const mod = join(root, 'hello');
    mkdirSync(mod);
    writeFileSync(join(mod, 'go.mod'), 'module example.com/hello\n\ngo 1.19\n');
    writeFileSync(join(mod, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\nfunc main() { fmt.Println("hello", runtime.GOOS+"/"+runtime.GOARCH) }\n');
    const exe = join(root, 'hello_windows_amd64.exe');
    execFileSync(GO!, ['build', '-o', exe, '.'], { cwd: mod, env: { ...process.env, GOOS: 'windows', GOARCH: 'amd64', CGO_ENABLED: '0', GOFLAGS: '', GOCACHE: join(tmpdir(), 'gocross-test-go', 'cache'), GOPROXY: 'off' } });
    const prefix = join(root, 'wineprefix');
    const plan = planWineSmoke(parseTarget('windows/amd64'), exe, { host, winePath: WINE, prefix });
    expect(plan.run).toBe(true);
    if (!plan.run) return;
    const result = await run(plan.command, plan.prefixArgs, { env: plan.env, timeoutMs: 120_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('hello windows/amd64');
    expect(existsSync(join(prefix, 'system.reg'))).toBe(true);
  }, 180_000);
});

describe.skipIf(!GO || !WINE || process.arch !== 'x64')('gocross build --smoke with windows outputs', () => {
  it('runs the windows/amd64 output under wine64 and says which output it could not run and why', async () => {
    const { gocross } = await import('../helpers/cli.js');
    const { cpSync } = await import('node:fs');
    const dir = join(tempDir('gocross-wine-build-'), 'hello');
    cpSync(new URL('../fixtures/modules/hello', import.meta.url).pathname, dir, { recursive: true });
    const result = await gocross(['--json', 'build', '--go', join(GO ?? '', '..', '..'), '--targets', 'windows/amd64,windows/arm64', '--version', '3.1.4', '--smoke'], {
      cwd: dir,
      env: { GOFLAGS: undefined, GOOS: undefined, GOARCH: undefined, CONDA_PREFIX: undefined, GOCROSS_HOME: join(dir, '..', 'home'), XDG_CONFIG_HOME: join(dir, '..', 'xdg') },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const rows = (JSON.parse(result.stdout) as { targets: { target: string; smoke: Record<string, unknown> }[] }).targets;
    expect(rows.find((r) => r.target === 'windows/amd64')?.smoke).toMatchObject({ ran: true, how: 'wine', exitCode: 0, line: 'hello 3.1.4 windows/amd64' });
    expect(rows.find((r) => r.target === 'windows/arm64')?.smoke).toEqual({ ran: false, reason: 'wine64 cannot run windows/arm64 binaries (only amd64 and 386)' });
  }, 180_000);
});
