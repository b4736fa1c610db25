/**
 * The linter for rattler-build's v1 recipe.yaml: the YAML is parsed first, then `if:/then:/else:`
 * items are chosen and `${{ … }}` rendered for each subdir (rattler-build's order), then the same
 * Go conventions are checked as for meta.yaml, under the same finding ids.
 */
import { closest } from 'fastest-levenshtein';
import nunjucks from 'nunjucks';
import { parseDocument } from 'yaml';
import { condaJinjaContext } from './jinja.js';
import { DEFAULT_PLATFORMS } from './plan.js';
import { type Finding, installedBinaries, lastElement, type RecipeInput, savePaths, savesLicenses } from './lint.js';

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

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const strings = (v: unknown): string[] => asList(v).filter((x): x is string => typeof x === 'string');

const jinja = new nunjucks.Environment([], { autoescape: false });
const renderString = (text: string, ctx: Dict): string => jinja.renderString(text.replace(/\$\{\{/g, '{{'), ctx);
const evaluate = (expr: string, ctx: Dict): boolean => jinja.renderString(`{% if ${expr} %}1{% else %}0{% endif %}`, ctx) === '1';

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

interface Raw {
  id: string;
  severity?: 'error' | 'warning';
  message: string;
  hint?: string;
  file?: string;
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

function checkSubdir(data: Dict, subdir: string, ctx: Dict, input: RecipeInput, out: Raw[]): void {
  checkKeys(data, out);
  const build = isDict(data.build) ? data.build : {};
  const skip = asList(build.skip).some((s) => s === true || (typeof s === 'string' && evaluate(s, ctx)));
  if (skip) return;
  const pkg = isDict(data.package) ? data.package : isDict(data.recipe) ? data.recipe : {};
  if (!pkg.name) out.push({ id: 'package.name', message: 'package/name is missing.' });
  if (pkg.version === undefined || pkg.version === '') out.push({ id: 'package.version', message: 'package/version is missing.' });
  else if (/[-\s]/.test(String(pkg.version))) out.push({ id: 'package.version', message: `package/version ${JSON.stringify(pkg.version)} contains '-' or a space, which conda versions may not.` });

  const sources = asList(data.source).filter(isDict);
  if (sources.length === 0) out.push({ id: 'source.missing', message: 'the recipe has no source.' });
  for (const source of sources) {
    if (source.url !== undefined && source.sha256 === undefined && source.md5 === undefined) out.push({ id: 'source.sha256-missing', message: 'source has a url but no sha256.' });
    if (source.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(String(source.sha256 ?? ''))) out.push({ id: 'source.sha256-invalid', message: `source/sha256 ${JSON.stringify(source.sha256)} is not 64 hex digits.` });
  }
  if (build.number === undefined || build.number === null || build.number === '') out.push({ id: 'build.number-missing', message: 'build/number is missing.', hint: 'add `number: 0` under build' });
  else if (!/^\d+$/.test(String(build.number))) out.push({ id: 'build.number-invalid', message: `build/number ${JSON.stringify(build.number)} is not a non-negative integer.` });

  // build/script: a file name (build.sh…), inline lines, or by default build.sh / build.bat.
  const windows = subdir.startsWith('win-');
  const given = strings(build.script);
  const fileName = given.length === 1 && /\.(sh|bat)$/.test(given[0] as string) ? (given[0] as string) : given.length === 0 ? (windows ? 'build.bat' : 'build.sh') : null;
  const script = fileName ? input.scripts[fileName] : given.join('\n');
  const scriptFile = fileName ?? 'recipe.yaml';
  if (script === undefined) out.push({ id: 'build.script-missing', message: `there is no build script ${fileName} for ${subdir}.`, file: fileName ?? 'recipe.yaml' });

  const requirements = isDict(data.requirements) ? data.requirements : {};
  const names = strings(requirements.build).map((r) => r.trim().split(/[\s=<>!]/)[0] ?? '');
  if (!names.some((n) => /^go-(no)?cgo_/.test(n))) out.push({ id: 'go.compiler', message: 'requirements/build has no Go compiler.', hint: "add ${{ compiler('go-nocgo') }} (or go-cgo with compiler('c') and stdlib('c'))" });
  if (!names.includes('go-licenses')) out.push({ id: 'go-licenses.requirement', message: 'go-licenses is not in requirements/build.' });
  if (script !== undefined && !savesLicenses(script)) out.push({ id: 'go-licenses.save', message: `${scriptFile} does not run go-licenses save … --save_path.`, file: scriptFile });

  const about = isDict(data.about) ? data.about : {};
  if (!about.license) out.push({ id: 'license.missing', message: 'about/license is missing.' });
  const licenseFiles = strings(about.license_file);
  if (licenseFiles.length === 0) out.push({ id: 'license.no-file', message: 'about/license_file is missing.' });
  const generated = script === undefined ? [] : savePaths(script);
  for (const file of licenseFiles) {
    if (!generated.includes(lastElement(file)) && !input.exists(file)) out.push({ id: 'license.file-not-found', message: `about/license_file ${file} is not on disk and no build script writes it.` });
  }

  const tests = asList(data.tests).filter(isDict);
  if (tests.length === 0) out.push({ id: 'test.missing', message: 'the recipe has no tests.', hint: 'add a script test that runs each binary' });
  const commands = tests.flatMap((t) => (isDict(t.script) ? strings(t.script.content) : strings(t.script)));
  if (script !== undefined) {
    const words = new Set(commands.flatMap((c) => c.split(/[\s"'/\\]+/)).map((w) => w.replace(/\.exe$/, '')));
    const untested = installedBinaries(script).filter((b) => !words.has(b));
    if (untested.length > 0) out.push({ id: 'test.binary-untested', message: `the binaries ${untested.join(', ')} are installed by ${scriptFile} but no test script runs them.` });
  }
}

export function lintRecipeV1(text: string, input: Omit<RecipeInput, 'meta'>): Finding[] {
  const subdirs = input.subdirs ?? DEFAULT_PLATFORMS;
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isDict(doc.toJS())) {
    const message = doc.errors[0] ? `YAML (line ${doc.errors[0].linePos?.[0].line ?? '?'}): ${doc.errors[0].message.split('\n')[0]}` : 'recipe.yaml is not a mapping of sections.';
    return [{ id: 'yaml.invalid', severity: 'error', message, file: 'recipe.yaml', subdirs: [...subdirs] }];
  }
  const raw = doc.toJS() as Dict;
  const merged = new Map<string, Finding>();
  for (const subdir of subdirs) {
    const out: Raw[] = [];
    const ctx: Dict = { ...condaJinjaContext(subdir, input.env) };
    try {
      // Context values may refer to the ones before them.
      for (const [key, value] of Object.entries(isDict(raw.context) ? raw.context : {})) ctx[key] = typeof value === 'string' ? renderString(value, ctx) : value;
      checkSubdir(resolve(raw, ctx) as Dict, subdir, ctx, { ...input, meta: text }, out);
    } catch (error) {
      out.push({ id: 'jinja.invalid', message: `Jinja: ${(error as Error).message.replace(/^\(unknown path\)\s*/, '').replace(/\s+/g, ' ').trim()}` });
    }
    for (const r of out) {
      const key = `${r.id}\n${r.message}`;
      const found = merged.get(key);
      if (found) found.subdirs.push(subdir);
      else merged.set(key, { id: r.id, severity: r.severity ?? 'error', message: r.message, ...(r.hint ? { hint: r.hint } : {}), file: r.file ?? 'recipe.yaml', subdirs: [subdir] });
    }
  }
  return [...merged.values()];
}
