/**
 * Positional reads over a file or a buffer, and the bounds-checked helpers every parser reads
 * through. Everything here is pure: the file implementation lives in file-source.ts.
 */
import { BinaryFormatError, hex } from './errors.js';

/**
 * Random access to the bytes of one binary (a file, or an archive member held in memory). The
 * inspector keeps no Buffer it was given once it returns (results hold only strings and
 * numbers), so a source may reuse its memory for the next file. Reads are synchronous: every
 * source is memory or a pread of a few KiB from the page cache, and parsing with no await
 * between reads spares each file dozens of promises and suspended frames.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Buffer;
}

/**
 * No single structure may claim more than this, whatever the file size: a hostile header cannot
 * make us allocate a huge buffer, and real binaries never need it (the largest thing we read is a
 * string table or build info).
 */
export const MAX_READ = 64 * 1024 * 1024;
/** Longest path-like string (library, interpreter, DLL name) we accept; PATH_MAX on Linux. */
export const MAX_NAME = 4096;
/** Section and note names are compared with short fixed names only. */
const SHORT_NAME = 64;
/**
 * Short names met before, by a hash of their bytes: section and symbol-version names repeat from
 * file to file, so a directory of binaries decodes each once. Bounded, whatever the files hold.
 */
const NAMES = new Map<number, string>();
const MAX_NAMES = 4096;

/** A source over bytes already in memory; reads are views, not copies. */
export function bufferSource(data: Buffer): ByteSource {
  return {
    size: data.length,
    read: (offset, length) => data.subarray(offset, offset + length),
  };
}

/** The `size` bytes at `offset` of `source`, as a source of their own (a fat Mach-O slice). */
export function sliceSource(source: ByteSource, offset: number, size: number): ByteSource {
  return {
    size,
    read: (at, length) => source.read(offset + at, Math.max(0, Math.min(length, size - at))),
  };
}

/**
 * Serve reads that fall inside the first bytes (already read for the magic check) from memory.
 * ELF and PE headers, program headers and often the notes all live there, so most files need
 * only two or three more reads.
 */
export function withHead(source: ByteSource, head: Buffer): ByteSource {
  return {
    size: source.size,
    read: (offset, length) =>
      offset + length <= head.length ? head.subarray(offset, offset + length) : source.read(offset, length),
  };
}

/** Exactly `length` bytes at `offset`, or a BinaryFormatError naming `what` did not fit. */
export function readRange(source: ByteSource, offset: number, length: number, what: string): Buffer {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new BinaryFormatError(`${what} has an impossible offset or size (offset ${offset}, size ${length})`);
  }
  if (offset > source.size || length > source.size - offset) {
    throw new BinaryFormatError(
      `${what} extends past end of file (offset ${hex(offset)}, size ${length}, file size ${source.size})`,
    );
  }
  if (length > MAX_READ) throw new BinaryFormatError(`${what} is implausibly large (${length} bytes)`);
  if (length === 0) return Buffer.alloc(0);
  const data = source.read(offset, length);
  if (data.length !== length) {
    throw new BinaryFormatError(`${what} could not be read in full (got ${data.length} of ${length} bytes at ${hex(offset)})`);
  }
  return data;
}

/**
 * Endian-aware, bounds-checked field access to one structure's bytes. Every out-of-range read
 * becomes a BinaryFormatError naming the structure, never a RangeError.
 */
export class Fields {
  constructor(
    readonly data: Buffer,
    readonly little: boolean,
    readonly what: string,
  ) {}

  get length(): number {
    return this.data.length;
  }

  private need(offset: number, size: number): void {
    if (!(offset >= 0 && offset + size <= this.data.length)) {
      throw new BinaryFormatError(
        `${this.what} is truncated (needs ${size} bytes at ${hex(offset)}, has ${this.data.length})`,
      );
    }
  }

  u8(offset: number): number {
    this.need(offset, 1);
    return this.data[offset] as number;
  }

  u16(offset: number): number {
    this.need(offset, 2);
    return this.little ? this.data.readUInt16LE(offset) : this.data.readUInt16BE(offset);
  }

