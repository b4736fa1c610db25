/**
 * Source archives for the license check: a file: URL is read where it is; an http(s) one is
 * downloaded once into `${XDG_CACHE_HOME:-~/.cache}/gocross/sources/<sha256>` (checked against
 * the recipe's sha256 before it is kept) and listed from there. Listing reads the archive,
 * never unpacks it: .tar.gz/.tgz/.tar through src/io/archive.ts, .zip through src/io/zip.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forEachTarMember } from '../io/archive.js';
import { sha256File } from '../io/files.js';
import { httpRequest } from '../io/http.js';
import { forEachZipMember } from '../io/zip.js';

export const sourceCacheDir = (env: Record<string, string | undefined>): string =>
  join(env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache'), 'gocross', 'sources');

export type FetchResult = { ok: true; path: string } | { ok: false; reason: string; mismatch?: { actual: string } };

export interface FetchOptions {
  env: Record<string, string | undefined>;
  /** Never touch the network (a copy already in the cache is used). */
  offline: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Download `url` into the cache as `sha256`, checking it; the cached copy when there is one. */
export async function fetchSource(url: string, sha256: string | undefined, options: FetchOptions): Promise<FetchResult> {
  const expected = sha256?.toLowerCase();
  if (url.startsWith('file:')) {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      return { ok: false, reason: `${url} is not a file URL gocross can read` };
    }
    if (!existsSync(path) || !statSync(path).isFile()) return { ok: false, reason: `the source ${path} does not exist` };
    if (expected && SHA256.test(expected)) {
      const actual = (await sha256File(path)).sha256;
      if (actual !== expected) return { ok: false, reason: `${path} has sha256 ${actual}, not the recipe's`, mismatch: { actual } };
    }
    return { ok: true, path };
  }
  if (!/^https?:\/\//i.test(url)) return { ok: false, reason: `the source ${url} is not an http(s) or file URL` };
  if (!expected || !SHA256.test(expected)) return { ok: false, reason: 'the source has no valid sha256 to check a download against' };
  const dir = sourceCacheDir(options.env);
  const cached = join(dir, expected);
  if (existsSync(cached)) return { ok: true, path: cached };
  if (options.offline) return { ok: false, reason: 'the source archive is not in the cache and --offline keeps gocross off the network' };
  let response;
  try {
    response = await httpRequest(url);
  } catch (error) {
    return { ok: false, reason: `the source could not be fetched: ${(error as Error).message.replace(/\.$/, '')}` };
  }
  if (!response.ok || !response.body) return { ok: false, reason: `the source could not be fetched: HTTP ${response.status} from ${url}` };
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${expected}.${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('sha256');
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(temp);
      out.on('error', reject);
      (async () => {
        for await (const chunk of response.body as AsyncIterable<Buffer | string>) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          hash.update(bytes);
          if (!out.write(bytes)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        out.end(() => resolve());
      })().catch(reject);
    });
  } catch (error) {
    rmSync(temp, { force: true });
    return { ok: false, reason: `the source could not be fetched: ${(error as Error).message.replace(/\.$/, '')}` };
  }
  const actual = hash.digest('hex');
  if (actual !== expected) {
    rmSync(temp, { force: true });
    return { ok: false, reason: `the download of ${url} has sha256 ${actual}, not the recipe's`, mismatch: { actual } };
  }
  mkdirSync(dirname(cached), { recursive: true });
  renameSync(temp, cached);
  return { ok: true, path: cached };
}

/** Put a file already hashed (the generator's download) into the cache under its sha256. */
export function cacheFile(path: string, sha256: string, env: Record<string, string | undefined>): void {
  const dir = sourceCacheDir(env);
  const target = join(dir, sha256);
  if (existsSync(target)) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  renameSync(path, target);
}

/** A temporary file in the cache directory, for a download that is hashed as it streams. */
export function cacheTempFile(env: Record<string, string | undefined>): string {
  const dir = sourceCacheDir(env);
  mkdirSync(dir, { recursive: true });
  return join(dir, `.download.${randomBytes(6).toString('hex')}.part`);
}

function magic(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(6);
    readSync(fd, buffer, 0, 6, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** The member paths of an archive, or why they cannot be read. Members over 4 MiB are not listed (license files never are). */
export async function listArchive(path: string): Promise<{ ok: true; members: string[] } | { ok: false; reason: string }> {
  const head = magic(path);
  const members: string[] = [];
  const limit = 4 * 1024 * 1024;
  try {
    if (head[0] === 0x50 && head[1] === 0x4b) {
      await forEachZipMember(path, limit, async (member) => {
        members.push(member.name);
      });
    } else if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) {
      return { ok: false, reason: 'the source is a .tar.bz2, which gocross cannot read (Node has no bzip2)' };
    } else if (head[0] === 0xfd && head[1] === 0x37) {
      return { ok: false, reason: 'the source is a .tar.xz, which gocross cannot read' };
    } else if (head[0] === 0x28 && head[1] === 0xb5) {
      return { ok: false, reason: 'the source is zstd-compressed, which gocross cannot read' };
    } else {
      await forEachTarMember(path, limit, async (member) => {
        members.push(member.name);
      });
    }
  } catch (error) {
    return { ok: false, reason: `the source archive cannot be read: ${(error as Error).message.replace(/\.$/, '')}` };
  }
  return { ok: true, members };
}
