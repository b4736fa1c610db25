/** Writing a recipe directory: never over an existing recipe unless forced, each file atomically. */
import { basename, join } from 'node:path';
import { usageError } from '../errors.js';
import { type PlannedWrite, planWrites } from '../io/owned-files.js';
import type { RecipeFile } from './render.js';

/**
 * What writing `files` into `dir` would do. Recipes carry no marker (they are the maintainers'
 * to edit), so any existing file that would change needs `force`; a dry run shows the change.
 */
export function planRecipeWrites(dir: string, files: RecipeFile[], force: boolean, dryRun = false): PlannedWrite[] {
  return planWrites(
    files.map((file) => ({ path: join(dir, file.name), content: file.content, mode: file.mode })),
    {
      force: force || dryRun,
      owned: () => false,
      refuse: (paths) =>
        usageError('recipe.exists', `a recipe already exists in ${dir} (${paths.map((p) => basename(p)).join(', ')} would change); refusing to overwrite it.`, {
          hint: 'pass --force to replace it, --dry-run to see the new one, or --out DIR to write elsewhere',
        }),
    },
  );
}
