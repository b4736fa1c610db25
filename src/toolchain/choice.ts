/**
 * Which Go builds (pure, over gathered facts): `--go` or the `go` setting; else the env's gocross
 * SDK; else the `go` on PATH when it satisfies the project's go/toolchain line; else a version
 * from the SDK store, installed first when the store lacks it. Every answer says why.
 */
import semver from 'semver';
import { parseGoVersion } from './go-version.js';
import { sdkRoot } from './store.js';
import { installedFor, isGorootSetting, parseVersionRequest, type VersionRequest } from './version-request.js';

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
  return semver.gte(h.semver, n.semver);
}

const describeRequired = (r: NonNullable<GoFacts['required']>): string =>
  r.via === 'toolchain' || r.via === 'go' ? `the ${r.via} ${r.version} line of ${r.file}` : `${r.version} in ${r.file}`;

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
