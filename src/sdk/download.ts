/**
 * Downloading one file to `<dest>.partial`, hashing as it streams (and handing the bytes to a
 * consumer, e.g. an extractor, as they arrive), resuming with Range after a drop, retrying
 * transient failures with backoff and jitter. 404 and other client errors are final.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { environmentError, GocrossError } from '../errors.js';

export interface DownloadProgress {
  received: number;
  total: number | undefined;
}

export interface DownloadOptions {
  url: string;
  /** The finished file; bytes go to `${dest}.partial` until they are complete. */
  dest: string;
  expectedSize?: number;
  attempts?: number;
  /** The first retry waits about this long, doubling after (with jitter). */
  backoffMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
  onRetry?: (message: string) => void;
  /**
   * A fresh consumer of the file's bytes for each attempt, fed every byte from the first (the
   * part already downloaded first, when resuming) in order. Its failures are its own: the
   * download goes on, and the caller asks the consumer after it has checked the checksum.
   */
  consumer?: () => Promise<ByteConsumer>;
  /**
   * false: the consumer has the bytes, so no finished file is wanted. What arrives is then held
   * in memory and written to the partial file only when the transfer breaks off, for the next
   * attempt to resume from; a completed download leaves no file at all.
   */
  keepFile?: boolean;
}

export interface ByteConsumer {
  write(chunk: Buffer): Promise<void>;
}

export interface DownloadResult {
  sha256: string;
  size: number;
  resumed: boolean;
  attempts: number;
}

/** An HTTP status worth trying again: the server or something in between is having trouble. */
export const isTransientStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Hash of the bytes already in `file` (a partial from an earlier attempt or run), fed to `consumer` too. */
async function hashExisting(file: string, hash: Hash, consumer: ByteConsumer | undefined): Promise<number> {
  const size = await stat(file).then((s) => s.size).catch(() => 0);
  if (size === 0) return 0;
  let read = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
    await consumer?.write(chunk as Buffer);
  }
  return read;
}

class TransientError extends Error {}

export async function download(options: DownloadOptions): Promise<DownloadResult> {
  const partial = `${options.dest}.partial`;
  const attempts = options.attempts ?? 5;
  const backoff = options.backoffMs ?? 500;
  let resumed = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await attemptDownload(options, partial);
      resumed ||= result.resumed;
      if (options.keepFile === false) await rm(partial, { force: true });
      else await rename(partial, options.dest);
      return { sha256: result.sha256, size: result.size, resumed, attempts: attempt };
    } catch (error) {
      const transient = error instanceof TransientError || (error instanceof GocrossError && error.code === 'network.unreachable');
      if (!transient || attempt >= attempts) {
        if (error instanceof GocrossError) throw error;
        throw environmentError('download.failed', `downloading ${options.url} failed after ${attempt} attempt(s): ${(error as Error).message}.`, {
          hint: 'check the network or try another mirror (--mirror)',
        });
      }
      const wait = backoff * 2 ** (attempt - 1) * (0.5 + Math.random());
      options.onRetry?.(`${(error as Error).message.replace(/\.$/, '')}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`);
      await sleep(wait);
    }
  }
}

async function attemptDownload(options: DownloadOptions, partial: string): Promise<{ sha256: string; size: number; resumed: boolean }> {
  const hash = createHash('sha256');
  const consumer = await options.consumer?.();
  let offset = await hashExisting(partial, hash, consumer);
  if (options.expectedSize !== undefined && offset > options.expectedSize) {
    await rm(partial, { force: true });
    return attemptDownload(options, partial);
  }
  // A partial that is already whole (an earlier run stopped after the last byte): nothing to ask for.
  if (options.expectedSize !== undefined && offset > 0 && offset === options.expectedSize) return { sha256: hash.digest('hex'), size: offset, resumed: true };
  const { httpRequest } = await import('../io/http.js');
  const response = await httpRequest(options.url, offset > 0 ? { headers: { range: `bytes=${offset}-` } } : {});
  let resumed = false;
  if (response.status === 416) {
    // The partial is not a prefix the server recognises (or is already whole): start over.
    await response.arrayBuffer().catch(() => undefined);
    await rm(partial, { force: true });
    if (offset === 0) throw new TransientError(`${options.url} answered 416 to a full request`);
    return attemptDownload(options, partial);
  }
  if (response.status === 206 && offset > 0) {
    resumed = true;
  } else if (response.status === 200) {
    // The server ignored the Range header (or there was nothing to resume): start from zero.
    if (offset > 0) {
      offset = 0;
      hash.destroy();
      return streamBody(response.body, partial, createHash('sha256'), 0, false, options, await options.consumer?.());
    }
  } else if (isTransientStatus(response.status)) {
    await response.arrayBuffer().catch(() => undefined);
    throw new TransientError(`${options.url} answered HTTP ${response.status}`);
  } else {
    await response.arrayBuffer().catch(() => undefined);
    throw environmentError('download.http', `${options.url} answered HTTP ${response.status}${response.status === 404 ? ' (not found)' : ''}.`, {
      hint: response.status === 404 ? 'the mirror does not have this file; try another mirror' : 'check the URL and your access to it',
    });
  }
  return streamBody(response.body, partial, hash, offset, resumed, options, consumer);
}

