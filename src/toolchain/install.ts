/**
 * Installing a planned SDK into the store: download (resumable), verify the sha256 before
 * anything is extracted, extract into a sibling temp dir, rename into place, then write the
 * marker. An interrupted install leaves nothing that is ever used, and the next one cleans it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { environmentError, GocrossError, usageError } from '../errors.js';
import { untilDone } from '../io/cleanup.js';
import { checkSdkTree } from './check-tree.js';
import { extractTarGz } from '../io/archive.js';
import { download, type DownloadProgress, diskError } from './download.js';
import { acquireLock, type Lock } from './lock.js';
import { mirrorChecksum } from './mirrors.js';
import type { InstallPlan, Platform } from './plan.js';
import { cleanLeftovers, ensureStore, readMarker, sdkRoot, storePaths, writeMarker } from './store.js';

export interface InstallResult {
  version: string;
  goroot: string;
  /** false: it was already installed and nothing was done. */
  installed: boolean;
}

export interface InstallHooks {
  onProgress?: (progress: DownloadProgress) => void;
  onRetry?: (message: string) => void;
  onWait?: (ownerPid: number) => void;
  /** Called as each phase starts: download, verify, extract. */
  onPhase?: (phase: 'download' | 'verify' | 'extract') => void;
}

/** Take the version's lock; the caller releases it (and so does Ctrl-C: no stale lock is left). */
export async function lockVersion(home: string, version: string, hooks: InstallHooks = {}): Promise<Lock> {
  const paths = await ensureStore(home).catch((error: unknown) => {
    throw diskError(error, home) ?? error;
  });
  const lock = await acquireLock(join(paths.locksDir, `${version}.lock`), { onWait: hooks.onWait });
  const done = untilDone(`${version} was not installed (the store is as it was)`, () => lock.release());
  return {
    release: async () => {
      done();
      await lock.release();
    },
  };
}

/**
 * Download the plan's archive with the checksum it must have, trying each mirror in turn: one
 * that cannot be reached or serves a file with another sha256 is skipped for the next (each
 * failure is said); a later mirror whose own index gives another checksum stops everything.
 */
async function fetchArchive(plan: InstallPlan, home: string, hooks: InstallHooks): Promise<{ file: string; sha256: string; url: string }> {
  const dest = join(storePaths(home).tmpDir, plan.filename);
  const failures: string[] = [];
  for (const [i, url] of plan.urls.entries()) {
    if (i > 0) {
      const mirror = url.slice(0, url.length - plan.filename.length);
      const theirs = await mirrorChecksum(mirror, plan.filename);
      if (theirs && theirs.sha256 !== plan.sha256) {
        throw environmentError('sdk.checksum-conflict', `the mirrors disagree on the sha256 of ${plan.filename}: ${plan.checksumFrom} says ${plan.sha256}, ${theirs.from} says ${theirs.sha256}. Nothing was installed.`, {
          hint: 'one of them is wrong or tampered with; compare with go.dev/dl and remove the wrong mirror from --mirror / GOCROSS_GO_MIRROR',
        });
      }
    }
    try {
      const result = await download({ url, dest, expectedSize: plan.size, onProgress: hooks.onProgress, onRetry: hooks.onRetry });
      hooks.onPhase?.('verify');
      if (result.sha256 === plan.sha256) return { file: dest, sha256: result.sha256, url };
      await rm(dest, { force: true });
      failures.push(`${url} sent a file with sha256 ${result.sha256}, not ${plan.sha256} (${plan.checksumFrom})`);
      hooks.onRetry?.(`${failures.at(-1)}; trying the next mirror`);
    } catch (error) {
      if (!(error instanceof GocrossError) || error.code.startsWith('disk.')) throw error;
      failures.push(error.message.replace(/\.$/, ''));
    }
  }
  const corrupt = failures.some((f) => f.includes(' sent a file with sha256 '));
  throw environmentError(corrupt ? 'sdk.checksum-mismatch' : 'download.failed', `could not get a good ${plan.filename} from any mirror: ${failures.join('; ')}. Nothing was installed.`, {
    hint: corrupt
      ? 'the downloads are corrupt or tampered with; add a mirror you trust (--mirror), or install a file checked by hand: gocross install --archive FILE --sha256 HEX'
      : `check the network and the mirror list (--mirror, GOCROSS_GO_MIRROR); without network: gocross install --archive ${plan.filename} --sha256 ${plan.sha256}`,
  });
}

