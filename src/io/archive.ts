/**
 * The one archive module of gocross: extraction is gocross's own streaming reader (inflated off
 * the main thread, written as it arrives); packing and listing use node-tar. Extraction is
 * strict: only regular files and directories under one top-level directory; anything else
 * (links, devices, absolute paths, `..`) makes the whole extraction fail, so a hostile archive
 * cannot write outside its destination.
 */
import { chmodSync, closeSync, createReadStream, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { createGunzip } from 'node:zlib';
import { environmentError } from '../errors.js';

/** node-tar, for packing and listing only: loaded when one of those runs. */
const loadTar = (): Promise<typeof import('tar')> => import('tar');

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

export interface ExtractOptions {
  /** The one top-level directory every entry must be under, e.g. `go` for Go SDKs. */
  root: string;
  /** Once aborted, no further entry is written (the rest of the archive is only read through). */
  signal?: AbortSignal;
}

/** Why an entry path is unsafe, or undefined when it is a plain relative path under `root`. */
export function unsafeEntryReason(path: string, type: string, root: string): string | undefined {
  if (!ALLOWED_TYPES.has(type)) return `it is a ${type}, and only files and directories are allowed`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is an absolute path';
  const parts = path.split(/[\\/]+/);
  if (parts.includes('..')) return 'it climbs out with ".."';
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  if (normalized !== root && normalized !== `${root}/` && !normalized.startsWith(`${root}/`)) {
    return `it is outside the top directory "${root}/"`;
  }
  return undefined;
}

/** node-tar's names for the tar type flags, so refusals read the same whatever extracts. */
const TYPE_NAMES: Record<string, string> = {
  '0': 'File',
  '\0': 'OldFile',
  '1': 'Link',
  '2': 'SymbolicLink',
  '3': 'CharacterDevice',
  '4': 'BlockDevice',
  '5': 'Directory',
  '6': 'FIFO',
  '7': 'ContiguousFile',
};
const BLOCK = 512;
/** pax and GNU long-name records are a few hundred bytes; more is a hostile archive. */
const MAX_META = 1024 * 1024;

class TarFormatError extends Error {}

/** A NUL-terminated (or full-width) field of a header. */
const field = (block: Buffer, offset: number, length: number): string => {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end < 0 || end > offset + length ? offset + length : end);
};

/** An octal number field, or base-256 (GNU, for sizes over 8 GiB) when its top bit is set. */
function numberField(block: Buffer, offset: number, length: number): number {
  if ((block[offset] as number) & 0x80) {
    let value = (block[offset] as number) & 0x7f;
    for (let i = 1; i < length; i += 1) value = value * 256 + (block[offset + i] as number);
    return value;
  }
  const text = block.toString('latin1', offset, offset + length).replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`invalid number field "${text}" in a tar header`);
  return parseInt(text, 8);
}

/**
 * A streaming tar reader that writes the entries it allows into `dest` as their bytes arrive:
 * files with one open/write/close each, directories once. Links, devices and paths outside the
 * root are refused (collected) and read through, never written.
 */
class TarWriter {
  private readonly header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  private bodyLeft = 0;
  private skip = 0;
  private zeroBlocks = 0;
  private ended = false;
  private fd: number | null = null;
  private meta: { kind: string; chunks: Buffer[]; size: number } | null = null;
  private nextPath: string | undefined;
  private nextSize: number | undefined;
  private globalPath: string | undefined;
  private readonly dirs = new Set<string>();
  private readonly umask = process.umask();
  count = 0;
  readonly refused: string[] = [];