  u32(offset: number): number {
    this.need(offset, 4);
    return this.little ? this.data.readUInt32LE(offset) : this.data.readUInt32BE(offset);
  }

  /** A 64-bit field as a number; exact up to 2^53, beyond that only "huge" (bounds checks reject it). */
  u64(offset: number): number {
    this.need(offset, 8);
    const lo = this.little ? this.data.readUInt32LE(offset) : this.data.readUInt32BE(offset + 4);
    const hi = this.little ? this.data.readUInt32LE(offset + 4) : this.data.readUInt32BE(offset);
    return hi === 0 ? lo : hi * 0x1_0000_0000 + lo;
  }

  /** A target-word field: 8 bytes for 64-bit files, 4 for 32-bit. */
  word(offset: number, is64: boolean): number {
    return is64 ? this.u64(offset) : this.u32(offset);
  }

  /**
   * The NUL-terminated string at `offset`; `limit` bounds where the NUL may be. Strings longer
   * than `maxLength` are refused: a hostile table could otherwise have thousands of entries all
   * pointing at one multi-megabyte run of bytes.
   */
  cstring(offset: number, limit = this.data.length, maxLength = MAX_NAME): string {
    const end = Math.min(limit, this.data.length);
    if (!(offset >= 0 && offset < end)) {
      throw new BinaryFormatError(`${this.what}: string offset ${hex(offset)} is outside it (size ${end})`);
    }
    const nul = this.data.indexOf(0, offset);
    if (nul < 0 || nul >= end) throw new BinaryFormatError(`${this.what}: string at ${hex(offset)} is not terminated`);
    if (nul - offset > maxLength) throw new BinaryFormatError(`${this.what}: string at ${hex(offset)} is implausibly long (${nul - offset} bytes)`);
    return this.data.toString('utf8', offset, nul);
  }

  /**
   * At most the first `max` bytes of the NUL-terminated name at `offset`: enough to compare with
   * the few names we look for, and bounded however long (or unterminated) the name is.
   */
  shortName(offset: number, max = SHORT_NAME): string {
    if (!(offset >= 0 && offset < this.data.length)) {
      throw new BinaryFormatError(`${this.what}: name offset ${hex(offset)} is outside it (size ${this.data.length})`);
    }
    // A byte loop, not subarray + indexOf: names are short, and this runs for every section.
    const data = this.data;
    const limit = Math.min(data.length, offset + max);
    let end = offset;
    let hash = 0x811c9dc5;
    for (let b = data[end] as number; end < limit && b !== 0; b = data[end] as number) {
      hash = Math.imul(hash ^ b, 0x01000193);
      end += 1;
    }
    const length = end - offset;
    if (length === 0) return '';
    hash = Math.imul(hash ^ length, 0x01000193);
    const known = NAMES.get(hash);
    if (known !== undefined && known.length === length) {
      let same = true;
      for (let i = 0; i < length && same; i += 1) same = known.charCodeAt(i) === data[offset + i];
      if (same) return known;
    }
    const name = data.toString('latin1', offset, end);
    if (known === undefined && NAMES.size < MAX_NAMES) NAMES.set(hash, name);
    return name;
  }

  /** A fixed-size, NUL-padded name (Mach-O segment and section names, PE section names). */
  fixedString(offset: number, size: number): string {
    this.need(offset, size);
    const nul = this.data.indexOf(0, offset);
    const end = nul < 0 || nul > offset + size ? offset + size : nul;
    return this.data.toString('latin1', offset, end);
  }
}

/** A mapping from virtual addresses to file offsets (a loaded segment or section). */
export interface Region {
  addr: number;
  /** Bytes of it present in the file. */
  size: number;
  offset: number;
}

/** The file offset of `length` bytes at virtual address `addr`, or null when no region holds them. */
export function addressToOffset(regions: readonly Region[], addr: number, length: number): number | null {
  if (!Number.isSafeInteger(addr) || !Number.isSafeInteger(length) || length < 0) return null;
  for (const region of regions) {
    if (!Number.isSafeInteger(region.addr) || !Number.isSafeInteger(region.size)) continue;
    if (addr >= region.addr && addr - region.addr + length <= region.size) return region.offset + (addr - region.addr);
  }
  return null;
}
