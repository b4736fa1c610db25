/**
 * The linter for rattler-build's recipe.yaml: the YAML is parsed first (a repeated key is an
 * error there), then for each subdir `context` is evaluated in order, `if:/then:/else:` items
 * chosen and every `${{ … }}` rendered with minijinja's rules as rattler-build sets it up —
 * an undefined name is an error (unless tested with `is defined`), strings have no Python
 * methods (`| split` is a filter), build and test scripts are kept for build time, and
 * about/license_file may name SRC_DIR, PREFIX… Then rattler-build's key schema and the same
 * Go conventions as for meta.yaml, under the same finding ids.
 */
import { closest } from 'fastest-levenshtein';
import { parseDocument } from 'yaml';
import { asList, checkConventions, type Dict, isDict, type Raw, type RecipeFacts, strings, type UnitFacts, type UnitScript } from './conventions.js';
import { evaluateExpression, hasJinja, isUndefined, JinjaError, renderTemplate, truthy, Undefined } from './jinja-engine/index.js';
import { JINJA_FAILED } from './jinja.js';
import { sourceSpecs } from './license-files.js';
import { type Finding, mergeBySubdir, type RecipeInput, variantFor } from './lint.js';
import { DEFAULT_PLATFORMS } from './platforms.js';
import { LICENSE_LATE_BOUND, rattlerJinjaContext, scriptVariables } from './rattler-context.js';

/** rattler-build's recipe schema: the keys each section takes (its stage0 parser). */
export const V1_FIELDS = {
  single: ['context', 'package', 'source', 'build', 'requirements', 'tests', 'about', 'extra', 'schema_version'],
  multi: ['context', 'recipe', 'source', 'build', 'tests', 'about', 'extra', 'outputs', 'schema_version', 'version'],
  package: ['name', 'version'],
  recipe: ['name', 'version'],
  build: ['number', 'string', 'script', 'steps', 'noarch', 'flags', 'python', 'skip', 'always_copy_files', 'always_include_files', 'merge_build_and_host_envs', 'files', 'dynamic_linking', 'variant', 'prefix_detection', 'post_process'],
  script: ['interpreter', 'env', 'secrets', 'content', 'file', 'cwd'],
  requirements: ['build', 'host', 'run', 'run_constraints', 'extras', 'run_exports', 'ignore_run_exports'],
  about: ['homepage', 'license', 'license_file', 'license_family', 'summary', 'description', 'documentation', 'repository'],
  urlSource: ['url', 'sha256', 'md5', 'file_name', 'patches', 'target_directory', 'attestation', 'filter'],
  gitSource: ['git', 'rev', 'tag', 'branch', 'depth', 'patches', 'target_directory', 'lfs', 'submodules', 'expected_commit', 'filter'],
  pathSource: ['path', 'sha256', 'md5', 'patches', 'target_directory', 'file_name', 'use_gitignore', 'filter'],
  scriptTest: ['script', 'requirements', 'files'],
  output: ['package', 'inherit', 'source', 'requirements', 'build', 'about', 'tests'],
  stagingOutput: ['staging', 'source', 'requirements', 'build'],
} as const;

const TEST_KINDS = ['script', 'python', 'package_contents', 'downstream', 'perl', 'r', 'ruby'];

type Mode = 'strict' | 'script' | 'license';

interface Resolver {
  subdir: string;
  ctx: Dict;
  scriptCtx: Dict;
  licenseCtx: Dict;
  errors: Raw[];
}

const SINGLE_EXPRESSION = /^\s*\$\{\{([^]*?)\}\}\s*$/;

/** What a rendered string means as a value: rattler-build reads true/false and integers. */
const typed = (s: string): unknown => (/^true$/i.test(s.trim()) ? true : /^false$/i.test(s.trim()) ? false : /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : s);

function renderString(text: string, where: string, mode: Mode, r: Resolver): unknown {
  if (!hasJinja(text, 'minijinja')) return text;
  const ctx = mode === 'script' ? r.scriptCtx : mode === 'license' ? r.licenseCtx : r.ctx;
  try {
    const single = SINGLE_EXPRESSION.exec(text);
    if (single && !(single[1] as string).includes('${{') && mode === 'strict') {
      const value = evaluateExpression(single[1] as string, ctx, { dialect: 'minijinja' });
      if (value instanceof Undefined && value.soft) return null;
      if (isUndefined(value)) throw new JinjaError(`undefined variable in expression '${(single[1] as string).trim()}'`);
      return value;
    }
    const rendered = renderTemplate(text, ctx, { dialect: 'minijinja' }).text;
    return rendered === '' ? null : typed(rendered);
  } catch (error) {
    // Scripts are rendered when they run, with the build's variables; keep what cannot be known now.
    if (mode === 'script') return text;
    r.errors.push({ id: 'jinja.invalid', message: `Jinja (${where}): ${(error as Error).message}` });
    return JINJA_FAILED;
  }
}

