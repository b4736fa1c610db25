/**
 * ELF (32/64-bit, either byte order). Reads the header, program headers, section headers and
 * their name table once, then only the pieces the fields need: PT_INTERP, PT_DYNAMIC and its
 * string table, the version-needs table, notes, and Go's build info.
 */
import { elfArch, EM } from './arch.js';
import { type ByteSource, Fields, readRange, type Region, addressToOffset } from './byte-source.js';
import { DF_1_PIE, highestGlibc, parseDynamic } from './elf-dynamic.js';
import { type Header, readHeader, readSections, readSegments, resolveExtendedCounts, type Section, type Segment } from './elf-headers.js';
import { aarch64Features, hasGoNote, type Note, noteOs, parseNotes } from './elf-notes.js';
import { BinaryFormatError, hex } from './errors.js';
import { goInfo } from './go.js';
import type { BinaryInfo, BinaryType, Linkage } from './types.js';

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const PT_NOTE = 4;
const PF_X = 1;
const PF_W = 2;
const SHT_SYMTAB = 2;
const SHT_NOTE = 7;
const SHT_NOBITS = 8;
const SHT_GNU_VERNEED = 0x6ffffffe;
const ET_REL = 1;
const ET_EXEC = 2;
const ET_DYN = 3;
const ET_CORE = 4;
const EF_ARM_ABI_FLOAT_SOFT = 0x200;
const EF_ARM_ABI_FLOAT_HARD = 0x400;

/** Bounds on what a header may claim; far above real binaries, far below trouble. */
const MAX_NOTE_BYTES = 64 * 1024;
const MAX_NOTE_AREAS = 64;
const MAX_INTERP = 4096;
const MAX_DYNAMIC_BYTES = 1024 * 1024;
const MAX_NEEDED = 1024;
const MAX_VERNEED_BYTES = 1024 * 1024;
const MAX_STRTAB = 16 * 1024 * 1024;
/** Without DT_STRSZ, read this much of the string table. */
const DEFAULT_STRTAB = 64 * 1024;

/** ELFOSABI values that name an OS (0 "System V" and 3 "GNU" say nothing beyond Linux). */
const OSABI: Record<number, string> = { 2: 'netbsd', 3: 'linux', 6: 'solaris', 9: 'freebsd', 12: 'openbsd' };
/** Interpreters that give the OS away when nothing else does. */
const INTERPRETER_OS: [RegExp, string][] = [
  [/^\/system\/bin\/linker/, 'android'],
  [/^\/libexec\/ld-elf\.so/, 'freebsd'],
  [/^\/usr\/libexec\/ld\.elf_so/, 'netbsd'],
  [/^\/usr\/libexec\/ld\.so/, 'openbsd'],
  [/ld\.so\.1$/, 'solaris'],
];

interface Area {
  offset: number;
  size: number;
  align: number;
}

/** Notes from PT_NOTE segments, or from SHT_NOTE sections in files without program headers. */
function readNotes(source: ByteSource, h: Header, areas: readonly Area[]): Note[] {
  const notes: Note[] = [];
  for (let i = 0; i < areas.length && i < MAX_NOTE_AREAS; i += 1) {
    const area = areas[i] as Area;
    // Core dumps carry large notes we do not need: the first part holds any ABI tag.
    const data = readRange(source, area.offset, Math.min(area.size, MAX_NOTE_BYTES), 'ELF note area');
    const found = parseNotes(data, h.little, area.align);
    for (let j = 0; j < found.length; j += 1) notes.push(found[j] as Note);
  }
  return notes;
}

function readInterpreter(source: ByteSource, segment: Segment | undefined): string | null {
  if (!segment) return null;
  if (segment.filesz > MAX_INTERP) throw new BinaryFormatError(`ELF interpreter path is implausibly long (${segment.filesz} bytes)`);
  const data = readRange(source, segment.offset, segment.filesz, 'ELF interpreter (PT_INTERP)');
  const nul = data.indexOf(0);
  return data.toString('utf8', 0, nul < 0 ? data.length : nul);
}

interface DynamicFacts {
  needed: string[];
  flags1: number;
  glibc: string | null;
}

