/**
 * The linter for rattler-build's v1 recipe.yaml: the YAML is parsed first, then `if:/then:/else:`
 * items are chosen and `${{ … }}` rendered for each subdir (rattler-build's order), then the same
 * Go conventions are checked as for meta.yaml, under the same finding ids.
 */
import { closest } from 'fastest-levenshtein';
import { parseDocument } from 'yaml';
import { cleanJinjaMessage, condaJinjaContext, renderJinja } from './jinja.js';
import { asList, checkConventions, type Dict, type Finding, isDict, mergeBySubdir, type Raw, type RecipeFacts, type RecipeInput, strings } from './lint.js';
import { DEFAULT_PLATFORMS } from './plan.js';

/** The v1 schema's sections and keys (rattler-build's recipe format). */
export const V1_FIELDS: Readonly<Record<string, readonly string[] | 'any'>> = {
  schema_version: 'any',
  context: 'any',
  package: ['name', 'version'],
  recipe: ['name', 'version'],
  source: ['url', 'sha256', 'md5', 'file_name', 'patches', 'target_directory', 'git', 'rev', 'tag', 'branch', 'depth', 'lfs', 'path', 'use_gitignore', 'filter'],
  build: ['number', 'string', 'script', 'noarch', 'python', 'skip', 'always_copy_files', 'always_include_files', 'merge_build_and_host_envs', 'variant', 'prefix_detection', 'dynamic_linking', 'files', 'post_process'],
  requirements: ['build', 'host', 'run', 'run_constraints', 'run_exports', 'ignore_run_exports'],
  tests: ['script', 'requirements', 'files', 'python', 'perl', 'r', 'package_contents', 'downstream'],
  about: ['homepage', 'repository', 'documentation', 'license', 'license_file', 'license_url', 'summary', 'description'],
  extra: 'any',
  outputs: 'any',
  cache: 'any',
};

const renderString = (text: string, ctx: Dict): string => renderJinja(text.replace(/\$\{\{/g, '{{'), ctx);
const evaluate = (expr: string, ctx: Dict): boolean => renderJinja(`{% if ${expr} %}1{% else %}0{% endif %}`, ctx) === '1';

/** Choose conditional items and render the Jinja of every string. */
function resolve(node: unknown, ctx: Dict): unknown {
  if (typeof node === 'string') return node.includes('${{') ? renderString(node, ctx) : node;
  if (Array.isArray(node)) {
    return node.flatMap((item) => {
      if (isDict(item) && 'if' in item && 'then' in item) {
        const chosen = evaluate(String(item.if), ctx) ? item.then : item.else;
        return chosen === undefined ? [] : asList(resolve(chosen, ctx));
      }
      return [resolve(item, ctx)];
    });
  }
  if (isDict(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, ctx)]));
  return node;
}

function checkKeys(data: Dict, out: Raw[]): void {
  for (const [section, value] of Object.entries(data)) {
    const allowed = V1_FIELDS[section];
    if (!allowed) {
      out.push({ id: 'schema.unknown-key', message: `unknown top-level key ${section}: the v1 recipe format has no such section.`, hint: `did you mean ${closest(section, Object.keys(V1_FIELDS))}?` });
      continue;
    }
    if (allowed === 'any') continue;
    const entries = section === 'source' || section === 'tests' ? asList(value) : [value];
    for (const entry of entries) {
      if (!isDict(entry)) {
        if (entry !== null) out.push({ id: 'schema.not-a-dict', message: `${section} must be a mapping${section === 'source' || section === 'tests' ? ' or a list of mappings' : ''}.` });
        continue;
      }
      for (const key of Object.keys(entry)) {
        if (!allowed.includes(key)) out.push({ id: 'schema.unknown-key', message: `unknown key ${section}/${key} in the v1 recipe format.`, hint: `did you mean ${section}/${closest(key, [...allowed])}?` });
      }
    }
  }
}

/** recipe.yaml's names for the facts the conventions check. */
function v1Facts(data: Dict, subdir: string, input: Omit<RecipeInput, 'meta'>): RecipeFacts {
  const build = isDict(data.build) ? data.build : {};
  // build/script: a file name (build.sh…), inline lines, or by default build.sh / build.bat.
  const given = strings(build.script);
  const fileName = given.length === 1 && /\.(sh|bat)$/.test(given[0] as string) ? (given[0] as string) : given.length === 0 ? (subdir.startsWith('win-') ? 'build.bat' : 'build.sh') : null;
  const requirements = isDict(data.requirements) ? data.requirements : {};
  const tests = asList(data.tests).filter(isDict);
  return {
    file: 'recipe.yaml',
    pkg: isDict(data.package) ? data.package : isDict(data.recipe) ? data.recipe : {},
    sources: asList(data.source).filter(isDict),
    build,
    buildRequirements: strings(requirements.build).map((r) => r.trim()),
    about: isDict(data.about) ? data.about : {},
    script: fileName ? input.scripts[fileName] : given.join('\n'),
    scriptFile: fileName ?? 'recipe.yaml',
    missingScript: fileName ?? 'recipe.yaml',
    testCommands: tests.flatMap((t) => (isDict(t.script) ? strings(t.script.content) : strings(t.script))),
    testScript: false,
    hasTests: tests.length > 0,
  };
}

function checkSubdir(data: Dict, subdir: string, ctx: Dict, input: Omit<RecipeInput, 'meta'>, out: Raw[]): void {
  checkKeys(data, out);
  const build = isDict(data.build) ? data.build : {};
  const skip = asList(build.skip).some((s) => s === true || (typeof s === 'string' && evaluate(s, ctx)));
  if (!skip) checkConventions(v1Facts(data, subdir, input), subdir, input, out);
}

export function lintRecipeV1(text: string, input: Omit<RecipeInput, 'meta'>): Finding[] {
  const subdirs = input.subdirs ?? DEFAULT_PLATFORMS;
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isDict(doc.toJS())) {
    const message = doc.errors[0] ? `YAML (line ${doc.errors[0].linePos?.[0].line ?? '?'}): ${doc.errors[0].message.split('\n')[0]}` : 'recipe.yaml is not a mapping of sections.';
    return [{ id: 'yaml.invalid', severity: 'error', message, file: 'recipe.yaml', subdirs: [...subdirs] }];
  }
  const raw = doc.toJS() as Dict;
  return mergeBySubdir(
    subdirs.map((subdir) => {
      const out: Raw[] = [];
      const ctx: Dict = { ...condaJinjaContext(subdir, input.env) };
      try {
        // Context values may refer to the ones before them.
        for (const [key, value] of Object.entries(isDict(raw.context) ? raw.context : {})) ctx[key] = typeof value === 'string' ? renderString(value, ctx) : value;
        checkSubdir(resolve(raw, ctx) as Dict, subdir, ctx, input, out);
      } catch (error) {
        out.push({ id: 'jinja.invalid', message: `Jinja: ${cleanJinjaMessage((error as Error).message)}` });
      }
      return [subdir, out] as const;
    }),
    'recipe.yaml',
  );
}
