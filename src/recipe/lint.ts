/**
 * The recipe linter: renders a meta.yaml as conda-build would for each target subdir and checks
 * it against conda-build's schema and conda-forge's Go conventions. Pure: files come in as text,
 * and whether a path exists is asked through a function.
 */
import { closest } from 'fastest-levenshtein';
import { renderMeta } from './jinja.js';
import { DEFAULT_PLATFORMS } from './plan.js';
import { FIELDS, LICENSE_FAMILIES, LIST_SECTIONS, NOARCH, PIN_DEPENDS } from './schema.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable id, e.g. schema.unknown-key, source.sha256-missing. */
  id: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** The file the finding is about, relative to the recipe directory. */
  file: string;
  /** The subdirs it was found for (all of the checked ones when it does not depend on them). */
  subdirs: string[];
}

export interface RecipeInput {
  /** meta.yaml's text. */
  meta: string;
  /** Build scripts next to the recipe by file name: build.sh, bld.bat… (absent ones left out). */
  scripts: Record<string, string | undefined>;
  /** Whether a path named by the recipe exists (relative to the recipe or its source). */
  exists: (path: string) => boolean;
  /** Names of the files in the recipe directory (run_test.sh counts as a test). */
  recipeFiles: string[];
  subdirs?: readonly string[];
  env?: Record<string, string | undefined>;
}

/** Every lint rule: its id and what it checks, for --help texts, docs and tests. */
export const RULES: Readonly<Record<string, string>> = {
  'jinja.invalid': 'the Jinja in meta.yaml renders with conda-build\'s context (compiler, stdlib, pin_compatible, environ…)',
  'selector.invalid': 'every `# [selector]` is a valid expression',
  'yaml.invalid': 'the rendered recipe is valid YAML, a mapping at the top',
  'schema.unknown-key': 'only keys of conda-build\'s FIELDS schema',
  'schema.not-a-dict': 'each section is a dict (source and outputs: a dict or a list of dicts)',
  'schema.bad-value': 'build/pin_depends and build/noarch take only the values conda-build allows',
  'package.name': 'package/name is present',
  'package.version': 'package/version is present and a valid conda version',
  'source.missing': 'there is a source',
  'source.sha256-missing': 'a url source has a sha256',
  'source.sha256-invalid': 'a sha256 is 64 hex digits',
  'build.number-missing': 'build/number is present',
  'build.number-invalid': 'build/number is a non-negative integer',
  'build.script-missing': 'there is a build script (build.sh, bld.bat or build/script) for each subdir',
  'go.compiler': "a Go compiler in build requirements: {{ compiler('go-nocgo') }} or {{ compiler('go-cgo') }}",
  'go.cgo-c-compiler': "a go-cgo build also has {{ compiler('c') }} and {{ stdlib('c') }}",
  'go-licenses.requirement': 'go-licenses is a build requirement',
  'go-licenses.save': 'the build script runs go-licenses save … --save_path',
  'license.missing': 'about/license is present',
  'license.family': "about/license_family is one of conda-build's families",
  'license.no-file': 'about/license_file is present',
  'license.file-not-found': 'each license_file is on disk (or written by the build script)',
  'test.missing': 'the recipe has tests',
  'test.binary-untested': 'every binary the build script installs is run by a test command',
};

export type Dict = Record<string, unknown>;
export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
export const strings = (v: unknown): string[] => asList(v).filter((x): x is string => typeof x === 'string');
const truthyFlag = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|yes|1)$/i.test(v.trim()));

/** A finding of one subdir, before merging. */
export interface Raw {
  id: string;
  severity?: Severity;
  message: string;
  hint?: string;
  file?: string;
}

/** Keys of one section against the schema. */
function checkKeys(section: string, value: Dict, where: string, out: Raw[]): void {
  const allowed = FIELDS[section];
  if (!allowed || allowed === 'any') return;
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const near = closest(key, [...allowed]);
    out.push({
      id: 'schema.unknown-key',
      message: `unknown key ${where}/${key}: conda-build's schema has no such key in ${section}.`,
      hint: near ? `did you mean ${where}/${near}?` : `the keys of ${section} are: ${allowed.join(', ')}`,
    });
  }
}

