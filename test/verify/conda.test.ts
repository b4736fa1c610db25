/**
 * `gocross verify` on conda packages written here in both formats — `.tar.bz2` with tar and
 * bzip2, `.conda` as a stored zip of metadata.json, info-*.tar.zst and pkg-*.tar.zst (zstd) —
 * holding real Go binaries: the subdir in info/index.json is the claim for every binary inside.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures } from '../binary/fixtures.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const GO = requireTool('go');
const TOOLS = ['aarch64-linux-gnu-gcc', 'gcc', 'strip', 'tar', 'bzip2', 'zstd', 'python3'].map((t) => requireTool(t));

interface Row {
  path: string;
  member: string | null;
  arch: string | null;
  platform: string | null;
  ok: boolean;
  checks: { name: string; expected: string; actual: string; ok: boolean }[];
}

describe.skipIf(!GO || !TOOLS.every(Boolean))('gocross verify on conda packages', () => {
  const root = tempDir('gocross-verify-conda-');
  let fx = '';
  const f = (name: string): string => join(fx, name);
  const verify = async (args: string[]) => {
    const result = await gocross(['--json', 'verify', ...args]);
    return { ...result, rows: (result.stdout ? JSON.parse(result.stdout) : []) as Row[] };
  };

  /** A package tree: info/index.json with `index`, and `files` ([host file, path]). */
  function tree(name: string, index: Record<string, unknown>, files: [string, string][]): string {
    const dir = join(root, 'trees', name);
    mkdirSync(join(dir, 'info'), { recursive: true });
    writeFileSync(join(dir, 'info', 'index.json'), JSON.stringify({ name: 'hello', version: '1.2.3', build: '0', build_number: 0, depends: [], ...index }, null, 2));
    writeFileSync(join(dir, 'info', 'files'), files.map(([, to]) => to).join('\n'));
    for (const [from, to] of files) {
      mkdirSync(join(dir, to, '..'), { recursive: true });
      copyFileSync(from, join(dir, to));
    }
    return dir;
  }

  const tarBz2 = (dir: string, out: string): string => {
    execFileSync('tar', ['-C', dir, '--owner=0', '--group=0', '-cjf', out, 'info', ...payload(dir)]);
    return out;
  };
  const payload = (dir: string): string[] => execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter((n) => n && n !== 'info');

  /** The .conda format: a stored zip; info/ and the payload as separate zstd tars. */
  const conda = (dir: string, out: string): string => {
    const stem = out.split('/').pop()!.replace(/\.conda$/, '');
    const work = join(root, 'work', stem);
    mkdirSync(work, { recursive: true });
    execFileSync('tar', ['-C', dir, '--owner=0', '--group=0', '-cf', join(work, 'info.tar'), 'info']);
    execFileSync('tar', ['-C', dir, '--owner=0', '--group=0', '-cf', join(work, 'pkg.tar'), ...payload(dir)]);
    execFileSync('zstd', ['-q', '-19', join(work, 'info.tar'), '-o', join(work, `info-${stem}.tar.zst`)]);
    execFileSync('zstd', ['-q', '-T0', join(work, 'pkg.tar'), '-o', join(work, `pkg-${stem}.tar.zst`)]);
    writeFileSync(join(work, 'metadata.json'), JSON.stringify({ conda_pkg_format_version: 2 }));
    execFileSync('python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED) as z:\n  for p in sys.argv[2:]:\n    z.write(p, p.split("/")[-1])', out, join(work, 'metadata.json'), join(work, `info-${stem}.tar.zst`), join(work, `pkg-${stem}.tar.zst`)]);
    return out;
  };

  beforeAll(async () => {
    fx = await buildFixtures(GO ?? '', join(root, 'fixtures'));
    mkdirSync(join(root, 'out'), { recursive: true });
  }, 600_000);

  it('passes a linux-aarch64 package holding an arm64 Go binary, in both formats', async () => {
    const dir = tree('good', { subdir: 'linux-aarch64', arch: 'aarch64', platform: 'linux' }, [[f('linux-arm64'), 'bin/hello']]);
    for (const pkg of [tarBz2(dir, join(root, 'out', 'hello-1.2.3-0.tar.bz2')), conda(dir, join(root, 'out', 'hello-1.2.3-0.conda'))]) {
      const result = await verify([pkg]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.rows).toMatchObject([{ path: pkg, member: 'bin/hello', arch: 'arm64', platform: 'linux-aarch64', ok: true }]);
      expect(result.rows[0]!.checks.map((c) => c.name)).toEqual(['os', 'arch']);
    }
    // osx-arm64 means darwin.
    const mac = tree('mac', { subdir: 'osx-arm64' }, [[f('darwin-arm64'), 'bin/hello']]);
    expect((await verify([conda(mac, join(root, 'out', 'hello-mac-0.conda'))])).exitCode).toBe(0);
  });

  it('fails a package whose subdir lies, naming the file, in both formats', async () => {
    const dir = tree('lies', { subdir: 'linux-64', arch: 'x86_64', platform: 'linux' }, [[f('linux-arm64'), 'bin/hello'], [f('linux-amd64'), 'libexec/hello-helper']]);
    for (const pkg of [tarBz2(dir, join(root, 'out', 'lies-1.0-0.tar.bz2')), conda(dir, join(root, 'out', 'lies-1.0-0.conda'))]) {
      const result = await gocross(['verify', pkg]);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain(`${pkg}!bin/hello:`);
      expect(result.stdout).toContain('arch: expected amd64, got arm64');
      expect(result.stdout).not.toContain(`${pkg}!libexec/hello-helper:`);
    }
  });

  it('fails a noarch package that holds a binary', async () => {
    const dir = tree('noarch', { subdir: 'noarch', noarch: 'generic' }, [[f('linux-amd64'), 'bin/hello']]);
    const result = await verify([tarBz2(dir, join(root, 'out', 'noarch-1.0-0.tar.bz2'))]);
    expect(result.exitCode).toBe(1);
    expect(result.rows[0]!.checks).toContainEqual({ name: 'subdir', expected: 'no binary (noarch package)', actual: 'linux/amd64', ok: false });
  });

  it('reads a .tar.bz2 without info/index.json as a release archive: its name is the claim', async () => {
    const dir = join(root, 'trees', 'release');
    mkdirSync(dir, { recursive: true });
    copyFileSync(f('linux-arm64'), join(dir, 'tool'));
    const good = join(root, 'out', 'tool_1.0_linux_arm64.tar.bz2');
    const bad = join(root, 'out', 'tool_1.0_linux_amd64.tar.bz2');
    execFileSync('tar', ['-C', dir, '-cjf', good, 'tool']);
    execFileSync('tar', ['-C', dir, '-cjf', bad, 'tool']);
    expect((await verify([good])).rows).toMatchObject([{ member: 'tool', arch: 'arm64', platform: null, ok: true }]);
    const wrong = await verify([bad]);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.rows[0]!.checks).toContainEqual({ name: 'arch', expected: 'amd64', actual: 'arm64', ok: false });
  });

  it('refuses a damaged package with a clear error', async () => {
    const pkg = join(root, 'out', 'broken-1.0-0.conda');
    writeFileSync(pkg, 'PK\x03\x04 not really a zip');
    const result = await gocross(['verify', pkg]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${pkg} is not a readable conda package`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const bz = join(root, 'out', 'broken-1.0-0.tar.bz2');
    writeFileSync(bz, 'BZh91AY&SY garbage');
    const bad = await gocross(['verify', bz]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(`${bz} is not a readable conda package`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
