import { execFileSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/binary/index.js';
import { inferFromName } from '../../src/verify/expect.js';
import { buildFixtures } from '../binary/fixtures.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const GO = requireTool('go');
const TOOLS = ['aarch64-linux-gnu-gcc', 'gcc', 'strip', 'git', 'tar', 'python3'].map((t) => requireTool(t));

interface Row {
  path: string;
  member: string | null;
  arch: string | null;
  ok: boolean;
  checks: { name: string; expected: string; actual: string; ok: boolean }[];
  [key: string]: unknown;
}

describe('inferFromName', () => {
  it.each([
    ['tool_linux_arm64', { goos: 'linux', goarch: 'arm64' }],
    ['tool-aarch64-linux', { goos: 'linux', goarch: 'arm64' }],
    ['tool_Linux_x86_64.tar.gz', { goos: 'linux', goarch: 'amd64' }],
    ['tool-darwin-arm64.zip', { goos: 'darwin', goarch: 'arm64' }],
    ['tool_1.2.3_linux_armv7', { goos: 'linux', goarch: 'arm', goarm: '7' }],
    ['tool-v1.2.64-windows-amd64.exe', { goos: 'windows', goarch: 'amd64' }],
    ['tool.exe', { goos: 'windows' }],
    ['tool', {}],
  ])('%s', (name, expected) => {
    expect(inferFromName(name)).toEqual(expected);
  });
});

describe.skipIf(!GO || !TOOLS.every(Boolean))('gocross verify on real binaries', () => {
  const root = tempDir('gocross-verify-');
  let fx = '';
  const f = (name: string): string => join(fx, name);
  const verify = async (args: string[]) => {
    const result = await gocross(['--json', 'verify', ...args]);
    return { ...result, rows: (result.stdout ? JSON.parse(result.stdout) : []) as Row[] };
  };
  const failed = (rows: Row[]): string[] => rows.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => c.name));

  beforeAll(async () => {
    fx = await buildFixtures(GO ?? '', join(root, 'fixtures'));
  });

  it('passes the right target and fails the wrong one, naming the check', async () => {
    const right = await verify(['--target', 'linux/arm64', f('linux-arm64')]);
    expect(right.exitCode).toBe(0);
    expect(right.rows[0]?.checks).toEqual([
      { name: 'os', expected: 'linux', actual: 'linux', ok: true },
      { name: 'arch', expected: 'arm64', actual: 'arm64', ok: true },
    ]);
    const wrong = await verify(['--target', 'linux/amd64', f('linux-arm64')]);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.rows[0]?.checks).toContainEqual({ name: 'arch', expected: 'amd64', actual: 'arm64', ok: false });
  });

  it('checks linkage: cgo builds are dynamic unless linked statically', async () => {
    expect(failed((await verify(['--static', f('linux-arm64-cgo')])).rows)).toEqual(['linkage']);
    expect((await verify(['--static', f('linux-arm64-cgo-static'), f('linux-arm64'), f('c-static-pie')])).exitCode).toBe(0);
    expect((await verify(['--dynamic', f('linux-arm64-cgo')])).exitCode).toBe(0);
  });

  it('checks the glibc floor, the Go version range and CGO_ENABLED', async () => {
    const glibc = (await verify([f('c-dynamic')])).rows[0]?.glibc as string;
    expect(glibc).toMatch(/^2\.\d+$/);
    expect(failed((await verify(['--max-glibc', '2.2', f('c-dynamic')])).rows)).toEqual(['glibc']);
    expect((await verify(['--max-glibc', glibc, f('c-dynamic')])).exitCode).toBe(0);
    expect((await verify(['--go', '>=1.19', f('linux-arm64')])).exitCode).toBe(0);
    expect(failed((await verify(['--go', '>=go1.20', f('linux-arm64')])).rows)).toEqual(['go-version']);
    expect((await verify(['--cgo', f('linux-arm64-cgo')])).exitCode).toBe(0);
    expect(failed((await verify(['--no-cgo', f('linux-arm64-cgo')])).rows)).toEqual(['cgo']);
  });

  it('checks the ARM variant through the build info', async () => {
    expect((await verify(['--target', 'linux/arm/v7', f('linux-armv7')])).exitCode).toBe(0);
    expect(failed((await verify(['--target', 'linux/arm/v7', f('linux-armv6')])).rows)).toEqual(['goarm']);
  });

  it('--require-buildinfo fails a Go binary whose build info is gone', async () => {
    const data = readFileSync(f('linux-amd64'));
    const at = data.indexOf(Buffer.from('\xff Go buildinf:', 'latin1'));
    expect(at).toBeGreaterThan(0);
    data.fill(0, at, at + 14);
    writeFileSync(join(root, 'no-buildinfo'), data);
    const result = await verify(['--require-buildinfo', join(root, 'no-buildinfo'), f('linux-amd64')]);
    expect(result.rows.map((r) => r.ok)).toEqual([false, true]);
    expect(result.rows[0]?.checks[0]).toEqual({ name: 'buildinfo', expected: 'Go build info', actual: 'missing', ok: false });
  });

  it('--infer takes the target from names, also inside .tar.gz and .zip archives', async () => {
    const release = join(root, 'release');
    mkdirSync(release);
    copyFileSync(f('linux-arm64'), join(release, 'tool_linux_arm64'));
    copyFileSync(f('linux-amd64'), join(release, 'tool-aarch64-linux'));
    copyFileSync(f('windows-amd64.exe'), join(release, 'tool.exe'));
    mkdirSync(join(root, 'pack'));
    copyFileSync(f('linux-amd64'), join(root, 'pack', 'tool'));
    writeFileSync(join(root, 'pack', 'README.md'), '# tool\n');
    execFileSync('tar', ['-C', join(root, 'pack'), '-czf', join(release, 'tool_Linux_x86_64.tar.gz'), 'tool', 'README.md']);
    copyFileSync(f('darwin-amd64'), join(root, 'pack', 'tool-mac'));
    execFileSync('python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n  z.write(sys.argv[2], "tool")\n  z.write(sys.argv[3], "README.md")', join(release, 'tool-darwin-arm64.zip'), join(root, 'pack', 'tool-mac'), join(root, 'pack', 'README.md')]);

    const result = await verify(['--infer', release]);
    const byName = Object.fromEntries(result.rows.map((r) => [`${r.path.split('/').pop()}${r.member ? `!${r.member}` : ''}`, r.ok]));
    expect(byName).toEqual({
      'tool-aarch64-linux': false,
      'tool-darwin-arm64.zip!tool': false,
      'tool.exe': true,
      // The same bytes as tool-aarch64-linux: one binary cannot be both targets.
      'tool_Linux_x86_64.tar.gz!tool': false,
      tool_linux_arm64: true,
    });
    expect(result.rows.find((r) => r.path.endsWith('.tar.gz'))?.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['duplicate']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${result.rows.length} binaries checked, 3 failed, 2 non-binaries skipped`);

    // A member reads exactly like the same file on disk.
    const member = result.rows.find((r) => r.member === 'tool' && r.path.endsWith('.tar.gz'));
    const onDisk = await inspectFile(join(root, 'pack', 'tool'));
    expect(member).toMatchObject({ format: onDisk?.format, arch: onDisk?.arch, linkage: onDisk?.linkage, go: onDisk?.go });
  });

  it('walks directories, skipping and counting non-binaries; a named non-binary fails', async () => {
    const tree = join(root, 'tree');
    mkdirSync(join(tree, 'nested'), { recursive: true });
    copyFileSync(f('linux-riscv64'), join(tree, 'nested', 'bin'));
    writeFileSync(join(tree, 'notes.txt'), 'hello');
    writeFileSync(join(tree, 'nested', 'data.json'), '{}');
    const walked = await verify([tree]);
    expect(walked.rows.map((r) => r.arch)).toEqual(['riscv64']);
    expect(walked.stderr).toContain('2 non-binaries skipped');
    const named = await verify([join(tree, 'notes.txt')]);
    expect(named.exitCode).toBe(1);
    expect(named.rows[0]).toMatchObject({ ok: false, error: expect.stringContaining('not a binary') });
  });

  it('reports a truncated binary as a failure, not a crash', async () => {
    writeFileSync(join(root, 'truncated'), readFileSync(f('linux-arm64')).subarray(0, 3000));
    const result = await verify([join(root, 'truncated')]);
    expect(result.exitCode).toBe(1);
    expect(result.rows[0]?.error).toMatch(/past|truncated|end of file/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes JUnit XML with one testcase per binary and check', async () => {
    const junit = join(root, 'report.xml');
    await gocross(['verify', '--target', 'linux/arm64', '--junit', junit, f('linux-arm64'), f('linux-amd64')]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain('<testsuites tests="4" failures="1">');
    expect(xml).toContain('<failure message="expected arm64, got amd64"/>');
  });

  it('prints GitHub annotations for failures', async () => {
    const result = await gocross(['verify', '--github', '--target', 'linux/arm64', f('linux-amd64')]);
    expect(result.stdout).toBe(`::error file=${f('linux-amd64').replace(/:/g, '%3A')},title=gocross verify::arch: expected arm64, got amd64`);
  });

  it('without --target takes each name as the claim: a misnamed binary fails, and one whose name claims nothing fails too', async () => {
    const dir = join(root, 'claims');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    copyFileSync(f('linux-amd64'), join(dir, 'dist', 'tool_linux_arm64'));
    const misnamed = await verify([join(dir, 'dist', 'tool_linux_arm64')]);
    expect(misnamed.exitCode).toBe(1);
    expect(failed(misnamed.rows)).toEqual(['arch']);
    copyFileSync(f('linux-amd64'), join(dir, 'tool'));
    const anonymous = await verify([join(dir, 'tool')]);
    expect(anonymous.exitCode).toBe(1);
    expect(anonymous.rows[0]).toMatchObject({ ok: false, checks: [], error: expect.stringContaining('nothing to check it against') });
    const plain = await gocross(['verify', join(dir, 'tool')]);
    expect(plain.stderr).toContain('--inspect-only');
    // What the hint offers works: only inspection was wanted.
    const inspected = await verify(['--inspect-only', join(dir, 'tool')]);
    expect(inspected.exitCode).toBe(0);
    expect(inspected.rows[0]).toMatchObject({ ok: true, arch: 'amd64', checks: [] });
    expect(inspected.stderr).toContain('1 binary inspected, 0 failed');
  });

  it('an archive’s name speaks for its members', async () => {
    const dir = join(root, 'archived');
    mkdirSync(join(dir, 'in'), { recursive: true });
    copyFileSync(f('linux-amd64'), join(dir, 'in', 'tool'));
    execFileSync('tar', ['-czf', join(dir, 'tool_1.0_linux_arm64.tar.gz'), '-C', join(dir, 'in'), 'tool']);
    const result = await verify([join(dir, 'tool_1.0_linux_arm64.tar.gz')]);
    expect(result.exitCode).toBe(1);
    expect(result.rows[0]).toMatchObject({ member: 'tool', ok: false });
    expect(failed(result.rows)).toEqual(['arch']);
  });

  it('finding no binary is a failure unless --allow-empty', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'README'), 'no binaries here\n');
    const result = await gocross(['verify', '--target', 'linux/arm64', empty]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`no binaries found in ${empty} (1 other file): nothing was verified.`);
    expect(result.stderr).toContain('--allow-empty');
    expect((await gocross(['verify', '--target', 'linux/arm64', '--allow-empty', empty])).exitCode).toBe(0);
  });

  it('a directory of hundreds of files gives the rows the same files named one by one give, in order', async () => {
    const dir = join(root, 'many');
    mkdirSync(dir, { recursive: true });
    const kinds = ['linux-arm64', 'c-dynamic', 'windows-amd64.exe', 'darwin-arm64', 'linux-armv7', 'c-static-pie'];
    writeFileSync(join(dir, 'notes.txt'), 'no binary\n');
    writeFileSync(join(dir, 'truncated'), readFileSync(f('linux-amd64')).subarray(0, 200_000));
    for (let i = 0; i < 400; i += 1) linkSync(f(kinds[i % kinds.length] as string), join(dir, `bin${String(i).padStart(3, '0')}_${kinds[i % kinds.length]}`));
    const all = await verify(['--max-glibc', '2.40', dir]);
    const names = readdirSync(dir).sort();
    const few = await verify(['--max-glibc', '2.40', ...names.slice(0, 150).map((n) => join(dir, n))]);
    const rest = await verify(['--max-glibc', '2.40', ...names.slice(150).map((n) => join(dir, n))]);
    expect(all.rows.map((r) => r.path)).toEqual(names.filter((n) => n !== 'notes.txt').map((n) => join(dir, n)));
    expect(all.rows).toEqual([...few.rows, ...rest.rows].filter((r) => !r.path.endsWith('notes.txt')));
    expect(all.rows.find((r) => r.path.endsWith('truncated'))?.error).toMatch(/past end of file/);
  });

  it('rejects contradictory options and missing paths with exit 2', async () => {
    expect((await gocross(['verify', '--target', 'linux/arm64', '--os', 'linux', f('linux-arm64')])).exitCode).toBe(2);
    expect((await gocross(['verify', '--static', '--dynamic', f('linux-arm64')])).exitCode).toBe(2);
    expect((await gocross(['verify', '--max-glibc', 'new', f('linux-arm64')])).exitCode).toBe(2);
    expect((await gocross(['verify', join(root, 'nope')])).exitCode).toBe(2);
  });
});
