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

/** The program header table, one array per field, reused like the section table (see SectionTable). */
export class SegmentTable {
  count = 0;
  readonly types: number[] = [];
  readonly flags: number[] = [];
  readonly offsets: number[] = [];
  readonly vaddrs: number[] = [];
  readonly fileszs: number[] = [];
  readonly aligns: number[] = [];

  segment(i: number): Segment {
    return { type: this.types[i] as number, flags: this.flags[i] as number, offset: this.offsets[i] as number, vaddr: this.vaddrs[i] as number, filesz: this.fileszs[i] as number, align: this.aligns[i] as number };
  }
}

const programHeaders = new SegmentTable();

export function readSegments(source: ByteSource, h: Header): SegmentTable {
  const table = programHeaders;
  table.count = 0;
  if (h.phnum === 0 || h.phoff === 0) return table;
  const entry = h.is64 ? 56 : 32;
  if (h.phentsize < entry) throw new BinaryFormatError(`ELF program header entry size ${h.phentsize} is smaller than ${entry}`);
  if (h.phnum > MAX_SEGMENTS) throw new BinaryFormatError(`ELF claims ${h.phnum} program headers (more than ${MAX_SEGMENTS})`);
  const what = 'ELF program header table';
  const data = readRange(source, h.phoff, h.phnum * h.phentsize, what);
  // Every entry lies inside the table just read (phentsize >= entry), so fields are read unchecked,
  // through a DataView: its getters are built into the engine, fast before any code is optimised.
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  const le = h.little;
  for (let i = 0; i < h.phnum; i += 1) {
    const at = i * h.phentsize;
    table.types[i] = view.getUint32(at, le);
    if (h.is64) {
      table.flags[i] = view.getUint32(at + 4, le);
      table.offsets[i] = u64(view, at + 8, le);
      table.vaddrs[i] = u64(view, at + 16, le);
      table.fileszs[i] = u64(view, at + 32, le);
      table.aligns[i] = u64(view, at + 48, le);
    } else {
      table.offsets[i] = view.getUint32(at + 4, le);
      table.vaddrs[i] = view.getUint32(at + 8, le);
      table.fileszs[i] = view.getUint32(at + 16, le);
      table.flags[i] = view.getUint32(at + 24, le);
      table.aligns[i] = view.getUint32(at + 28, le);
    }
  }
  table.count = h.phnum;
  return table;
}

const u64 = (view: DataView, at: number, le: boolean): number =>
  le ? join64(view.getUint32(at, true), view.getUint32(at + 4, true)) : join64(view.getUint32(at + 4, false), view.getUint32(at, false));

/**
 * The section header table, one array per field. Files have tens of sections and only a few
 * matter, so no object is made per section; the arrays are reused from file to file (parsing is
 * synchronous), valid until the next readSections call. `section(i)` copies one out.
 */
export class SectionTable {
  count = 0;
  readonly names: string[] = [];
  readonly types: number[] = [];
  readonly offsets: number[] = [];
  readonly sizes: number[] = [];
  readonly links: number[] = [];
  readonly infos: number[] = [];
  readonly aligns: number[] = [];

  section(i: number): Section {
    return { name: this.names[i] as string, type: this.types[i] as number, offset: this.offsets[i] as number, size: this.sizes[i] as number, link: this.links[i] as number, info: this.infos[i] as number, align: this.aligns[i] as number };
  }
}

const table = new SectionTable();

export function readSections(source: ByteSource, h: Header): SectionTable {
  table.count = 0;
  if (h.shoff === 0 || h.shnum === 0) return table;
  const entry = h.is64 ? 64 : 40;
  if (h.shentsize < entry) throw new BinaryFormatError(`ELF section header entry size ${h.shentsize} is smaller than ${entry}`);
  if (h.shnum > MAX_SECTIONS) throw new BinaryFormatError(`ELF claims ${h.shnum} sections (more than ${MAX_SECTIONS})`);
  const what = 'ELF section header table';
  const data = readRange(source, h.shoff, h.shnum * h.shentsize, what);
  // Every entry lies inside the table just read (shentsize >= entry), so fields are read unchecked.
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  const le = h.little;
  const is64 = h.is64;
  // The name table first, so each section's name is read with the rest of it.
  let names: Fields | null = null;
  if (h.shstrndx !== 0) {
    if (h.shstrndx >= h.shnum) throw new BinaryFormatError(`ELF section name table index ${h.shstrndx} is not below the section count ${h.shnum}`);
    const at = h.shstrndx * h.shentsize;
    const offset = is64 ? u64(view, at + 24, le) : view.getUint32(at + 16, le);
    const size = is64 ? u64(view, at + 32, le) : view.getUint32(at + 20, le);
    if (size > MAX_SHSTRTAB) throw new BinaryFormatError(`ELF section name table is implausibly large (${size} bytes)`);
    names = new Fields(readRange(source, offset, size, 'ELF section name table'), h.little, 'ELF section name table');
  }
  for (let i = 0; i < h.shnum; i += 1) {
    const at = i * h.shentsize;
    const nameOffset = view.getUint32(at, le);
    const type = view.getUint32(at + 4, le);
    table.names[i] = names !== null && (type !== 0 || nameOffset !== 0) ? names.shortName(nameOffset) : '';
    table.types[i] = type;
    if (is64) {
      table.offsets[i] = u64(view, at + 24, le);
      table.sizes[i] = u64(view, at + 32, le);
      table.links[i] = view.getUint32(at + 40, le);
      table.infos[i] = view.getUint32(at + 44, le);
      table.aligns[i] = u64(view, at + 48, le);
    } else {
      table.offsets[i] = view.getUint32(at + 16, le);
      table.sizes[i] = view.getUint32(at + 20, le);
      table.links[i] = view.getUint32(at + 24, le);
      table.infos[i] = view.getUint32(at + 28, le);
      table.aligns[i] = view.getUint32(at + 32, le);
    }
  }
  table.count = h.shnum;
  return table;
}