const modeOf = (path: readonly (string | number)[], inherited: Mode): Mode => {
  if (inherited !== 'strict') return inherited;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'script' && (parent === 'build' || typeof parent === 'number')) return 'script';
  if (last === 'license_file' && parent === 'about') return 'license';
  return 'strict';
};

function condition(expr: unknown, where: string, r: Resolver): boolean {
  if (typeof expr === 'boolean') return expr;
  try {
    const value = evaluateExpression(String(expr), r.ctx, { dialect: 'minijinja' });
    if (isUndefined(value) && !(value instanceof Undefined && value.soft)) throw new JinjaError(`undefined variable in condition '${String(expr)}'`);
    return truthy(value, true);
  } catch (error) {
    r.errors.push({ id: 'jinja.invalid', message: `Jinja (${where}: if ${String(expr)}): ${(error as Error).message}` });
    return false;
  }
}

/** Choose conditional items and render every string, by rattler-build's rules for where it is. */
function resolve(node: unknown, path: (string | number)[], mode: Mode, r: Resolver): unknown {
  const where = path.join('/') || '.';
  if (typeof node === 'string') return renderString(node, where, mode, r);
  if (Array.isArray(node)) {
    return node.flatMap((item, index) => {
      if (isDict(item) && 'if' in item) {
        const chosen = condition(item.if, where, r) ? item.then : item.else;
        if (chosen === undefined || chosen === null) return [];
        return asList(resolve(chosen, [...path, index], mode, r)).filter((v) => v !== null);
      }
      const value = resolve(item, [...path, index], mode, r);
      return value === null ? [] : [value];
    });
  }
  if (isDict(node)) {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => !(path.length === 0 && k === 'context'))
        .map(([k, v]) => [k, resolve(v, [...path, k], modeOf([...path, k], mode), r)]),
    );
  }
  return node;
}

function keys(value: unknown, allowed: readonly string[], where: string, out: Raw[]): void {
  if (!isDict(value)) return;
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    if (where === 'about' && key === 'license_url') {
      out.push({ id: 'schema.unknown-key', message: 'unknown key about/license_url: rattler-build rejects it (its about section has no license_url).', hint: 'drop it; about/license and about/license_file say the license' });
      continue;
    }
    out.push({ id: 'schema.unknown-key', message: `unknown key ${where}/${key}: rattler-build's recipe schema has no such key.`, hint: `did you mean ${where}/${closest(key, [...allowed])}?` });
  }
}

function checkSources(value: unknown, where: string, out: Raw[]): void {
  for (const [i, s] of asList(value).entries()) {
    const at = Array.isArray(value) ? `${where}[${i}]` : where;
    if (!isDict(s)) {
      if (s !== null) out.push({ id: 'schema.not-a-dict', message: `${at} must be a mapping or a list of mappings.` });
      continue;
    }
    keys(s, 'git' in s ? V1_FIELDS.gitSource : 'path' in s ? V1_FIELDS.pathSource : V1_FIELDS.urlSource, at, out);
  }
}

function checkBuild(value: unknown, where: string, out: Raw[]): void {
  if (!isDict(value)) return;
  keys(value, V1_FIELDS.build, where, out);
  if (isDict(value.script)) keys(value.script, V1_FIELDS.script, `${where}/script`, out);
}

function checkTests(value: unknown, where: string, out: Raw[]): void {
  for (const [i, t] of asList(value).entries()) {
    if (!isDict(t)) continue;
    const kind = TEST_KINDS.find((k) => k in t);
    if (!kind) out.push({ id: 'schema.unknown-key', message: `${where}[${i}] is no test rattler-build knows: it has none of ${TEST_KINDS.join(', ')}.` });
    else if (kind === 'script') keys(t, V1_FIELDS.scriptTest, `${where}[${i}]`, out);
  }
}

