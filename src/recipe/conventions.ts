/**
 * conda-forge's conventions for Go packages, over format-neutral facts of one platform of a
 * recipe: the recipe's top level (package, sources, build number) and its units — the package
 * itself, or each output of a multi-output recipe (its script, requirements, tests, licence).
 * meta.yaml and rattler-build's recipe.yaml name these things differently but are checked alike.
 */
import { locateLicenseFile, type SourceProvider, type SourceSpec } from './license-files.js';
import { scriptFacts, type ScriptFacts, type ScriptKind } from './script-facts.js';

export type Severity = 'error' | 'warning' | 'info';

/** A finding of one subdir, before merging. */
export interface Raw {
  id: string;
  severity?: Severity;
  message: string;
  hint?: string;
  file?: string;
}

export type Dict = Record<string, unknown>;
export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
export const strings = (v: unknown): string[] => asList(v).filter((x): x is string => typeof x === 'string');

export interface UnitScript {
  text: string;
  kind: ScriptKind;
  /** The file it is in (build.sh, or the recipe file for an inline script). */
  file: string;
}

/** One package a recipe builds (or, for a multi-output recipe's top level, the build it runs). */
export interface UnitFacts {
  /** '' for the recipe itself; `output NAME` for an output. */
  label: string;
  name: string;
  version: string;
  /** Produces a package (a multi-output recipe's top level may only run a build). */
  isPackage: boolean;
  noarch: string | null;
  buildRequirements: string[];
  hostRequirements: string[];
  about: Dict;
  script: UnitScript | null;
  /** The script file a missing script would be (build.sh…), or null when none is needed. */
  missingScript: string | null;
  testCommands: string[];
  testScript: boolean;
  hasTests: boolean;
}

export interface RecipeFacts {
  /** The recipe file findings point at: meta.yaml or recipe.yaml. */
  file: 'meta.yaml' | 'recipe.yaml';
  format: 'meta' | 'v1';
  pkg: Dict;
  /** The top level needs a package name (meta.yaml; a v1 multi-output recipe's `recipe:` does not). */
  needsName: boolean;
  sources: Dict[];
  sourceSpecs: SourceSpec[];
  build: Dict;
  units: UnitFacts[];
}

export interface ConventionInput {
  /** Whether a path is in the recipe directory or a local source root. */
  exists: (path: string) => boolean;
  sources?: SourceProvider;
}

const reqName = (r: string): string => r.trim().split(/[\s=<>!]/)[0] ?? r;
const isGoCompiler = (r: string): boolean => /^go-(no)?cgo_/.test(reqName(r));

const prefixed = (unit: UnitFacts, message: string): string => (unit.label ? `${unit.label}: ${message}` : message);

/** The scripts' facts of a unit, with PKG_NAME and PKG_VERSION known. */
function factsOf(unit: UnitFacts): ScriptFacts | null {
  return unit.script ? scriptFacts(unit.script.text, unit.script.kind, { PKG_NAME: unit.name, PKG_VERSION: unit.version }) : null;
}

/** Whether a unit builds Go: a Go compiler (or plain go) in its build requirements, or a script running go. */
function goUnit(unit: UnitFacts, facts: ScriptFacts | null): boolean {
  if (unit.noarch === 'python') return false;
  return unit.buildRequirements.some((r) => isGoCompiler(r) || reqName(r) === 'go') || (facts?.runsGo ?? false);
}

