/**
 * Finding the binaries under the paths given: files, directories (recursively), the members
 * of .tar/.tar.gz/.tgz/.zip archives (read in memory, never unpacked to disk), the file systems
 * of OCI images (layout folders and archives, `docker save` archives) platform by platform, and
 * the contents of conda packages (.conda, .tar.bz2). Images and packages say themselves what
 * their binaries must be: the platform, the subdir.
 */
import { createHash } from 'node:crypto';
import { type Dirent, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type BinaryInfo, inspectBuffer, inspectFileSync } from '../binary/index.js';
import { isGocrossError, usageError } from '../errors.js';
import { gunzipToTemp, isGzipImage, isLayoutFolder, openLayout } from '../io/oci-blobs.js';
import { untilDone } from '../io/cleanup.js';
import type { PlatformReport } from './oci-image.js';
import type { Check } from './checks.js';
import { type Expectations, targetOf } from './expect.js';

export interface Found {
  path: string;
  /** The member inside an archive, else null. */
  member: string | null;
  info: BinaryInfo | null;
  /** Why it could not be inspected (malformed binary), else null. */
  error: string | null;
  /** Named on the command line (not found in a directory or archive): a non-binary is a failure. */
  named: boolean;
  /** What the artifact holding it says it is (an image's platform, a conda package's subdir). */
  claim?: { expect: Expectations; by: string };
  /** The image platform (os/arch[/variant]) or conda subdir it belongs to. */
  platform?: string | null;
  /** The digest of the image layer that holds it. */
  layer?: string | null;
  sha256?: string | null;
  /** The Go build ID, when known without another read. */
  buildId?: string | null;
  /** Checks the artifact itself calls for (the image config against its index entry, noarch). */
  extraChecks?: Check[];
}

export interface WalkOptions {
  /** Only these image platforms (target names or aliases). */
  platforms?: string[];
  /** Told about each image read: one report per platform. */
  onImage?: (path: string, reports: PlatformReport[]) => void;
}

/**
 * The readers of archives, images and conda packages (and the tar, zip, zstd and bzip2 code
 * under them) load with the first such file met: a directory of plain binaries never pays for them.
 */
let imageReader: Promise<typeof import('./oci-image.js')> | undefined;
let condaReader: Promise<typeof import('./conda-package.js')> | undefined;
let tarReader: Promise<[typeof import('../io/archive.js'), typeof import('./oci-layer.js')]> | undefined;
let zipReader: Promise<[typeof import('../io/zip.js'), typeof import('./oci-layer.js')]> | undefined;
const images = () => (imageReader ??= import('./oci-image.js'));
const condas = () => (condaReader ??= import('./conda-package.js'));
const tars = () => (tarReader ??= Promise.all([import('../io/archive.js'), import('./oci-layer.js')]));
const zips = () => (zipReader ??= Promise.all([import('../io/zip.js'), import('./oci-layer.js')]));

/** The names a conda package can have; the package reader decides for itself what it is. */
const CONDA_NAME = /\.(conda|tar\.bz2)$/i;

const canonical = (name: string): string => {
  const t = targetOf(name);
  return t ? [t.goos, t.goarch, t.goarm ? `v${t.goarm}` : t.goamd64 ?? ''].filter(Boolean).join('/') : name;
};

async function inspectImage(file: string, options: WalkOptions, path = file): Promise<Found[]> {
  const source = openLayout(file, path);
  if (!source) return [];
  const wanted = options.platforms?.map(canonical);
  const { platformName, readImage } = await images();
  const reports = await readImage(source, { want: wanted ? (p) => wanted.includes(canonical(p)) : undefined });
  options.onImage?.(path, reports);
  const found: Found[] = [];
  for (const report of reports) {
    if (report.absent) {
      found.push({ path, member: null, info: null, error: report.absent, named: true, platform: report.platform, layer: null });
      continue;
    }
    const expect = targetOf(report.platform);
    const configName = platformName(report.config);
    const extra: Check[] = [{ name: 'image-config', expected: report.platform, actual: configName, ok: canonical(configName) === canonical(report.platform) }];
    if (!expect) extra.push({ name: 'platform', expected: 'a known platform', actual: report.platform, ok: false });
    for (const b of report.binaries) {
      found.push({ path, member: b.path, info: b.info, error: b.error, named: false, claim: expect ? { expect, by: `image platform ${report.platform}` } : undefined, platform: report.platform, layer: b.layer, sha256: b.sha256, buildId: b.buildId ?? null, extraChecks: extra });
    }
  }
  return found;
}

