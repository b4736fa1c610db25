/**
 * Installing a planned SDK into the store: download (resumable), hashing the bytes and extracting
 * them into a private sibling temp dir as they arrive; only once the sha256 and the unpacked tree
 * check out is the tree renamed into place, then the marker written. A mismatch leaves nothing,
 * an interrupted install leaves nothing that is ever used, and the next one cleans it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { environmentError, GocrossError, usageError } from '../errors.js';
import { untilDone } from '../io/cleanup.js';
import { checkSdkTree } from './check-tree.js';
import { startTarGzExtraction, type TarGzExtraction } from '../io/archive.js';
import { createReadStream } from 'node:fs';
import { download, type DownloadProgress, diskError } from './download.js';
import { acquireLock, type Lock } from './lock.js';
import { type InstallPlan, mirrorChecksum, type Platform } from './plan.js';
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
async function fetchArchive(plan: InstallPlan, home: string, hooks: InstallHooks, placement: Placement): Promise<{ file: string; sha256: string; url: string }> {
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
      const result = await download({ url, dest, expectedSize: plan.size, onProgress: hooks.onProgress, onRetry: hooks.onRetry, consumer: () => placement.fresh(), keepFile: false });
      hooks.onPhase?.('verify');
      if (result.sha256 === plan.sha256) return { file: dest, sha256: result.sha256, url };
      // What it unpacked came from a file that is not the release: none of it is kept.
      await placement.discard();
      await rm(dest, { force: true });
      failures.push(`${url} sent a file with sha256 ${result.sha256}, not ${plan.sha256} (${plan.checksumFrom})`);
      hooks.onRetry?.(`${failures.at(-1)}; trying the next mirror`);
    } catch (error) {
      await placement.discard();
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
 * Where an SDK is unpacked before it is installed: a private sibling of the store's versions
 * (`sdk/.VERSION.extract-*`, so the final rename is atomic), one per attempt. On Ctrl-C the
 * extraction stops, runs out, and what it wrote is removed.
 */
interface Placement {
  /** A new extraction (the previous one, if any, stopped and removed), for bytes from the first. */
  fresh(): Promise<TarGzExtraction>;
  /** Stop and remove the current extraction. */
  discard(): Promise<void>;
  /**
   * Once every byte is in and verified: finish the extraction, check that what it unpacked is the
   * SDK it claims to be, and move its `go/` into the store as `version`, marker last.
   */
  complete(label: string, options: PlaceOptions): Promise<string>;
  /** Remove whatever is left and stop answering Ctrl-C. */
  close(): Promise<void>;
}

function startPlacement(home: string, version: string, archive: string): Placement {
  const { sdkDir } = storePaths(home);
  const root = sdkRoot(home, version);
  const stop = new AbortController();
  let current: { dir: string; extraction: TarGzExtraction } | undefined;
  const discard = async (): Promise<void> => {
    const was = current;
    current = undefined;
    if (!was) return;
    await was.extraction.abort();
    await rm(was.dir, { recursive: true, force: true });
  };
  // On Ctrl-C: stop writing entries, let the extraction run out, then remove what it wrote.
  const done = untilDone(`the half-extracted ${version} was removed`, async () => {
    stop.abort();
    await discard();
  });
  return {
    fresh: async () => {
      await discard();
      if (stop.signal.aborted) throw new GocrossError('interrupted', 'sdk.interrupted', `the install of ${version} was interrupted.`);
      const dir = join(sdkDir, `.${version}.extract-${randomBytes(4).toString('hex')}`);
      const extraction = startTarGzExtraction(dir, archive, { root: 'go', signal: stop.signal });
      current = { dir, extraction };
      return extraction;
    },
    discard,
    complete: async (label, options) => {
      const was = current;
      try {
        if (!was) throw new GocrossError('interrupted', 'sdk.interrupted', `the install of ${version} was interrupted.`);
        await was.extraction.finish();
        if (stop.signal.aborted) throw new GocrossError('interrupted', 'sdk.interrupted', `the install of ${version} was interrupted.`);
        const problems = await checkSdkTree(join(was.dir, 'go'), { version, platform: options.platform });
        if (problems.length > 0) {
          const error = options.given ? usageError : environmentError;
          throw error('sdk.not-the-release', `${label} is not ${version} for ${options.platform.goos}/${options.platform.goarch}: ${problems.join('; ')}. Nothing was installed.`, {
            hint: options.given ? 'use the official archive of that release (go.dev/dl lists each file with its sha256)' : 'the mirror serves something else under that name; try another mirror (--mirror)',
          });
        }
        // A forced reinstall swaps the old tree out only now that the new one is complete.
        if (existsSync(root)) await rm(root, { recursive: true, force: true });
        await rename(join(was.dir, 'go'), root);
        await writeMarker(root, { version, sha256: options.sha256, source: options.source, installedAt: new Date().toISOString() });
        return root;
      } catch (error) {
        throw diskError(error, sdkDir) ?? error;
      }
    },
    close: async () => {
      await discard();
      done();
    },
  };
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
  const placement = startPlacement(home, version, archive);
  try {
    const extraction = await placement.fresh();
    try {
      for await (const chunk of createReadStream(archive, { highWaterMark: 1024 * 1024 })) await extraction.write(chunk as Buffer);
    } catch (error) {
      throw diskError(error, archive) ?? error;
    }
    return await placement.complete(basename(archive), options);
  } finally {
    await placement.close();
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
    // The archive is unpacked as it downloads; it is used only once its sha256 and tree check out.
    const placement = startPlacement(home, plan.version, join(storePaths(home).tmpDir, plan.filename));
    try {
      const { file, sha256, url } = await fetchArchive(plan, home, options, placement);
      options.onPhase?.('extract');
      await placement.complete(plan.filename, { sha256, source: url, platform: plan.platform, given: false });
      await rm(file, { force: true });
    } finally {
      await placement.close();
    }
    return { version: plan.version, goroot: root, installed: true };
  } finally {
    await lock.release();
  }
}
