/**
 * The files `init` owns in an env and how they are written: never over a file gocross did not
 * write (no marker) unless forced, never rewritten when the bytes are the same, always atomically.
 */
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { MARKER } from '../hooks/render.js';

export interface PlannedFile {
  path: string;
  content: string;
  mode?: number;
}

export type FileAction = 'created' | 'updated' | 'unchanged' | 'removed';

const current = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** A file gocross wrote carries the marker in its first lines. */
export const isOurs = (text: string): boolean => text.split('\n', 4).some((line) => line.includes(MARKER));

/** What writing `files` would do; throws (exit 2) for a foreign file unless `force`. */
export function planWrites(files: PlannedFile[], force: boolean): { file: PlannedFile; action: FileAction }[] {
  return files.map((file) => {
    const existing = current(file.path);
    if (existing === undefined) return { file, action: 'created' as const };
    if (!isOurs(existing) && !force) {
      throw usageError('init.foreign-file', `${file.path} exists and was not written by gocross; refusing to overwrite it.`, {
        hint: 'move it away, or pass --force to replace it',
      });
    }
    return { file, action: existing === file.content ? ('unchanged' as const) : ('updated' as const) };
  });
}

export async function applyWrites(writes: { file: PlannedFile; action: FileAction }[]): Promise<void> {
  for (const { file, action } of writes) {
    if (action !== 'unchanged') await writeFileAtomic(file.path, file.content, file.mode);
  }
}

/** gocross's files in `dirs` (those with the marker) and its settings dir, for --remove. */
export async function ownedFiles(dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const text = current(join(dir, name));
      if (name.includes('gocross') && text !== undefined && isOurs(text)) found.push(join(dir, name));
    }
  }
  return found;
}

export async function removeFiles(paths: string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true });
}