async function inspectConda(path: string): Promise<Found[]> {
  const pkg = await (await condas()).readCondaPackage(path);
  // A bzip2 tarball that is no conda package: an archive like any other, its name the claim.
  if (!pkg.index) return pkg.binaries.map((b) => ({ path, member: b.member, info: b.info, error: b.error, named: false, sha256: b.sha256, buildId: b.buildId ?? null }));
  const subdir = pkg.index?.subdir ?? null;
  const noarch = Boolean(pkg.index?.noarch) || subdir === 'noarch';
  const expect = subdir && !noarch ? targetOf(subdir) : null;
  return pkg.binaries.map((b) => {
    const extra: Check[] = [];
    if (noarch) extra.push({ name: 'subdir', expected: 'no binary (noarch package)', actual: b.info ? `${b.info.os}/${b.info.arch}` : 'a binary', ok: false });
    else if (!expect) extra.push({ name: 'subdir', expected: 'a known conda subdir', actual: subdir ?? '(none in info/index.json)', ok: false });
    return { path, member: b.member, info: b.info, error: b.error, named: false, claim: expect ? { expect, by: `conda subdir ${subdir}` } : undefined, platform: subdir, layer: null, sha256: b.sha256, buildId: b.buildId ?? null, extraChecks: extra };
  });
}


/** Archive members larger than this are skipped: no release binary is that big, and memory is finite. */
const MAX_MEMBER = 512 * 1024 * 1024;

const isArchive = (path: string): 'tar' | 'zip' | null => (/\.(tar\.gz|tgz|tar)$/i.test(path) ? 'tar' : /\.zip$/i.test(path) ? 'zip' : null);

async function inspectMember(path: string, member: string, data: Buffer, goBuildId: (data: Buffer) => string | null): Promise<Found> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  try {
    return { path, member, info: await inspectBuffer(data), error: null, named: false, sha256, buildId: goBuildId(data) };
  } catch (error) {
    if (isGocrossError(error) && error.kind === 'check') return { path, member, info: null, error: error.message, named: false };
    throw error;
  }
}

async function inspectOne(path: string, named: boolean, options: WalkOptions): Promise<Found[]> {
  if (CONDA_NAME.test(path) && (await condas()).isCondaPackage(path)) return inspectConda(path);
  if (/\.tar$/i.test(path) && openLayout(path)) return inspectImage(path, options);
  if (/\.(tar\.gz|tgz)$/i.test(path) && (await isGzipImage(path))) {
    // `docker save IMAGE | gzip`: blobs need random access, so the tar goes to a temporary file.
    const temp = await gunzipToTemp(path);
    const done = untilDone(`the temporary copy of ${path} was removed`, temp.remove);
    try {
      return (await inspectImage(temp.path, options, path));
    } finally {
      done();
      await temp.remove();
    }
  }
  const archive = isArchive(path);
  if (archive === 'tar') {
    const [{ forEachTarMember }, { goBuildId }] = await tars();
    const found: Found[] = [];
    await forEachTarMember(path, MAX_MEMBER, async (m, data) => void found.push(await inspectMember(path, m.name, data, goBuildId)));
    return found;
  }
  if (archive === 'zip') {
    const [{ forEachZipMember }, { goBuildId }] = await zips();
    const found: Found[] = [];
    await forEachZipMember(path, MAX_MEMBER, async (m, data) => void found.push(await inspectMember(path, m.name, data(), goBuildId)));
    return found;
  }
  return [inspectPlain(path, named)];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** What the paths hold, in order, before anything is read. */
type Item =
  | { kind: 'plain'; path: string; named: boolean }
  | { kind: 'other'; path: string; named: boolean }
  | { kind: 'layout'; path: string }
  | { kind: 'fail'; error: unknown };

/** A file inspectOne reads as one binary, neither archive nor package nor image. */
const isPlain = (path: string): boolean => !CONDA_NAME.test(path) && isArchive(path) === null;

async function itemsOf(paths: string[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Thrown when its turn comes: what comes before it is reported as before.
      items.push({ kind: 'fail', error: usageError('verify.missing', `${path} does not exist.`, { hint: 'check the path' }) });
      break;
    }
    if (!isDir) items.push({ kind: isPlain(path) ? 'plain' : 'other', path, named: true });
    else if (isLayoutFolder(path)) items.push({ kind: 'layout', path });
    else {
      try {
        for (const file of await filesUnder(path)) items.push({ kind: isPlain(file) ? 'plain' : 'other', path: file, named: false });
      } catch (error) {
        items.push({ kind: 'fail', error });
        break;
      }
    }
  }
  return items;
}

/**
 * One plain binary, or why it is malformed (a file that cannot be read throws). Synchronous: a
 * directory of thousands is read without a promise per file.
 */
function inspectPlain(path: string, named: boolean): Found {
  try {
    return { path, member: null, info: inspectFileSync(path), error: null, named };
  } catch (error) {
    if (isGocrossError(error) && error.kind === 'check') return { path, member: null, info: null, error: error.message, named };
    throw error;
  }
}

export async function* walk(paths: string[], options: WalkOptions = {}): AsyncGenerator<Found> {
  const items = await itemsOf(paths);
  for (const item of items) {
    if (item.kind === 'fail') throw item.error;
    if (item.kind === 'layout') {
      yield* await inspectImage(item.path, options);
      continue;
    }
    if (item.kind === 'plain') yield inspectPlain(item.path, item.named);
    else yield* await inspectOne(item.path, item.named, options);
  }
}
