/**
 * Reading conda packages without unpacking them: `.tar.bz2` (a bzip2 tar) and `.conda` (a zip of
 * metadata.json, info-*.tar.zst and pkg-*.tar.zst). The zip is read with yauzl, which streams
 * each member (the payload can be gigabytes, and zip64 in large packages), and the tars are
 * streamed through the zstd and bzip2 decoders; only binaries are buffered, one at a time.
 */
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { type BinaryInfo, inspectBuffer } from '../binary/index.js';
import { checkError, isGocrossError } from '../errors.js';
import { bz2Decompressor } from '../io/bz2-stream.js';
import { scanTar, type TarEntry } from './oci-layer.js';
import { zstdDecompressor } from '../io/zstd-stream.js';

export interface CondaBinary {
  member: string;
  info: BinaryInfo | null;
  error: string | null;
  sha256: string | null;
  buildId?: string | null;
}

export interface CondaPackage {
  /** info/index.json as read, or null when the package has none. */
  index: { subdir?: string; noarch?: string; arch?: string | null; platform?: string | null; name?: string } | null;
  binaries: CondaBinary[];
}

export const MAX_PACKAGE_MEMBER = 512 * 1024 * 1024;

export const isCondaPackage = (path: string): boolean => /\.conda$/i.test(path) || /\.tar\.bz2$/i.test(path);

const bad = (file: string, why: string) => checkError('conda.invalid', `${file} is not a readable conda package: ${why}.`, { hint: 'the package is truncated or damaged; build or download it again' });

const isIndex = (path: string): boolean => path.replace(/^\.\//, '') === 'info/index.json';

/** The binaries of one uncompressed tar stream into `pkg`; returns info/index.json's bytes when it holds them. */
async function readTarStream(stream: Readable, pkg: CondaPackage): Promise<Buffer | null> {
  let index: Buffer | null = null;
  await scanTar(
    stream,
    MAX_PACKAGE_MEMBER,
    async (entry: TarEntry) => {
      const member = entry.path.replace(/^\.\//, '');
      if (entry.captured) return void (index = entry.captured);
      if (entry.tooLarge) return void pkg.binaries.push({ member, info: null, error: `too large to inspect (${entry.size} bytes)`, sha256: null });
      if (!entry.binary) return;
      try {
        const info = await inspectBuffer(entry.binary.data);
        if (info) pkg.binaries.push({ member, info, error: null, sha256: entry.binary.sha256, buildId: entry.binary.buildId });
      } catch (error) {
        if (!isGocrossError(error) || error.kind !== 'check') throw error;
        pkg.binaries.push({ member, info: null, error: error.message, sha256: entry.binary.sha256 });
      }
    },
    isIndex,
  );
  return index;
}

function parseIndex(file: string, data: Buffer | null): CondaPackage['index'] {
  if (data === null) return null;
  try {
    const value = JSON.parse(data.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as CondaPackage['index'];
  } catch {
    // below
  }
  throw bad(file, 'info/index.json is not a JSON object');
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip))));
}

async function readConda(file: string, pkg: CondaPackage): Promise<void> {
  const zip = await openZip(file);
  let index: Buffer | null = null;
  let sawPkg = false;
  let sawInfo = false;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      const kind = /^info-.*\.tar\.zst$/.test(name) ? 'info' : /^pkg-.*\.tar\.zst$/.test(name) ? 'pkg' : null;
      if (!kind) return zip.readEntry();
      if (kind === 'info') sawInfo = true;
      else sawPkg = true;
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const decoded = new PassThrough();
        Promise.all([pipeline(stream, zstdDecompressor(), decoded), readTarStream(decoded, pkg)])
          .then(([, found]) => {
            if (found) index = found;
            zip.readEntry();
          })
          .catch(reject);
      });
    });
    zip.readEntry();
  });
  if (!sawInfo || !sawPkg) throw bad(file, `it has no ${sawInfo ? 'pkg' : 'info'}-*.tar.zst member`);
  pkg.index = parseIndex(file, index);
}

/** The binaries of the conda package `file` and its info/index.json (null: a .tar.bz2 that is no package). */
export async function readCondaPackage(file: string): Promise<CondaPackage> {
  const pkg: CondaPackage = { index: null, binaries: [] };
  try {
    if (/\.conda$/i.test(file)) await readConda(file, pkg);
    else {
      const decoded = new PassThrough();
      const [, index] = await Promise.all([pipeline(createReadStream(file), bz2Decompressor(), decoded), readTarStream(decoded, pkg)]);
      pkg.index = parseIndex(file, index);
    }
  } catch (error) {
    if (isGocrossError(error)) throw error;
    throw bad(file, (error as Error).message);
  }
  // A .tar.bz2 without info/index.json is a release archive, not a package: its caller reads its name.
  if (!pkg.index && /\.conda$/i.test(file)) throw bad(file, 'it has no info/index.json');
  pkg.binaries.sort((a, b) => (a.member < b.member ? -1 : 1));
  return pkg;
}
