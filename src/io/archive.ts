/**
 * The one archive module of gocross, on node-tar. Extraction is strict: only regular files and
 * directories under one top-level directory; anything else (links, devices, absolute paths, `..`)
 * makes the whole extraction fail, so a hostile archive cannot write outside its destination.
 */
import { mkdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar';
import { environmentError, GocrossError } from '../errors.js';
import { startEntrySink } from './writer-thread.js';

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
 * zlib's output chunk. Each chunk is one round trip between libuv's pool and this thread, and a
 * buffer to allocate: inflating a 53 MiB SDK with the default 16 KiB took three times as long as
 * with 64 KiB, and 1 MiB took 0.2 s less CPU than 64 KiB (0.9 s instead of 1.1 s, the writer
 * thread waiting 0.38 s for bytes instead of 0.48 s).
 */
const INFLATE_CHUNK = 1024 * 1024;
/** Inflated bytes waiting to be written before the inflating pauses. */
const INFLATED_MAX = 4 * 1024 * 1024;

/** A gzip-compressed tarball being unpacked from bytes fed to it (see startTarGzExtraction). */
export interface TarGzExtraction {
  /**
   * Take the next bytes of the archive; resolves once more may be written. Rejects only on a
   * failure that more bytes cannot change (a full disk); other failures wait for finish().
   */
  write(chunk: Buffer): Promise<void>;
  /** The archive is complete: resolves with the number of entries written, all on disk. */
  finish(): Promise<number>;
  /** Write nothing more (the caller removes dest); finish() then throws. */
  abort(): Promise<void>;
}

const isDiskFailure = (error: unknown): boolean => ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

/**
 * Unpack a gzip-compressed tarball into `dest` (new or empty, private to the caller) as its bytes
 * arrive. node-tar's Parser reads the archive, strictly: a damaged header, a truncated archive or
 * anything but gzip-compressed tar fails it. Only files and directories under `options.root` are
 * written, never over anything (O_EXCL: not through a link either), owners not kept, modes without
 * setuid/setgid or group and other write, file mtimes kept.
 *
 * Three threads share the work: libuv's pool inflates, this thread parses and checks the entries,
 * and a writer thread (writer-thread.ts) creates them, each directory once, each file chunk by
 * chunk as it is parsed (nothing is gathered beyond a few MiB in flight). node-tar's Unpack
 * re-creates every parent of every entry, one pool round trip after the other; on two cores,
 * parallel asynchronous writes cost more than they gave (measured: about twice the CPU time).
 */
export function startTarGzExtraction(dest: string, options: ExtractOptions): TarGzExtraction {
  const refused: string[] = [];
  let failure: unknown;
  let aborted = false;
  let count = 0;
  const stopped = (): boolean => aborted || failure !== undefined || options.signal?.aborted === true;
  /** Resolves the wait for the parser: at its end, or at once on a failure or an abort. */
  let parsedOrStopped = (): void => undefined;
  const parsed = new Promise<void>((resolve) => {
    parsedOrStopped = resolve;
  });
  const fail = (error: unknown): void => {
    failure ??= error;
    parsedOrStopped();
  };
  try {
    mkdirSync(dest, { recursive: true });
  } catch (error) {
    fail(error);
  }
  // onReady comes in a message, so after `schedule` below is defined.
  const sink = startEntrySink(dest, { onFailure: fail, onReady: () => schedule() });

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
        sink.dir(path.replace(/[\\/]+$/, ''), mode);
        entry.resume();
        return;
      }
      sink.file(path, mode, entry.mtime);
      entry.on('data', (chunk: Buffer) => {
        if (!stopped()) sink.data(chunk);
      });
      entry.on('end', () => {
        if (!stopped()) sink.end();
      });
    },
  });
  const inflate = createGunzip({ chunkSize: INFLATE_CHUNK });
  parser.on('end', () => parsedOrStopped());
  parser.on('error', fail);
  inflate.on('error', fail);
  // zlib inflates the next chunk only once the handlers of the last one return: parsing each chunk
  // on a later turn of the event loop lets the inflating (on the pool) and the parsing overlap.
  const inflated: Buffer[] = [];
  let inflatedBytes = 0;
  let inflateEnded = false;
  let parserEnded = false;
  let scheduled = false;
  const pump = (): void => {
    scheduled = false;
    // Entries always flow (their bytes go straight to the sink), so the parser holds nothing back.
    for (let chunk = sink.busy ? undefined : inflated.shift(); chunk; chunk = sink.busy ? undefined : inflated.shift()) {
      inflatedBytes -= chunk.length;
      if (!stopped()) parser.write(chunk);
    }
    sink.flush();
    if (stopped()) return;
    if (inflate.isPaused() && inflatedBytes <= INFLATED_MAX) inflate.resume();
    if (inflateEnded && inflated.length === 0 && !parserEnded) {
      parserEnded = true;
      parser.end();
    }
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  inflate.on('data', (chunk: Buffer) => {
    inflated.push(chunk);
    inflatedBytes += chunk.length;
    if (inflatedBytes > INFLATED_MAX) inflate.pause();
    schedule();
  });
  inflate.on('end', () => {
    inflateEnded = true;
    schedule();
  });

  const fatal = (): unknown => (isDiskFailure(failure) ? failure : undefined);
  /** Resolves when the inflater drains, or at once when the extraction has stopped (it never will). */
  let wakeWriter: (() => void) | undefined;
  const drained = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        inflate.off('drain', done);
        wakeWriter = undefined;
        resolve();
      };
      wakeWriter = done;
      inflate.once('drain', done);
    });
  parsed.then(() => wakeWriter?.(), () => undefined);

  return {
    async write(chunk) {
      if (!stopped() && !inflate.write(chunk)) await drained();
      if (fatal()) throw fatal();
    },
    async finish() {
      if (stopped()) inflate.destroy();
      else {
        inflate.end();
        await parsed;
      }
      // Whatever stopped the parsing, nothing may be being written once this settles.
      await (stopped() ? sink.stop() : sink.finish());
      if (failure !== undefined) throw failure;
      if (aborted) throw new GocrossError('interrupted', 'archive.aborted', `the extraction into ${dest} was stopped.`);
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
      parsedOrStopped();
      inflate.destroy();
      wakeWriter?.();
      await sink.stop();
    },
  };
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