function checkTopLevel(recipe: RecipeFacts, out: Raw[]): void {
  const { pkg, build } = recipe;
  if (recipe.needsName && !pkg.name) out.push({ id: 'package.name', message: `${recipe.format === 'meta' ? 'package' : 'package'}/name is missing.` });
  if (pkg.version === undefined || pkg.version === null || pkg.version === '') {
    if (recipe.needsName || recipe.units.every((u) => !u.version)) out.push({ id: 'package.version', message: 'package/version is missing.' });
  } else if (/[-\s]/.test(String(pkg.version))) out.push({ id: 'package.version', message: `package/version ${JSON.stringify(pkg.version)} contains '-' or a space, which conda versions may not.`, hint: "use '_' or drop the '-' (1.2.3rc1)" });

  if (recipe.sources.length === 0) out.push({ id: 'source.missing', message: 'the recipe has no source.', hint: 'add a source url with its sha256 (or a git source and tag)' });
  recipe.sources.forEach((source, index) => {
    const where = recipe.sources.length > 1 ? `source[${index}]` : 'source';
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
}

/** go-licenses: run by the script, available to it, pinned, not silenced. */
function checkGoLicenses(unit: UnitFacts, facts: ScriptFacts, out: Raw[], licenseFiles: string[]): void {
  const scriptFile = unit.script?.file ?? unit.missingScript ?? 'build.sh';
  // An inline script's lines are counted from its first, not the recipe file's.
  const where = scriptFile === 'meta.yaml' || scriptFile === 'recipe.yaml' ? 'build/script' : scriptFile;
  const saves = facts.goLicenses.filter((g) => g.subcommand === 'save');
  const inRequirements = [...unit.buildRequirements, ...unit.hostRequirements].some((r) => reqName(r) === 'go-licenses');
  const pinnedInstall = facts.installs.some((i) => i.pinned);
  for (const install of facts.installs.filter((i) => !i.pinned)) {
    out.push({
      id: 'go-licenses.unpinned',
      message: prefixed(unit, `${where} line ${install.line} fetches go-licenses with \`go install ${install.spec}\`: a download at build time, of whatever version is newest.`),
      hint: 'add go-licenses to requirements/build (conda-forge packages it), or pin a version: go install github.com/google/go-licenses@v1.6.0',
      file: scriptFile,
    });
  }
  if (saves.length === 0) {
    out.push({
      id: 'go-licenses.save',
      message: prefixed(unit, inRequirements || facts.goLicenses.length > 0 ? `${where} does not run go-licenses save … --save_path.` : `no go-licenses at all: ${where} builds Go binaries but ships none of the licenses of the modules they link.`),
      hint: 'add `go-licenses save . --save_path library_licenses` (and go-licenses in requirements/build) and list library_licenses/ in about/license_file',
      file: scriptFile,
    });
  } else if (!inRequirements && !pinnedInstall && facts.installs.length === 0) {
    out.push({ id: 'go-licenses.requirement', message: prefixed(unit, 'go-licenses is not in requirements/build.'), hint: 'conda-forge asks Go packages to ship the licenses of the modules they link: add go-licenses', file: undefined });
  }
  for (const call of saves) {
    if (call.hidesFailure) {
      out.push({ id: 'go-licenses.failure-hidden', severity: 'warning', message: prefixed(unit, `${where} line ${call.line} runs go-licenses with \`|| true\`: when it fails, the package ships without the licenses and nobody notices.`), hint: 'drop the `|| true`; for a module go-licenses cannot classify, pass --ignore MODULE and add its license by hand', file: scriptFile });
    }
    if (call.savePath === null) continue;
    const saved = call.savePath;
    const shipped = licenseFiles.some((f) => {
      const p = f.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
      if (saved.kind === 'work') return p === saved.rel || saved.rel.startsWith(`${p}/`) || p.startsWith(`${saved.rel}/`);
      if (saved.kind === 'tail') return p === saved.tail || p.endsWith(`/${saved.tail}`) || saved.tail.endsWith(`/${p}`);
      return false;
    });
    if (!shipped && licenseFiles.length > 0 && saved.kind !== 'outside') {
      out.push({ id: 'go-licenses.not-shipped', severity: 'warning', message: prefixed(unit, `go-licenses saves into ${call.savePathText ?? '?'}, which about/license_file does not list: the package ships without those licenses.`), hint: 'list the save path (with a trailing /) in about/license_file', file: unit.script?.file });
    }
  }
}

function checkUnit(recipe: RecipeFacts, unit: UnitFacts, subdir: string, input: ConventionInput, shared: { writes: ScriptFacts['writes']; allBinaries: Set<string> }, out: Raw[]): boolean {
  const facts = factsOf(unit);
  if (unit.script === null && unit.missingScript !== null) out.push({ id: 'build.script-missing', message: prefixed(unit, `there is no ${unit.missingScript} and no build/script.`), file: unit.missingScript });

  const isGo = goUnit(unit, facts);
  if (isGo) {
    const goCompiler = unit.buildRequirements.find(isGoCompiler);
    if (!goCompiler) {
      const plainGo = unit.buildRequirements.find((r) => reqName(r) === 'go');
      out.push({
        id: 'go.compiler',
        message: prefixed(unit, plainGo ? `requirements/build has "${plainGo}" but no Go compiler package.` : 'requirements/build has no Go compiler, but the build script runs go.'),
        hint: "add compiler('go-nocgo') for pure Go, or compiler('go-cgo') with compiler('c') and stdlib('c') for cgo",
      });
    } else if (reqName(goCompiler).startsWith('go-cgo_')) {
      const hasC = unit.buildRequirements.some((r) => /^(gcc|clang|vs20\d\d|m2w64-gcc|gcc_impl)_/.test(reqName(r)) || /^(gcc|clang|vs20\d\d)_/.test(reqName(r)));
      const hasStdlib = unit.buildRequirements.some((r) => /^(sysroot|macosx_deployment_target|vs|m2w64-sysroot)_/.test(reqName(r)));
      if (!hasC || !hasStdlib) {
        const missing = [...(hasC ? [] : ["compiler('c')"]), ...(hasStdlib ? [] : ["stdlib('c')"])].join(' and ');
        out.push({ id: 'go.cgo-c-compiler', severity: 'warning', message: prefixed(unit, `requirements/build uses go-cgo without ${missing}.`), hint: 'cgo needs a C compiler and the C standard library package for the target' });
      }
    }
    // The licenses the package ships: its own list, or (a top-level build) every output's.
    const shipped = unit.isPackage ? strings(unit.about.license_file) : recipe.units.flatMap((u) => strings(u.about.license_file));
    if (facts) checkGoLicenses(unit, facts, out, shipped);
  }

  if (unit.isPackage) {
    const about = unit.about;
    if (!about.license) out.push({ id: 'license.missing', message: prefixed(unit, 'about/license is missing.'), hint: 'use an SPDX id such as MIT or Apache-2.0' });
    const licenseFiles = strings(about.license_file);
    if (licenseFiles.length === 0) out.push({ id: 'license.no-file', message: prefixed(unit, 'about/license_file is missing.'), hint: 'list the LICENSE file and library_licenses/' });
    for (const file of licenseFiles) {
      const location = locateLicenseFile(file, { inRecipe: input.exists, sources: recipe.sourceSpecs, provider: input.sources ?? (() => ({ kind: 'unknown', reason: 'the sources were not looked at' })), writes: shared.writes });
      if (location.found) continue;
      // Without its build script, what the build would write cannot be told.
      if (unit.script === null && unit.missingScript !== null) location.reasons.push(`there is no ${unit.missingScript} that could write it`);
      if (location.reasons.length > 0) {
        out.push({ id: 'license.not-checked', severity: 'info', message: prefixed(unit, `about/license_file ${file} not checked: ${location.reasons.join('; ')}.`), hint: 'it is not in the recipe directory and no build script writes it; pass the unpacked source as DIR to check it there' });
      } else {
        out.push({ id: 'license.file-not-found', message: prefixed(unit, `about/license_file ${file} is not on disk (not in the recipe nor in its source) and no build script writes it.`), hint: 'check the name (LICENSE, COPYING…) and the source folder/target_directory, or remove the entry' });
      }
    }
    if (!unit.hasTests) out.push({ id: 'test.missing', message: prefixed(unit, 'the recipe has no tests.'), hint: 'add test commands that run each binary, e.g. `tool --help`' });
  }
  if (facts && isGo && !unit.testScript) {
    const testers = unit.isPackage ? [unit] : recipe.units.filter((u) => u.isPackage);
    const words = new Set(testers.flatMap((u) => u.testCommands).flatMap((c) => c.split(/[\s"'/\\|;&()]+/)).map((w) => w.replace(/\.exe$/, '')));
    const untested = [...new Set(facts.binaries)].filter((b) => !words.has(b));
    if (untested.length > 0 && !testers.some((u) => u.testScript)) {
      out.push({ id: 'test.binary-untested', message: prefixed(unit, `the binaries ${untested.join(', ')} are installed by ${unit.script?.file} but no test command runs them.`), hint: `add a test command such as \`${untested[0]} --help\``, file: recipe.file });
    }
    for (const b of facts.binaries) shared.allBinaries.add(b);
  }
  return isGo;
}

/** Check one platform of a recipe that is not skipped there. */
export function checkConventions(recipe: RecipeFacts, subdir: string, input: ConventionInput, out: Raw[]): void {
  checkTopLevel(recipe, out);
  // One work dir: what any script writes there is there for every output's license files.
  const writes = recipe.units.flatMap((u) => factsOf(u)?.writes ?? []);
  const shared = { writes, allBinaries: new Set<string>() };
  const go = recipe.units.map((unit) => checkUnit(recipe, unit, subdir, input, shared, out));
  if (!go.some(Boolean)) {
    const python = recipe.units.some((u) => u.noarch === 'python');
    out.push({
      id: 'go.not-a-go-recipe',
      severity: 'info',
      message: python ? 'a noarch: python recipe: the Go rules (compiler, go-licenses, tested binaries) do not apply and were skipped.' : 'no Go compiler and no go build: not a Go recipe, so the Go rules (compiler, go-licenses, tested binaries) were skipped.',
    });
  }
}
