/**
 * The shared SDK store under GOCROSS_HOME:
 *   sdk/goX.Y.Z/                 a GOROOT, usable only once it holds the marker file
 *   sdk/goX.Y.Z/.gocross-installed   the marker: written last, after the rename
 *   sdk/.goX.Y.Z.extract-*       extraction in progress (a sibling, so the rename is atomic)
 *   locks/goX.Y.Z.lock           held during an install of that version
 *   tmp/<file>.partial           downloads in progress (kept for resuming)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MARKER = '.gocross-installed';

export interface StorePaths {
  home: string;
  sdkDir: string;
  locksDir: string;
  tmpDir: string;
}

export const storePaths = (home: string): StorePaths => ({
  home,
  sdkDir: join(home, 'sdk'),
  locksDir: join(home, 'locks'),
  tmpDir: join(home, 'tmp'),
});

/** The version a GOROOT's VERSION file names (go1.23.4), or null: source builds of Go have none. */
export function gorootVersion(goroot: string): string | null {
  try {
    return readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]?.trim() || null;
  } catch {
    return null;
  }
}

export const sdkRoot = (home: string, version: string): string => join(storePaths(home).sdkDir, version);
/** The lock one install (or uninstall) of `version` holds. */
export const lockPath = (home: string, version: string): string => join(storePaths(home).locksDir, `${version}.lock`);

export interface MarkerData {
  version: string;
  sha256: string | null;
  source: string;
  installedAt: string;
}

/** The marker of an installed SDK, or undefined when `root` is missing or half-installed. */
export function readMarker(root: string): MarkerData | undefined {
  try {
    return JSON.parse(readFileSync(join(root, MARKER), 'utf8')) as MarkerData;
  } catch {
    return undefined;
  }
}


export async function writeMarker(root: string, data: MarkerData): Promise<void> {
  await writeFile(join(root, MARKER), `${JSON.stringify(data, null, 2)}\n`);
}

/** Installed versions (with a marker), newest-looking first by name. */
export function installedVersions(home: string): string[] {
  const { sdkDir } = storePaths(home);
  if (!existsSync(sdkDir)) return [];
  return readdirSync(sdkDir)
    .filter((name) => name.startsWith('go') && readMarker(join(sdkDir, name)) !== undefined)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
}

/**
 * Remove what an interrupted install of `version` left: a store dir without its marker and old
 * extraction dirs. Call with the version's lock held.
 */
export async function cleanLeftovers(home: string, version: string): Promise<string[]> {
  const { sdkDir } = storePaths(home);
  const removed: string[] = [];
  const root = sdkRoot(home, version);
  if (existsSync(root) && readMarker(root) === undefined) {
    await rm(root, { recursive: true, force: true });
    removed.push(root);
  }
  for (const name of await readdir(sdkDir).catch(() => [] as string[])) {
    if (name.startsWith(`.${version}.extract-`)) {
      await rm(join(sdkDir, name), { recursive: true, force: true });
      removed.push(join(sdkDir, name));
    }
  }
  return removed;
}

/** Bytes under `dir` (files only, links not followed). */
export async function directorySize(dir: string): Promise<number> {
  // A plain walk: readdir's `recursive` with file types is unreliable on some Node 20 releases.
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return directorySize(path);
      return entry.isFile() ? (await stat(path)).size : 0;
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

export async function ensureStore(home: string): Promise<StorePaths> {
  const paths = storePaths(home);
  await Promise.all([paths.sdkDir, paths.locksDir, paths.tmpDir].map((dir) => mkdir(dir, { recursive: true })));
  return paths;
}
