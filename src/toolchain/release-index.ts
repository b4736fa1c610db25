/**
 * The official release index (`<mirror>/?mode=json&include=all`): parsing it, and
 * choosing a release and the archive for a platform.
 */
import { usageError } from '../errors.js';
import { type GoVersion, parseGoVersion } from './go-version.js';

export interface ReleaseFile {
  filename: string;
  os: string;
  arch: string;
  version: string;
  sha256: string;
  size: number;
  kind: string;
}

export interface Release {
  version: GoVersion;
  stable: boolean;
  files: ReleaseFile[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Parse the index JSON; entries that do not look like releases are skipped, not fatal. */
export function parseReleaseIndex(json: unknown, source: string): Release[] {
  if (!Array.isArray(json)) {
    throw usageError('sdk.index-invalid', `the release index from ${source} is not a JSON list of releases.`, {
      hint: 'check the mirror URL: it must serve the go.dev/dl layout',
    });
  }
  const releases: Release[] = [];
  for (const entry of json) {
    if (!isRecord(entry) || typeof entry.version !== 'string' || !Array.isArray(entry.files)) continue;
    const version = parseGoVersion(entry.version);
    if (!version) continue;
    const files = entry.files.filter(
      (f): f is ReleaseFile =>
        isRecord(f) && typeof f.filename === 'string' && typeof f.sha256 === 'string' && f.kind === 'archive',
    );
    releases.push({ version, stable: entry.stable === true, files });
  }
  return releases;
}

/** The platform suffix of official archive names: linux-amd64, linux-armv6l, darwin-arm64. */
export const archivePlatform = (goos: string, goarch: string): string => `${goos}-${goarch === 'arm' ? 'armv6l' : goarch}`;

/** The archive of `release` for the platform, if the release has one. */
export function archiveFor(release: Release, goos: string, goarch: string): ReleaseFile | undefined {
  const arch = goarch === 'arm' ? 'armv6l' : goarch;
  return release.files.find((f) => f.os === goos && f.arch === arch && f.filename.endsWith('.tar.gz'));
}
