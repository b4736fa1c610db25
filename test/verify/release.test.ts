/**
 * Release sets: `--sums` against a SHA256SUMS written by sha256sum, the same binary shipped
 * under two targets' names (same bytes, or same Go build ID after strip), and `--require-clean`
 * on a binary built by go from a checkout with uncommitted changes.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures } from '../binary/fixtures.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const GO = requireTool('go');
const TOOLS = ['aarch64-linux-gnu-gcc', 'gcc', 'strip', 'tar', 'git', 'sha256sum'].map((t) => requireTool(t));
const HELLO = fileURLToPath(new URL('../fixtures/modules/hello', import.meta.url));

interface Row {
  path: string;
  member: string | null;
  ok: boolean;
  error: string | null;
  checks: { name: string; expected: string; actual: string; ok: boolean }[];
}

describe.skipIf(!GO || !TOOLS.every(Boolean))('gocross verify on release sets', () => {
  const root = tempDir('gocross-verify-release-');
  let fx = '';
  const f = (name: string): string => join(fx, name);
  const verify = async (args: string[]) => {
    const result = await gocross(['--json', 'verify', ...args]);
    return { ...result, rows: (result.stdout ? JSON.parse(result.stdout) : []) as Row[] };
  };
  const failedChecks = (row: Row | undefined) => row?.checks.filter((c) => !c.ok).map((c) => c.name);
  const base = (r: Row) => `${r.path.split('/').pop()}${r.member ? `!${r.member}` : ''}`;

  beforeAll(async () => {
    fx = await buildFixtures(GO ?? '', join(root, 'fixtures'));
  }, 600_000);

  it('--sums checks every listed file: a changed one and a missing one fail, the rest pass', async () => {
    const dist = join(root, 'dist');
    mkdirSync(dist);
    copyFileSync(f('linux-arm64'), join(dist, 'tool_linux_arm64'));
    copyFileSync(f('linux-amd64'), join(dist, 'tool_linux_amd64'));
    copyFileSync(f('windows-amd64.exe'), join(dist, 'tool_windows_amd64.exe'));
    const sums = execFileSync('sha256sum', ['tool_linux_amd64', 'tool_linux_arm64', 'tool_windows_amd64.exe'], { cwd: dist, encoding: 'utf8' });
    writeFileSync(join(dist, 'SHA256SUMS'), sums);
    const good = await verify([dist, '--sums', join(dist, 'SHA256SUMS')]);
    expect(good.exitCode, good.stdout).toBe(0);
    expect(good.rows.every((r) => r.checks.some((c) => c.name === 'sha256' && c.ok))).toBe(true);

    appendFileSync(join(dist, 'tool_linux_arm64'), Buffer.from([0]));
    rmSync(join(dist, 'tool_windows_amd64.exe'));
    const bad = await verify([dist, '--sums', join(dist, 'SHA256SUMS')]);
    expect(bad.exitCode).toBe(1);
    const byName = Object.fromEntries(bad.rows.map((r) => [base(r), r]));
    expect(failedChecks(byName.tool_linux_arm64)).toEqual(['sha256']);
    expect(byName.tool_linux_amd64?.ok).toBe(true);
    expect(byName['tool_windows_amd64.exe']).toMatchObject({ ok: false, error: expect.stringContaining('listed in'), checks: [{ name: 'sha256', actual: 'missing', ok: false }] });
    // A malformed checksum file is a usage error.
    writeFileSync(join(root, 'bad-sums'), 'not a checksum line\n');
    expect((await gocross(['verify', dist, '--sums', join(root, 'bad-sums')])).exitCode).toBe(2);
  });

  it('fails two artifacts named for different targets that hold the same binary: same bytes, or same Go build ID', async () => {
    const dir = join(root, 'dupes');
    mkdirSync(join(root, 'pack'), { recursive: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(f('linux-amd64'), join(dir, 'tool_linux_amd64'));
    copyFileSync(f('linux-amd64'), join(dir, 'tool_linux_arm64'));
    const same = await verify([dir]);
    expect(same.exitCode).toBe(1);
    const rows = Object.fromEntries(same.rows.map((r) => [base(r), r]));
    expect(failedChecks(rows.tool_linux_amd64)).toEqual(['duplicate']);
    expect(rows.tool_linux_amd64?.checks.find((c) => c.name === 'duplicate')?.actual).toContain('the same bytes as');
    expect(failedChecks(rows.tool_linux_arm64)).toEqual(['arch', 'duplicate']);

    // Stripped: other bytes, the same build ID; and inside archives named for two targets.
    rmSync(join(dir, 'tool_linux_arm64'));
    copyFileSync(f('linux-amd64'), join(root, 'pack', 'tool'));
    execFileSync('strip', [join(root, 'pack', 'tool')]);
    execFileSync('tar', ['-czf', join(dir, 'tool_1.0_darwin_amd64.tar.gz'), '-C', join(root, 'pack'), 'tool']);
    const stripped = await verify([dir]);
    const r2 = Object.fromEntries(stripped.rows.map((r) => [base(r), r]));
    expect(failedChecks(r2.tool_linux_amd64)).toEqual(['duplicate']);
    expect(r2.tool_linux_amd64?.checks.find((c) => c.name === 'duplicate')?.actual).toMatch(/the same Go build ID as \S*tool_1\.0_darwin_amd64\.tar\.gz!tool \(darwin\/amd64\)/);
    // One binary under one target's names twice is no duplicate.
    rmSync(join(dir, 'tool_1.0_darwin_amd64.tar.gz'));
    copyFileSync(f('linux-amd64'), join(dir, 'tool_1.0_linux_amd64'));
    expect((await verify([dir])).exitCode).toBe(0);
  });

  it('--require-clean fails a binary built from uncommitted changes', async () => {
    const mod = join(root, 'hello');
    cpSync(HELLO, mod, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: mod });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'hello');
    const env = { ...process.env, GOCACHE: join(tmpdir(), 'gocross-test-go', 'cache'), GOPROXY: 'off', GOFLAGS: '', GOOS: 'linux', GOARCH: 'amd64', CGO_ENABLED: '0' };
    execFileSync(GO!, ['build', '-buildvcs=true', '-o', join(root, 'clean_linux_amd64'), '.'], { cwd: mod, env });
    appendFileSync(join(mod, 'main.go'), '\n// changed\n');
    execFileSync(GO!, ['build', '-buildvcs=true', '-o', join(root, 'dirty_linux_amd64'), '.'], { cwd: mod, env });
    const result = await verify(['--require-clean', join(root, 'clean_linux_amd64'), join(root, 'dirty_linux_amd64')]);
    expect(result.exitCode).toBe(1);
    expect(result.rows.map((r) => [base(r), r.ok])).toEqual([['clean_linux_amd64', true], ['dirty_linux_amd64', false]]);
    expect(result.rows[1]!.checks).toContainEqual({ name: 'vcs-clean', expected: 'vcs.modified=false', actual: 'vcs.modified=true', ok: false });
    // Without the flag the dirty build passes.
    expect((await verify([join(root, 'dirty_linux_amd64')])).exitCode).toBe(0);
  });
});
