/** Writing a recipe directory: never over an existing recipe unless forced, each file atomically. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import type { RecipeFile } from './render.js';

export type WriteAction = 'created' | 'updated' | 'unchanged';

export interface PlannedWrite {
  path: string;
  file: RecipeFile;
  action: WriteAction;
}

/**
 * What writing `files` into `dir` would do. An existing, different file without `force` is exit 2,
 * except for a dry run, which shows what would change.
 */
export function planRecipeWrites(dir: string, files: RecipeFile[], force: boolean, dryRun = false): PlannedWrite[] {
  const planned = files.map((file) => {
    const path = join(dir, file.name);
    if (!existsSync(path)) return { path, file, action: 'created' as const };
    return { path, file, action: readFileSync(path, 'utf8') === file.content ? ('unchanged' as const) : ('updated' as const) };
  });
  const clashes = planned.filter((w) => w.action === 'updated');
  if (clashes.length > 0 && !force && !dryRun) {
    throw usageError('recipe.exists', `a recipe already exists in ${dir} (${clashes.map((w) => w.file.name).join(', ')} would change); refusing to overwrite it.`, {
      hint: 'pass --force to replace it, --dry-run to see the new one, or --out DIR to write elsewhere',
    });
  }
  return planned;
}

export async function applyRecipeWrites(writes: PlannedWrite[], dryRun: boolean): Promise<void> {
  if (dryRun) return;
  for (const w of writes) if (w.action !== 'unchanged') await writeFileAtomic(w.path, w.file.content, w.file.mode);
}