function checkSchema(data: Dict, multi: boolean, out: Raw[]): void {
  keys(data, multi ? V1_FIELDS.multi : V1_FIELDS.single, '', out);
  for (const raw of out) if (raw.message.startsWith('unknown key /')) raw.message = raw.message.replace('unknown key /', 'unknown top-level key ');
  keys(data.package, V1_FIELDS.package, 'package', out);
  keys(data.recipe, V1_FIELDS.recipe, 'recipe', out);
  checkBuild(data.build, 'build', out);
  keys(data.requirements, V1_FIELDS.requirements, 'requirements', out);
  keys(data.about, V1_FIELDS.about, 'about', out);
  checkSources(data.source, 'source', out);
  checkTests(data.tests, 'tests', out);
  for (const [i, o] of asList(data.outputs).entries()) {
    if (!isDict(o)) continue;
    const at = `outputs[${i}]`;
    keys(o, 'staging' in o ? V1_FIELDS.stagingOutput : V1_FIELDS.output, at, out);
    keys(o.package, V1_FIELDS.package, `${at}/package`, out);
    checkBuild(o.build, `${at}/build`, out);
    keys(o.requirements, V1_FIELDS.requirements, `${at}/requirements`, out);
    keys(o.about, V1_FIELDS.about, `${at}/about`, out);
    checkSources(o.source, `${at}/source`, out);
    checkTests(o.tests, `${at}/tests`, out);
  }
}


const EXT: Record<string, 'sh' | 'bat'> = { sh: 'sh', bash: 'sh', bat: 'bat', cmd: 'bat' };

/** A unit's script: a file (default build.sh / build.bat), inline commands, or a mapping with content or file. */
function scriptOf(build: Dict, subdir: string, input: Omit<RecipeInput, 'meta'>, required: boolean): { script: UnitScript | null; missing: string | null } {
  const win = subdir.startsWith('win-');
  const kind = win ? 'bat' : 'sh';
  const fromFile = (name: string): { script: UnitScript | null; missing: string | null } => {
    for (const candidate of /\.[a-z0-9]+$/i.test(name) ? [name] : [name, `${name}.${win ? 'bat' : 'sh'}`, ...(win ? [`${name}.ps1`] : [])]) {
      const text = input.scripts[candidate];
      if (text !== undefined) return { script: { text, kind: EXT[candidate.split('.').pop()?.toLowerCase() ?? ''] ?? kind, file: candidate }, missing: null };
    }
    return { script: null, missing: name };
  };
  const value = build.script;
  if (value === undefined || value === null) {
    const found = fromFile(win ? 'build.bat' : 'build.sh');
    return found.script ? found : { script: null, missing: required ? (win ? 'build.bat' : 'build.sh') : null };
  }
  if (isDict(value)) {
    if (typeof value.file === 'string') return fromFile(value.file);
    const interpreter = typeof value.interpreter === 'string' ? value.interpreter : null;
    const k = interpreter === 'bash' ? 'sh' : interpreter === 'cmd' ? 'bat' : kind;
    return { script: { text: strings(value.content).join('\n'), kind: k, file: 'recipe.yaml' }, missing: null };
  }
  const lines = strings(value);
  // A single word naming a file is a script file, as rattler-build reads it.
  if (lines.length === 1 && /^[\w./\\-]+$/.test(lines[0] as string) && (/\.(sh|bat|bash|cmd|ps1|py|nu)$/i.test(lines[0] as string) || fromFile(lines[0] as string).script)) return fromFile(lines[0] as string);
  return { script: { text: lines.join('\n'), kind, file: 'recipe.yaml' }, missing: null };
}

function testFacts(tests: unknown): Pick<UnitFacts, 'testCommands' | 'testScript' | 'hasTests'> {
  const list = asList(tests).filter(isDict);
  const commands = list.flatMap((t) => (isDict(t.script) ? strings(t.script.content) : strings(t.script)));
  return { testCommands: commands, testScript: list.some((t) => isDict(t.script) && typeof t.script.file === 'string'), hasTests: list.length > 0 };
}