  constructor(
    private readonly dest: string,
    private readonly options: ExtractOptions,
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - at);
        this.body(chunk.subarray(at, at + n));
        at += n;
        this.bodyLeft -= n;
        if (this.bodyLeft === 0) this.endBody();
      } else if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        at += n;
        this.skip -= n;
      } else {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - at);
        chunk.copy(this.header, this.headerFill, at, at + n);
        this.headerFill += n;
        at += n;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.readHeader(this.header);
        }
      }
    }
  }

  /** The compressed stream ended: an entry cut short is a damaged archive. */
  finish(): void {
    if (this.bodyLeft > 0 || this.skip > 0 || this.headerFill > 0) throw new TarFormatError('the archive ends in the middle of an entry (truncated)');
  }

  /** Close what is open (after a failure or an abort). */
  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already gone with the failure.
      }
      this.fd = null;
    }
  }

  private ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  private readHeader(block: Buffer): void {
    let sum = 0;
    let zero = true;
    for (let i = 0; i < BLOCK; i += 1) {
      const byte = block[i] as number;
      if (byte !== 0) zero = false;
      sum += i >= 148 && i < 156 ? 0x20 : byte;
    }
    if (zero) {
      this.zeroBlocks += 1;
      if (this.zeroBlocks >= 2) this.ended = true;
      return;
    }
    this.zeroBlocks = 0;
    if (numberField(block, 148, 8) !== sum) throw new TarFormatError('a tar header has a bad checksum');
    const flag = String.fromCharCode(block[156] as number);
    let size = numberField(block, 124, 12);
    const magic = block.toString('latin1', 257, 263);
    const name = field(block, 0, 100);
    const prefix = magic === 'ustar\0' ? field(block, 345, 155) : '';
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (size > MAX_META) throw new TarFormatError(`a tar ${flag} header claims ${size} bytes`);
      this.meta = { kind: flag, chunks: [], size };
      this.startBody(size);
      return;
    }
    let path = this.nextPath ?? this.globalPath ?? (prefix ? `${prefix}/${name}` : name);
    if (this.nextSize !== undefined) size = this.nextSize;
    this.nextPath = undefined;
    this.nextSize = undefined;
    const type = TYPE_NAMES[flag] ?? `type ${JSON.stringify(flag)} entry`;
    const mode = numberField(block, 100, 8) & 0o777 & ~0o022;
    if (this.options.signal?.aborted) {
      this.startBody(size);
      return;
    }
    const reason = unsafeEntryReason(path, type, this.options.root);
    if (reason) {
      this.refused.push(`${path} (${reason})`);
      this.startBody(size);
      return;
    }
    path = posix.normalize(path).replace(/\/+$/, '');
    const target = join(this.dest, path);
    this.count += 1;
    if (type === 'Directory') {
      this.ensureDir(target);
      // A directory's mode as the archive has it, but always writable by us while extracting.
      if ((mode | 0o700) !== (0o777 & ~this.umask)) chmodSync(target, mode | 0o700);
      this.startBody(size);
      return;
    }
    this.ensureDir(dirname(target));
    this.fd = openSync(target, 'w', mode);
    if ((mode & this.umask) !== 0) fchmodSync(this.fd, mode);
    this.startBody(size);
  }

  private startBody(size: number): void {
    this.bodyLeft = size;
    this.skip = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) this.endBody();
  }

  private body(data: Buffer): void {
    if (this.fd !== null) {
      for (let off = 0; off < data.length; ) off += writeSync(this.fd, data, off, data.length - off);
    } else if (this.meta) {
      this.meta.chunks.push(Buffer.from(data));
    }
  }

  private endBody(): void {
    if (this.fd !== null) {
      const fd = this.fd;
      this.fd = null;
      closeSync(fd);
    }
    const meta = this.meta;
    if (!meta) return;
    this.meta = null;
    const data = Buffer.concat(meta.chunks);
    if (meta.kind === 'L') {
      const nul = data.indexOf(0);
      this.nextPath = data.toString('utf8', 0, nul < 0 ? data.length : nul);
    } else if (meta.kind === 'x' || meta.kind === 'g') {
      const records = parsePax(data);
      if (meta.kind === 'x') {
        if (records.path !== undefined) this.nextPath = records.path;
        if (records.size !== undefined) this.nextSize = Number(records.size);
      } else if (records.path !== undefined) {
        this.globalPath = records.path;
      }
    }
  }
}

/** `<length> <key>=<value>\n` records of a pax extended header. */
function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = Object.create(null) as Record<string, string>;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(data.toString('latin1', at, space));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > data.length) throw new TarFormatError('a pax header record is malformed');
    const record = data.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  if (records.size !== undefined && !/^\d+$/.test(records.size)) throw new TarFormatError(`a pax header gives the size "${records.size}"`);
  return records;
}

/** A gzip-compressed tarball being extracted while its bytes arrive (from a download or a file). */
export interface TarGzExtraction {
  /** Feed the next compressed bytes; resolves when they are taken. Never rejects: a failure waits for `finish`. */
  write(chunk: Buffer): Promise<void>;
  /** No more bytes: the number of entries written, or the extraction's error (unreadable, unsafe). */
  finish(): Promise<number>;
  /** Stop writing entries and settle; the caller removes `dest`. */
  abort(): Promise<void>;
}

