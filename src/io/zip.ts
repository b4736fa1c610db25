/**
 * Reading the members of a .zip archive from its central directory: stored and deflated
 * entries, sizes checked against the file before anything is allocated. Zip64 and encrypted
 * entries are reported, not read.
 */
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { environmentError } from '../errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipMember {
  name: string;
  size: number;
}

const bad = (file: string, why: string) =>
  environmentError('archive.zip', `cannot read ${file} as a zip archive: ${why}.`, { hint: 'the archive is damaged, or uses zip64 or encryption' });

/** Calls `onMember` with each regular member's bytes (up to `maxSize` each), in directory order. */
export async function forEachZipMember(file: string, maxSize: number, onMember: (member: ZipMember, data: () => Buffer) => Promise<void>): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const read = async (offset: number, length: number): Promise<Buffer> => {
      if (offset < 0 || length < 0 || offset + length > size) throw bad(file, `a record points past the end (offset ${offset}, length ${length})`);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, offset);
      return buffer;
    };
    // The end record is in the last 22 bytes plus up to 64 KiB of comment.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw bad(file, 'no end-of-central-directory record');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw bad(file, 'zip64 is not supported');
    const dir = await read(dirOffset, dirSize);
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw bad(file, `central directory entry ${i} is malformed`);
      const flags = dir.readUInt16LE(at + 8);
      const method = dir.readUInt16LE(at + 10);
      const compressed = dir.readUInt32LE(at + 20);
      const uncompressed = dir.readUInt32LE(at + 24);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const localOffset = dir.readUInt32LE(at + 42);
      const name = dir.toString('utf8', at + 46, Math.min(dir.length, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/') || uncompressed === 0) continue;
      if (flags & 0x1) throw bad(file, `${name} is encrypted`);
      if (uncompressed > maxSize || compressed > size) continue;
      const local = await read(localOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL) throw bad(file, `${name} has no local header`);
      const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const raw = await read(dataOffset, compressed);
      const data = (): Buffer => {
        if (method === 0) return raw;
        if (method === 8) return inflateRawSync(raw, { maxOutputLength: uncompressed });
        throw bad(file, `${name} uses compression method ${method}`);
      };
      await onMember({ name, size: uncompressed }, data);
    }
  } finally {
    await handle.close();
  }
}
