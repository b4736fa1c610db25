/**
 * Deciding what to download: which version, which file, from which mirrors, with which checksum.
 * Mirrors are tried in order for the index; a mirror without the JSON index is used through
 * `<file>.sha256`. No checksum from anywhere → refuse (unless the caller supplies one).
 */
import { environmentError, GocrossError, usageError } from '../errors.js';
import { httpRequest } from '../io/http.js';
import { archiveFor, archivePlatform, parseReleaseIndex, type Release } from './release-index.js';
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

/** The release index of `mirror`, or a reason it has none (`unreachable`: no answer at all). */
export async function fetchIndex(mirror: string): Promise<{ releases: Release[] } | { failure: string; unreachable: boolean }> {
  try {
    const response = await httpRequest(indexUrl(mirror));
    if (response.status !== 200) return { failure: `HTTP ${response.status} for the index`, unreachable: false };
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { failure: 'no JSON index (the answer is not JSON)', unreachable: false };
    }
    return { releases: parseReleaseIndex(json, mirror) };
  } catch (error) {
    if (error instanceof GocrossError) return { failure: error.message.replace(/\.$/, ''), unreachable: true };
    throw error;
  }
}

/**
 * The releases of the first mirror that has an index, with the failures of those before it;
 * `unreachable` when no mirror answered at all (no network), which no checksum can fix.
 */
export async function firstIndex(mirrors: readonly string[]): Promise<{ releases: Release[]; mirror: string } | { failures: string[]; unreachable: boolean }> {
  const failures: string[] = [];
  let unreachable = true;
  for (const mirror of mirrors) {
    const result = await fetchIndex(mirror);
    if ('releases' in result) return { releases: result.releases, mirror };
    failures.push(`${mirror}: ${result.failure}`);
    unreachable &&= result.unreachable;
  }
  return { failures, unreachable };
}

/** No mirror answered: downloading cannot work here, and the way out is a file brought in by hand. */
export const OFFLINE = 'sdk.offline';

const offlineError = (what: string, failures: readonly string[], filename: string): GocrossError =>
  environmentError(OFFLINE, `cannot install ${what}: no mirror answered (${failures.join('; ')}).`, {
    hint: `without network, install from an archive downloaded elsewhere: gocross install --archive ${filename} --sha256 <its sha256 from go.dev/dl>`,
  });

/** What `mirror` says the sha256 of `filename` is: its index, else `<file>.sha256`; undefined when it says nothing. */
export async function mirrorChecksum(mirror: string, filename: string): Promise<{ sha256: string; from: string } | undefined> {
  const index = await fetchIndex(mirror);
  if ('releases' in index) {
    const listed = index.releases.flatMap((r) => r.files).find((f) => f.filename === filename);
    return listed ? { sha256: listed.sha256.toLowerCase(), from: `the release index of ${mirror}` } : undefined;
  }
  const url = `${mirrorBase(mirror)}${filename}`;
  const sha256 = await checksumFile(url);
  return sha256 ? { sha256, from: `${url}.sha256` } : undefined;
}

async function checksumFile(url: string): Promise<string | undefined> {
  try {
    const response = await httpRequest(`${url}.sha256`);
    if (response.status !== 200) return undefined;
    const hex = (await response.text()).trim().split(/\s+/)[0]?.toLowerCase();
    return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
  } catch (error) {
    if (error instanceof GocrossError) return undefined;
    throw error;
  }
}

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

export async function planInstall(options: PlanOptions): Promise<InstallPlan> {
  const { request, mirrors, platform } = options;
  checkSha256(options.sha256);
  if (mirrors.length === 0) throw usageError('sdk.no-mirror', 'no download mirror is configured.', { hint: 'pass --mirror URL or set GOCROSS_GO_MIRROR' });
  const index = await firstIndex(mirrors);
  if ('releases' in index) {
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
  const exampleFile = `${request.kind === 'exact' ? request.version.name : 'goX.Y.Z'}.${archivePlatform(platform.goos, platform.goarch)}.tar.gz`;
  if (index.unreachable) throw offlineError(describeRequest(request), index.failures, exampleFile);
  // No mirror has an index: only an exact version can be turned into a file name.
  if (request.kind !== 'exact') {
    throw environmentError('sdk.no-index', `cannot resolve ${describeRequest(request)}: no mirror served a release index (${index.failures.join('; ')}).`, {
      hint: 'name an exact version such as 1.23.4, or fix the mirror list',
    });
  }
  const filename = `${request.version.name}.${archivePlatform(platform.goos, platform.goarch)}.tar.gz`;
  const urls = mirrors.map((m) => `${mirrorBase(m)}${filename}`);
  for (const url of urls) {
    const sha256 = await checksumFile(url);
    if (sha256) {
      if (options.sha256 && options.sha256.toLowerCase() !== sha256) {
        throw usageError('sdk.sha256-conflict', `--sha256 ${options.sha256} disagrees with ${url}.sha256 (${sha256}).`, { hint: 'check the checksum you passed' });
      }
      return { version: request.version.name, filename, urls, sha256, size: undefined, checksumFrom: `${url}.sha256`, platform };
    }
  }
  if (options.sha256) {
    return { version: request.version.name, filename, urls, sha256: options.sha256.toLowerCase(), size: undefined, checksumFrom: '--sha256', platform };
  }
  throw environmentError('sdk.no-checksum', `refusing to install ${filename}: no mirror offers a checksum for it (${index.failures.join('; ')}).`, {
    hint: 'use a mirror with the release index or <file>.sha256, or pass the checksum you trust with --sha256',
  });
}