function readDynamic(source: ByteSource, h: Header, dynamic: Segment | undefined, section: Section | undefined, linked: Section | undefined, loads: Region[]): DynamicFacts | null {
  if (!dynamic) return null;
  if (dynamic.filesz > MAX_DYNAMIC_BYTES) throw new BinaryFormatError(`ELF dynamic section is implausibly large (${dynamic.filesz} bytes)`);
  const tags = parseDynamic(readRange(source, dynamic.offset, dynamic.filesz, 'ELF dynamic section (PT_DYNAMIC)'), h.little, h.is64);

  let strings: Fields | null = null;
  let stringsAt = -1;
  const readStrings = (offset: number, size: number): Fields => {
    if (size > MAX_STRTAB) throw new BinaryFormatError(`ELF dynamic string table is implausibly large (${size} bytes)`);
    if (strings && stringsAt === offset && strings.length >= size) return strings;
    strings = new Fields(readRange(source, offset, size, 'ELF dynamic string table'), h.little, 'ELF dynamic string table');
    stringsAt = offset;
    return strings;
  };
  if (tags.strtab !== null) {
    const at = addressToOffset(loads, tags.strtab, 1);
    if (at === null) throw new BinaryFormatError(`ELF DT_STRTAB address ${hex(tags.strtab)} is outside every loaded segment`);
    readStrings(at, tags.strsz ?? Math.min(DEFAULT_STRTAB, source.size - at));
  }
  const dynstr = strings as Fields | null;
  if (tags.needed.length > 0 && !dynstr) throw new BinaryFormatError('ELF has DT_NEEDED entries but no DT_STRTAB');
  if (tags.needed.length > MAX_NEEDED) throw new BinaryFormatError(`ELF lists ${tags.needed.length} needed libraries (more than ${MAX_NEEDED})`);
  const needed = tags.needed.map((offset) => (dynstr as Fields).cstring(offset));

  // The version-needs table: its section when there are section headers, else DT_VERNEED.
  let glibc: string | null = null;
  if (section) {
    if (!linked) throw new BinaryFormatError(`ELF .gnu.version_r links to missing section ${section.link}`);
    const table = readStrings(linked.offset, linked.size);
    if (section.size > MAX_VERNEED_BYTES) throw new BinaryFormatError(`ELF .gnu.version_r is implausibly large (${section.size} bytes)`);
    const data = readRange(source, section.offset, section.size, 'ELF version needs (.gnu.version_r)');
    glibc = highestGlibc(data, h.little, section.info, table);
  } else if (tags.verneed !== null && tags.verneednum > 0 && dynstr) {
    const at = addressToOffset(loads, tags.verneed, 16);
    if (at === null) throw new BinaryFormatError(`ELF DT_VERNEED address ${hex(tags.verneed)} is outside every loaded segment`);
    // DT_VERNEED has no size: read what the records can plausibly take.
    const data = readRange(source, at, Math.min(DEFAULT_STRTAB, source.size - at), 'ELF version needs (DT_VERNEED)');
    glibc = highestGlibc(data, h.little, tags.verneednum, dynstr);
  }
  return { needed, flags1: tags.flags1, glibc };
}

function elfType(type: number, flags1: number, interpreter: string | null): BinaryType {
  switch (type) {
    case ET_REL:
      return 'relocatable';
    case ET_EXEC:
      return 'exec';
    case ET_DYN:
      return (flags1 & DF_1_PIE) !== 0 || interpreter !== null ? 'pie' : 'shared';
    case ET_CORE:
      return 'core';
    default:
      return 'unknown';
  }
}

function elfOs(osabi: number, notes: Note[], little: boolean, interpreter: string | null): string {
  const fromNotes = noteOs(notes, little);
  if (fromNotes) return fromNotes;
  const fromAbi = OSABI[osabi];
  if (fromAbi) return fromAbi;
  for (const [pattern, os] of INTERPRETER_OS) if (interpreter && pattern.test(interpreter)) return os;
  return 'linux';
}

const GO_SECTIONS = new Set(['.gopclntab', '.data.rel.ro.gopclntab', '.go.module', '.note.go.buildid']);

