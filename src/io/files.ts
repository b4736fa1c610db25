/** File writes that never leave a half-written file behind. */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The path to name in an error is the one the caller asked for: a failed write(2) (a full disk)
 * names none, and a failure on the temporary sibling names that.
 */
function withPath(error: unknown, path: string, temp?: string): unknown {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (error instanceof Error && (!e.path || e.path === temp)) {
    e.path = path;
    delete e.dest;
  }
  return error;
}

/** Write `data` to `path` through a temporary sibling and a rename, so readers see old or new. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number, options: { parents?: boolean } = {}): Promise<void> {
  // A device or pipe (/dev/stdout, a fifo) is written to, never replaced by a rename.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(path, data).catch((error: unknown) => {
      throw withPath(error, path);
    });
    return;
  }
  // Folders gocross lays out itself are made; a report path the user names must already have its folder.
  if (options.parents !== false) await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, mode === undefined ? {} : { mode });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw withPath(error, path, temp);
  }
}

/** The sha256 (hex) and size of a file, read as a stream. */
export async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
