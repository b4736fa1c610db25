/**
 * What a recipe says, decided from the module's facts and the user's choices; no files, no
 * network. The renderer turns a plan into files, the linter checks them.
 */
import { usageError } from '../errors.js';
import { detectLicense, type DetectedLicense } from '../gomodule/license.js';
import type { MainPackage, ModuleView } from '../gomodule/facts.js';
import { commandName } from '../gomodule/text.js';
import { forgeOf } from './forge.js';
import { PLATFORMS } from './platforms.js';
import { readmeSummary } from './readme.js';
import { condaVersionProblem } from './version.js';

/**
 * A module's name for its conda package and root command: go's command name, without the
 * `.vN` of a gopkg.in path (gopkg.in/yaml.v3 → yaml, where go build would say yaml.v3).
 */
export function moduleBaseName(modulePath: string): string {
  return commandName(modulePath).replace(/\.v\d+$/, '');
}

/** The module facts a recipe is planned from (gomodule/facts.ts). */
export type RecipeModule = ModuleView<'mains' | 'cgo' | 'license' | 'readme'>;

export type SourcePlan =
  | { kind: 'url'; url: string; sha256: string }
  | { kind: 'git'; gitUrl: string; gitRev: string };

export { DEFAULT_PLATFORMS, PLATFORMS } from './platforms.js';

export type RecipeFormat = 'meta' | 'v1' | 'both';

export interface PlanOptions {
  name?: string;
  version: string;
  cgo?: boolean;
  format: RecipeFormat;
  platforms: readonly string[];
  maintainers: string[];
  /** Modules go-licenses cannot classify, passed to it as --ignore. */
  licensesIgnore?: readonly string[];
  source: SourcePlan;
}

export interface RecipePlan {
  name: string;
  version: string;
  source: SourcePlan;
  cgo: boolean;
  /** Why cgo is on or off, for the report. */
  cgoReason: string;
  mains: MainPackage[];
  license: DetectedLicense & { file: string };
  summary: string;
  home: string | null;
  devUrl: string | null;
  platforms: string[];
  format: RecipeFormat;
  maintainers: string[];
  licensesIgnore: string[];
  warnings: string[];
}

const CONDA_NAME = /^[a-z0-9][a-z0-9_.-]*$/;
const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const MODULE = /^[A-Za-z0-9][A-Za-z0-9._~+-]*(\/[A-Za-z0-9._~+-]+)*$/;

/** The checks of the user's choices and the module that need no source: run them before any download. */
export function checkPlanInputs(info: RecipeModule, options: Omit<PlanOptions, 'source'>): string {
  const name = (options.name ?? moduleBaseName(info.path)).toLowerCase();
  if (!CONDA_NAME.test(name)) {
    throw usageError('recipe.name', `${JSON.stringify(name)} is not a valid conda package name.`, { hint: 'use lower-case letters, digits, and . _ - (pass --name)' });
  }
  const versionProblem = condaVersionProblem(options.version);
  if (versionProblem) {
    throw usageError('recipe.version', `the version ${JSON.stringify(options.version)} cannot be a conda version: ${versionProblem}.`, { hint: 'pass --version V with a conda version, e.g. 1.2.3rc1' });
  }
  if (info.mains.length === 0) {
    throw usageError('recipe.no-main', `${info.dir} has no main package (looked in the module root and cmd/*).`, { hint: 'a recipe packages commands: add package main at the root or under cmd/NAME' });
  }
  if (!info.license) {
    throw usageError('recipe.no-license', `${info.dir} has no LICENSE or COPYING file; conda-forge packages must ship their license.`, { hint: 'add the license text as LICENSE at the module root' });
  }
  const unknown = options.platforms.filter((p) => !(p in PLATFORMS));
  if (unknown.length > 0 || options.platforms.length === 0) {
    throw usageError('recipe.platforms', `unknown conda platform ${unknown.join(', ') || '(none given)'}.`, { hint: `use a comma-separated list of ${Object.keys(PLATFORMS).join(', ')}` });
  }
  const notModules = (options.licensesIgnore ?? []).filter((m) => !MODULE.test(m));
  if (notModules.length > 0) throw usageError('recipe.licenses-ignore', `--licenses-ignore ${notModules.join(', ')} is not a Go module or package path.`, { hint: 'pass the path go-licenses names, e.g. --licenses-ignore github.com/owner/module' });
  const bad = options.maintainers.filter((m) => !HANDLE.test(m));
  if (bad.length > 0) throw usageError('recipe.maintainer', `${bad.join(', ')} is not a GitHub handle.`, { hint: 'pass --maintainer with GitHub user names, comma-separated, without @' });
  return name;
}

export function planRecipe(info: RecipeModule, options: PlanOptions): RecipePlan {
  const warnings: string[] = [];
  const name = checkPlanInputs(info, options);
  if (!info.license) throw new Error('unreachable: checkPlanInputs requires a license');
  const detected = detectLicense(info.license.text);
  if (!detected.known) warnings.push(`${info.license.file} matches no license gocross knows; wrote license: ${detected.spdx} — replace it with the right SPDX id`);
  if (detected.note) warnings.push(`${detected.spdx}: ${detected.note}`);

  const cgo = options.cgo ?? info.cgoFiles.length > 0;
  const cgoReason = options.cgo !== undefined ? `--${options.cgo ? '' : 'no-'}cgo` : info.cgoFiles.length > 0 ? `import "C" in ${info.cgoFiles.join(', ')}` : 'no package imports "C"';

  if (options.maintainers.length === 0) warnings.push('no --maintainer given: conda-forge needs extra/recipe-maintainers');

  const forge = forgeOf(info.path);
  let summary = info.readme ? readmeSummary(info.readme) : null;
  if (!summary) {
    summary = `The ${name} command-line tool, written in Go`;
    warnings.push(`no README paragraph to take the summary from; wrote "${summary}"`);
  }
  return {
    name,
    version: options.version,
    source: options.source,
    cgo,
    cgoReason,
    // The root command is named like the package: gopkg.in/yaml.v3's is yaml.
    mains: info.mains.map((main) => (main.package === '.' ? { ...main, binary: moduleBaseName(info.path) } : main)),
    license: { ...detected, file: info.license.file },
    summary,
    home: forge?.home ?? null,
    devUrl: forge?.home ?? null,
    platforms: [...new Set(options.platforms)],
    format: options.format,
    maintainers: options.maintainers,
    licensesIgnore: [...new Set(options.licensesIgnore ?? [])],
    warnings,
  };
}
