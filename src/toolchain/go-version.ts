/**
 * Go's version strings (`go1.21.0`, `go1.20`, `go1.22rc1`, `go1.9beta2`) mapped onto semver so
 * they sort and match ranges correctly: go1.20 → 1.20.0, go1.22rc1 → 1.22.0-rc.1.
 */
// Only the comparison needed, not all of semver: every command that knows a Go version loads this.
import rcompare from 'semver/functions/rcompare.js';

const GO_VERSION = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;

export interface GoVersion {
  /** As Go spells it: go1.23.4, go1.20, go1.24rc1. */
  name: string;
  major: number;
  minor: number;
  patch: number;
  /** `rc1`, `beta2`, or null for a release. */
  prerelease: string | null;
  semver: string;
}

export function parseGoVersion(text: string): GoVersion | undefined {
  const match = GO_VERSION.exec(text.trim());
  if (!match) return undefined;
  const [, major = '0', minor = '0', patch, kind, number] = match;
  const prerelease = kind ? `${kind}${number}` : null;
  // Before Go 1.21 the first release of a minor had no ".0"; since then it always has one.
  const name = `go${major}.${minor}${patch === undefined ? '' : `.${patch}`}${prerelease ?? ''}`;
  return {
    name,
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch ?? 0),
    prerelease,
    semver: `${major}.${minor}.${patch ?? 0}${kind ? `-${kind}.${number}` : ''}`,
  };
}

/** Newest first. */
export const compareGoVersions = (a: GoVersion, b: GoVersion): number => rcompare(a.semver, b.semver);

/** The `go1.X` minor line a version belongs to. */
export const minorOf = (version: GoVersion): string => `go${version.major}.${version.minor}`;
