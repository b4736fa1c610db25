/**
 * The one archive module of gocross, on node-tar. Extraction is strict: only regular files and
 * directories under one top-level directory; anything else (links, devices, absolute paths, `..`)
 * makes the whole extraction fail, so a hostile archive cannot write outside its destination.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, utimes } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar';
import { environmentError, GocrossError } from '../errors.js';

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

/** Files at most this big are gathered whole and written in parallel; bigger ones are streamed. */
const WHOLE_FILE_MAX = 4 * 1024 * 1024;
/** Files written at the same time (the libuv pool has four threads; inflating shares them). */
const PARALLEL_WRITES = 8;
/** Bytes gathered for writes in flight before more input is taken. */
const PENDING_MAX = 32 * 1024 * 1024;
/** zlib's output chunk: 64 KiB takes a third of the default 16 KiB's time to inflate an SDK. */
const INFLATE_CHUNK = 64 * 1024;

/** A gzip-compressed tarball being unpacked from bytes fed to it (see startTarGzExtraction). */
export interface TarGzExtraction {
  /**
   * Take the next bytes of the archive; resolves once more may be written. Rejects only on a
   * failure that more bytes cannot change (a full disk); other failures wait for finish().
   */
  write(chunk: Buffer): Promise<void>;
  /** The archive is complete: resolves with the entries written once they are all on disk. */
  finish(): Promise<number>;
  /** Write nothing more; resolves once the writes in flight have settled (the caller removes dest). */
  abort(): Promise<void>;
}

const isDiskFailure = (error: unknown): boolean => ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

/**
 * Unpack a gzip-compressed tarball into `dest` (new or empty, private to the caller) as its bytes
 * arrive. node-tar's Parser reads the archive, strictly: a damaged header, a truncated archive or
 * anything but gzip-compressed tar fails it. Only files and directories under `options.root` are
 * written, never over anything (O_EXCL: not through a link either), owners not kept, modes without setuid/setgid or group and
 * other write, mtimes kept. Directories are made once each and small files written several at a
 * time — node-tar's own Unpack re-creates every parent of every entry, one system call after the
 * other, which is most of an SDK install's time.
 */
