/**
 * Downloading one file to `<dest>.partial`, hashing as it streams, resuming with Range after a
 * drop, retrying transient failures with backoff and jitter. 404 and other client errors are final.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { rename, rm, stat } from 'node:fs/promises';
import { environmentError, GocrossError } from '../errors.js';
import { httpRequest } from '../io/http.js';

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

/** Hash of the bytes already in `file` (a partial from an earlier attempt or run). */
async function hashExisting(file: string, hash: Hash): Promise<number> {
  const size = await stat(file).then((s) => s.size).catch(() => 0);
  if (size === 0) return 0;
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return size;
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
      await rename(partial, options.dest);
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
  let offset = await hashExisting(partial, hash);
  if (options.expectedSize !== undefined && offset > options.expectedSize) {
    await rm(partial, { force: true });
    return attemptDownload(options, partial);
  }
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
      return streamBody(response.body, partial, createHash('sha256'), 0, false, options);
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
  return streamBody(response.body, partial, hash, offset, resumed, options);
}

async function streamBody(
  body: NodeJS.ReadableStream | null,
  partial: string,
  hash: Hash,
  offset: number,
  resumed: boolean,
  options: DownloadOptions,
): Promise<{ sha256: string; size: number; resumed: boolean }> {
  if (!body) throw new TransientError(`${options.url} sent no body`);
  let received = offset;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      received += chunk.length;
      options.onProgress?.({ received, total: options.expectedSize });
      callback(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w' }));
  } catch (error) {
    throw diskError(error, partial) ?? new TransientError(`the connection to ${options.url} dropped after ${received} bytes (${(error as Error).message})`);
  }
  if (options.expectedSize !== undefined && received < options.expectedSize) {
    throw new TransientError(`the download of ${options.url} stopped at ${received} of ${options.expectedSize} bytes`);
  }
  return { sha256: hash.digest('hex'), size: received, resumed };
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
