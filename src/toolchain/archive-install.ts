/**
 * `gocross install --archive FILE`: an SDK tarball already on disk (air-gapped machines),
 * verified against the release index when a mirror is reachable, or against `--sha256`.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { environmentError, usageError } from '../errors.js';
import { parseGoVersion } from './go-version.js';
import { sha256File } from '../io/files.js';
import { type InstallResult, lockVersion, placeArchive } from './install.js';
import { firstIndex } from './mirrors.js';
import { checkSha256, type Platform } from './plan.js';
import { cleanLeftovers, readMarker, sdkRoot } from './store.js';
import type { VersionRequest } from './version-request.js';

export interface ArchiveInstallOptions {
  archive: string;
  home: string;
  mirrors: readonly string[];
  sha256?: string;
  force: boolean;
  platform: Platform;
  /** The version named on the command line, if any; else it comes from the file name. */
  request?: VersionRequest;
}

export async function installArchive(options: ArchiveInstallOptions): Promise<InstallResult> {
  const { archive, home } = options;
  if (!existsSync(archive)) throw usageError('sdk.archive-missing', `${archive} does not exist.`, { hint: 'give the path of a goX.Y.Z.OS-ARCH.tar.gz file' });
  if (!statSync(archive).isFile()) throw usageError('sdk.archive-not-file', `${archive} is not a file: --archive takes an SDK tarball.`, { hint: 'give the path of a goX.Y.Z.OS-ARCH.tar.gz file, not a directory' });
  const filename = basename(archive);
  const fromName = parseGoVersion(/^(go[^.]+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)\./.exec(filename)?.[1] ?? '');
  const version = options.request?.kind === 'exact' ? options.request.version.name : fromName?.name;
  if (!version) {
    throw usageError('sdk.archive-version', `cannot tell the Go version of ${filename} from its name.`, {
      hint: 'name it: gocross install 1.23.4 --archive FILE',
    });
  }
  const root = sdkRoot(home, version);
  if (!options.force && readMarker(root)) return { version, goroot: root, installed: false };

  const actual = (await sha256File(archive)).sha256;
  let expected = checkSha256(options.sha256);
  let checksumFrom = '--sha256';
  const index = await firstIndex(options.mirrors);
  if ('releases' in index) {
    const listed = index.releases.flatMap((r) => r.files).find((f) => f.filename === filename);
    if (listed) {
      if (expected && expected !== listed.sha256.toLowerCase()) {
        throw usageError('sdk.sha256-conflict', `--sha256 disagrees with the index of ${index.mirror} for ${filename}.`, { hint: 'check the checksum you passed' });
      }
      expected = listed.sha256.toLowerCase();
      checksumFrom = `the release index of ${index.mirror}`;
    }
  }
  if (!expected) {
    throw environmentError('sdk.no-checksum', `refusing to install ${filename}: no checksum to verify it against (no mirror index lists it, and no --sha256).`, {
      hint: 'pass the checksum you trust with --sha256 (from go.dev/dl or your mirror)',
    });
  }
  if (actual !== expected) {
    throw environmentError('sdk.checksum-mismatch', `${filename} has sha256 ${actual}, but ${checksumFrom} says ${expected}. Nothing was installed.`, {
      hint: 'the file is corrupt or not the release it claims to be',
    });
  }
  const lock = await lockVersion(home, version);
  try {
    if (!options.force && readMarker(root)) return { version, goroot: root, installed: false };
    await cleanLeftovers(home, version);
    await placeArchive(archive, home, version, { sha256: actual, source: archive, platform: options.platform, given: true });
    return { version, goroot: root, installed: true };
  } finally {
    await lock.release();
  }
}
