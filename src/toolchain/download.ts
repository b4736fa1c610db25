/**
 * Downloading one file to `<dest>.partial`, hashing it and handing it on (to an extraction) as it
 * streams, resuming with Range after a drop and across runs, retrying transient failures with
 * backoff and jitter. 404 and other client errors are final.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { environmentError, GocrossError } from '../errors.js';
import { httpRequest } from '../io/http.js';

export interface DownloadProgress {
  received: number;
  total: number | undefined;
}

export interface DownloadOptions {
  url: string;
  /** Names the file: bytes go to `${dest}.partial`, which is left for the caller (or the next run). */
  dest: string;
  /** Also given every byte, in order: first those of a partial file an earlier run left. */
  sink?: DownloadSink;
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

class TransientError extends Error {}

/**
 * Where downloaded bytes go besides the partial file and the hash: an extraction that takes the
 * archive as it arrives. `write` may reject to stop the download (a full disk); `restart` says that
 * every byte written so far is void — the transfer starts again from byte 0.
 */
export interface DownloadSink {
  write(chunk: Buffer): Promise<void>;
  restart(): Promise<void>;
}

/** The state of one download across its attempts: what is in the partial file, hashed and sunk. */
interface Progress {
  hash: Hash;
  received: number;
  file: WriteStream | undefined;
}

/**
 * Download `options.url` into `${options.dest}.partial`, which is kept when this fails so that the
 * next run resumes it: its bytes go to the hash and the sink first, the rest is asked for with
 * Range. Resolves with the sha256 of the whole file once it is all there (the partial file holds
 * it; the caller decides what becomes of it).
 */
export async function download(options: DownloadOptions): Promise<DownloadResult> {
  const partial = `${options.dest}.partial`;
  const attempts = options.attempts ?? 5;
  const backoff = options.backoffMs ?? 500;
  const state: Progress = { hash: createHash('sha256'), received: 0, file: undefined };
  let resumed = false;
  try {
    resumed = await feedPartial(partial, state, options);
    for (let attempt = 1; ; attempt += 1) {
      try {
        resumed = (await attemptDownload(options, partial, state)) || resumed;
        await closeFile(state);
        return { sha256: state.hash.digest('hex'), size: state.received, resumed, attempts: attempt };
      } catch (error) {
        const transient = error instanceof TransientError || (error instanceof GocrossError && error.code === 'network.unreachable');
        if (!transient || attempt >= attempts) {
          if (error instanceof GocrossError) throw error;
          throw diskError(error, partial) ?? environmentError('download.failed', `downloading ${options.url} failed after ${attempt} attempt(s): ${(error as Error).message}.`, {
            hint: 'check the network or try another mirror (--mirror)',
          });
        }
        const wait = backoff * 2 ** (attempt - 1) * (0.5 + Math.random());
        options.onRetry?.(`${(error as Error).message.replace(/\.$/, '')}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`);
        await sleep(wait);
      }
    }
  } finally {
    await closeFile(state).catch(() => undefined);
  }
}

/** Feed what an earlier run left in `partial` to the hash and the sink; true when there was some. */
async function feedPartial(partial: string, state: Progress, options: DownloadOptions): Promise<boolean> {
  const size = await stat(partial).then((s) => s.size).catch(() => 0);
  if (size === 0) return false;
  if (options.expectedSize !== undefined && size > options.expectedSize) {
    await rm(partial, { force: true });
    return false;
  }
  for await (const chunk of createReadStream(partial, { highWaterMark: 1024 * 1024 })) {
    state.hash.update(chunk as Buffer);
    state.received += (chunk as Buffer).length;
    await options.sink?.write(chunk as Buffer);
  }
  return true;
}

/** Void every byte received: empty the partial file, start a new hash, tell the sink. */
async function startOver(partial: string, state: Progress, options: DownloadOptions): Promise<void> {
  await closeFile(state);
  await rm(partial, { force: true });
  state.hash = createHash('sha256');
  state.received = 0;
  await options.sink?.restart();
}

/** The file has drained, or failed (its error listener records why). */
const drained = (file: WriteStream): Promise<void> =>
  new Promise<void>((resolve) => {
    const done = (): void => {
      file.off('drain', done).off('error', done);
      resolve();
    };
    file.on('drain', done).on('error', done);
  });

async function closeFile(state: Progress): Promise<void> {
  const file = state.file;
  if (!file) return;
  state.file = undefined;
  if (file.destroyed) return;
  await new Promise<void>((resolve, reject) => {
    file.once('error', reject);
    file.end(() => resolve());
  });
}

/** One request for the bytes not yet received; true when it resumed an earlier transfer. */
async function attemptDownload(options: DownloadOptions, partial: string, state: Progress): Promise<boolean> {
  if (options.expectedSize !== undefined && state.received === options.expectedSize) return state.received > 0;
  const offset = state.received;
  const response = await httpRequest(options.url, offset > 0 ? { headers: { range: `bytes=${offset}-` } } : {});
  let resumed = false;
  if (response.status === 416) {
    // The partial is not a prefix the server recognises (or is already whole): start over.
    await response.arrayBuffer().catch(() => undefined);
    if (offset === 0) throw new TransientError(`${options.url} answered 416 to a full request`);
    await startOver(partial, state, options);
    return attemptDownload(options, partial, state);
  }
  if (response.status === 206 && offset > 0) {
    resumed = true;
  } else if (response.status === 200) {
    // The server ignored the Range header (or there was nothing to resume): start from zero.
    if (offset > 0) await startOver(partial, state, options);
  } else if (isTransientStatus(response.status)) {
    await response.arrayBuffer().catch(() => undefined);
    throw new TransientError(`${options.url} answered HTTP ${response.status}`);
  } else {
    await response.arrayBuffer().catch(() => undefined);
    throw environmentError('download.http', `${options.url} answered HTTP ${response.status}${response.status === 404 ? ' (not found)' : ''}.`, {
      hint: response.status === 404 ? 'the mirror does not have this file; try another mirror' : 'check the URL and your access to it',
    });
  }
  await streamBody(response.body, partial, state, options);
  return resumed;
}

async function streamBody(body: NodeJS.ReadableStream | null, partial: string, state: Progress, options: DownloadOptions): Promise<void> {
  if (!body) throw new TransientError(`${options.url} sent no body`);
  // Opened for appending once per run: the bytes land in it in the order they are hashed and sunk.
  const file = (state.file ??= createWriteStream(partial, { flags: state.received > 0 ? 'a' : 'w' }));
  let fileError: unknown;
  const onFileError = (error: unknown): void => {
    fileError ??= error;
  };
  file.on('error', onFileError);
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (fileError) break;
      state.hash.update(chunk);
      state.received += chunk.length;
      file.write(chunk);
      options.onProgress?.({ received: state.received, total: options.expectedSize });
      await options.sink?.write(chunk);
      // Checked after the sink, which may have taken long enough for the file to drain already.
      if (file.writableNeedDrain && !fileError) await drained(file);
    }
  } catch (error) {
    if (fileError) throw diskError(fileError, partial) ?? fileError;
    if (error instanceof GocrossError || diskError(error, partial)) throw diskError(error, partial) ?? error;
    throw new TransientError(`the connection to ${options.url} dropped after ${state.received} bytes (${(error as Error).message})`);
  } finally {
    file.off('error', onFileError);
  }
  if (fileError) throw diskError(fileError, partial) ?? fileError;
  if (options.expectedSize !== undefined && state.received < options.expectedSize) {
    throw new TransientError(`the download of ${options.url} stopped at ${state.received} of ${options.expectedSize} bytes`);
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
