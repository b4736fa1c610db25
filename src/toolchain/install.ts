/**
 * Installing a planned SDK into the store: download (resumable across runs), hashed and unpacked
 * into a private sibling temp dir as the bytes arrive; only once the sha256 matches and the
 * unpacked tree checks out is it renamed into place, then marked. A bad checksum removes what was
 * unpacked. An interrupted install leaves nothing that is ever used, and the next one cleans it.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { environmentError, GocrossError, usageError } from '../errors.js';
import { untilDone } from '../io/cleanup.js';
import { checkSdkTree } from './check-tree.js';
import { asArchiveError, startTarGzExtraction, type TarGzExtraction } from '../io/archive.js';
import { download, type DownloadProgress, type DownloadSink, diskError } from './download.js';
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

/** A private directory beside the store's SDKs for one extraction (a sibling: the rename is atomic). */
const extractDirFor = (home: string, version: string): string => join(storePaths(home).sdkDir, `.${version}.extract-${randomBytes(4).toString('hex')}`);

/**
 * An extraction into a fresh private directory, restartable (the download started over), stopped
 * and removed on Ctrl-C. Nothing in it is used until `place` has checked it.
 */
class Staging {
  readonly dir: string;
  private extraction: TarGzExtraction;
  private readonly done: () => void;

  constructor(home: string, version: string) {
    this.dir = extractDirFor(home, version);
    this.extraction = startTarGzExtraction(this.dir, { root: 'go' });
    // On Ctrl-C: stop writing entries, let the writes in flight settle, then remove what they wrote.
    this.done = untilDone(`the half-extracted ${version} was removed`, () => this.discard());
  }

  readonly sink: DownloadSink = {
    write: (chunk) => this.extraction.write(chunk),
    restart: async () => {
      await this.extraction.abort();
      await rm(this.dir, { recursive: true, force: true });
      this.extraction = startTarGzExtraction(this.dir, { root: 'go' });
    },
  };

  /** Every entry is on disk (or the archive's failure is thrown). */
  finish(name: string): Promise<number> {
    return this.extraction.finish().catch(async (error: unknown) => {
      throw asArchiveError(error, name);
    });
  }

  async discard(): Promise<void> {
    await this.extraction.abort();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Remove what is left (nothing, once placed) and stop guarding it. */
  async close(): Promise<void> {
    try {
      await this.discard();
    } finally {
      this.done();
    }
  }
}

/**
 * Download the plan's archive with the checksum it must have, unpacking it into a private
 * directory as it arrives, and trying each mirror in turn: one that cannot be reached or serves a
 * file with another sha256 is skipped for the next (each failure is said; what it unpacked is
 * removed); a later mirror whose own index gives another checksum stops everything. Resolves with
 * the verified, fully written extraction, which the caller places.
 */
async function fetchArchive(plan: InstallPlan, home: string, hooks: InstallHooks): Promise<{ staging: Staging; sha256: string; url: string; partial: string }> {
  const dest = join(storePaths(home).tmpDir, plan.filename);
  const partial = `${dest}.partial`;
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
    const staging = new Staging(home, plan.version);
    let keep = false;
    try {
      const result = await download({ url, dest, expectedSize: plan.size, sink: staging.sink, onProgress: hooks.onProgress, onRetry: hooks.onRetry });
      hooks.onPhase?.('verify');
      if (result.sha256 === plan.sha256) {
        hooks.onPhase?.('extract');
        await staging.finish(plan.filename);
        keep = true;
        return { staging, sha256: result.sha256, url, partial };
      }
      await rm(partial, { force: true });
      failures.push(`${url} sent a file with sha256 ${result.sha256}, not ${plan.sha256} (${plan.checksumFrom})`);
      hooks.onRetry?.(`${failures.at(-1)}; trying the next mirror`);
    } catch (error) {
      if (!(error instanceof GocrossError) || error.code.startsWith('disk.') || error.code.startsWith('archive.')) throw diskError(error, storePaths(home).sdkDir) ?? error;
      failures.push(error.message.replace(/\.$/, ''));
    } finally {
      if (!keep) await staging.close();
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
 * Check that an extraction is the SDK it claims to be, and move its `go/` into the store as
 * `version`, marker last. The caller removes the extraction when this throws.
 */
async function placeTree(extractDir: string, name: string, home: string, version: string, options: PlaceOptions): Promise<string> {
  const root = sdkRoot(home, version);
  const problems = await checkSdkTree(join(extractDir, 'go'), { version, platform: options.platform });
  if (problems.length > 0) {
    const error = options.given ? usageError : environmentError;
    throw error('sdk.not-the-release', `${name} is not ${version} for ${options.platform.goos}/${options.platform.goarch}: ${problems.join('; ')}. Nothing was installed.`, {
      hint: options.given ? 'use the official archive of that release (go.dev/dl lists each file with its sha256)' : 'the mirror serves something else under that name; try another mirror (--mirror)',
    });
  }
  // A forced reinstall swaps the old tree out only now that the new one is complete.
  if (existsSync(root)) await rm(root, { recursive: true, force: true });
  await rename(join(extractDir, 'go'), root);
  await writeMarker(root, { version, sha256: options.sha256, source: options.source, installedAt: new Date().toISOString() });
  return root;
}

/**
 * Extract a verified archive, check that what it unpacked is the SDK it claims to be, and move its
 * `go/` into the store as `version`, marker last. Nothing is left behind when a check fails.
 */
export async function placeArchive(archive: string, home: string, version: string, options: PlaceOptions): Promise<string> {
  const staging = new Staging(home, version);
  try {
    for await (const chunk of createReadStream(archive, { highWaterMark: 1024 * 1024 })) await staging.sink.write(chunk as Buffer);
    await staging.finish(basename(archive));
    return await placeTree(staging.dir, basename(archive), home, version, options);
  } catch (error) {
    throw diskError(error, storePaths(home).sdkDir) ?? error;
  } finally {
    await staging.close();
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
    const { staging, sha256, url, partial } = await fetchArchive(plan, home, options);
    try {
      await placeTree(staging.dir, plan.filename, home, plan.version, { sha256, source: url, platform: plan.platform, given: false });
    } catch (error) {
      throw diskError(error, storePaths(home).sdkDir) ?? error;
    } finally {
      await staging.close();
    }
    await rm(partial, { force: true });
    return { version: plan.version, goroot: root, installed: true };
  } finally {
    await lock.release();
  }
}