export function inspectElf(source: ByteSource): BinaryInfo {
  const h = readHeader(source);
  resolveExtendedCounts(source, h);
  const segments = readSegments(source, h);
  const sections = readSections(source, h);
  const { names, types, offsets, sizes } = sections;
  // One pass over the segments, and one over the sections, for everything the fields need.
  const loads: Region[] = [];
  const noteAreas: Area[] = [];
  let interpAt = -1;
  let dynamicAt = -1;
  let dataAt = -1;
  for (let i = 0; i < segments.count; i += 1) {
    const type = segments.types[i] as number;
    const offset = segments.offsets[i] as number;
    const filesz = segments.fileszs[i] as number;
    if (type === PT_LOAD) {
      // A cut-short download loses its tail (symbols, debug info): say so rather than describe half a file.
      if (!(offset + filesz <= source.size)) {
        throw new BinaryFormatError(`ELF segment ${i} extends past end of file (offset ${hex(offset)}, size ${filesz}, file size ${source.size})`);
      }
      loads.push({ addr: segments.vaddrs[i] as number, size: filesz, offset });
      if (dataAt < 0 && ((segments.flags[i] as number) & (PF_X | PF_W)) === PF_W) dataAt = i;
    } else if (type === PT_NOTE) noteAreas.push({ offset, size: filesz, align: segments.aligns[i] as number });
    else if (type === PT_INTERP) {
      if (interpAt < 0) interpAt = i;
    } else if (type === PT_DYNAMIC && dynamicAt < 0) dynamicAt = i;
  }
  // Copied out: the table is reused by the next file.
  const hasSegments = segments.count > 0;
  const interpSegment = interpAt < 0 ? undefined : segments.segment(interpAt);
  const dynamicSegment = dynamicAt < 0 ? undefined : segments.segment(dynamicAt);
  const dataSegment = dataAt < 0 ? undefined : segments.segment(dataAt);
  let symtab = false;
  let debugInfo = false;
  let goSection = false;
  let buildInfoAt = -1;
  let verneedAt = -1;
  for (let i = 0; i < sections.count; i += 1) {
    const type = types[i] as number;
    const offset = offsets[i] as number;
    const size = sizes[i] as number;
    const name = names[i] as string;
    if (type !== SHT_NOBITS && type !== 0 && !(offset + size <= source.size)) {
      throw new BinaryFormatError(`ELF section ${i} (${name || 'unnamed'}) extends past end of file (offset ${hex(offset)}, size ${size}, file size ${source.size})`);
    }
    if (type === SHT_GNU_VERNEED && verneedAt < 0) verneedAt = i;
    if (!hasSegments && type === SHT_NOTE) noteAreas.push({ offset, size, align: sections.aligns[i] as number });
    if (type === SHT_SYMTAB) symtab = true;
    else if (name === '.debug_info' || name === '.zdebug_info') debugInfo = true;
    else if (name === '.go.buildinfo' && type !== SHT_NOBITS) {
      if (buildInfoAt < 0) buildInfoAt = i;
    } else if (GO_SECTIONS.has(name)) goSection = true;
  }
  // Copied out: the table is reused by the next file.
  const hasSections = sections.count > 0;
  const buildInfoSection = buildInfoAt < 0 ? undefined : sections.section(buildInfoAt);
  const verneedSection = verneedAt < 0 ? undefined : sections.section(verneedAt);
  const verneedLink = verneedSection && verneedSection.link < sections.count ? sections.section(verneedSection.link) : undefined;

  const interpreter = readInterpreter(source, interpSegment);
  const notes = readNotes(source, h, noteAreas);
  const dynamic = readDynamic(source, h, dynamicSegment, verneedSection, verneedLink, loads);
  const needed = dynamic?.needed ?? [];
  const flags1 = dynamic?.flags1 ?? 0;

  let linkage: Linkage = 'dynamic';
  if (!dynamic) linkage = 'static';
  else if ((flags1 & DF_1_PIE) !== 0 && needed.length === 0 && interpreter === null) linkage = 'static-pie';

  const bits = h.is64 ? 64 : 32;
  const arch = elfArch(h.machine, bits, h.little);

  // Go: the build-info section; without section headers, the first writable non-exec segment.
  const otherTraces = goSection || hasGoNote(notes);
  const range = buildInfoSection
    ? { offset: buildInfoSection.offset, size: buildInfoSection.size }
    : (!hasSections || otherTraces) && dataSegment
      ? { offset: dataSegment.offset, size: dataSegment.filesz }
      : null;
  const go = goInfo(source, range, loads, otherTraces || buildInfoSection !== undefined);

  return {
    format: 'elf',
    os: elfOs(h.osabi, notes, h.little, interpreter),
    arch,
    machine: h.machine,
    bits,
    endian: h.little ? 'little' : 'big',
    type: elfType(h.type, flags1, interpreter),
    linkage,
    interpreter,
    needed,
    glibc: dynamic?.glibc ?? null,
    stripped: !symtab,
    debugInfo,
    arm:
      h.machine === EM.ARM
        ? {
            eabi: h.flags >>> 24,
            float: h.flags & EF_ARM_ABI_FLOAT_HARD ? 'hard' : h.flags & EF_ARM_ABI_FLOAT_SOFT ? 'soft' : null,
          }
        : null,
    aarch64: h.machine === EM.AARCH64 ? aarch64Features(notes, h.little, h.is64) : null,
    go,
    slices: null,
  };
}