/** recipe.yaml's names for the facts the conventions check. */
function v1Facts(data: Dict, subdir: string, input: Omit<RecipeInput, 'meta'>): RecipeFacts {
  const multi = Array.isArray(data.outputs);
  const top = multi ? (isDict(data.recipe) ? data.recipe : {}) : isDict(data.package) ? data.package : {};
  const build = isDict(data.build) ? data.build : {};
  const about = isDict(data.about) ? data.about : {};
  const sources = asList(data.source).filter(isDict);
  const reqs = (r: unknown, key: string): string[] => (isDict(r) ? strings(r[key]).map((x) => x.trim()) : []);
  const noarch = (b: Dict): string | null => (b.noarch === undefined || b.noarch === null ? null : String(b.noarch));
  const units: UnitFacts[] = [];
  if (!multi) {
    const { script, missing } = scriptOf(build, subdir, input, true);
    units.push({ label: '', name: String(top.name ?? ''), version: String(top.version ?? ''), isPackage: true, noarch: noarch(build), buildRequirements: reqs(data.requirements, 'build'), hostRequirements: reqs(data.requirements, 'host'), about, script, missingScript: missing, ...testFacts(data.tests) });
  } else {
    for (const output of asList(data.outputs).filter(isDict)) {
      const outBuild = { ...build, ...(isDict(output.build) ? output.build : {}) };
      if (asList(outBuild.skip).some((s) => s === true)) continue;
      const staging = isDict(output.staging);
      const pkg = isDict(output.package) ? output.package : isDict(output.staging) ? output.staging : {};
      const { script } = scriptOf(outBuild, subdir, input, false);
      units.push({
        label: `${staging ? 'staging' : 'output'} ${String(pkg.name ?? '?')}`,
        name: String(pkg.name ?? ''),
        version: String(pkg.version ?? top.version ?? ''),
        isPackage: !staging,
        noarch: noarch(outBuild),
        buildRequirements: reqs(output.requirements, 'build'),
        hostRequirements: reqs(output.requirements, 'host'),
        about: { ...about, ...(isDict(output.about) ? output.about : {}) },
        script,
        missingScript: null,
        ...(staging ? { testCommands: [], testScript: false, hasTests: true } : testFacts(output.tests)),
      });
    }
  }
  const allSources = [...sources, ...asList(data.outputs).filter(isDict).flatMap((o) => asList(o.source).filter(isDict))];
  return { file: 'recipe.yaml', format: 'v1', pkg: top, needsName: !multi, sources: allSources, sourceSpecs: sourceSpecs(allSources, { dest: 'target_directory', fileName: 'file_name', git: 'git', pathFileName: true, others: [] }), build, units };
}

/** A license_file with late-bound variables: SRC_DIR's dropped (the entry is in the work dir), PREFIX's not checked. */
function lateBound(about: Dict): Dict {
  if (!('license_file' in about)) return about;
  const files = strings(about.license_file).flatMap((f) => {
    if (/\$\{\{\s*(PREFIX|BUILD_PREFIX|BUILD_DIR)\s*\}\}/.test(f)) return [];
    return [f.replace(/\$\{\{\s*(SRC_DIR|RECIPE_DIR)\s*\}\}[\\/]?/g, '')];
  });
  return { ...about, license_file: files };
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
      const { variant, raws: out } = variantFor(subdir, input);
      const ctx = rattlerJinjaContext(subdir, { buildSubdir: input.buildPlatforms?.[subdir], variant, env: input.env });
      const r: Resolver = { subdir, ctx, scriptCtx: {}, licenseCtx: {}, errors: out };
      // Context values may refer to the ones before them.
      for (const [key, value] of Object.entries(isDict(raw.context) ? raw.context : {})) ctx[key] = typeof value === 'string' ? renderString(value, `context/${key}`, 'strict', r) : value;
      r.scriptCtx = { ...ctx, ...scriptVariables(subdir) };
      r.licenseCtx = { ...ctx, ...Object.fromEntries(LICENSE_LATE_BOUND.map((v) => [v, `\${{ ${v} }}`])) };
      const data = resolve(raw, [], 'strict', r) as Dict;
      checkSchema(data, Array.isArray(raw.outputs), out);
      const build = isDict(data.build) ? data.build : {};
      const skip = asList(build.skip).some((s) => (typeof s === 'boolean' ? s : typeof s === 'string' ? condition(s, 'build/skip', r) : false));
      if (!skip) {
        const facts = v1Facts(data, subdir, input);
        for (const unit of facts.units) unit.about = lateBound(unit.about);
        checkConventions(facts, subdir, input, out);
      }
      return [subdir, out] as const;
    }),
    'recipe.yaml',
  );
}
