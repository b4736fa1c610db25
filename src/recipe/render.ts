/** A recipe plan as files: meta.yaml, build.sh, bld.bat, optionally recipe.yaml, and conda-forge.yml. */
import { DEFAULT_PLATFORMS, PLATFORMS, type RecipePlan, type SourcePlan } from './plan.js';
import { crossBuilds } from './platforms.js';
import { fillTemplate, type TemplateValues } from '../io/templates.js';
import { readTemplate, type TemplateName } from './template.js';

export interface RecipeFile {
  name: string;
  content: string;
  mode?: number;
}

/** A YAML scalar: plain when that is unambiguous, else double-quoted (JSON strings are YAML). */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/:%+~@=,-]*$/.test(value) && !/^(true|false|yes|no|null|on|off|~)$/i.test(value) && !/^[\d.]+$/.test(value)
    ? value
    : JSON.stringify(value);
}

/** Text inserted into a Jinja file must not open a Jinja tag of its own. */
const jinjaSafe = (text: string): string => text.replace(/([{%#])(?=[{%#])/g, '$1 ').replace(/\{(?=[{%#])/g, '{ ');

/** The version in a URL's path as Jinja (`{{ version }}`), so a version bump edits one line. */
export function templateVersion(url: string, version: string, jinja: string): string {
  const parsed = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(url);
  const [origin, rest] = parsed ? [parsed[1] as string, parsed[2] as string] : ['', url];
  return origin + rest.split(version).join(jinja);
}

/** rattler-build's v1 names git sources `git:` and `tag:`. */
function sourceLines(source: SourcePlan, version: string, jinja: string): { key: string; value: string }[] {
  const v1 = jinja.startsWith('$');
  if (source.kind === 'url') {
    return [
      { key: 'url', value: templateVersion(source.url, version, jinja) },
      { key: 'sha256', value: source.sha256 },
    ];
  }
  return [
    { key: v1 ? 'git' : 'git_url', value: source.gitUrl },
    { key: v1 ? 'tag' : 'git_rev', value: templateVersion(source.gitRev, version, jinja) },
  ];
}

/** A source value with Jinja in it stays plain (conda-forge's style) when the rest of it would. */
function sourceScalar(value: string, jinja: string): string {
  const plain = jinja === '' ? value : value.split(jinja).join('V');
  return yamlScalar(plain) === plain ? value : JSON.stringify(value);
}

const ALL_DEFAULT = (platforms: string[]): boolean =>
  DEFAULT_PLATFORMS.every((p) => platforms.includes(p)) && platforms.every((p) => DEFAULT_PLATFORMS.includes(p));

/** Values every template shares. */
function values(plan: RecipePlan, jinja: string): TemplateValues {
  const packages = plan.mains.map((m) => m.package);
  const restricted = !ALL_DEFAULT(plan.platforms);
  const selector = `not (${plan.platforms.map((p) => PLATFORMS[p]?.selector).join(' or ')})`;
  const v1Skip = `not (${plan.platforms.map((p) => `target_platform == "${p}"`).join(' or ')})`;
  const cross = crossBuilds(plan.platforms);
  const flag = (on: boolean): Record<string, string>[] => (on ? [{}] : []);
  return {
    scalars: {
      NAME: plan.name,
      VERSION: plan.version,
      LICENSE: yamlScalar(plan.license.spdx),
      LICENSE_FAMILY: plan.license.family,
      LICENSE_FILE: yamlScalar(plan.license.file),
      SUMMARY: JSON.stringify(jinjaSafe(plan.summary)),
      PACKAGES: packages.join(' '),
      IGNORES: plan.licensesIgnore.map((m) => ` --ignore ${m}`).join(''),
    },
    lists: {
      SOURCE: sourceLines(plan.source, plan.version, jinja).map((l) => ({ key: l.key, value: sourceScalar(l.value, jinja) })),
      SKIP: restricted ? [{ selector, expression: v1Skip }] : [],
      COMPILER: plan.cgo ? [{ name: 'go-cgo' }, { name: 'c' }] : [{ name: 'go-nocgo' }],
      STDLIB: plan.cgo ? [{ name: 'c' }] : [],
      BINARY: plan.mains.map((m) => ({ name: m.binary, package: m.package })),
      VERSION_TEST: plan.mains.filter((m) => m.hasVersionFlag).map((m) => ({ name: m.binary })),
      HOME: plan.home ? [{ url: plan.home }] : [],
      DEV_URL: plan.devUrl ? [{ url: plan.devUrl }] : [],
      MAINTAINER: plan.maintainers.map((handle) => ({ handle })),
      HAS_MAINTAINER: flag(plan.maintainers.length > 0),
      CROSS: cross,
      CROSS_HEADER: flag(cross.length > 0),
      // conda-forge builds recipe.yaml with rattler-build; with both files it is the one built.
      V1: plan.format !== 'meta' ? [{ tool: 'rattler-build' }] : [],
    },
  };
}

const fill = (name: TemplateName, plan: RecipePlan, jinja: string): string => fillTemplate(readTemplate(name), values(plan, jinja), `recipes/conda/${name}`);

/** Every file of the recipe, in the order they are reported. */
export function renderRecipe(plan: RecipePlan): RecipeFile[] {
  const files: RecipeFile[] = [];
  if (plan.format !== 'v1') files.push({ name: 'meta.yaml', content: fill('meta.yaml', plan, '{{ version }}') });
  if (plan.format !== 'meta') files.push({ name: 'recipe.yaml', content: fill('recipe.yaml', plan, '${{ version }}') });
  files.push({ name: 'build.sh', content: fill('build.sh', plan, ''), mode: 0o755 });
  files.push({ name: 'bld.bat', content: fill('bld.bat', plan, '') });
  files.push({ name: 'conda-forge.yml', content: fill('conda-forge.yml', plan, '') });
  return files;
}
