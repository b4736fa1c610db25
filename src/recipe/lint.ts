/**
 * The recipe linter: renders a meta.yaml as conda-build would for each target subdir (with
 * conda-forge's pinning and the recipe's own variant files) and checks it against conda-build's
 * schema and conda-forge's Go conventions. Pure: files come in as text, whether a path exists
 * and what a source holds are asked through functions.
 */
import { closest } from 'fastest-levenshtein';
import { asList, checkConventions, type Dict, isDict, type Raw, type RecipeFacts, type Severity, strings, type UnitFacts, type UnitScript } from './conventions.js';
import { JINJA_FAILED, renderMeta } from './jinja.js';
import { type SourceProvider, sourceSpecs } from './license-files.js';
import { DEFAULT_PLATFORMS } from './platforms.js';
import { FIELDS, LICENSE_FAMILIES, LIST_SECTIONS, NOARCH, PIN_DEPENDS } from './schema.js';
import { scriptFacts } from './script-facts.js';
import { selectorNamespace } from './selectors.js';
import { firstVariant, mergeVariantFiles, type VariantFile } from './variants.js';

export { asList, type Dict, isDict, type Raw, type Severity, strings } from './conventions.js';

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
  /** Files of the recipe directory by name (build.sh, bld.bat, an output's script…); absent ones left out. */
  scripts: Record<string, string | undefined>;
  /** Whether a path named by the recipe exists (in the recipe directory or a local source root). */
  exists: (path: string) => boolean;
  /** Names of the files in the recipe directory (run_test.sh counts as a test). */
  recipeFiles: string[];
  subdirs?: readonly string[];
  env?: Record<string, string | undefined>;
  /** conda-forge's pinning, then the recipe's conda_build_config.yaml (and variants.yaml); later ones win. */
  variantFiles?: readonly VariantFile[];
  /** The platform each target is built on (conda-forge.yml's build_platform), for build_platform in selectors. */
  buildPlatforms?: Readonly<Record<string, string>>;
  /** What each source puts in the work dir, for license_file entries not found otherwise. */
  sources?: SourceProvider;
}

/** Every lint rule: its id and what it checks, for --help texts, docs and tests. */
export const RULES: Readonly<Record<string, string>> = {
  'jinja.invalid': "the Jinja renders with conda-build's context (compiler, stdlib, pin_compatible, environ…) or rattler-build's",
  'selector.invalid': 'every `# [selector]` is a valid expression',
  'yaml.invalid': 'the rendered recipe (and its variant files) are valid YAML, a mapping at the top',
  'schema.unknown-key': "only keys of conda-build's FIELDS schema (or rattler-build's recipe schema)",
  'schema.not-a-dict': 'each section is a dict (source and outputs: a dict or a list of dicts)',
  'schema.bad-value': 'build/pin_depends and build/noarch take only the values conda-build allows',
  'package.name': 'package/name is present',
  'package.version': 'package/version is present and a valid conda version',
  'source.missing': 'there is a source',
  'source.sha256-missing': 'a url source has a sha256',
  'source.sha256-invalid': 'a sha256 is 64 hex digits',
  'source.sha256-mismatch': 'the source archive downloaded for the license check has the sha256 the recipe says',
  'build.number-missing': 'build/number is present',
  'build.number-invalid': 'build/number is a non-negative integer',
  'build.script-missing': 'there is a build script (build.sh, bld.bat or build/script) for each subdir',
  'go.compiler': "a Go build has a Go compiler in build requirements: {{ compiler('go-nocgo') }} or {{ compiler('go-cgo') }}",
  'go.cgo-c-compiler': "a go-cgo build also has {{ compiler('c') }} and {{ stdlib('c') }}",
  'go.not-a-go-recipe': 'info: a recipe without a Go compiler or go build (noarch: python…) is not checked by the Go rules',
  'go-licenses.requirement': 'go-licenses, which the build script runs, is a build requirement (or installed at a pinned version)',
  'go-licenses.save': 'a Go build script runs go-licenses save … --save_path',
  'go-licenses.unpinned': 'go-licenses is not fetched with go install …@latest (a download of an unpinned version)',
  'go-licenses.failure-hidden': 'warning: go-licenses is not run with || true, which hides its failures',
  'go-licenses.not-shipped': "warning: go-licenses' save path is listed in about/license_file",
  'license.missing': 'about/license is present',
  'license.family': "about/license_family is one of conda-build's families",
  'license.no-file': 'about/license_file is present',
  'license.file-not-found': 'each license_file is in the recipe, a source (unpacked as conda-build lays it out) or written by the build script',
  'license.not-checked': 'info: a license_file could not be checked (its source could not be fetched, or is a git source)',
  'test.missing': 'the recipe has tests',
  'test.binary-untested': 'every binary the build script installs is run by a test command',
};