export function startTarGzExtraction(dest: string, options: ExtractOptions): TarGzExtraction {
  const refused: string[] = [];
  let failure: unknown;
  let aborted = false;
  let count = 0;
  const dirs = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let pendingBytes = 0;
  let active = 0;
  const queue: (() => void)[] = [];
  const settled: (() => void)[] = [];
  const wake = (): void => {
    for (const resolve of settled.splice(0)) resolve();
  };
  // Files being streamed wait for bytes that will not come once the input stops: close them.
  const streams = new Set<WriteStream>();
  const closeStreams = (): void => {
    for (const out of streams) out.destroy();
  };
  const fail = (error: unknown): void => {
    failure ??= error;
    closeStreams();
    wake();
  };
  const stopped = (): boolean => aborted || failure !== undefined || options.signal?.aborted === true;

  const makeDir = (dir: string, mode = 0o755): Promise<void> => {
    let made = dirs.get(dir);
    if (!made) {
      const parent = dirname(dir);
      made = (parent === dir ? Promise.resolve() : makeDir(parent)).then(() =>
        mkdir(dir, { mode: (mode & 0o755) | 0o700 }).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }),
      );
      dirs.set(dir, made);
    }
    return made;
  };
  const track = (job: Promise<void>, bytes: number): void => {
    const tracked = job.catch(fail).finally(() => {
      inFlight.delete(tracked);
      pendingBytes -= bytes;
      wake();
    });
    inFlight.add(tracked);
    pendingBytes += bytes;
  };
  const withSlot = async (job: () => Promise<void>): Promise<void> => {
    if (active >= PARALLEL_WRITES) await new Promise<void>((resolve) => queue.push(resolve));
    else active += 1;
    try {
      if (!stopped()) await job();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active -= 1;
    }
  };
  const writeWhole = async (path: string, data: Buffer, mode: number, mtime: Date | undefined): Promise<void> => {
    const file = await open(path, 'wx', mode);
    try {
      if (data.length > 0) await file.write(data, 0, data.length, 0);
      if (mtime) await file.utimes(mtime, mtime);
    } finally {
      await file.close();
    }
  };

  // The root of the tree is made first and once, so no entry depends on a directory of the caller's.
  dirs.set(dirname(dest), Promise.resolve());
  const made = mkdir(dest, { recursive: true }).then(() => undefined);
  dirs.set(dest, made);
  track(made, 0);

  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry: tar.ReadEntry) => {
      const type = String(entry.type);
      const reason = unsafeEntryReason(entry.path, type, options.root);
      if (reason) refused.push(`${entry.path} (${reason})`);
      if (reason || stopped()) {
        entry.resume();
        return;
      }
      const path = join(dest, posix.normalize(entry.path.replace(/\\/g, '/')));
      const mode = (entry.mode ?? (type === 'Directory' ? 0o755 : 0o644)) & 0o755;
      count += 1;
      if (type === 'Directory') {
        track(makeDir(path.replace(/[\\/]+$/, ''), mode), 0);
        entry.resume();
        return;
      }
      const { mtime } = entry;
      if ((entry.size ?? 0) > WHOLE_FILE_MAX) {
        // Streamed with back-pressure: the parser waits for the file, and the input for the parser.
        entry.pause();
        track(
          makeDir(dirname(path)).then(
            () =>
              new Promise<void>((resolve, reject) => {
                if (stopped()) {
                  entry.resume();
                  resolve();
                  return;
                }
                const out = createWriteStream(path, { flags: 'wx', mode });
                streams.add(out);
                out.on('error', (error) => {
                  entry.resume();
                  reject(error);
                });
                out.on('close', () => {
                  streams.delete(out);
                  if (stopped()) {
                    entry.resume();
                    resolve();
                  } else if (mtime) utimes(path, mtime, mtime).then(resolve, reject);
                  else resolve();
                });
                entry.pipe(out);
              }),
          ),
          0,
        );
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => {
        const data = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        track(withSlot(() => makeDir(dirname(path)).then(() => writeWhole(path, data, mode, mtime))), data.length);
      });
    },
  });
  const inflate = createGunzip({ chunkSize: INFLATE_CHUNK });
  const parsed = new Promise<void>((resolve) => {
    parser.on('end', () => resolve());
    parser.on('error', (error: unknown) => {
      fail(error);
      resolve();
    });
    inflate.on('error', (error) => {
      fail(error);
      resolve();
    });
  });
  inflate.pipe(parser as unknown as NodeJS.WritableStream);

  const untilBelow = async (): Promise<void> => {
    while (pendingBytes > PENDING_MAX && !stopped()) await new Promise<void>((resolve) => settled.push(resolve));
  };
  const fatal = (): unknown => (isDiskFailure(failure) ? failure : undefined);
  const settle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  return {
    async write(chunk) {
      if (stopped()) {
        if (fatal()) throw fatal();
        return;
      }
      if (!inflate.write(chunk)) {
        // A failure wakes this too: a parser that stopped may never drain the inflater.
        await new Promise<void>((resolve) => {
          const done = (): void => {
            inflate.off('drain', done);
            resolve();
          };
          inflate.once('drain', done);
          settled.push(done);
        });
      }
      await untilBelow();
      if (fatal()) throw fatal();
    },
    async finish() {
      if (!stopped()) inflate.end();
      else {
        inflate.destroy();
        closeStreams();
      }
      if (!stopped()) await parsed;
      await settle();
      if (failure !== undefined) throw failure;
      if (refused.length > 0) {
        throw environmentError(
          'archive.unsafe',
          `refusing the archive: ${refused.length} unsafe entr${refused.length === 1 ? 'y' : 'ies'}, e.g. ${refused.slice(0, 3).join('; ')}.`,
          { hint: 'the archive is not a genuine release; get it from a trusted source' },
        );
      }
      return count;
    },
    async abort() {
      aborted = true;
      wake();
      inflate.destroy();
      closeStreams();
      for (const resolve of queue.splice(0)) resolve();
      await settle();
    },
  };
}

/**
 * Extract the gzip-compressed tarball `file` into `dest` (which must be an empty or new
 * directory). Returns the number of entries written. Throws if any entry is unsafe or the archive
 * is damaged; the caller removes `dest` then.
 */
export async function extractTarGz(file: string, dest: string, options: ExtractOptions): Promise<number> {
  const extraction = startTarGzExtraction(dest, options);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) await extraction.write(chunk as Buffer);
    return await extraction.finish();
  } catch (error) {
    await extraction.abort();
    throw asArchiveError(error, file);
  }
}

/** A failure of the archive itself as `archive.unreadable`; GocrossErrors and disk errors as they are. */
export function asArchiveError(error: unknown, name: string): unknown {
  if (error instanceof GocrossError || isDiskFailure(error)) return error;
  return environmentError('archive.unreadable', `cannot extract ${name}: ${(error as Error).message}.`, {
    hint: 'the archive is damaged or not a gzip-compressed tarball; download it again',
    cause: error,
  });
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