function checkSchema(data: Dict, out: Raw[]): void {
  for (const [section, value] of Object.entries(data)) {
    if (!(section in FIELDS)) {
      const near = closest(section, Object.keys(FIELDS));
      out.push({ id: 'schema.unknown-key', message: `unknown top-level key ${section}: conda-build's schema has no such section.`, hint: `did you mean ${near}?` });
      continue;
    }
    if (FIELDS[section] === 'any' || value === null || value === undefined) continue;
    const entries = LIST_SECTIONS.has(section) && Array.isArray(value) ? value : [value];
    entries.forEach((entry, index) => {
      const where = entries.length > 1 || Array.isArray(value) ? `${section}[${index}]` : section;
      if (!isDict(entry)) {
        out.push({ id: 'schema.not-a-dict', message: `${where} must be a dict${LIST_SECTIONS.has(section) ? ' or a list of dicts' : ''}, not ${Array.isArray(entry) ? 'a list' : typeof entry}.` });
        return;
      }
      checkKeys(section, entry, where, out);
      if (section === 'outputs') {
        for (const nested of ['requirements', 'test', 'about'] as const) if (isDict(entry[nested])) checkKeys(nested, entry[nested] as Dict, `${where}/${nested}`, out);
      }
    });
  }
  const build = data.build;
  if (isDict(build)) {
    if (build.pin_depends !== undefined && !PIN_DEPENDS.includes(String(build.pin_depends ?? '') as never)) {
      out.push({ id: 'schema.bad-value', message: `build/pin_depends is ${JSON.stringify(build.pin_depends)}; conda-build takes '', 'record' or 'strict'.` });
    }
    if (build.noarch !== undefined && build.noarch !== null && !NOARCH.includes(String(build.noarch) as never)) {
      out.push({ id: 'schema.bad-value', message: `build/noarch is ${JSON.stringify(build.noarch)}; conda-build takes python or generic.` });
    }
  }
}