const truthyFlag = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|yes|1)$/i.test(v.trim()));

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
      // conda-build's check_fields: each section's keys, an output's own keys, nothing deeper.
      checkKeys(section, entry, where, out);
    });
  }
  const builds = [data.build, ...asList(data.outputs).filter(isDict).map((o) => o.build)].filter(isDict);
  for (const build of builds) {
    if (build.pin_depends !== undefined && !PIN_DEPENDS.includes(String(build.pin_depends ?? '') as never)) {
      out.push({ id: 'schema.bad-value', message: `build/pin_depends is ${JSON.stringify(build.pin_depends)}; conda-build takes '', 'record' or 'strict'.` });
    }
    if (build.noarch !== undefined && build.noarch !== null && !NOARCH.includes(String(build.noarch) as never)) {
      out.push({ id: 'schema.bad-value', message: `build/noarch is ${JSON.stringify(build.noarch)}; conda-build takes python or generic.` });
    }
  }
  const abouts = [data.about, ...asList(data.outputs).filter(isDict).map((o) => o.about)].filter(isDict);
  for (const about of abouts) {
    if (about.license_family !== undefined && about.license_family !== null && !LICENSE_FAMILIES.includes(String(about.license_family).toUpperCase() as never)) {
      out.push({ id: 'license.family', message: `about/license_family ${JSON.stringify(about.license_family)} is not one of conda-build's families.`, hint: `use one of ${LICENSE_FAMILIES.join(', ')}` });
    }
  }
}

/** Binaries a build script installs: go build -o "$PREFIX/bin/NAME" or "%LIBRARY_BIN%\NAME.exe". */
export function installedBinaries(script: string): string[] {
  return [...new Set([...scriptFacts(script, 'sh').binaries, ...scriptFacts(script, 'bat').binaries])];
}


const SCRIPT_FILE = /\.(sh|bat|cmd|ps1|py|pl|bash)$/i;

/** meta.yaml's names for the facts the conventions check: the package, or its outputs. */
function metaFacts(data: Dict, subdir: string, input: RecipeInput): RecipeFacts {
  const windows = subdir.startsWith('win-');
  const kind = windows ? 'bat' : 'sh';
  const pkg = isDict(data.package) ? data.package : {};
  const build = isDict(data.build) ? data.build : {};
  const requirements = isDict(data.requirements) ? data.requirements : {};
  const about = isDict(data.about) ? data.about : {};
  const sources = asList(data.source).filter(isDict);
  const test = isDict(data.test) ? data.test : {};
  const topName = String(pkg.name ?? '');
  const topVersion = String(pkg.version ?? '');
  const scriptName = windows ? 'bld.bat' : 'build.sh';
  const inline = (script: unknown, file: string): UnitScript | null => (script === undefined || script === null ? null : { text: strings(script).join('\n'), kind, file });
  const fileScript = (name: string): UnitScript | null => {
    const text = input.scripts[name];
    return text === undefined ? null : { text, kind: /\.(bat|cmd)$/i.test(name) ? 'bat' : 'sh', file: name };
  };
  const topScript = inline(build.script, 'meta.yaml') ?? fileScript(scriptName);
  const runTest = input.recipeFiles.some((f) => f === (windows ? 'run_test.bat' : 'run_test.sh') || f === 'run_test.py' || f === 'run_test.pl');
  const testsOf = (t: Dict, scriptTest: boolean): Pick<UnitFacts, 'testCommands' | 'testScript' | 'hasTests'> => {
    const commands = strings(t.commands);
    return { testCommands: commands, testScript: scriptTest, hasTests: commands.length > 0 || scriptTest || strings(t.imports).length > 0 || strings(t.downstreams).length > 0 };
  };
  const noarchOf = (b: Dict): string | null => (b.noarch === undefined || b.noarch === null ? null : String(b.noarch));
  const outputs = asList(data.outputs).filter(isDict).filter((o) => !truthyFlag(isDict(o.build) ? o.build.skip : undefined));

  const units: UnitFacts[] = [];
  if (outputs.length === 0) {
    units.push({
      label: '',
      name: topName,
      version: topVersion,
      isPackage: true,
      noarch: noarchOf(build),
      buildRequirements: strings(requirements.build).map((r) => r.trim()),
      hostRequirements: strings(requirements.host).map((r) => r.trim()),
      about,
      script: topScript,
      missingScript: topScript ? null : scriptName,
      ...testsOf(test, runTest),
    });
  } else {
    const named = outputs.find((o) => o.name === topName);
    // The top level runs its build (build.sh or build/script) once, before the outputs.
    if (topScript && !named) {
      units.push({ label: '', name: topName, version: topVersion, isPackage: false, noarch: noarchOf(build), buildRequirements: strings(requirements.build), hostRequirements: strings(requirements.host), about, script: topScript, missingScript: null, testCommands: [], testScript: false, hasTests: true });
    }
    for (const output of outputs) {
      const name = String(output.name ?? '');
      const same = name === topName;
      const reqs = Array.isArray(output.requirements) ? { run: output.requirements } : isDict(output.requirements) ? output.requirements : same ? requirements : {};
      const outBuild = isDict(output.build) ? output.build : same ? build : {};
      const scriptValue = output.script;
      let script: UnitScript | null = null;
      if (typeof scriptValue === 'string' && (SCRIPT_FILE.test(scriptValue) || input.scripts[scriptValue] !== undefined)) {
        script = fileScript(scriptValue) ?? null;
      } else if (scriptValue !== undefined && scriptValue !== null) script = inline(scriptValue, 'meta.yaml');
      else if (outBuild.script !== undefined && outBuild.script !== null) script = inline(outBuild.script, 'meta.yaml');
      else if (same) script = topScript;
      const outTest = isDict(output.test) ? output.test : same ? test : {};
      units.push({
        label: `output ${name || '?'}`,
        name,
        version: String(output.version ?? topVersion),
        isPackage: true,
        noarch: noarchOf(outBuild),
        buildRequirements: strings(reqs.build).map((r) => r.trim()),
        hostRequirements: strings(reqs.host).map((r) => r.trim()),
        about: isDict(output.about) ? output.about : about,
        script,
        missingScript: typeof scriptValue === 'string' && script === null ? scriptValue : null,
        ...testsOf(outTest, (same && runTest) || typeof outTest.script === 'string'),
      });
    }
  }
  return { file: 'meta.yaml', format: 'meta', pkg, needsName: true, sources, sourceSpecs: sourceSpecs(sources, { dest: 'folder', fileName: 'fn', git: 'git_url', pathFileName: false, others: ['hg_url', 'svn_url'] }), build, units };
}

