/**
 * The files of an OCI image layout (or a `docker save` archive), whether it is a folder or a tar
 * of one. A tar is indexed once by reading its headers only (ustar, pax and GNU long names), so
 * every blob can then be streamed from its offset without unpacking anything.
 */
import { closeSync, createReadStream, createWriteStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkError } from '../errors.js';

export interface LayoutSource {
  /** What to call it in messages: the path given. */
  readonly name: string;
  has(path: string): boolean;
  size(path: string): number;
  /** The bytes of `path`, streamed. */
  stream(path: string): Readable;
  /** The first `length` bytes of `path` (for small files and sniffing). */
  head(path: string, length: number): Buffer;
}

const clean = (path: string): string => posix.normalize(path.replace(/^\.?\/+/, '')).replace(/^\.\//, '');

function folderSource(dir: string): LayoutSource {
  const at = (path: string) => join(dir, clean(path));
  const isFile = (path: string) => {
    try {
      return statSync(at(path)).isFile();
    } catch {
      return false;
    }
  };
  return {
    name: dir,
    has: isFile,
    size: (path) => statSync(at(path)).size,
    stream: (path) => createReadStream(at(path)),
    head: (path, length) => readHead(at(path), 0, length),
  };
}

function readHead(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, offset);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const octal = (field: Buffer): number => {
  // GNU base-256 for sizes of 8 GiB and more.
  if ((field[0]! & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
};

const cstr = (field: Buffer): string => {
  const nul = field.indexOf(0);
  return field.toString('utf8', 0, nul < 0 ? field.length : nul);
};

/** Regular-file members of the tar `file`: path → [data offset, size]. */
function indexTar(file: string, name: string): Map<string, { offset: number; size: number }> {
  const members = new Map<string, { offset: number; size: number }>();
  const total = statSync(file).size;
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(512);
  const bad = (why: string) => checkError('image.tar', `${name} is not a readable image archive: ${why}.`, { hint: 'the archive is truncated or damaged; export the image again' });
  try {
    let at = 0;
    let longName: string | null = null;
    let paxPath: string | null = null;
    while (at + 512 <= total) {
      if (readSync(fd, header, 0, 512, at) !== 512) throw bad(`a header at byte ${at} could not be read`);
      if (header.every((b) => b === 0)) break;
      const size = octal(header.subarray(124, 136));
      if (!Number.isSafeInteger(size) || size < 0) throw bad(`the member at byte ${at} has an impossible size`);
      const type = String.fromCharCode(header[156] || 0x30);
      const dataAt = at + 512;
      if (dataAt + size > total) throw bad(`the member at byte ${at} claims ${size} bytes, past the end of the file (${total} bytes)`);
      if (type === 'L' || type === 'x') {
        if (size > 1024 * 1024) throw bad(`a ${type === 'L' ? 'long-name' : 'pax'} header of ${size} bytes`);
        const data = readHead(file, dataAt, size);
        if (type === 'L') longName = cstr(data);
        else {
          const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
          if (match) paxPath = match[1]!;
        }
      } else {
        const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar') ? cstr(header.subarray(345, 500)) : '';
        const entryName = paxPath ?? longName ?? (prefix ? `${prefix}/${cstr(header.subarray(0, 100))}` : cstr(header.subarray(0, 100)));
        longName = null;
        paxPath = null;
        if (type === '0' || type === '\0' || type === '7') members.set(clean(entryName), { offset: dataAt, size });
      }
      at = dataAt + Math.ceil(size / 512) * 512;
    }
    return members;
  } finally {
    closeSync(fd);
  }
}

function tarSource(file: string, name: string): LayoutSource {
  const members = indexTar(file, name);
  const get = (path: string) => {
    const member = members.get(clean(path));
    if (!member) throw checkError('image.missing-blob', `${name} has no ${path}.`, { hint: 'the image archive is incomplete; export it again' });
    return member;
  };
  return {
    name,
    has: (path) => members.has(clean(path)),
    size: (path) => get(path).size,
    stream: (path) => {
      const { offset, size } = get(path);
      return size === 0 ? createReadStream(file, { start: 0, end: -1 }) : createReadStream(file, { start: offset, end: offset + size - 1 });
    },
    head: (path, length) => {
      const { offset, size } = get(path);
      return readHead(file, offset, Math.min(length, size));
    },
  };
}

/** True when `path` looks like an image: a folder with index.json or manifest.json, or a tar. */
export function isLayoutFolder(path: string): boolean {
  return existsSync(join(path, 'oci-layout')) || existsSync(join(path, 'index.json')) && existsSync(join(path, 'blobs'));
}

/** Whether a tar file holds an image (an index.json or manifest.json at its top): read from its headers only. */
export function openLayout(path: string, name = path): LayoutSource | null {
  if (statSync(path).isDirectory()) return isLayoutFolder(path) ? folderSource(path) : null;
  const head = readHead(path, 0, 512);
  if (head.length < 512 || head.subarray(257, 262).toString('latin1') !== 'ustar') return null;
  const source = tarSource(path, name);
  return source.has('index.json') || source.has('manifest.json') ? source : null;
}

const LAYOUT_ENTRY = /^(?:\.\/)?(?:oci-layout|index\.json|manifest\.json|repositories|blobs\/.*|[0-9a-f]{64}(?:\.json|\/.*)?)$/;

/** zlib loads with the first gzip-compressed image: a scan of plain binaries (verify DIR) needs none. */
const zlib = (): Promise<typeof import('node:zlib')> => import('node:zlib');

/**
 * Whether a gzip-compressed tar holds an image (`docker save IMAGE | gzip`): its first entries,
 * from the first 64 KiB decompressed, include an image layout's top-level names.
 */
export async function isGzipImage(file: string): Promise<boolean> {
  const { createGunzip } = await zlib();
  const head = await new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    let have = 0;
    const input = createReadStream(file);
    const gunzip = createGunzip();
    const done = () => {
      input.destroy();
      gunzip.destroy();
      resolve(Buffer.concat(chunks));
    };
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      have += chunk.length;
      if (have >= 64 * 1024) done();
    });
    gunzip.on('end', done);
    gunzip.on('error', done);
    input.on('error', done);
    input.pipe(gunzip);
  });
  let at = 0;
  for (let n = 0; n < 8 && at + 512 <= head.length; n++) {
    const header = head.subarray(at, at + 512);
    if (header.every((b) => b === 0) || header.subarray(257, 262).toString('latin1') !== 'ustar') return false;
    const name = cstr(header.subarray(0, 100));
    if (LAYOUT_ENTRY.test(name)) return true;
    at += 512 + Math.ceil(octal(header.subarray(124, 136)) / 512) * 512;
  }
  return false;
}

/** Decompress the gzip-compressed `file` into a new temporary file (streamed); returns its path and how to remove it. */
export async function gunzipToTemp(file: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gocross-image-'));
  const path = join(dir, 'image.tar');
  const remove = () => rm(dir, { recursive: true, force: true });
  const { createGunzip } = await zlib();
  try {
    await pipeline(createReadStream(file), createGunzip(), createWriteStream(path));
  } catch (error) {
    await remove();
    throw checkError('image.gzip', `${file} cannot be decompressed: ${(error as Error).message}.`, { hint: 'the archive is truncated or damaged; save the image again' });
  }
  return { path, remove };
}
