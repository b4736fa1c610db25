/** The sha256 of a source tarball: downloaded from its URL, or read from a local file. */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { environmentError, isGocrossError, usageError } from '../errors.js';
import { sha256File } from '../io/files.js';
import { httpRequest } from '../io/http.js';
import { cacheFile, cacheTempFile } from './source-cache.js';

export async function sha256OfFile(path: string): Promise<string> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw usageError('recipe.tarball', `the source tarball ${path} does not exist.`, { hint: 'pass --url with the path of a local .tar.gz (with --source path)' });
  }
  return (await sha256File(path)).sha256;
}

/**
 * Download `url` (following redirects) and hash it as it streams; an HTTP error is exit 3, never
 * a placeholder. With `cacheEnv` the tarball is kept in gocross's source cache under its sha256,
 * where `recipe --check` finds it for the license files it holds.
 */
export async function sha256OfUrl(url: string, onProgress?: (received: number, total: number | undefined) => void, cacheEnv?: Record<string, string | undefined>): Promise<{ sha256: string; size: number }> {
  const response = await httpRequest(url).catch((error: unknown) => {
    // The recipe needs the real checksum; say how to get one without this download.
    if (isGocrossError(error)) {
      throw environmentError(error.code, `${error.message} The recipe's sha256 must come from the real tarball, so nothing was written.`, {
        hint: 'check the network or proxy, or pass --source path --url FILE.tar.gz with the tarball downloaded elsewhere',
        cause: error,
      });
    }
    throw error;
  });
  if (!response.ok) {
    throw environmentError('recipe.download', `cannot download ${url} to compute its sha256: HTTP ${response.status} ${response.statusText}.`, {
      hint: 'check the URL (is the tag pushed and the release published?), or pass --source path --url FILE.tar.gz for a local tarball',
    });
  }
  const total = Number(response.headers.get('content-length')) || undefined;
  const hash = createHash('sha256');
  let size = 0;
  if (!response.body) throw environmentError('recipe.download', `the response for ${url} has no body.`);
  let temp: string | undefined;
  let out: WriteStream | undefined;
  try {
    temp = cacheEnv ? cacheTempFile(cacheEnv) : undefined;
    out = temp ? createWriteStream(temp) : undefined;
  } catch {
    // No cache (a read-only home): the checksum is all that is needed.
    temp = undefined;
  }
  try {
    for await (const chunk of response.body) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      hash.update(bytes);
      size += bytes.length;
      if (out && !out.write(bytes)) await new Promise<void>((resolve) => out?.once('drain', () => resolve()));
      onProgress?.(size, total);
    }
    if (out) await new Promise<void>((resolve, reject) => out?.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    if (temp) rmSync(temp, { force: true });
    throw error;
  }
  if (size === 0) {
    if (temp) rmSync(temp, { force: true });
    throw environmentError('recipe.download', `${url} is empty; it cannot be a source tarball.`, { hint: 'check the URL' });
  }
  const sha256 = hash.digest('hex');
  if (temp && cacheEnv) {
    try {
      cacheFile(temp, sha256, cacheEnv);
    } catch {
      rmSync(temp, { force: true });
    }
  }
  return { sha256, size };
}
