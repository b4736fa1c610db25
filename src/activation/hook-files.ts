/** The files `init` owns in an env: written through io/owned-files, found again for --remove. */
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type PlannedFile, type PlannedWrite, planWrites as planOwnedWrites, refuseForeign } from '../io/owned-files.js';
import { isOurs } from '../marker.js';

export type { PlannedFile } from '../io/owned-files.js';
export { applyWrites } from '../io/owned-files.js';

const current = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** What writing the env's files would do; a file gocross did not write is exit 2 unless `force`. */
export function planWrites(files: PlannedFile[], force: boolean): PlannedWrite[] {
  return planOwnedWrites(files, {
    force,
    refuse: refuseForeign('init.foreign-file', 'move it away, or pass --force to replace it'),
  });
}

/**
 * gocross's files in `dirs`: those with the marker, and (in shared folders such as activate.d)
 * `gocross` in the name.
 */
export async function ownedFiles(dirs: string[], named: (name: string) => boolean = (name) => name.includes('gocross')): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const text = current(join(dir, name));
      if (named(name) && text !== undefined && isOurs(text)) found.push(join(dir, name));
    }
  }
  return found;
}

export async function removeFiles(paths: string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true });
}
