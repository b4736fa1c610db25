// The streaming extractor: archives made by GNU tar and node-tar unpack exactly as GNU tar unpacks
// them, from bytes in any chunking; damaged input fails; nothing is written once stopped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTarGz, startTarGzExtraction } from '../../src/io/archive.js';
import { extractTarGz } from './extract-file.js';
import { caseDirs } from '../helpers/temp.js';
import { makeTarGz } from '../helpers/ustar.js';
import { tree } from './tree.js';

describe('startTarGzExtraction', () => {
  const work = caseDirs();
  /** A tree with a path longer than ustar's 100+155 bytes, an executable, an empty and a big file. */
  const source = (dir: string): string => {
    const deep = join(dir, 'src', 'go', 'a'.repeat(90), 'b'.repeat(90), 'c'.repeat(90));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, `${'d'.repeat(120)}.go`), 'package deep\n');
    mkdirSync(join(dir, 'src', 'go', 'bin'));
    writeFileSync(join(dir, 'src', 'go', 'bin', 'go'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, 'src', 'go', 'empty'), '');
    writeFileSync(join(dir, 'src', 'go', 'big'), Buffer.alloc(9 * 1024 * 1024 + 7, 7));
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
    expect(tree(join(dir, 'ours')).filter((l) => l.startsWith('f '))).toEqual(tree(join(dir, 'gnu')).filter((l) => l.startsWith('f ')));
    expect(tree(join(dir, 'ours')).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual(tree(join(dir, 'gnu')).map((l) => l.split(' ').slice(0, 3).join(' ')));
  });

  it("unpacks node-tar's archives (pax headers for long names)", async () => {
    const dir = work();
    const src = source(dir);
    const archive = join(dir, 'n.tar.gz');
    await createTarGz(archive, src, ['go']);
    mkdirSync(join(dir, 'gnu'));
    execFileSync('tar', ['-C', join(dir, 'gnu'), '-xzf', archive]);
    await extractTarGz(archive, join(dir, 'ours'), { root: 'go' });
    expect(tree(join(dir, 'ours')).filter((l) => l.startsWith('f '))).toEqual(tree(join(dir, 'gnu')).filter((l) => l.startsWith('f ')));
  });

  it('takes its bytes in any chunking, one byte at a time included', async () => {
    const dir = work();
    const data = makeTarGz([
      { name: 'go/', type: 'dir' },
      { name: 'go/VERSION', body: 'go1.19.8\n' },
      { name: 'go/bin/go', body: 'x'.repeat(1000), mode: 0o755 },
    ]);
    const extraction = startTarGzExtraction(join(dir, 'x'), { root: 'go' });
    for (let i = 0; i < data.length; i += 1) await extraction.write(data.subarray(i, i + 1));
    expect(await extraction.finish()).toBe(3);
    expect(readFileSync(join(dir, 'x', 'go', 'bin', 'go'), 'utf8')).toBe('x'.repeat(1000));
  });

  it('calls a cut-short archive, a bad header and a repeated entry unreadable', async () => {
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
    const twice = join(dir, 'twice.tar.gz');
    writeFileSync(twice, makeTarGz([{ name: 'go/VERSION', body: 'one' }, { name: 'go/VERSION', body: 'two' }]));
    await expect(extractTarGz(twice, join(dir, 't'), { root: 'go' })).rejects.toMatchObject({ code: 'archive.unreadable' });
  });

  it('writes nothing more once aborted, and then refuses to finish', async () => {
    const dir = work();
    const src = source(dir);
    const archive = join(dir, 'a.tar.gz');
    execFileSync('tar', ['-C', src, '-czf', archive, 'go']);
    const data = readFileSync(archive);
    const extraction = startTarGzExtraction(join(dir, 'x'), { root: 'go' });
    await extraction.write(data.subarray(0, data.length >> 1));
    await extraction.abort();
    const before = tree(join(dir, 'x'));
    await extraction.write(data.subarray(data.length >> 1));
    await expect(extraction.finish()).rejects.toMatchObject({ kind: 'interrupted', code: 'archive.aborted' });
    expect(tree(join(dir, 'x'))).toEqual(before);

    const stop = new AbortController();
    stop.abort();
    const small = join(dir, 's.tar.gz');
    writeFileSync(small, makeTarGz([{ name: 'go/VERSION', body: 'go1.19.8\n' }]));
    expect(await extractTarGz(small, join(dir, 'y'), { root: 'go', signal: stop.signal })).toBe(0);
    expect(existsSync(join(dir, 'y', 'go'))).toBe(false);
  });
});
