/** Each expectation as a named check with what was expected and what was found. */
import type { BinaryInfo } from '../binary/index.js';
import type { Expectations } from './expect.js';

export interface Check {
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}

/** Go version ranges (`--go`): semver and Go's version names, loaded only when a range is asked for. */
export interface VersionRanges {
  /** The range in semver's normal form, or null when it is none. */
  validRange(range: string): string | null;
  /** Whether a Go version (go1.22.3) lies in the range; false when it is no Go version. */
  satisfies(goVersion: string, range: string): boolean;
}

let ranges: VersionRanges | undefined;

export async function loadVersionRanges(): Promise<VersionRanges> {
  if (!ranges) {
    const [{ default: semver }, { parseGoVersion }] = await Promise.all([import('semver'), import('../toolchain/go-version.js')]);
    ranges = {
      validRange: (range) => semver.validRange(range),
      satisfies: (goVersion, range) => {
        const version = parseGoVersion(goVersion);
        return version !== undefined && semver.satisfies(version.semver, range, { includePrerelease: true });
      },
    };
  }
  return ranges;
}

const compareGlibc = (a: string, b: string): number => {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
};

/** Architectures a binary holds: its own, or each slice of a universal Mach-O. */
const archesOf = (info: BinaryInfo): string[] => (info.slices ? info.slices.map((s) => s.arch) : [info.arch]);

export function runChecks(info: BinaryInfo, expected: Expectations): Check[] {
  const checks: Check[] = [];
  const add = (name: string, want: string, actual: string, ok: boolean): void => {
    checks.push({ name, expected: want, actual, ok });
  };
  const settings = info.go?.settings ?? {};
  if (expected.goos) add('os', expected.goos, info.os, info.os === expected.goos);
  if (expected.goarch) {
    const arches = archesOf(info);
    add('arch', expected.goarch, arches.join(','), arches.includes(expected.goarch));
  }
  // The variant is not in the machine code's headers; Go records it in the build settings.
  if (expected.goarm) add('goarm', expected.goarm, settings.GOARM ?? '(not recorded)', settings.GOARM === expected.goarm);
  if (expected.goamd64) add('goamd64', expected.goamd64, settings.GOAMD64 ?? '(not recorded)', settings.GOAMD64 === expected.goamd64);
  if (expected.linkage) {
    const ok = expected.linkage === 'static' ? info.linkage === 'static' || info.linkage === 'static-pie' : info.linkage === 'dynamic';
    add('linkage', expected.linkage, info.linkage, ok);
  }
  if (expected.maxGlibc) add('glibc', `<= ${expected.maxGlibc}`, info.glibc ?? 'none', info.glibc === null || compareGlibc(info.glibc, expected.maxGlibc) <= 0);
  if (expected.goRange) {
    if (!ranges) throw new Error('a Go version range is checked before loadVersionRanges() loaded the range code');
    add('go-version', expected.goRange, info.go?.version ?? (info.go ? 'unknown (no build info)' : 'not a Go binary'), ranges.satisfies(info.go?.version ?? '', expected.goRange));
  }
  if (expected.cgo !== undefined) {
    const want = expected.cgo ? '1' : '0';
    add('cgo', `CGO_ENABLED=${want}`, settings.CGO_ENABLED === undefined ? '(not recorded)' : `CGO_ENABLED=${settings.CGO_ENABLED}`, settings.CGO_ENABLED === want);
  }
  if (expected.requireBuildinfo) add('buildinfo', 'Go build info', info.go ? (info.go.version ? 'present' : 'missing') : 'not a Go binary', Boolean(info.go?.version));
  return checks;
}
