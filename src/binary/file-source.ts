/**
 * The one module of src/binary that touches the file system.
 *
 * Reads are synchronous positional reads (pread), and so is the inspection. That is
 * deliberate: inspecting 2000 binaries took ~500 ms with FileHandle.read at any concurrency (each
 * read is a thread-pool round trip) and ~240 ms with readSync, and `verify` is measured against
 * `go version -m`. Each read is a few KiB from the page cache, so blocking is microseconds.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { environmentError, isGocrossError } from '../errors.js';
import type { ByteSource } from './byte-source.js';
import { inspectSync } from './inspect.js';
import type { BinaryInfo } from './types.js';

/**
 * Scratch memory reused across files: a file's reads are carved out of one slab instead of each
 * allocating, which keeps the garbage collector out of a 2000-file scan. Safe because the
 * inspector keeps no Buffer in what it returns (only strings and numbers).
 */
const SLAB_SIZE = 64 * 1024;
const slabs: Buffer[] = [];

/** A ByteSource over an open descriptor; `slab` backs reads while it has room. */
function descriptorSource(fd: number, size: number, slab: Buffer): ByteSource {
  let used = 0;
  return {
    size,
    read: (offset, length) => {
      let buffer: Buffer;
      if (used + length <= slab.length) {
        buffer = slab.subarray(used, used + length);
        used += length;
      } else {
        buffer = Buffer.allocUnsafe(length);
      }
      const bytesRead = readSync(fd, buffer, 0, length, offset);
      return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
    },
  };
}

const fsError = (error: unknown): boolean =>
  !isGocrossError(error) && error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

/**
 * Inspect the file at `path`, reading only the bytes needed, never the whole file. Null for
 * anything that is not a regular ELF/Mach-O/PE file (directories included). File-system failures
 * (missing, permission) are environment errors; malformed binaries throw BinaryFormatError.
 */
export function inspectFileSync(path: string): BinaryInfo | null {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO met while scanning a directory must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw environmentError('binary.open', `cannot open ${path}: ${(error as Error).message}`, { cause: error });
  }
  const slab = slabs.pop() ?? Buffer.allocUnsafeSlow(SLAB_SIZE);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return null;
    return inspectSync(descriptorSource(fd, stats.size, slab));
  } catch (error) {
    if (fsError(error)) throw environmentError('binary.read', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
    throw error;
  } finally {
    closeSync(fd);
    slabs.push(slab);
  }
}

/** inspectFileSync, with failures as a rejected promise. */
export const inspectFile = async (path: string): Promise<BinaryInfo | null> => inspectFileSync(path);
