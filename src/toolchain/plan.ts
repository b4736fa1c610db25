/**
 * Deciding what to download (pure: mirrors.ts asks the mirrors): which version, which file, from
 * which mirrors, with which checksum. A mirror's release index names the file and its sha256;
 * without any index an exact version's file is named by its pattern and checked with
 * `<file>.sha256`; no checksum from anywhere → refuse (unless the caller supplies one).
 */
import { environmentError, type GocrossError, usageError } from '../errors.js';
import { archiveFor, archivePlatform, type Release } from './release-index.js';
import { chooseRelease, describeRequest, type VersionRequest } from './version-request.js';

export interface Platform {
  goos: string;
  goarch: string;
}

export interface InstallPlan {
  version: string;
  filename: string;
  /** The file on each mirror, in the order to try. */
  urls: string[];
  sha256: string;
  size: number | undefined;
  /** Where the checksum came from, for messages and the marker. */
  checksumFrom: string;
  /** The platform the SDK is for: what its unpacked bin/go must be. */
  platform: Platform;
}

/** `https://go.dev/dl` and `https://go.dev/dl/` both mean the directory. */
export const mirrorBase = (mirror: string): string => (mirror.endsWith('/') ? mirror : `${mirror}/`);

export const indexUrl = (mirror: string): string => `${mirrorBase(mirror)}?mode=json&include=all`;

/** No mirror answered: downloading cannot work here, and the way out is a file brought in by hand. */
export const OFFLINE = 'sdk.offline';

const offlineError = (what: string, failures: readonly string[], filename: string): GocrossError =>
  environmentError(OFFLINE, `cannot install ${what}: no mirror answered (${failures.join('; ')}).`, {
    hint: `without network, install from an archive downloaded elsewhere: gocross install --archive ${filename} --sha256 <its sha256 from go.dev/dl>`,
  });

export interface PlanOptions {
  request: VersionRequest;
  mirrors: readonly string[];
  platform: Platform;
  /** A checksum the user vouches for (`--sha256`); used when no mirror offers one. */
  sha256?: string;
}

/** A `--sha256` value: 64 hex digits. */
export function checkSha256(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw usageError('sdk.sha256', `--sha256 "${value}" is not a sha256 checksum (64 hex digits).`, { hint: 'copy the checksum from the release page or your mirror' });
  return value.toLowerCase();
}

/** The plan when `index` is the first mirror's release index. */
export function planFromIndex(options: PlanOptions, index: { releases: Release[]; mirror: string }): InstallPlan {
  const { request, mirrors, platform } = options;
  const release = chooseRelease(request, index.releases, index.mirror);
  const file = archiveFor(release, platform.goos, platform.goarch);
  if (!file) {
    throw environmentError('sdk.no-build', `${release.version.name} has no official build for ${archivePlatform(platform.goos, platform.goarch)}.`, {
      hint: 'choose another version, or install Go from your platform’s packages and pass its GOROOT with --go',
    });
  }
  if (options.sha256 && options.sha256.toLowerCase() !== file.sha256.toLowerCase()) {
    throw usageError('sdk.sha256-conflict', `--sha256 ${options.sha256} disagrees with the index of ${index.mirror} (${file.sha256}) for ${file.filename}.`, {
      hint: 'check the checksum you passed',
    });
  }
  return {
    version: release.version.name,
    filename: file.filename,
    urls: mirrors.map((m) => `${mirrorBase(m)}${file.filename}`),
    sha256: file.sha256.toLowerCase(),
    size: file.size,
    checksumFrom: `the release index of ${index.mirror}`,
    platform,
  };
}

/** The file an exact version has on every mirror, when no mirror serves an index (or refuses why not). */
export function fileWithoutIndex(options: PlanOptions, index: { failures: string[]; unreachable: boolean }): { version: string; filename: string; urls: string[] } {
  const { request, mirrors, platform } = options;
  const exampleFile = `${request.kind === 'exact' ? request.version.name : 'goX.Y.Z'}.${archivePlatform(platform.goos, platform.goarch)}.tar.gz`;
  if (index.unreachable) throw offlineError(describeRequest(request), index.failures, exampleFile);
  // No mirror has an index: only an exact version can be turned into a file name.
  if (request.kind !== 'exact') {
    throw environmentError('sdk.no-index', `cannot resolve ${describeRequest(request)}: no mirror served a release index (${index.failures.join('; ')}).`, {
      hint: 'name an exact version such as 1.23.4, or fix the mirror list',
    });
  }
  const filename = `${request.version.name}.${archivePlatform(platform.goos, platform.goarch)}.tar.gz`;
  return { version: request.version.name, filename, urls: mirrors.map((m) => `${mirrorBase(m)}${filename}`) };
}

/** The plan for that file, with the first `<file>.sha256` a mirror served (`found`), else `--sha256`. */
export function planWithChecksum(options: PlanOptions, file: { version: string; filename: string; urls: string[] }, found: { url: string; sha256: string } | undefined, failures: readonly string[]): InstallPlan {
  const { platform } = options;
  if (found) {
    if (options.sha256 && options.sha256.toLowerCase() !== found.sha256) {
      throw usageError('sdk.sha256-conflict', `--sha256 ${options.sha256} disagrees with ${found.url}.sha256 (${found.sha256}).`, { hint: 'check the checksum you passed' });
    }
    return { ...file, sha256: found.sha256, size: undefined, checksumFrom: `${found.url}.sha256`, platform };
  }
  if (options.sha256) return { ...file, sha256: options.sha256.toLowerCase(), size: undefined, checksumFrom: '--sha256', platform };
  throw environmentError('sdk.no-checksum', `refusing to install ${file.filename}: no mirror offers a checksum for it (${failures.join('; ')}).`, {
    hint: 'use a mirror with the release index or <file>.sha256, or pass the checksum you trust with --sha256',
  });
}
