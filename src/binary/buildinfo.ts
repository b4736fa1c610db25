/**
 * Go build info (the blob `go version -m` reads), found the way debug/buildinfo finds it: the
 * 16-byte-aligned magic `\xff Go buildinf:` within the first 64 KiB of the build-info section or
 * of the first writable data segment/section.
 *
 * Header (32 bytes): magic (14), pointer size (1), flags (1: 0x1 big-endian, 0x2 inline strings).
 * Go 1.18+ ("inline"): then two varint-length-prefixed strings, version and module text.
 * Go 1.13–1.17 ("pointer"): bytes 16.. hold two pointers to Go string headers {data, len} in
 * the program's address space; we follow them through the loaded segments, like debug/buildinfo
 * does, so old binaries report their version too.
 */
import { addressToOffset, type ByteSource, Fields, readRange, type Region } from './byte-source.js';
import { BinaryFormatError, hex } from './errors.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_SIZE = 32;
const ALIGN = 16;
/** debug/buildinfo reads this much of the data start; the linker puts the blob near the start. */
export const SCAN_LIMIT = 64 * 1024;
/** Most blobs are at offset 0 and a few hundred bytes long: try a small read first. */
const FIRST_READ = 4096;
/**
 * No real version or module text is near these (a large program's module text is tens of KiB);
 * a larger claimed length is corruption, and parsing it would build a huge dependency list.
 */
const MAX_VERSION = 4096;
const MAX_MODINFO = 1024 * 1024;
const FLAG_BIG_ENDIAN = 0x1;
const FLAG_INLINE = 0x2;

/** The file bytes build info may start in. */
export interface FileRange {
  offset: number;
  size: number;
}

export interface RawBuildInfo {
  version: string;
  /** The module text, sentinels still on. */
  modinfo: Buffer;
}

/**
 * The magic's index in `data` (read from file offset `base`), or -1. Alignment counts from the
 * file start, which is congruent to the address: a writable segment need not start 16-aligned
 * (external linkers place .go.buildinfo inside it), and debug/buildinfo, counting from the
 * segment start, misses such blobs.
 */
function findMagic(data: Buffer, base: number): number {
  for (let from = 0; ; ) {
    const i = data.indexOf(MAGIC, from);
    if (i < 0 || data.length - i < HEADER_SIZE) return -1;
    if ((base + i) % ALIGN === 0) return i;
    from = i + 1;
  }
}

/** Reads within `range`, from one already-read chunk where possible. */
class RangeReader {
  constructor(
    private readonly source: ByteSource,
    private readonly range: FileRange,
    private chunk: Buffer,
  ) {}

  bytes(at: number, length: number, what: string): Buffer {
    if (at + length <= this.chunk.length) return this.chunk.subarray(at, at + length);
    if (at + length > this.range.size) {
      throw new BinaryFormatError(`Go build info ${what} runs past the end of its section (offset ${hex(this.range.offset + at)}, size ${length})`);
    }
    return readRange(this.source, this.range.offset + at, length, `Go build info ${what}`);
  }

  /** encoding/binary.Uvarint at `at`: [value, bytes used]. */
  uvarint(at: number, what: string, max: number): [number, number] {
    const available = this.range.size - at;
    if (available <= 0) throw new BinaryFormatError(`Go build info ${what} length is missing (end of section)`);
    const head = this.bytes(at, Math.min(10, available), what);
    let value = 0;
    let scale = 1;
    for (let i = 0; i < head.length; i += 1) {
      const b = head[i] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (value > max) throw new BinaryFormatError(`Go build info ${what} claims ${value} bytes`);
        return [value, i + 1];
      }
      scale *= 128;
    }
    throw new BinaryFormatError(`Go build info ${what} length is not a valid varint`);
  }
}

/**
 * The build info in `range`, or null when there is none. `memory` maps addresses to file
 * offsets, for the pointer format of Go 1.13–1.17.
 */
export function readBuildInfo(source: ByteSource, range: FileRange, memory: readonly Region[]): RawBuildInfo | null {
  const limit = Math.min(range.size, SCAN_LIMIT);
  let chunk = readRange(source, range.offset, Math.min(limit, FIRST_READ), 'Go build info section');
  let at = findMagic(chunk, range.offset);
  if (at < 0 && limit > chunk.length) {
    chunk = readRange(source, range.offset, limit, 'Go build info section');
    at = findMagic(chunk, range.offset);
  }
  if (at < 0) return null;
  const reader = new RangeReader(source, { offset: range.offset + at, size: range.size - at }, chunk.subarray(at));
  const header = reader.bytes(0, HEADER_SIZE, 'header');
  const pointerSize = header[14] as number;
  const flags = header[15] as number;

  let version: Buffer;
  let modinfo: Buffer;
  if (flags & FLAG_INLINE) {
    const [versionLength, versionBytes] = reader.uvarint(HEADER_SIZE, 'version', MAX_VERSION);
    const versionAt = HEADER_SIZE + versionBytes;
    version = reader.bytes(versionAt, versionLength, 'version');
    const [modLength, modBytes] = reader.uvarint(versionAt + versionLength, 'module text', MAX_MODINFO);
    modinfo = reader.bytes(versionAt + versionLength + modBytes, modLength, 'module text');
  } else {
    if (pointerSize !== 4 && pointerSize !== 8) {
      throw new BinaryFormatError(`Go build info has pointer size ${pointerSize} (expected 4 or 8)`);
    }
    const little = (flags & FLAG_BIG_ENDIAN) === 0;
    const fields = new Fields(header, little, 'Go build info header');
    const is64 = pointerSize === 8;
    version = readGoString(source, memory, fields.word(16, is64), pointerSize, little, 'version', MAX_VERSION);
    modinfo = readGoString(source, memory, fields.word(16 + pointerSize, is64), pointerSize, little, 'module text', MAX_MODINFO);
  }
  if (version.length === 0) throw new BinaryFormatError('Go build info holds an empty Go version');
  return { version: version.toString('utf8'), modinfo };
}

/** A Go string {data pointer, length} at address `addr`, followed into the file. */
function readGoString(
  source: ByteSource,
  memory: readonly Region[],
  addr: number,
  pointerSize: number,
  little: boolean,
  what: string,
  max: number,
): Buffer {
  const headerAt = addressToOffset(memory, addr, 2 * pointerSize);
  if (headerAt === null) throw new BinaryFormatError(`Go build info ${what} pointer ${hex(addr)} is outside every loaded segment`);
  const is64 = pointerSize === 8;
  const header = new Fields(readRange(source, headerAt, 2 * pointerSize, `Go build info ${what} string header`), little, `Go build info ${what} string header`);
  const dataAddr = header.word(0, is64);
  const length = header.word(pointerSize, is64);
  if (length > max) throw new BinaryFormatError(`Go build info ${what} claims ${length} bytes`);
  const dataAt = addressToOffset(memory, dataAddr, length);
  if (dataAt === null) throw new BinaryFormatError(`Go build info ${what} data ${hex(dataAddr)} (${length} bytes) is outside every loaded segment`);
  return readRange(source, dataAt, length, `Go build info ${what}`);
}