export interface PlaceOptions {
  sha256: string | null;
  source: string;
  platform: Platform;
  /** A file the user named (a wrong one is their mistake, exit 2) or a download (exit 3). */
  given: boolean;
}

/**
 * Extract a verified archive, check that what it unpacked is the SDK it claims to be, and move its
 * `go/` into the store as `version`, marker last. Nothing is left behind when a check fails.
 */
export async function placeArchive(archive: string, home: string, version: string, options: PlaceOptions): Promise<string> {
  const { sdkDir } = storePaths(home);
  const root = sdkRoot(home, version);
  const extractDir = join(sdkDir, `.${version}.extract-${randomBytes(4).toString('hex')}`);
  const stop = new AbortController();
  let extraction: Promise<unknown> = Promise.resolve();
  // On Ctrl-C: stop writing entries, let the extraction run out, then remove what it wrote.
  const done = untilDone(`the half-extracted ${version} was removed`, async () => {
    stop.abort();
    await extraction.catch(() => undefined);
    await rm(extractDir, { recursive: true, force: true });
  });
  try {
    extraction = extractTarGz(archive, extractDir, { root: 'go', signal: stop.signal });
    await extraction;
    if (stop.signal.aborted) throw new GocrossError('interrupted', 'sdk.interrupted', `the install of ${version} was interrupted.`);
    const problems = await checkSdkTree(join(extractDir, 'go'), { version, platform: options.platform });
    if (problems.length > 0) {
      const error = options.given ? usageError : environmentError;
      throw error('sdk.not-the-release', `${basename(archive)} is not ${version} for ${options.platform.goos}/${options.platform.goarch}: ${problems.join('; ')}. Nothing was installed.`, {
        hint: options.given ? 'use the official archive of that release (go.dev/dl lists each file with its sha256)' : 'the mirror serves something else under that name; try another mirror (--mirror)',
      });
    }
    // A forced reinstall swaps the old tree out only now that the new one is complete.
    if (existsSync(root)) await rm(root, { recursive: true, force: true });
    await rename(join(extractDir, 'go'), root);
    await writeMarker(root, { version, sha256: options.sha256, source: options.source, installedAt: new Date().toISOString() });
    return root;
  } catch (error) {
    throw diskError(error, sdkDir) ?? error;
  } finally {
    await rm(extractDir, { recursive: true, force: true });
    done();
  }
}

/** Install `plan` into the store under `home` (a no-op when it is already there, unless `force`). */
export async function installPlan(plan: InstallPlan, home: string, options: { force?: boolean } & InstallHooks = {}): Promise<InstallResult> {
  const root = sdkRoot(home, plan.version);
  if (!options.force && readMarker(root)) return { version: plan.version, goroot: root, installed: false };
  const lock = await lockVersion(home, plan.version, options);
  try {
    // Whoever held the lock before us may have installed it meanwhile.
    if (!options.force && readMarker(root)) return { version: plan.version, goroot: root, installed: false };
    await cleanLeftovers(home, plan.version);
    options.onPhase?.('download');
    const { file, sha256, url } = await fetchArchive(plan, home, options);
    options.onPhase?.('extract');
    await placeArchive(file, home, plan.version, { sha256, source: url, platform: plan.platform, given: false });
    await rm(file, { force: true });
    return { version: plan.version, goroot: root, installed: true };
  } finally {
    await lock.release();
  }
}
