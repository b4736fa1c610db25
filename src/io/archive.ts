/**
 * The one archive module of gocross, on node-tar. Extraction is strict: only regular files and
 * directories under one top-level directory; anything else (links, devices, absolute paths, `..`)
 * makes the whole extraction fail, so a hostile archive cannot write outside its destination.
 */
import { mkdir } from 'node:fs/promises';
import { posix } from 'node:path';
import * as tar from 'tar';
import { environmentError } from '../errors.js';

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

export interface ExtractOptions {
  /** The one top-level directory every entry must be under, e.g. `go` for Go SDKs. */
  root: string;
  /** Once aborted, no further entry is written (the rest of the archive is only read through). */
  signal?: AbortSignal;
}

/** Why an entry path is unsafe, or undefined when it is a plain relative path under `root`. */
export function unsafeEntryReason(path: string, type: string, root: string): string | undefined {
  if (!ALLOWED_TYPES.has(type)) return `it is a ${type}, and only files and directories are allowed`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is an absolute path';
  const parts = path.split(/[\\/]+/);
  if (parts.includes('..')) return 'it climbs out with ".."';
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  if (normalized !== root && normalized !== `${root}/` && !normalized.startsWith(`${root}/`)) {
    return `it is outside the top directory "${root}/"`;
  }
  return undefined;
}

/**
 * Extract the gzip-compressed tarball `file` into `dest` (which must be an empty or new
 * directory). Returns the number of entries written. Throws before finishing if any entry is
 * unsafe; the caller removes `dest` then.
 */
export async function extractTarGz(file: string, dest: string, options: ExtractOptions): Promise<number> {
  await mkdir(dest, { recursive: true });
  const refused: string[] = [];
  let count = 0;
  try {
    await tar.x({
      file,
      cwd: dest,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      // Keep the archive's modes (Go's tools must stay executable) but never setuid bits.
      processUmask: 0o022,
      filter: (path, entry) => {
        if (options.signal?.aborted) return false;
        const type = 'type' in entry ? String(entry.type) : 'File';
        const reason = unsafeEntryReason(path, type, options.root);
        if (reason) {
          refused.push(`${path} (${reason})`);
          return false;
        }
        count += 1;
        return true;
      },
    });
  } catch (error) {
    throw environmentError('archive.unreadable', `cannot extract ${file}: ${(error as Error).message}.`, {
      hint: 'the archive is damaged or not a gzip-compressed tarball; download it again',
      cause: error,
    });
  }
  if (refused.length > 0) {
    throw environmentError(
      'archive.unsafe',
      `refusing ${file}: ${refused.length} unsafe entr${refused.length === 1 ? 'y' : 'ies'}, e.g. ${refused.slice(0, 3).join('; ')}.`,
      { hint: 'the archive is not a genuine release; get it from a trusted source' },
    );
  }
  return count;
}

/** Pack `entries` (paths relative to `cwd`) into a gzip-compressed tarball at `file`. */
export async function createTarGz(file: string, cwd: string, entries: string[]): Promise<void> {
  await tar.c({ file, cwd, gzip: true, portable: true }, entries);
}

/**
 * Calls `onMember` with each regular file of a .tar, .tar.gz or .tgz (gzip is detected by
 * node-tar), streamed: a member is buffered only when it is at most `maxSize` bytes.
 */
export async function forEachTarMember(file: string, maxSize: number, onMember: (member: { name: string; size: number }, data: Buffer) => Promise<void>): Promise<void> {
  const pending: Promise<void>[] = [];
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') return entry.resume();
        if ((entry.size ?? 0) > maxSize || entry.size === 0) return entry.resume();
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        pending.push(new Promise<void>((resolve, reject) => entry.on('end', () => onMember({ name: entry.path, size: entry.size ?? 0 }, Buffer.concat(chunks)).then(resolve, reject))));
      },
    });
  } catch (error) {
    throw environmentError('archive.unreadable', `cannot read ${file}: ${(error as Error).message}.`, { hint: 'the archive is damaged or not a tar archive', cause: error });
  }
  await Promise.all(pending);
}
