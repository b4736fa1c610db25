import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { createTarGz, unsafeEntryReason } from '../../src/io/archive.js';
import { extractTarGz } from './extract-file.js';
import { tempDir } from '../helpers/temp.js';
import { makeTarGz, type TarEntry } from '../helpers/ustar.js';

const GOOD: TarEntry[] = [
  { name: 'go/', type: 'dir' },
  { name: 'go/bin/', type: 'dir' },
  { name: 'go/bin/go', body: '#!/bin/sh\necho go\n', mode: 0o755 },
  { name: 'go/VERSION', body: 'go1.19.8\n' },
];

describe('extractTarGz', () => {
  const root = tempDir();
  let n = 0;
  const fresh = (entries: TarEntry[]): { archive: string; dest: string } => {
    n += 1;
    const work = join(root, `case${n}`);
    mkdirSync(work);
    const archive = join(work, 'sdk.tar.gz');
    writeFileSync(archive, makeTarGz(entries));
    return { archive, dest: join(work, 'store', 'extract') };
  };

  it('extracts files and directories under the root, keeping the executable bit', async () => {
    const { archive, dest } = fresh(GOOD);
    expect(await extractTarGz(archive, dest, { root: 'go' })).toBe(4);
    expect(readFileSync(join(dest, 'go', 'VERSION'), 'utf8')).toBe('go1.19.8\n');
    expect(statSync(join(dest, 'go', 'bin', 'go')).mode & 0o111).not.toBe(0);
  });

  it.each<[string, TarEntry]>([
    ['a parent-directory escape', { name: 'go/../../escaped', body: 'x' }],
    ['an absolute path', { name: '/tmp/gocross-absolute-escape', body: 'x' }],
    ['a symlink pointing out', { name: 'go/evil', type: 'symlink', linkname: '/etc/passwd' }],
    ['a hard link', { name: 'go/hard', type: 'hardlink', linkname: 'go/VERSION' }],
    ['an entry outside the top directory', { name: 'other/file', body: 'x' }],
  ])('refuses %s and writes nothing outside the destination', async (_name, bad) => {
    const { archive, dest } = fresh([...GOOD, bad]);
    const error = await extractTarGz(archive, dest, { root: 'go' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GocrossError);
    expect((error as GocrossError).kind).toBe('environment');
    expect(['archive.unsafe', 'archive.unreadable']).toContain((error as GocrossError).code);
    expect(existsSync(join(dest, '..', '..', 'escaped'))).toBe(false);
    expect(existsSync(join(dest, '..', 'escaped'))).toBe(false);
    expect(existsSync('/tmp/gocross-absolute-escape')).toBe(false);
    expect(existsSync(join(dest, 'go', 'evil'))).toBe(false);
    expect(existsSync(join(dest, 'go', 'hard'))).toBe(false);
  });

  it('reports a file that is not a gzip tarball as unreadable', async () => {
    const work = join(root, 'garbage');
    mkdirSync(work);
    writeFileSync(join(work, 'x.tar.gz'), 'this is not gzip');
    const error = await extractTarGz(join(work, 'x.tar.gz'), join(work, 'dest'), { root: 'go' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'environment', code: 'archive.unreadable' });
  });

  it('round-trips an archive made by createTarGz', async () => {
    const src = join(root, 'src');
    mkdirSync(join(src, 'go', 'src', 'runtime'), { recursive: true });
    writeFileSync(join(src, 'go', 'src', 'runtime', 'x.go'), 'package runtime\n');
    const archive = join(root, 'made.tar.gz');
    await createTarGz(archive, src, ['go']);
    await extractTarGz(archive, join(root, 'made'), { root: 'go' });
    expect(readFileSync(join(root, 'made', 'go', 'src', 'runtime', 'x.go'), 'utf8')).toBe('package runtime\n');
  });
});

describe('unsafeEntryReason', () => {
  it.each([
    ['go/bin/go', 'File', undefined],
    ['go/', 'Directory', undefined],
    ['go', 'Directory', undefined],
    ['go/../x', 'File', 'climbs'],
    ['C:/x', 'File', 'absolute'],
    ['go\\..\\x', 'File', 'climbs'],
    ['gopher/x', 'File', 'outside'],
    ['go/dev', 'CharacterDevice', 'only files and directories'],
  ])('%s (%s)', (path, type, expected) => {
    const reason = unsafeEntryReason(path, type, 'go');
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });
});