/**
 * Start extracting a gzip-compressed tarball into `dest` (an empty or new directory) from bytes
 * given with `write`; `label` names it in errors. Inflating runs off the main thread while the
 * entries already inflated are written.
 */
export function startTarGzExtraction(dest: string, label: string, options: ExtractOptions): TarGzExtraction {
  mkdirSync(dest, { recursive: true });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const writer = new TarWriter(dest, options);
  let failure: unknown;
  let stopped = false;
  const consumed = (async () => {
    for await (const chunk of gunzip) {
      if (stopped) break;
      writer.push(chunk as Buffer);
    }
    if (!stopped) writer.finish();
  })().catch((error: unknown) => {
    failure ??= error;
    gunzip.destroy();
  }).finally(() => writer.close());
  return {
    write: async (chunk) => {
      if (failure !== undefined || stopped) return;
      if (gunzip.write(chunk)) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          gunzip.off('drain', done);
          resolve();
        };
        gunzip.on('drain', done);
        void consumed.then(done);
      });
    },
    finish: async () => {
      if (failure === undefined && !stopped) gunzip.end();
      await consumed;
      if (failure !== undefined) {
        // A full disk or a permission problem is said as such by the caller, not as a bad archive.
        if (typeof (failure as NodeJS.ErrnoException).syscall === 'string') throw failure;
        throw environmentError('archive.unreadable', `cannot extract ${label}: ${(failure as Error).message}.`, {
          hint: 'the archive is damaged or not a gzip-compressed tarball; download it again',
          cause: failure,
        });
      }
      if (writer.refused.length > 0) {
        const refused = writer.refused;
        throw environmentError(
          'archive.unsafe',
          `refusing ${label}: ${refused.length} unsafe entr${refused.length === 1 ? 'y' : 'ies'}, e.g. ${refused.slice(0, 3).join('; ')}.`,
          { hint: 'the archive is not a genuine release; get it from a trusted source' },
        );
      }
      return writer.count;
    },
    abort: async () => {
      stopped = true;
      gunzip.destroy();
      await consumed;
    },
  };
}

/**
 * Extract the gzip-compressed tarball `file` into `dest` (which must be an empty or new
 * directory). Returns the number of entries written. Throws before finishing if any entry is
 * unsafe; the caller removes `dest` then.
 */
export async function extractTarGz(file: string, dest: string, options: ExtractOptions): Promise<number> {
  const extraction = startTarGzExtraction(dest, file, options);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) await extraction.write(chunk as Buffer);
  } catch (error) {
    await extraction.abort();
    throw environmentError('archive.unreadable', `cannot extract ${file}: ${(error as Error).message}.`, {
      hint: 'the archive is damaged or not a gzip-compressed tarball; download it again',
      cause: error,
    });
  }
  return extraction.finish();
}

/** Pack `entries` (paths relative to `cwd`) into a gzip-compressed tarball at `file`. */
export async function createTarGz(file: string, cwd: string, entries: string[]): Promise<void> {
  await (await loadTar()).c({ file, cwd, gzip: true, portable: true }, entries);
}

/**
 * Calls `onMember` with each regular file of a .tar, .tar.gz or .tgz (gzip is detected by
 * node-tar), streamed: a member is buffered only when it is at most `maxSize` bytes.
 */
export async function forEachTarMember(file: string, maxSize: number, onMember: (member: { name: string; size: number }, data: Buffer) => Promise<void>): Promise<void> {
  const pending: Promise<void>[] = [];
  try {
    const tar = await loadTar();
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') return entry.resume();
        if ((entry.size ?? 0) > maxSize || entry.size === 0) return entry.resume();
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        pending.push(new Promise<void>((resolve, reject) => entry.on('end', () => onMember({ name: entry.path, size: entry.size ?? 0 }, Buffer.concat(chunks)).then(resolve, reject))));
      },
    });
  } catch (error) {
    throw environmentError('archive.unreadable', `cannot read ${file}: ${(error as Error).message}.`, { hint: 'the archive is damaged or not a tar archive', cause: error });
  }
  await Promise.all(pending);
}
