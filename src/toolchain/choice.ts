/**
 * Which Go each command uses, and why: the one place that decides it (pure, over gathered facts;
 * `facts.ts` gathers them, `ensure.ts` installs what a choice asks for or says a dry run would).
 *
 * | command      | the first of                                                                    |
 * | ------------ | ------------------------------------------------------------------------------- |
 * | `build`      | `--go`/`go` setting (a GOROOT, or a version from the store or installed); the   |
 * |              | active env's gocross SDK; the `go` on PATH when it satisfies the project's line; |
 * |              | the store's or a new SDK for that line; the latest stable release               |
 * | `init`       | `--go`; the SDK the env recorded (its GOROOT while it is there, else its        |
 * |              | version); the `go` setting; the project's line; the latest stable release       |
 * | `install`    | the argument (`go.mod`: the project's line); the `go` setting when a version;    |
 * |              | the project's line; the latest stable release                                   |
 * | `dockerfile` | `--go`/`go` setting when it pins a version; the active env's recorded version;  |
 * |              | else none (the image plan takes go.mod's line)                                  |
 *
 * "The project's line": go.mod's toolchain or go line, go.work, .go-version or .tool-versions.
 */
// Only the comparisons needed, not all of semver (its ranges are loaded by verify when asked for).
import gte from 'semver/functions/gte.js';
import { parseGoVersion } from './go-version.js';
import { sdkRoot } from './store.js';
import { usageError } from '../errors.js';
import { installedFor, parseVersionRequest, type VersionRequest } from './version-request.js';

export interface GoFacts {
  /** `--go` or the `go` configuration key: a version or a GOROOT. */
  requested?: { value: string; source: string };
  /** The SDK recorded in the active env's gocross settings, when it exists. */
  envSdk?: { goroot: string; file: string };
  /** The `go` that PATH finds, its GOROOT and version (null when unknown). */
  pathGo?: { path: string; goroot: string; version: string | null };
  /** The version the project asks for (go.mod's toolchain or go line, .go-version…). */
  required?: { version: string; file: string; via: string };
  /** Versions installed in the store (go1.23.4…). */
  installed: readonly string[];
  home: string;
}

export type GoChoice =
  | { kind: 'goroot'; goroot: string; why: string }
  | { kind: 'install'; request: VersionRequest; why: string };

/** Whether Go `have` is at least `need` (both as Go spells versions). */
export function satisfies(have: string | null, need: string): boolean {
  const h = have ? parseGoVersion(have) : undefined;
  const n = parseGoVersion(need);
  if (!h || !n) return false;
  return gte(h.semver, n.semver);
}

const describeRequired = (r: NonNullable<GoFacts['required']>): string =>
  r.via === 'toolchain' || r.via === 'go' ? `the ${r.via} ${r.version} line of ${r.file}` : `${r.version} in ${r.file}`;

/** build's Go. */
export function chooseGo(facts: GoFacts): GoChoice {
  const { requested, required, pathGo } = facts;
  if (requested) {
    if (isGorootSetting(requested.value)) return { kind: 'goroot', goroot: requested.value, why: `the GOROOT from ${requested.source}` };
    const request = parseVersionRequest(requested.value);
    const found = installedFor(request, facts.installed);
    if (found) return { kind: 'goroot', goroot: sdkRoot(facts.home, found), why: `${found} from the SDK store, as ${requested.source} asks` };
    return { kind: 'install', request, why: `${requested.source} asks for it and the SDK store does not have it yet` };
  }
  if (facts.envSdk) return { kind: 'goroot', goroot: facts.envSdk.goroot, why: `the env's gocross SDK (${facts.envSdk.file})` };
  if (pathGo && (!required || satisfies(pathGo.version, required.version))) {
    const why = required
      ? `the go on PATH (${pathGo.version}) satisfies ${describeRequired(required)}`
      : `the go on PATH (${pathGo.version ?? 'version unknown'}); the project names no Go version`;
    return { kind: 'goroot', goroot: pathGo.goroot, why };
  }
  const onPath = pathGo ? `the go on PATH is ${pathGo.version ?? 'of unknown version'}` : 'no go is on PATH';
  if (required) {
    const request = parseVersionRequest(required.version);
    const found = installedFor(request, facts.installed, { atLeast: true });
    if (found) return { kind: 'goroot', goroot: sdkRoot(facts.home, found), why: `${found} from the SDK store satisfies ${describeRequired(required)} (${onPath})` };
    return { kind: 'install', request, why: `${describeRequired(required)} asks for it and ${onPath}` };
  }
  return { kind: 'install', request: { kind: 'latest' }, why: `${onPath} and the project names no Go version` };
}