async function streamBody(
  body: NodeJS.ReadableStream | null,
  partial: string,
  hash: Hash,
  offset: number,
  resumed: boolean,
  options: DownloadOptions,
  consumer: ByteConsumer | undefined,
): Promise<{ sha256: string; size: number; resumed: boolean }> {
  if (!body) throw new TransientError(`${options.url} sent no body`);
  let received = offset;
  if (options.keepFile === false) {
    // Held in memory; written out only if the transfer breaks off, so a retry resumes from it.
    const held: Buffer[] = [];
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        hash.update(chunk);
        received += chunk.length;
        held.push(chunk);
        options.onProgress?.({ received, total: options.expectedSize });
        await consumer?.write(chunk);
      }
    } catch (error) {
      try {
        await writeFile(partial, held, { flag: offset > 0 ? 'a' : 'w' });
      } catch (writeError) {
        throw diskError(writeError, partial) ?? writeError;
      }
      throw new TransientError(`the connection to ${options.url} dropped after ${received} bytes (${(error as Error).message})`);
    }
    if (options.expectedSize !== undefined && received < options.expectedSize) {
      await writeFile(partial, held, { flag: offset > 0 ? 'a' : 'w' }).catch((error: unknown) => {
        throw diskError(error, partial) ?? error;
      });
    }
  } else {
    await streamToFile(body, partial, offset, options, (chunk) => {
      hash.update(chunk);
      received += chunk.length;
      options.onProgress?.({ received, total: options.expectedSize });
      return consumer?.write(chunk);
    }, () => received);
  }
  if (options.expectedSize !== undefined && received < options.expectedSize) {
    throw new TransientError(`the download of ${options.url} stopped at ${received} of ${options.expectedSize} bytes`);
  }
  return { sha256: hash.digest('hex'), size: received, resumed };
}

/** The body appended to the partial file as it arrives (each chunk given to `onChunk` first). */
async function streamToFile(
  body: NodeJS.ReadableStream,
  partial: string,
  offset: number,
  options: DownloadOptions,
  onChunk: (chunk: Buffer) => Promise<void> | undefined,
  received: () => number,
): Promise<void> {
  const file = createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w', highWaterMark: 1024 * 1024 });
  let fileError: unknown;
  file.on('error', (error) => {
    fileError ??= error;
  });
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        file.off('drain', done);
        file.off('close', done);
        resolve();
      };
      file.on('drain', done);
      file.on('close', done);
    });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (fileError !== undefined) throw fileError;
      const more = file.write(chunk);
      await onChunk(chunk);
      if (!more && fileError === undefined) await drained();
    }
    await new Promise<void>((resolve, reject) => {
      if (fileError !== undefined) return reject(fileError);
      file.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (fileError !== undefined) throw fileError;
  } catch (error) {
    file.destroy();
    throw diskError(error, partial) ?? new TransientError(`the connection to ${options.url} dropped after ${received()} bytes (${(error as Error).message})`);
  }
}

/** A write failure that retrying cannot fix, as an environment error; else undefined. */
export function diskError(error: unknown, path: string): GocrossError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return environmentError('disk.full', `no space left on the device while writing ${path}.`, { hint: 'free some disk space or set GOCROSS_HOME to another disk' });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return environmentError('disk.permission', `cannot write ${path}: ${code === 'EROFS' ? 'read-only file system' : 'permission denied'}.`, {
      hint: 'set GOCROSS_HOME to a directory you can write',
    });
  }
  return undefined;
}
