/**
 * The entry point: a cheap magic check on the first bytes, then the format's parser. Anything
 * that is not ELF, Mach-O or PE is `null`, so scanning a directory of mixed files costs one
 * small read per non-binary.
 */
import { type ByteSource, bufferSource, readRange, withHead } from './byte-source.js';
import { inspectElf } from './elf.js';
import { FAT_MAGIC, FAT_MAGIC_64, inspectFat, inspectMachO, MAX_FAT_ARCHS, MH_CIGAM, MH_CIGAM_64, MH_MAGIC, MH_MAGIC_64 } from './macho.js';
import { hasPeSignature, inspectPe } from './pe.js';
import type { BinaryInfo } from './types.js';

/**
 * How much of the file the first read takes. Go's ELF headers, program headers, section headers
 * and build-ID note all fit in the first page; so do PE and Mach-O headers of small programs.
 */
export const HEAD_SIZE = 4096;

export type Sniffed = 'elf' | 'macho' | 'macho-fat' | 'pe-candidate';

/** Which parser the leading bytes call for, or null. MZ needs a look at the PE header to be sure. */
export function sniff(head: Buffer): Sniffed | null {
  if (head.length < 4) return null;
  const magic = head.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'elf';
  if (magic === MH_MAGIC || magic === MH_MAGIC_64 || magic === MH_CIGAM || magic === MH_CIGAM_64) return 'macho';
  if ((magic === FAT_MAGIC || magic === FAT_MAGIC_64) && head.length >= 8) {
    const count = head.readUInt32BE(4);
    return count >= 1 && count <= MAX_FAT_ARCHS ? 'macho-fat' : null;
  }
  if (head[0] === 0x4d && head[1] === 0x5a) return 'pe-candidate';
  return null;
}

/**
 * Inspect one binary. Returns null when it is not ELF, Mach-O or PE; throws BinaryFormatError
 * when it claims to be one but is truncated or malformed.
 */
export function inspectSync(source: ByteSource): BinaryInfo | null {
  const head = readRange(source, 0, Math.min(source.size, HEAD_SIZE), 'file header');
  const kind = sniff(head);
  if (kind === null) return null;
  const cached = withHead(source, head);
  switch (kind) {
    case 'elf':
      return inspectElf(cached);
    case 'macho':
      return inspectMachO(cached);
    case 'macho-fat':
      return inspectFat(cached);
    case 'pe-candidate':
      return hasPeSignature(cached) ? inspectPe(cached) : null;
  }
}

/** inspectSync, with failures as a rejected promise. */
export const inspect = async (source: ByteSource): Promise<BinaryInfo | null> => inspectSync(source);

/** Inspect bytes already in memory (an archive member). */
export const inspectBuffer = async (data: Buffer): Promise<BinaryInfo | null> => inspectSync(bufferSource(data));
