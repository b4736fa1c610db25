/** `--check`: find a recipe directory on disk, read it, and lint it. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { findModuleRoot } from '../gomodule/read.js';
import { renderMeta } from './jinja.js';
import { type Finding, lintRecipe } from './lint.js';
import { lintRecipeV1 } from './lint-v1.js';

const RECIPE_FILES = ['meta.yaml', 'recipe.yaml'];
const holdsRecipe = (dir: string): boolean => RECIPE_FILES.some((f) => existsSync(join(dir, f)));

export interface CheckedRecipe {
  dir: string;
  /** Where license files were looked for besides the recipe directory. */
  sourceDirs: string[];
  findings: Finding[];
}

/** The recipe directories under `path`: itself when it holds meta.yaml or recipe.yaml, else its children that do. */
export function findRecipeDirs(path: string): string[] {
  const full = resolve(path);
  if (!existsSync(full)) throw usageError('recipe.check-path', `${full} does not exist.`, { hint: 'pass a recipe directory or its meta.yaml to --check' });
  if (statSync(full).isFile()) return [dirname(full)];
  if (holdsRecipe(full)) return [full];
  const children = readdirSync(full, { withFileTypes: true })
    .filter((e) => e.isDirectory() && holdsRecipe(join(full, e.name)))
    .map((e) => join(full, e.name))
    .sort();
  if (children.length === 0) throw usageError('recipe.no-recipe', `${full} holds no meta.yaml or recipe.yaml (nor do its subdirectories).`, { hint: 'pass the directory of a conda-build or rattler-build recipe' });
  return children;
}

const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

export function checkRecipeDir(dir: string, options: { sourceDir?: string; env?: Record<string, string | undefined> } = {}): CheckedRecipe {
  const meta = read(join(dir, 'meta.yaml'));
  const v1 = read(join(dir, 'recipe.yaml'));
  if (meta === undefined && v1 === undefined) throw usageError('recipe.no-recipe', `${dir} has no meta.yaml or recipe.yaml.`, { hint: 'pass the directory of a conda-build or rattler-build recipe' });
  // A local `source: path:` is where conda-build takes the sources from, so look there too.
  const rendered = meta === undefined ? null : renderMeta(meta, 'linux-64', options.env);
  const data = rendered?.data as { source?: { path?: unknown } | { path?: unknown }[] } | null;
  const localPaths = [data?.source ?? []].flat().map((s) => s?.path).filter((p): p is string => typeof p === 'string');
  const sourceDirs = [
    ...(options.sourceDir ? [resolve(options.sourceDir)] : []),
    ...localPaths.map((p) => (isAbsolute(p) ? p : resolve(dir, p))),
  ];
  if (!options.sourceDir) {
    // The module a recipe kept in its repository packages.
    const above = findModuleRoot(dir);
    if (above) sourceDirs.push(above);
  }
  const exists = (path: string): boolean => [dir, ...sourceDirs].some((base) => existsSync(resolve(base, path)));
  const scripts = Object.fromEntries(['build.sh', 'bld.bat', 'build.bat'].map((n) => [n, read(join(dir, n))]).filter(([, t]) => t !== undefined)) as Record<string, string>;
  const common = { scripts, exists, recipeFiles: readdirSync(dir), env: options.env };
  const findings = [...(meta === undefined ? [] : lintRecipe({ meta, ...common })), ...(v1 === undefined ? [] : lintRecipeV1(v1, common))];
  return { dir, sourceDirs: [...new Set(sourceDirs)], findings };
}