/** A `go` setting that names a GOROOT rather than a version. */
const isGorootSetting = (value: string): boolean => /^[/~.]/.test(value) || value.includes('/');

export interface ProjectLine {
  version: string;
  file: string;
  via: string;
}

export interface RequestChoice {
  request: VersionRequest;
  /** Why this version: for the output ("from go.mod's toolchain line", "latest stable"). */
  why: string;
}

/**
 * install's version: the argument (`go.mod` means the project's files), else the `go` setting
 * when it is a version, else the project's files, else the latest stable release.
 */
export function chooseRequest(arg: string | undefined, configured: { value: string | undefined; source: string }, project: () => ProjectLine | undefined): RequestChoice {
  if (arg !== undefined && arg !== 'go.mod') return { request: parseVersionRequest(arg), why: 'as asked' };
  if (arg === undefined && configured.value && !isGorootSetting(configured.value)) {
    return { request: parseVersionRequest(configured.value), why: `from ${configured.source}` };
  }
  const found = project();
  if (found) {
    const where = found.via === 'toolchain' || found.via === 'go' ? `the ${found.via} line of ${found.file}` : found.file;
    return { request: parseVersionRequest(found.version), why: `from ${where}` };
  }
  if (arg === 'go.mod') {
    throw usageError('sdk.no-project-version', 'no go.mod, go.work, .go-version or .tool-versions names a Go version here or in any parent directory.', {
      hint: 'run it inside the Go module, or name the version (e.g. gocross install 1.23.4)',
    });
  }
  return { request: { kind: 'latest' }, why: 'the latest stable release (no version configured or in go.mod)' };
}

export interface EnvGoFacts {
  /** `init --go`. */
  flag?: string;
  /** What the env recorded before: its GOROOT (when it still exists) and version. */
  recorded?: { goroot?: string; gorootExists: boolean; version?: string | null };
  /** The `go` setting of the configuration. */
  configured?: string;
  project: () => ProjectLine | undefined;
}

/** init's Go: the SDK an env is set up with (never another Go than the one recorded, unasked). */
export function chooseEnvGo(facts: EnvGoFacts): GoChoice {
  const { recorded } = facts;
  const remembered = recorded?.goroot && recorded.gorootExists ? recorded.goroot : recorded?.version?.replace(/^go/, '') ?? undefined;
  const value = facts.flag ?? remembered ?? facts.configured;
  const source = facts.flag !== undefined ? 'flag --go' : remembered !== undefined ? "the env's recorded SDK" : 'the configuration (go)';
  if (value && isGorootSetting(value)) return { kind: 'goroot', goroot: value, why: `the GOROOT from ${source}` };
  const choice = chooseRequest(value, { value: undefined, source: '' }, facts.project);
  return { kind: 'install', request: choice.request, why: choice.why };
}

/** A version to pin, not a GOROOT or a word that means "decide for me". */
const isPinnedVersion = (value: string | undefined): value is string => value !== undefined && !isGorootSetting(value) && value !== 'latest' && value !== 'go.mod';

/** dockerfile's Go: a version to pin in the build image, or undefined to take go.mod's. */
export function chooseImageGo(configured: { value: string | undefined; source: string }, envVersion: string | undefined): { version: string; source: string } | undefined {
  if (isPinnedVersion(configured.value)) return { version: configured.value, source: configured.source };
  if (envVersion) return { version: envVersion, source: "the conda env's Go" };
  return undefined;
}