/** Binaries a build script installs: go build -o "$PREFIX/bin/NAME" or "%LIBRARY_BIN%\NAME.exe". */
export function installedBinaries(script: string): string[] {
  const names = new Set<string>();
  const re = /-o\s+["']?(?:\$\{?PREFIX\}?\/bin\/|%LIBRARY_BIN%\\|%PREFIX%\\Library\\bin\\)([A-Za-z0-9_.+-]+?)(?:\.exe)?["'\s]/g;
  for (const m of `${script}\n`.matchAll(re)) names.add(m[1] as string);
  return [...names];
}

const savesLicenses = (script: string): boolean => /\bgo-licenses(?:\.exe)?\s+save\b[^\n]*--save_path/.test(script);
/** The directories go-licenses saves into, by last path element (scripts often `cd` first: ../library_licenses). */
const savePaths = (script: string): string[] => [...script.matchAll(/--save_path[=\s]+["']?([^\s"']+)/g)].map((m) => lastElement(m[1] as string));
const lastElement = (path: string): string => path.replace(/[/\\]+$/, '').split(/[/\\]/).pop() ?? path;

/**
 * One subdir's recipe as the Go conventions see it, whatever its format: meta.yaml and
 * rattler-build's recipe.yaml name these things differently but are checked alike.
 */
export interface RecipeFacts {
  /** The recipe file findings point at: meta.yaml or recipe.yaml. */
  file: string;
  pkg: Dict;
  sources: Dict[];
  build: Dict;
  buildRequirements: string[];
  about: Dict;
  /** The build script's text for this subdir (undefined: there is none), its file, and the name a missing one has. */
  script: string | undefined;
  scriptFile: string;
  missingScript: string;
  testCommands: string[];
  /** A run_test script (or equivalent) tests the package. */
  testScript: boolean;
  hasTests: boolean;
}

/** conda-forge's conventions for a Go package, on one subdir of a recipe that is not skipped. */
export function checkConventions(facts: RecipeFacts, subdir: string, input: Pick<RecipeInput, 'exists'>, out: Raw[]): void {
  const { pkg, build, about, script, scriptFile } = facts;
  if (!pkg.name) out.push({ id: 'package.name', message: 'package/name is missing.' });
  if (pkg.version === undefined || pkg.version === null || pkg.version === '') out.push({ id: 'package.version', message: 'package/version is missing.' });
  else if (/[-\s]/.test(String(pkg.version))) out.push({ id: 'package.version', message: `package/version ${JSON.stringify(pkg.version)} contains '-' or a space, which conda versions may not.`, hint: "use '_' or drop the '-' (1.2.3rc1)" });

  if (facts.sources.length === 0) out.push({ id: 'source.missing', message: 'the recipe has no source.', hint: 'add a source url with its sha256 (or a git source and tag)' });
  facts.sources.forEach((source, index) => {
    const where = facts.sources.length > 1 ? `source[${index}]` : 'source';
    if (source.url !== undefined && source.sha256 === undefined) {
      out.push({ id: 'source.sha256-missing', message: `${where} has a url but no sha256${source.md5 || source.sha1 ? ' (md5/sha1 are not enough for conda-forge)' : ''}.`, hint: 'compute it with sha256sum on the downloaded tarball, or let `gocross recipe --url URL` do it' });
    }
    if (source.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(String(source.sha256 ?? ''))) {
      out.push({ id: 'source.sha256-invalid', message: `${where}/sha256 ${JSON.stringify(source.sha256)} is not 64 hex digits.`, hint: 'a sha256 is 64 characters 0-9a-f; placeholders are not accepted' });
    }
  });

  if (build.number === undefined || build.number === null || build.number === '') {
    out.push({ id: 'build.number-missing', message: 'build/number is missing.', hint: 'add `number: 0` under build (and raise it for rebuilds of the same version)' });
  } else if (!/^\d+$/.test(String(build.number))) {
    out.push({ id: 'build.number-invalid', message: `build/number ${JSON.stringify(build.number)} is not a non-negative integer.` });
  }
  if (script === undefined) out.push({ id: 'build.script-missing', message: `there is no ${facts.missingScript} and no build/script for ${subdir}.`, file: facts.missingScript });

  const reqName = (r: string): string => r.split(/[\s=<>!]/)[0] ?? r;
  const buildReqs = facts.buildRequirements;
  const goCompiler = buildReqs.find((r) => /^go-(no)?cgo_/.test(reqName(r)));
  if (!goCompiler) {
    const plainGo = buildReqs.find((r) => reqName(r) === 'go');
    out.push({
      id: 'go.compiler',
      message: plainGo ? `requirements/build has "${plainGo}" but no Go compiler package.` : 'requirements/build has no Go compiler.',
      hint: "add compiler('go-nocgo') for pure Go, or compiler('go-cgo') with compiler('c') and stdlib('c') for cgo",
    });
  } else if (reqName(goCompiler).startsWith('go-cgo_')) {
    const hasC = buildReqs.some((r) => /^(gcc|clang|vs20\d\d)_/.test(reqName(r)));
    const hasStdlib = buildReqs.some((r) => /^(sysroot|macosx_deployment_target|vs)_/.test(reqName(r)));
    if (!hasC || !hasStdlib) {
      const missing = [...(hasC ? [] : ["compiler('c')"]), ...(hasStdlib ? [] : ["stdlib('c')"])].join(' and ');
      out.push({ id: 'go.cgo-c-compiler', severity: 'warning', message: `requirements/build uses go-cgo without ${missing}.`, hint: 'cgo needs a C compiler and the C standard library package for the target' });
    }
  }
  if (!buildReqs.some((r) => reqName(r) === 'go-licenses')) {
    out.push({ id: 'go-licenses.requirement', message: 'go-licenses is not in requirements/build.', hint: 'conda-forge asks Go packages to ship the licenses of the modules they link: add go-licenses' });
  }
  if (script !== undefined && !savesLicenses(script)) {
    out.push({ id: 'go-licenses.save', message: `${scriptFile} does not run go-licenses save … --save_path.`, hint: 'add `go-licenses save . --save_path library_licenses` and list library_licenses/ in about/license_file', file: scriptFile });
  }

  if (!about.license) out.push({ id: 'license.missing', message: 'about/license is missing.', hint: 'use an SPDX id such as MIT or Apache-2.0' });
  if (about.license_family !== undefined && about.license_family !== null && !LICENSE_FAMILIES.includes(String(about.license_family).toUpperCase() as never)) {
    out.push({ id: 'license.family', message: `about/license_family ${JSON.stringify(about.license_family)} is not one of conda-build's families.`, hint: `use one of ${LICENSE_FAMILIES.join(', ')}` });
  }
  const licenseFiles = strings(about.license_file);
  if (licenseFiles.length === 0) out.push({ id: 'license.no-file', message: 'about/license_file is missing.', hint: 'list the LICENSE file and library_licenses/' });
  const generated = script === undefined ? [] : savePaths(script);
  for (const file of licenseFiles) {
    if (generated.includes(lastElement(file)) || input.exists(file)) continue;
    out.push({ id: 'license.file-not-found', message: `about/license_file ${file} is not on disk (not in the recipe nor in its source) and no build script writes it.`, hint: 'check the name (LICENSE, COPYING…) or remove the entry' });
  }

  if (!facts.hasTests) out.push({ id: 'test.missing', message: 'the recipe has no tests.', hint: 'add test commands that run each binary, e.g. `tool --help`' });
  if (script !== undefined && !facts.testScript) {
    const words = new Set(facts.testCommands.flatMap((c) => c.split(/[\s"'/\\]+/)).map((w) => w.replace(/\.exe$/, '')));
    const untested = installedBinaries(script).filter((b) => !words.has(b));
    if (untested.length > 0) {
      out.push({ id: 'test.binary-untested', message: `the binaries ${untested.join(', ')} are installed by ${scriptFile} but no test command runs them.`, hint: `add a test command such as \`${untested[0]} --help\``, file: facts.file });
    }
  }
}

/** meta.yaml's names for the facts the conventions check. */
function metaFacts(data: Dict, subdir: string, input: RecipeInput): RecipeFacts {
  const build = isDict(data.build) ? data.build : {};
  // The build script for this subdir: build/script, else build.sh (unix) or bld.bat (win).
  const windows = subdir.startsWith('win-');
  const scriptName = windows ? 'bld.bat' : 'build.sh';
  const inline = build.script !== undefined && build.script !== null;
  const requirements = isDict(data.requirements) ? data.requirements : {};
  const test = isDict(data.test) ? data.test : {};
  const testCommands = strings(test.commands);
  const testScript = input.recipeFiles.includes(windows ? 'run_test.bat' : 'run_test.sh');
  return {
    file: 'meta.yaml',
    pkg: isDict(data.package) ? data.package : {},
    sources: asList(data.source).filter(isDict),
    build,
    buildRequirements: strings(requirements.build).map((r) => r.trim()),
    about: isDict(data.about) ? data.about : {},
    script: inline ? strings(build.script).join('\n') : input.scripts[scriptName],
    scriptFile: inline ? 'meta.yaml' : scriptName,
    missingScript: scriptName,
    testCommands,
    testScript,
    hasTests: testCommands.length > 0 || testScript || strings(test.imports).length > 0,
  };
}

/** Checks of one rendered subdir of a meta.yaml. */
function checkRendered(data: Dict, subdir: string, input: RecipeInput, out: Raw[]): void {
  checkSchema(data, out);
  // conda-build does not build a skipped subdir; nothing else applies to it.
  if (truthyFlag((isDict(data.build) ? data.build : {}).skip)) return;
  checkConventions(metaFacts(data, subdir, input), subdir, input, out);
}

/** Findings of every subdir, each reported once with the subdirs it was found for. */
export function mergeBySubdir(perSubdir: readonly (readonly [subdir: string, raws: readonly Raw[]])[], file: string): Finding[] {
  const merged = new Map<string, Finding>();
  for (const [subdir, raws] of perSubdir) {
    for (const raw of raws) {
      const key = `${raw.id}\n${raw.message}`;
      const existing = merged.get(key);
      if (existing) {
        if (!existing.subdirs.includes(subdir)) existing.subdirs.push(subdir);
        continue;
      }
      merged.set(key, { id: raw.id, severity: raw.severity ?? 'error', message: raw.message, ...(raw.hint ? { hint: raw.hint } : {}), file: raw.file ?? file, subdirs: [subdir] });
    }
  }
  return [...merged.values()];
}

/** Lint a recipe; findings seen for several subdirs are reported once, listing them. */
export function lintRecipe(input: RecipeInput): Finding[] {
  const subdirs = input.subdirs ?? DEFAULT_PLATFORMS;
  return mergeBySubdir(
    subdirs.map((subdir) => {
      const rendered = renderMeta(input.meta, subdir, input.env);
      const raws: Raw[] = [];
      // One YAML error per subdir: the ones after the first are mostly its echoes.
      const firstYaml = rendered.errors.find((e) => e.stage === 'yaml');
      for (const error of rendered.errors.filter((e) => e.stage !== 'yaml' || e === firstYaml)) {
        const id = error.stage === 'jinja' ? 'jinja.invalid' : error.stage === 'selector' ? 'selector.invalid' : 'yaml.invalid';
        const at = error.line ? ` (line ${error.line}${error.stage === 'yaml' ? ' of the rendered text' : ''})` : '';
        raws.push({ id, message: `${error.stage === 'jinja' ? 'Jinja' : error.stage === 'selector' ? 'a selector' : 'YAML'}${at}: ${error.message}` });
      }
      if (rendered.errors.length === 0) {
        if (!isDict(rendered.data)) raws.push({ id: 'yaml.invalid', message: 'the rendered recipe is not a mapping of sections.' });
        else checkRendered(rendered.data, subdir, input, raws);
      }
      return [subdir, raws] as const;
    }),
    'meta.yaml',
  );
}

export const hasErrors = (findings: Finding[]): boolean => findings.some((f) => f.severity === 'error');
