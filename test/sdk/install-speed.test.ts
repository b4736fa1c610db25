// The streaming install: the archive is unpacked as it downloads, and only a verified tree is used.
// Real archives made by GNU tar and node-tar, a real SDK over a loopback mirror; no timing here.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarGz, extractTarGz, startTarGzExtraction } from '../../src/io/archive.js';
import { installPlan, placeArchive } from '../../src/sdk/install.js';
import { planInstall } from '../../src/sdk/plan.js';
import { MARKER, sdkRoot } from '../../src/sdk/store.js';
import { parseVersionRequest } from '../../src/sdk/version-request.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';
import { makeTarGz } from '../helpers/ustar.js';

const sdk = sdkTarball();
const platform = { goos: 'linux', goarch: 'amd64' };

/** Every file under `dir` with its mode and sha256, relative to `dir`. */
function tree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const stats = statSync(join(dir, rel));
    if (stats.isDirectory()) out.push(`d ${(stats.mode & 0o777).toString(8)} ${rel}`, ...tree(dir, rel));
    else out.push(`f ${(stats.mode & 0o777).toString(8)} ${rel} ${createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex')}`);
  }
  return out;
}

describe('the streaming extractor', () => {
  const root = tempDir();
  let n = 0;
  const work = (): string => {
    n += 1;
    const dir = join(root, `case${n}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  /** A source tree with a path longer than ustar's 100+155 bytes, an executable and an empty file. */
  const source = (dir: string): string => {
    const deep = join(dir, 'src', 'go', 'a'.repeat(90), 'b'.repeat(90), 'c'.repeat(90));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, `${'d'.repeat(120)}.go`), 'package deep\n');
    mkdirSync(join(dir, 'src', 'go', 'bin'));
    writeFileSync(join(dir, 'src', 'go', 'bin', 'go'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, 'src', 'go', 'empty'), '');
    writeFileSync(join(dir, 'src', 'go', 'big'), Buffer.alloc(3 * 1024 * 1024 + 7, 7));
    return join(dir, 'src');
  };

  it.each(['gnu', 'pax', 'ustar'])('unpacks what GNU tar --format=%s writes exactly as GNU tar does', async (format) => {
    const dir = work();
    const src = source(dir);
    const archive = join(dir, 'a.tar.gz');
    // ustar cannot hold the long name: that format gets only the short files.
    const members = format === 'ustar' ? ['go/bin', 'go/empty', 'go/big'] : ['go'];
    execFileSync('tar', ['-C', src, `--format=${format}`, '-czf', archive, ...members]);
    mkdirSync(join(dir, 'gnu'));
    execFileSync('tar', ['-C', join(dir, 'gnu'), '-xzf', archive]);
    await extractTarGz(archive, join(dir, 'ours'), { root: 'go' });
    expect(tree(join(dir, 'ours'))).toEqual(tree(join(dir, 'gnu')));
  });

  it("unpacks node-tar's archives (pax headers for long names)", async () => {
    const dir = work();
    const src = source(dir);
    const archive = join(dir, 'n.tar.gz');
    await createTarGz(archive, src, ['go']);
    mkdirSync(join(dir, 'gnu'));
    execFileSync('tar', ['-C', join(dir, 'gnu'), '-xzf', archive]);
    await extractTarGz(archive, join(dir, 'ours'), { root: 'go' });
    expect(tree(join(dir, 'ours'))).toEqual(tree(join(dir, 'gnu')));
  });

  it('takes its bytes in any chunking, one byte at a time included', async () => {
    const dir = work();
    const data = makeTarGz([
      { name: 'go/', type: 'dir' },
      { name: 'go/VERSION', body: 'go1.19.8\n' },
      { name: 'go/bin/go', body: 'x'.repeat(1000), mode: 0o755 },
    ]);
    const extraction = startTarGzExtraction(join(dir, 'x'), 'bytes', { root: 'go' });
    for (let i = 0; i < data.length; i += 1) await extraction.write(data.subarray(i, i + 1));
    expect(await extraction.finish()).toBe(3);
    expect(readFileSync(join(dir, 'x', 'go', 'bin', 'go'), 'utf8')).toBe('x'.repeat(1000));
  });

  it('calls a cut-short archive and a bad header unreadable', async () => {
    const dir = work();
    const whole = makeTarGz([{ name: 'go/VERSION', body: 'v'.repeat(5000) }]);
    const raw = execFileSync('gzip', ['-dc'], { input: whole });
    const cut = join(dir, 'cut.tar.gz');
    writeFileSync(cut, gzipSync(raw.subarray(0, 1024)));
    await expect(extractTarGz(cut, join(dir, 'c'), { root: 'go' })).rejects.toMatchObject({ code: 'archive.unreadable' });
    const bad = Buffer.from(raw);
    bad[0] = 'G'.charCodeAt(0);
    const badFile = join(dir, 'bad.tar.gz');
    writeFileSync(badFile, gzipSync(bad));
    await expect(extractTarGz(badFile, join(dir, 'b'), { root: 'go' })).rejects.toMatchObject({ code: 'archive.unreadable' });
  });

  it('writes nothing more once aborted', async () => {
    const dir = work();
    const stop = new AbortController();
    stop.abort();
    const archive = join(dir, 'a.tar.gz');
    writeFileSync(archive, makeTarGz([{ name: 'go/VERSION', body: 'go1.19.8\n' }]));
    expect(await extractTarGz(archive, join(dir, 'x'), { root: 'go', signal: stop.signal })).toBe(0);
    expect(existsSync(join(dir, 'x', 'go'))).toBe(false);
  });
});

describe.skipIf(!sdk)('installing while downloading', () => {
  const root = tempDir();
  const mirror = new TestMirror();
  const data = sdk ? readFileSync(sdk.path) : Buffer.alloc(0);
  let n = 0;
  const freshHome = (): string => {
    n += 1;
    return join(root, `home${n}`);
  };
  const gnu = join(root, 'gnu');
  beforeAll(async () => {
    // Unpacked before the mirror runs: a blocked event loop would let its keep-alive sockets go stale.
    mkdirSync(gnu);
    execFileSync('tar', ['-C', gnu, '-xzf', sdk?.path ?? '']);
    await mirror.start();
  });
  afterAll(() => mirror.stop());
  const useGenuine = (): void => {
    mirror.files = [{ filename: sdk?.filename ?? '', data, sha256: sdk?.sha256 ?? '', version: sdk?.version ?? '' }];
    mirror.faults.length = 0;
    mirror.requests.length = 0;
    mirror.noChecksums = false;
  };
  const plan = () => planInstall({ request: parseVersionRequest(sdk?.version ?? ''), mirrors: [mirror.base], platform });

  it('installs the same tree as GNU tar unpacks, and keeps nothing of the download', async () => {
    useGenuine();
    const home = freshHome();
    const result = await installPlan(await plan(), home);
    expect(result.installed).toBe(true);
    expect(tree(result.goroot).filter((line) => !line.includes(` ${MARKER} `))).toEqual(tree(join(gnu, 'go')));
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
    expect(readdirSync(join(home, 'sdk'))).toEqual([sdk?.version]);
  });

  it('resuming an earlier run feeds its partial download to the extractor first', async () => {
    useGenuine();
    const home = freshHome();
    mkdirSync(join(home, 'tmp'), { recursive: true });
    writeFileSync(join(home, 'tmp', `${sdk?.filename}.partial`), data.subarray(0, data.length >> 1));
    const result = await installPlan(await plan(), home);
    expect(result.installed).toBe(true);
    const requests = mirror.requests.filter((r) => r.url.endsWith('.tar.gz'));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.range).toBe(`bytes=${data.length >> 1}-`);
    expect(readFileSync(join(sdkRoot(home, sdk?.version ?? ''), 'VERSION'), 'utf8')).toContain(sdk?.version ?? '');
    expect(JSON.parse(readFileSync(join(result.goroot, MARKER), 'utf8'))).toMatchObject({ sha256: sdk?.sha256 });
  });

  it('a whole partial from an earlier run is verified and installed without asking the mirror for more', async () => {
    useGenuine();
    const home = freshHome();
    mkdirSync(join(home, 'tmp'), { recursive: true });
    writeFileSync(join(home, 'tmp', `${sdk?.filename}.partial`), data);
    expect((await installPlan(await plan(), home)).installed).toBe(true);
    expect(mirror.requests.filter((r) => r.url.endsWith('.tar.gz'))).toEqual([]);
  });

  it('a corrupt partial from an earlier run fails the checksum and leaves nothing', async () => {
    useGenuine();
    const home = freshHome();
    mkdirSync(join(home, 'tmp'), { recursive: true });
    const corrupt = Buffer.from(data.subarray(0, data.length >> 1));
    corrupt[corrupt.length >> 1] ^= 0xff;
    writeFileSync(join(home, 'tmp', `${sdk?.filename}.partial`), corrupt);
    await expect(installPlan(await plan(), home)).rejects.toMatchObject({ code: 'sdk.checksum-mismatch' });
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
  });

  it('places a local archive through the same extractor', async () => {
    const home = freshHome();
    mkdirSync(join(home, 'sdk'), { recursive: true });
    const goroot = await placeArchive(sdk?.path ?? '', home, sdk?.version ?? '', { sha256: sdk?.sha256 ?? null, source: 'test', platform, given: true });
    expect(existsSync(join(goroot, 'bin', 'go'))).toBe(true);
    expect(readdirSync(join(home, 'sdk'))).toEqual([sdk?.version]);
  });
});
