/**
 * Finding the binaries under the paths given: files, directories (recursively) and the members
 * of .tar/.tar.gz/.tgz/.zip archives (read in memory, never unpacked to disk).
 */
import { type Dirent, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type BinaryInfo, inspectBuffer, inspectFile } from '../binary/index.js';
import { isGocrossError, usageError } from '../errors.js';
import { forEachTarMember } from '../io/archive.js';
import { forEachZipMember } from '../io/zip.js';

export interface Found {
  path: string;
  /** The member inside an archive, else null. */
  member: string | null;
  info: BinaryInfo | null;
  /** Why it could not be inspected (malformed binary), else null. */
  error: string | null;
  /** Named on the command line (not found in a directory or archive): a non-binary is a failure. */
  named: boolean;
}

/** Archive members larger than this are skipped: no release binary is that big, and memory is finite. */
const MAX_MEMBER = 512 * 1024 * 1024;

const isArchive = (path: string): 'tar' | 'zip' | null => (/\.(tar\.gz|tgz|tar)$/i.test(path) ? 'tar' : /\.zip$/i.test(path) ? 'zip' : null);

async function inspectMember(path: string, member: string, data: Buffer): Promise<Found> {
  try {
    return { path, member, info: await inspectBuffer(data), error: null, named: false };
  } catch (error) {
    if (isGocrossError(error) && error.kind === 'check') return { path, member, info: null, error: error.message, named: false };
    throw error;
  }
}

async function inspectOne(path: string, named: boolean): Promise<Found[]> {
  const archive = isArchive(path);
  if (archive === 'tar') {
    const found: Found[] = [];
    await forEachTarMember(path, MAX_MEMBER, async (m, data) => void found.push(await inspectMember(path, m.name, data)));
    return found;
  }
  if (archive === 'zip') {
    const found: Found[] = [];
    await forEachZipMember(path, MAX_MEMBER, async (m, data) => void found.push(await inspectMember(path, m.name, data())));
    return found;
  }
  try {
    return [{ path, member: null, info: await inspectFile(path), error: null, named }];
  } catch (error) {
    if (isGocrossError(error) && error.kind === 'check') return [{ path, member: null, info: null, error: error.message, named }];
    throw error;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

export async function* walk(paths: string[]): AsyncGenerator<Found> {
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw usageError('verify.missing', `${path} does not exist.`, { hint: 'check the path' });
    }
    if (!isDir) {
      yield* await inspectOne(path, true);
      continue;
    }
    for (const file of await filesUnder(path)) yield* await inspectOne(file, false);
  }
}
