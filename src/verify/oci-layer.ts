/**
 * Reading the entries of a tar stream (an image layer, a conda package's payload) on node-tar's
 * streaming parser: every entry is reported by path and type, and only entries that start like
 * a binary (ELF, Mach-O, PE) are buffered, one at a time and up to a limit, so a layer of any
 * size streams through in bounded memory.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Parser } from 'tar';
import { sniff } from '../binary/index.js';

export interface TarEntry {
  /** As stored in the archive (not normalized). */
  path: string;
  /** node-tar's type name: File, OldFile, ContiguousFile, Directory, SymbolicLink, Link, … */
  type: string;
  size: number;
  /** Hard links: the path linked to. */
  linkpath: string | null;
  /** A regular file that starts like a binary: its bytes and their sha256 (null when over the limit). */
  binary: { data: Buffer; sha256: string; buildId: string | null } | null;
  /** A regular file that starts like a binary but is larger than the limit. */
  tooLarge: boolean;
  /** The bytes of a small file `capture` asked for (info/index.json), else null. */
  captured: Buffer | null;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
/** Enough bytes to tell a binary from anything else (a fat Mach-O needs its arch count). */
const SNIFF = 8;

/**
 * Calls `onEntry` for every entry of the uncompressed tar `stream`, in order. Regular files of at
 * most `keep(path)` bytes (0: none) whose first bytes are a binary's are buffered for it.
 */
export async function scanTar(stream: Readable, maxMember: number, onEntry: (entry: TarEntry) => void | Promise<void>, capture: (path: string) => boolean = () => false): Promise<void> {
  const pending: Promise<void>[] = [];
  let failure: unknown;
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      const base: TarEntry = { path: entry.path, type: String(entry.type), size: entry.size ?? 0, linkpath: entry.linkpath ?? null, binary: null, tooLarge: false, captured: null };
      if (FILE_TYPES.has(base.type) && base.size <= 1024 * 1024 && capture(entry.path)) {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        pending.push(new Promise<void>((resolve) => entry.on('end', () => {
          base.captured = Buffer.concat(chunks);
          Promise.resolve(onEntry(base)).then(resolve, (error) => {
            failure ??= error;
            resolve();
          });
        })));
        return;
      }
      if (!FILE_TYPES.has(base.type) || base.size === 0) {
        pending.push(Promise.resolve(onEntry(base)).catch((error) => void (failure ??= error)));
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let held = 0;
      let decided: 'binary' | 'other' | null = null;
      entry.on('data', (chunk: Buffer) => {
        if (decided === 'other') return;
        chunks.push(chunk);
        held += chunk.length;
        if (decided === null && held >= Math.min(SNIFF, base.size)) {
          decided = sniff(Buffer.concat(chunks).subarray(0, SNIFF)) ? 'binary' : 'other';
          if (decided === 'binary' && base.size > maxMember) {
            base.tooLarge = true;
            decided = 'other';
          }
          if (decided === 'other') chunks.length = 0;
        }
      });
      pending.push(
        new Promise<void>((resolve) => {
          entry.on('end', () => {
            if (decided === 'binary') {
              const data = Buffer.concat(chunks);
              base.binary = { data, sha256: createHash('sha256').update(data).digest('hex'), buildId: goBuildId(data) };
            }
            chunks.length = 0;
            Promise.resolve(onEntry(base)).then(resolve, (error) => {
              failure ??= error;
              resolve();
            });
          });
        }),
      );
    },
  });
  await pipeline(stream, parser as unknown as NodeJS.WritableStream);
  await Promise.all(pending);
  if (failure) throw failure;
}

const BUILD_ID = Buffer.from('\xff Go build ID: "', 'latin1');

const GO_NOTE = Buffer.from('Go\0\0', 'latin1');

/**
 * The Go build ID of a binary from its first 64 KiB, as `go tool buildid` finds it: on ELF the
 * `.note.go.buildid` note (name "Go", type 4), elsewhere the `\xff Go build ID: "…"` string
 * the linker puts at the start of the text. Null when absent.
 */
export function goBuildId(data: Buffer): string | null {
  const head = data.subarray(0, 64 * 1024);
  const at = head.indexOf(BUILD_ID);
  if (at >= 0) {
    const start = at + BUILD_ID.length;
    const end = head.indexOf(0x22, start);
    return end < 0 || end - start > 1024 || end === start ? null : head.toString('latin1', start, end);
  }
  for (let i = head.indexOf(GO_NOTE); i >= 12; i = head.indexOf(GO_NOTE, i + 1)) {
    for (const little of [true, false]) {
      const u32 = (o: number) => (little ? head.readUInt32LE(o) : head.readUInt32BE(o));
      if (u32(i - 12) !== 4 || u32(i - 4) !== 4) continue;
      const size = u32(i - 8);
      if (size === 0 || size > 1024 || i + 4 + size > head.length) continue;
      return head.toString('latin1', i + 4, i + 4 + size);
    }
  }
  return null;
}