/** Findings of every subdir, each reported once with the subdirs it was found for. */
export function mergeBySubdir(perSubdir: readonly (readonly [subdir: string, raws: readonly Raw[]])[], file: string): Finding[] {
  const merged = new Map<string, Finding>();
  for (const [subdir, raws] of perSubdir) {
    for (const raw of raws) {
      // An echo of a Jinja error (a value that did not render) is not a finding of its own.
      if (raw.message.includes(JINJA_FAILED)) continue;
      const key = `${raw.id}\n${raw.message}\n${raw.file ?? file}`;
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

/** The variant for one subdir from the variant files, and the problems of those files. */
export function variantFor(subdir: string, input: Pick<RecipeInput, 'variantFiles' | 'buildPlatforms' | 'env'>): { variant: Record<string, string>; raws: Raw[] } {
  const ns = selectorNamespace(subdir, { buildSubdir: input.buildPlatforms?.[subdir], env: input.env });
  const { config, problems } = mergeVariantFiles(input.variantFiles ?? [], ns);
  const raws: Raw[] = problems.map((p) => ({ id: /selector/.test(p.message) ? 'selector.invalid' : 'yaml.invalid', message: `${p.file}: ${p.message}`, file: p.file }));
  return { variant: { ...firstVariant(config), target_platform: subdir }, raws };
}

/** Lint a recipe; findings seen for several subdirs are reported once, listing them. */
export function lintRecipe(input: RecipeInput): Finding[] {
  const subdirs = input.subdirs ?? DEFAULT_PLATFORMS;
  return mergeBySubdir(
    subdirs.map((subdir) => {
      const { variant, raws } = variantFor(subdir, input);
      const rendered = renderMeta(input.meta, subdir, { buildSubdir: input.buildPlatforms?.[subdir], variant, env: input.env });
      // One YAML error per subdir: the ones after the first are mostly its echoes.
      const firstYaml = rendered.errors.find((e) => e.stage === 'yaml');
      for (const error of rendered.errors.filter((e) => e.stage !== 'yaml' || e === firstYaml)) {
        const id = error.stage === 'jinja' ? 'jinja.invalid' : error.stage === 'selector' ? 'selector.invalid' : 'yaml.invalid';
        const at = error.line ? ` (line ${error.line}${error.stage === 'yaml' ? ' of the rendered text' : ''})` : '';
        raws.push({ id, message: `${error.stage === 'jinja' ? 'Jinja' : error.stage === 'selector' ? 'a selector' : 'YAML'}${at}: ${error.message}` });
      }
      // A Jinja error that stops the render leaves nothing to check; one in a single tag does not.
      if (!rendered.errors.some((e) => e.stage === 'yaml') && !(rendered.data === null && rendered.errors.length > 0)) {
        if (!isDict(rendered.data)) raws.push({ id: 'yaml.invalid', message: 'the rendered recipe is not a mapping of sections.' });
        else {
          checkSchema(rendered.data, raws);
          // conda-build does not build a skipped subdir; nothing else applies to it.
          if (!truthyFlag((isDict(rendered.data.build) ? rendered.data.build : {}).skip)) checkConventions(metaFacts(rendered.data, subdir, input), subdir, input, raws);
        }
      }
      return [subdir, raws] as const;
    }),
    'meta.yaml',
  );
}

export const hasErrors = (findings: Finding[]): boolean => findings.some((f) => f.severity === 'error');
