// The extraction as gocross runs it, compiled (bundled as dist/ is): its entries are
// written by a worker thread. Same results as GNU tar, failures of the thread's writes reported,
// and nothing written once it has finished or been aborted (the thread has exited; Node closes
// what a worker left open, and the thread closes its file itself all the same).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromSentError, toSentError } from '../../src/io/entry-writer.js';
import { compiled as bundled } from '../helpers/compiled.js';
import { caseDirs } from '../helpers/temp.js';
import { makeTarGz } from '../helpers/ustar.js';
import { tree } from './tree.js';

type Archive = typeof import('../../src/io/archive.js');
let archive: Promise<Archive> | undefined;
const compiled = (): Promise<Archive> =>
  (archive ??= bundled<Archive>('archive', { archive: 'src/io/archive.ts', 'entry-writer-thread': 'src/io/entry-writer-thread.ts' }));
const openFds = (): number => readdirSync('/proc/self/fd').length;

/** Feed `data` to a compiled extraction into `dest` in `chunk`-byte pieces; the entry count. */
async function extract(data: Buffer, dest: string, chunk = 64 * 1024): Promise<number> {
  const { startTarGzExtraction } = await compiled();
  const extraction = startTarGzExtraction(dest, { root: 'go' });
  for (let i = 0; i < data.length; i += chunk) await extraction.write(data.subarray(i, i + chunk));
  return extraction.finish();
}

describe('startTarGzExtraction (compiled: a writer thread)', () => {
  // Bundled first: esbuild's service holds pipes open, which the descriptor counts below must not see.
  beforeAll(async () => {
    await compiled();
  });
  const work = caseDirs();
  /** Many small files and a big incompressible one (several of the thread's 1 MiB batches), in several dirs. */
  const sdkLike = (dir: string): Buffer => {
    const src = join(dir, 'src');
    for (let d = 0; d < 20; d += 1) {
      mkdirSync(join(src, 'go', 'src', `pkg${d}`), { recursive: true });
      for (let f = 0; f < 30; f += 1) writeFileSync(join(src, 'go', 'src', `pkg${d}`, `f${f}.go`), `package pkg${d}\n// ${'x'.repeat(d * 100 + f)}\n`);
    }
    mkdirSync(join(src, 'go', 'bin'));
    writeFileSync(join(src, 'go', 'bin', 'go'), randomBytes(9 * 1024 * 1024 + 7), { mode: 0o755 });
    const archive = join(dir, 'a.tar.gz');
    execFileSync('tar', ['-C', src, '-czf', archive, 'go']);
    return readFileSync(archive);
  };

  it('unpacks exactly what GNU tar unpacks, modes and mtimes included, from any chunking', async () => {
    const dir = work();
    const data = sdkLike(dir);
    mkdirSync(join(dir, 'gnu'));
    execFileSync('tar', ['-C', join(dir, 'gnu'), '-xzf', join(dir, 'a.tar.gz')]);
    const fds = openFds();
    expect(await extract(data, join(dir, 'ours'))).toBe(20 * 31 + 4);
    expect(tree(join(dir, 'ours')).filter((l) => l.startsWith('f '))).toEqual(tree(join(dir, 'gnu')).filter((l) => l.startsWith('f ')));
    await extract(data, join(dir, 'odd'), 4093);
    expect(tree(join(dir, 'odd'))).toEqual(tree(join(dir, 'ours')));
    expect(openFds()).toBe(fds);
  });

  it("reports the thread's write failures (an entry that exists, a file where a directory must be)", async () => {
    const dir = work();
    const twice = makeTarGz([{ name: 'go/VERSION', body: 'one' }, { name: 'go/VERSION', body: 'two' }]);
    await expect(extract(twice, join(dir, 't'))).rejects.toMatchObject({ code: 'EEXIST', syscall: 'open' });
    const notDir = makeTarGz([{ name: 'go/a', body: 'a file' }, { name: 'go/a/b', body: 'under it' }]);
    await expect(extract(notDir, join(dir, 'n'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    const { asArchiveError } = await compiled();
    const failure = await extract(notDir, join(dir, 'n2')).catch((error: unknown) => asArchiveError(error, 'n.tar.gz'));
    expect(failure).toMatchObject({ code: 'archive.unreadable' });
  });

  it('stops the thread when the archive itself fails (cut short in the middle of a file)', async () => {
    const dir = work();
    const raw = execFileSync('gzip', ['-dc'], { input: sdkLike(dir), maxBuffer: 64 * 1024 * 1024 });
    const fds = openFds();
    await expect(extract(gzipSync(raw.subarray(0, raw.length >> 1)), join(dir, 'cut'))).rejects.toThrow(/end of file|truncated|unexpected/i);
    expect(openFds()).toBe(fds);
  });

  it('keeps the code of an fs error across the thread boundary (a full disk stays a full disk)', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    expect(fromSentError(structuredClone(toSentError(full)))).toMatchObject({ code: 'ENOSPC', errno: -28, syscall: 'write', message: full.message });
  });

  it('writes nothing once abort() resolves, closes what the thread had open, and then refuses to finish', async () => {
    const dir = work();
    const data = sdkLike(dir);
    const { startTarGzExtraction } = await compiled();
    const fds = openFds();
    const extraction = startTarGzExtraction(join(dir, 'x'), { root: 'go' });
    // Stopped in the middle of the big file (the small ones take far less): the thread has it open.
    await extraction.write(data.subarray(0, 3 * 1024 * 1024));
    await extraction.abort();
    const before = tree(join(dir, 'x'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await extraction.write(data.subarray(3 * 1024 * 1024));
    expect(tree(join(dir, 'x'))).toEqual(before);
    await expect(extraction.finish()).rejects.toMatchObject({ kind: 'interrupted', code: 'archive.aborted' });
    expect(openFds()).toBe(fds);
  });
});
