/**
 * `--check`: find a recipe directory on disk, read it and what it renders against (conda-forge's
 * pinning, its conda_build_config.yaml / variants.yaml, its conda-forge.yml), and lint it. A
 * license_file found nowhere else is looked for in the sources: local paths on disk, single
 * files by their name, archives downloaded once into the cache (not with `offline`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { findModuleRoot } from '../gomodule/read.js';
import { listingContents, singleFileContents, type SourceContents, sourceFileName, type SourceProvider, type SourceSpec } from './license-files.js';
import { type Finding, lintRecipe, type RecipeInput } from './lint.js';
import { lintRecipeV1 } from './lint-v1.js';
import { DEFAULT_PLATFORMS, forgePlatforms } from './platforms.js';
import { fetchSource, listArchive } from './source-cache.js';
import { pinningFile } from './template.js';
import type { VariantFile } from './variants.js';

const RECIPE_FILES = ['meta.yaml', 'recipe.yaml'];
const holdsRecipe = (dir: string): boolean => RECIPE_FILES.some((f) => existsSync(join(dir, f)));

export interface CheckOptions {
  /** DIR on the command line: the source tree license files are also looked for in. */
  sourceDir?: string;
  env?: Record<string, string | undefined>;
  /** Never download a source (archive-sourced license files are then "not checked"). */
  offline?: boolean;
  /** --platforms: the subdirs to check, instead of conda-forge.yml's or the defaults. */
  platforms?: readonly string[];
}

export interface CheckedRecipe {
  dir: string;
  /** Where license files were looked for besides the recipe directory. */
  sourceDirs: string[];
  platforms: string[];
  /** Where the platforms came from. */
  platformsFrom: '--platforms' | 'conda-forge.yml' | 'defaults';
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

const read = (path: string): string | undefined => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined);

/** The recipe directory's files by name, read when asked (a name outside the directory is absent). */
function recipeFiles(dir: string): Record<string, string | undefined> {
  return new Proxy({} as Record<string, string | undefined>, {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      const path = resolve(dir, name);
      return path.startsWith(`${dir}/`) || path.startsWith(`${dir}\\`) ? read(path) : undefined;
    },
  });
}

const sourceKey = (s: SourceSpec): string => `${s.location}\n${s.sha256 ?? ''}`;

export async function checkRecipeDir(dir: string, options: CheckOptions = {}): Promise<CheckedRecipe> {
  const meta = read(join(dir, 'meta.yaml'));
  const v1 = read(join(dir, 'recipe.yaml'));
  if (meta === undefined && v1 === undefined) throw usageError('recipe.no-recipe', `${dir} has no meta.yaml or recipe.yaml.`, { hint: 'pass the directory of a conda-build or rattler-build recipe' });
  const env = options.env ?? {};

  const findings: Finding[] = [];
  // Platforms: --platforms, else conda-forge.yml (next to the recipe or in the feedstock above it), else every default.
  const forgeFile = [join(dir, 'conda-forge.yml'), join(dirname(dir), 'conda-forge.yml')].find((f) => existsSync(f));
  let platforms = [...DEFAULT_PLATFORMS];
  let platformsFrom: CheckedRecipe['platformsFrom'] = 'defaults';
  let buildPlatforms: Record<string, string> = {};
  if (forgeFile) {
    const forge = forgePlatforms(read(forgeFile) ?? '');
    for (const p of forge.problems) findings.push({ id: 'yaml.invalid', severity: 'error', message: p.message, file: forgeFile === join(dir, 'conda-forge.yml') ? 'conda-forge.yml' : '../conda-forge.yml', subdirs: [] });
    if (forge.problems.length === 0) {
      platforms = forge.platforms.subdirs;
      platformsFrom = 'conda-forge.yml';
      buildPlatforms = forge.platforms.buildPlatforms;
    }
  }
  if (options.platforms && options.platforms.length > 0) {
    platforms = [...options.platforms];
    platformsFrom = '--platforms';
  }

  const sourceDirs: string[] = [];
  if (options.sourceDir) sourceDirs.push(resolve(options.sourceDir));
  else {
    // The module a recipe kept in its repository packages.
    const above = findModuleRoot(dir);
    if (above) sourceDirs.push(above);
  }
  const exists = (path: string): boolean => path !== '' && [dir, ...sourceDirs].some((base) => existsSync(resolve(base, path)));

  const variantFiles = (names: string[]): VariantFile[] => [pinningFile(), ...names.flatMap((name) => {
    const text = read(join(dir, name));
    return text === undefined ? [] : [{ name, text }];
  })];

  const lint = (provider: SourceProvider): Finding[] => {
    const common: Omit<RecipeInput, 'meta' | 'variantFiles'> = { scripts: recipeFiles(dir), exists, recipeFiles: readdirSync(dir), env, subdirs: platforms, buildPlatforms, sources: provider };
    return [
      ...(meta === undefined ? [] : lintRecipe({ meta, ...common, variantFiles: variantFiles(['conda_build_config.yaml']) })),
      ...(v1 === undefined ? [] : lintRecipeV1(v1, { ...common, variantFiles: variantFiles(['conda_build_config.yaml', 'variants.yaml']) })),
    ];
  };

  // What can be known without a download; archives are asked for, then fetched, then the recipe linted again.
  const wanted = new Map<string, SourceSpec>();
  const fetched = new Map<string, SourceContents>();
  const provider = (record: boolean): SourceProvider => (source) => {
    if (source.kind === 'url' && !source.archive) return singleFileContents(sourceFileName(source.location, source.fileName));
    if (source.kind === 'path') {
      const root = isAbsolute(source.location) ? source.location : resolve(dir, source.location);
      if (!existsSync(root)) return { kind: 'unknown', reason: `the local source ${source.location} does not exist` };
      return statSync(root).isDirectory() ? { kind: 'known', has: (rel) => existsSync(join(root, rel.replace(/\/?\*.*$/, ''))) } : singleFileContents(source.fileName ?? (root.split(/[\\/]/).pop() as string));
    }
    if (source.kind === 'git') return { kind: 'unknown', reason: 'it would come from a git source, which gocross does not clone' };
    if (source.kind !== 'url') return { kind: 'unknown', reason: 'its source is neither a url, a path nor git' };
    const key = sourceKey(source);
    const got = fetched.get(key);
    if (got) return got;
    if (record) wanted.set(key, source);
    return { kind: 'unknown', reason: 'the source was not fetched' };
  };
  const first = lint(provider(true));
  if (wanted.size === 0) return { dir, sourceDirs, platforms, platformsFrom, findings: [...findings, ...first] };

  for (const [key, source] of wanted) {
    const got = await fetchSource(source.location, source.sha256, { env, offline: options.offline === true });
    if (!got.ok) {
      if (got.mismatch) {
        findings.push({ id: 'source.sha256-mismatch', severity: 'error', message: `the source ${source.location} has sha256 ${got.mismatch.actual}, not ${source.sha256}: conda-build would refuse it.`, hint: 'update sha256 to the release tarball\'s (sha256sum it), or check the URL', file: meta === undefined ? 'recipe.yaml' : 'meta.yaml', subdirs: platforms });
      }
      fetched.set(key, { kind: 'unknown', reason: got.reason });
      continue;
    }
    const listing = await listArchive(got.path);
    fetched.set(key, listing.ok ? listingContents(listing.members) : { kind: 'unknown', reason: listing.reason });
  }
  return { dir, sourceDirs, platforms, platformsFrom, findings: [...findings, ...lint(provider(false))] };
}
