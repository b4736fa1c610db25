/**
 * What the user asked for (`1.23.4`, `go1.23.4`, `1.23`, `latest`, a go.mod line) and which
 * release of the index satisfies it. Prereleases are chosen only when named exactly.
 */
import { closest } from 'fastest-levenshtein';
import { usageError } from '../errors.js';
import { compareGoVersions, type GoVersion, minorOf, parseGoVersion } from './go-version.js';
import type { Release } from './release-index.js';

export type VersionRequest =
  | { kind: 'latest' }
  /** `1.23`: the newest stable patch of that minor line. */
  | { kind: 'minor'; major: number; minor: number; text: string }
  /** `1.23.4`, `go1.24rc1`. */
  | { kind: 'exact'; version: GoVersion; text: string };

export function parseVersionRequest(text: string): VersionRequest {
  const trimmed = text.trim();
  if (/^(latest|stable)$/i.test(trimmed)) return { kind: 'latest' };
  const version = parseGoVersion(trimmed);
  if (!version) {
    throw usageError('sdk.version', `"${text}" is not a Go version.`, {
      hint: 'use e.g. 1.23.4, go1.23.4, 1.23 (newest patch), latest, or go.mod',
    });
  }
  const hasPatch = /^(go)?\d+\.\d+\.\d+/.test(trimmed);
  if (!hasPatch && version.prerelease === null) {
    return { kind: 'minor', major: version.major, minor: version.minor, text: trimmed };
  }
  return { kind: 'exact', version, text: trimmed };
}

export const describeRequest = (request: VersionRequest): string =>
  request.kind === 'latest' ? 'the latest stable Go' : request.kind === 'minor' ? `Go ${request.text} (newest patch)` : request.version.name;

/**
 * The newest of the installed versions (go1.23.4…) that `request` accepts: the exact one, the
 * newest patch of the minor line, with `atLeast` any newer one too, with `latest` the newest
 * stable for `latest` (which otherwise needs the index to say what is latest).
 */
export function installedFor(request: VersionRequest, installed: readonly string[], options: { atLeast?: boolean; latest?: boolean } = {}): string | undefined {
  const versions = installed
    .map((name) => parseGoVersion(name))
    .filter((v): v is GoVersion => v !== undefined)
    .sort(compareGoVersions);
  if (request.kind === 'latest') return options.latest ? versions.find((v) => v.prerelease === null)?.name : undefined;
  const floor = request.kind === 'exact' ? request.version : parseGoVersion(`go${request.major}.${request.minor}.0`);
  const same = versions.find((v) => (request.kind === 'exact' ? v.name === request.version.name : v.prerelease === null && v.major === request.major && v.minor === request.minor));
  if (same || !options.atLeast || !floor) return same?.name;
  return versions.find((v) => v.prerelease === null && compareGoVersions(v, floor) <= 0)?.name;
}

/** The request as `gocross install` takes it on the command line. */
export const requestArgument = (request: VersionRequest): string => (request.kind === 'latest' ? 'latest' : request.kind === 'minor' ? request.text : request.version.name);

/** The release that satisfies `request`, or a usage error naming the nearest versions. */
export function chooseRelease(request: VersionRequest, releases: readonly Release[], source: string): Release {
  const sorted = [...releases].sort((a, b) => compareGoVersions(a.version, b.version));
  const stable = sorted.filter((r) => r.stable || r.version.prerelease === null);
  let found: Release | undefined;
  if (request.kind === 'latest') found = stable[0];
  else if (request.kind === 'minor') found = stable.find((r) => r.version.major === request.major && r.version.minor === request.minor);
  else found = sorted.find((r) => r.version.name === request.version.name);
  if (found) return found;

  const names = sorted.map((r) => r.version.name);
  const wanted = request.kind === 'exact' ? request.version.name : request.kind === 'minor' ? `go${request.text.replace(/^go/, '')}` : '';
  const sameMinor = request.kind === 'exact' ? stable.filter((r) => minorOf(r.version) === minorOf(request.version)).map((r) => r.version.name) : [];
  const suggestions = [...new Set([...sameMinor.slice(0, 2), ...(names.length > 0 && wanted ? [closest(wanted, names)] : []), ...(stable[0] ? [stable[0].version.name] : [])])];
  throw usageError('sdk.unknown-version', `${describeRequest(request)} is not in the release index of ${source}.`, {
    hint: suggestions.length > 0 ? `nearest available: ${suggestions.slice(0, 3).join(', ')}; \`gocross list --available\` shows all` : 'the index lists no releases; check the mirror',
  });
}
