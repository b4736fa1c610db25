/**
 * ELF headers: the file header (with the extended counts section 0 may hold), the program
 * header table, and the section header table with names resolved through .shstrtab, each
 * read in one go.
 */
import { type ByteSource, Fields, readRange } from './byte-source.js';
import { BinaryFormatError } from './errors.js';

const PN_XNUM = 0xffff;
const SHN_XINDEX = 0xffff;
/** Bounds on what a header may claim; far above real binaries, far below trouble. */
const MAX_SECTIONS = 65536;
const MAX_SEGMENTS = 65536;
const MAX_SHSTRTAB = 16 * 1024 * 1024;

/**
 * A 64-bit field from its halves. The high half is all but always 0: then the low half is the
 * value as is, a small integer rather than a boxed double (two per section header add up).
 */
export const join64 = (lo: number, hi: number): number => (hi === 0 ? lo : hi * 0x1_0000_0000 + lo);

export interface Segment {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  align: number;
}

export interface Section {
  name: string;
  type: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
}

export interface Header {
  is64: boolean;
  little: boolean;
  osabi: number;
  type: number;
  machine: number;
  flags: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  shoff: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
}

export function readHeader(source: ByteSource): Header {
  const ident = readRange(source, 0, 16, 'ELF identification');
  const cls = ident[4];
  const data = ident[5];
  if (cls !== 1 && cls !== 2) throw new BinaryFormatError(`ELF class ${cls} is neither 32-bit (1) nor 64-bit (2)`);
  if (data !== 1 && data !== 2) throw new BinaryFormatError(`ELF data encoding ${data} is neither little (1) nor big endian (2)`);
  const is64 = cls === 2;
  const f = new Fields(readRange(source, 0, is64 ? 64 : 52, 'ELF header'), data === 1, 'ELF header');
  const w = is64 ? 8 : 4;
  const after = 24 + 3 * w; // e_flags follows e_entry, e_phoff, e_shoff
  return {
    is64,
    little: data === 1,
    osabi: ident[7] as number,
    type: f.u16(16),
    machine: f.u16(18),
    phoff: f.word(24 + w, is64),
    shoff: f.word(24 + 2 * w, is64),
    flags: f.u32(after),
    phentsize: f.u16(after + 6),
    phnum: f.u16(after + 8),
    shentsize: f.u16(after + 10),
    shnum: f.u16(after + 12),
    shstrndx: f.u16(after + 14),
  };
}

/** Section 0 holds the real counts when they do not fit the header (e_shnum 0, PN_XNUM, SHN_XINDEX). */
export function resolveExtendedCounts(source: ByteSource, h: Header): void {
  if (h.shoff === 0 || (h.shnum !== 0 && h.phnum !== PN_XNUM && h.shstrndx !== SHN_XINDEX)) return;
  const f = new Fields(readRange(source, h.shoff, h.is64 ? 64 : 40, 'ELF section header 0'), h.little, 'ELF section header 0');
  if (h.shnum === 0) h.shnum = f.word(h.is64 ? 32 : 20, h.is64);
  if (h.shstrndx === SHN_XINDEX) h.shstrndx = f.u32(h.is64 ? 40 : 24);
  if (h.phnum === PN_XNUM) h.phnum = f.u32(h.is64 ? 44 : 28);
}

export function readSegments(source: ByteSource, h: Header): Segment[] {
  if (h.phnum === 0 || h.phoff === 0) return [];
  const entry = h.is64 ? 56 : 32;
  if (h.phentsize < entry) throw new BinaryFormatError(`ELF program header entry size ${h.phentsize} is smaller than ${entry}`);
  if (h.phnum > MAX_SEGMENTS) throw new BinaryFormatError(`ELF claims ${h.phnum} program headers (more than ${MAX_SEGMENTS})`);
  const what = 'ELF program header table';
  const data = readRange(source, h.phoff, h.phnum * h.phentsize, what);
  // Every entry lies inside the table just read (phentsize >= entry), so fields are read unchecked.
  const u32 = h.little ? (at: number) => data.readUInt32LE(at) : (at: number) => data.readUInt32BE(at);
  const u64 = h.little ? (at: number) => join64(data.readUInt32LE(at), data.readUInt32LE(at + 4)) : (at: number) => join64(data.readUInt32BE(at + 4), data.readUInt32BE(at));
  const segments: Segment[] = new Array<Segment>(h.phnum);
  for (let i = 0; i < h.phnum; i += 1) {
    const at = i * h.phentsize;
    segments[i] = h.is64
      ? { type: u32(at), flags: u32(at + 4), offset: u64(at + 8), vaddr: u64(at + 16), filesz: u64(at + 32), align: u64(at + 48) }
      : { type: u32(at), offset: u32(at + 4), vaddr: u32(at + 8), filesz: u32(at + 16), flags: u32(at + 24), align: u32(at + 28) };
  }
  return segments;
}

export function readSections(source: ByteSource, h: Header): Section[] {
  if (h.shoff === 0 || h.shnum === 0) return [];
  const entry = h.is64 ? 64 : 40;
  if (h.shentsize < entry) throw new BinaryFormatError(`ELF section header entry size ${h.shentsize} is smaller than ${entry}`);
  if (h.shnum > MAX_SECTIONS) throw new BinaryFormatError(`ELF claims ${h.shnum} sections (more than ${MAX_SECTIONS})`);
  const what = 'ELF section header table';
  const data = readRange(source, h.shoff, h.shnum * h.shentsize, what);
  // Every entry lies inside the table just read (shentsize >= entry), so fields are read unchecked.
  const u32 = h.little ? (at: number) => data.readUInt32LE(at) : (at: number) => data.readUInt32BE(at);
  const u64 = h.little ? (at: number) => join64(data.readUInt32LE(at), data.readUInt32LE(at + 4)) : (at: number) => join64(data.readUInt32BE(at + 4), data.readUInt32BE(at));
  const raw: (Section & { nameOffset: number })[] = new Array<Section & { nameOffset: number }>(h.shnum);
  for (let i = 0; i < h.shnum; i += 1) {
    const at = i * h.shentsize;
    raw[i] = h.is64
      ? { name: '', nameOffset: u32(at), type: u32(at + 4), offset: u64(at + 24), size: u64(at + 32), link: u32(at + 40), info: u32(at + 44), align: u64(at + 48) }
      : { name: '', nameOffset: u32(at), type: u32(at + 4), offset: u32(at + 16), size: u32(at + 20), link: u32(at + 24), info: u32(at + 28), align: u32(at + 32) };
  }
  if (h.shstrndx !== 0) {
    const names = raw[h.shstrndx];
    if (!names) throw new BinaryFormatError(`ELF section name table index ${h.shstrndx} is not below the section count ${h.shnum}`);
    if (names.size > MAX_SHSTRTAB) throw new BinaryFormatError(`ELF section name table is implausibly large (${names.size} bytes)`);
    const table = new Fields(readRange(source, names.offset, names.size, 'ELF section name table'), h.little, 'ELF section name table');
    for (const section of raw) if (section.type !== 0 || section.nameOffset !== 0) section.name = table.shortName(section.nameOffset);
  }
  return raw;
}
