/**
 * Mach-O (32/64-bit, either byte order) and fat/universal files. Everything we need is in the
 * header and load commands, which sit together at the start of the file: one read.
 */
import { machoArch } from './arch.js';
import { type ByteSource, Fields, readRange, type Region, sliceSource } from './byte-source.js';
import { BinaryFormatError, hex } from './errors.js';
import { goInfo } from './go.js';
import type { BinaryInfo, BinaryType } from './types.js';

export const MH_MAGIC = 0xfeedface;
export const MH_MAGIC_64 = 0xfeedfacf;
export const MH_CIGAM = 0xcefaedfe;
export const MH_CIGAM_64 = 0xcffaedfe;
export const FAT_MAGIC = 0xcafebabe;
export const FAT_MAGIC_64 = 0xcafebabf;
/**
 * Java class files share 0xcafebabe; their next word (minor<<16 | major version) is ≥ 45, while
 * a universal binary lists a few architectures. `file` and Go's debug/macho draw the line alike.
 */
export const MAX_FAT_ARCHS = 30;

const LC_SEGMENT = 0x1;
const LC_SYMTAB = 0x2;
const LC_LOAD_DYLIB = 0xc;
const LC_LOAD_DYLINKER = 0xe;
const LC_LOAD_WEAK_DYLIB = 0x80000018;
const LC_SEGMENT_64 = 0x19;
const LC_REEXPORT_DYLIB = 0x8000001f;
const LC_LAZY_LOAD_DYLIB = 0x20;
const LC_LOAD_UPWARD_DYLIB = 0x80000023;
const LC_VERSION_MIN_MACOSX = 0x24;
const LC_VERSION_MIN_IPHONEOS = 0x25;
const LC_VERSION_MIN_TVOS = 0x2f;
const LC_VERSION_MIN_WATCHOS = 0x30;
const LC_BUILD_VERSION = 0x32;
const DYLIB_COMMANDS = new Set([LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB, LC_LAZY_LOAD_DYLIB, LC_LOAD_UPWARD_DYLIB]);
const MH_PIE = 0x200000;
const VM_PROT_RW = 3;
const MAX_LOAD_COMMANDS_BYTES = 16 * 1024 * 1024;

/** LC_BUILD_VERSION platform → GOOS-style name (Go's ios port covers iOS, Catalyst, simulator). */
const PLATFORMS: Record<number, string> = { 1: 'darwin', 2: 'ios', 3: 'tvos', 4: 'watchos', 6: 'ios', 7: 'ios', 8: 'tvos', 9: 'watchos' };
const VERSION_MIN_OS: Record<number, string> = {
  [LC_VERSION_MIN_MACOSX]: 'darwin',
  [LC_VERSION_MIN_IPHONEOS]: 'ios',
  [LC_VERSION_MIN_TVOS]: 'tvos',
  [LC_VERSION_MIN_WATCHOS]: 'watchos',
};

function machoType(filetype: number, flags: number): BinaryType {
  switch (filetype) {
    case 1:
      return 'relocatable';
    case 2:
      return flags & MH_PIE ? 'pie' : 'exec';
    case 4:
      return 'core';
    case 3: // fixed VM library
    case 6: // dylib
    case 7: // dyld itself
    case 9: // dylib stub
      return 'shared';
    case 8:
    case 11: // kext
      return 'bundle';
    default:
      return 'unknown';
  }
}

interface MachSection {
  name: string;
  offset: number;
  size: number;
}

interface MachSegment extends Region {
  name: string;
  maxprot: number;
  initprot: number;
}

/** One thin Mach-O file (or slice). */
export function inspectMachO(source: ByteSource): BinaryInfo {
  const magic = (readRange(source, 0, 4, 'Mach-O magic')).readUInt32BE(0);
  const little = magic === MH_CIGAM || magic === MH_CIGAM_64;
  const is64 = magic === MH_MAGIC_64 || magic === MH_CIGAM_64;
  if (!little && magic !== MH_MAGIC && magic !== MH_MAGIC_64) throw new BinaryFormatError(`Mach-O magic ${hex(magic)} is not a thin Mach-O file`);
  const headerSize = is64 ? 32 : 28;
  const header = new Fields(readRange(source, 0, headerSize, 'Mach-O header'), little, 'Mach-O header');
  const cputype = header.u32(4);
  const filetype = header.u32(12);
  const ncmds = header.u32(16);
  const sizeofcmds = header.u32(20);
  const flags = header.u32(24);
  if (sizeofcmds > MAX_LOAD_COMMANDS_BYTES) throw new BinaryFormatError(`Mach-O load commands are implausibly large (${sizeofcmds} bytes)`);
  const what = 'Mach-O load commands';
  const cmds = new Fields(readRange(source, headerSize, sizeofcmds, what), little, what);

  const segments: MachSegment[] = [];
  const sections: MachSection[] = [];
  const needed: string[] = [];
  let interpreter: string | null = null;
  let os: string | null = null;
  let symbols = 0;
  let at = 0;
  for (let i = 0; i < ncmds; i += 1) {
    if (at + 8 > sizeofcmds) throw new BinaryFormatError(`Mach-O load command ${i} of ${ncmds} starts past the load commands (${sizeofcmds} bytes)`);
    const cmd = cmds.u32(at);
    const cmdsize = cmds.u32(at + 4);
    if (cmdsize < 8 || at + cmdsize > sizeofcmds) throw new BinaryFormatError(`Mach-O load command ${i} has size ${cmdsize}, outside the load commands (${sizeofcmds} bytes at offset ${at})`);
    const end = at + cmdsize;
    const text = (offsetField: number): string => cmds.cstring(at + cmds.u32(at + offsetField), end);
    if (cmd === LC_SEGMENT || cmd === LC_SEGMENT_64) {
      const w = cmd === LC_SEGMENT_64;
      const n = (k: number): number => at + (w ? 24 + 8 * k : 24 + 4 * k);
      const segment: MachSegment = {
        name: cmds.fixedString(at + 8, 16),
        addr: cmds.word(n(0), w),
        offset: cmds.word(n(2), w),
        size: cmds.word(n(3), w),
        maxprot: cmds.u32(n(4)),
        initprot: cmds.u32(n(4) + 4),
      };
      segments.push(segment);
      const nsects = cmds.u32(n(4) + 8);
      const first = n(4) + 16;
      const sectionSize = w ? 80 : 68;
      if (nsects > (end - first) / sectionSize) throw new BinaryFormatError(`Mach-O segment ${segment.name} claims ${nsects} sections, more than its load command holds`);
      for (let s = 0; s < nsects; s += 1) {
        const sa = first + s * sectionSize;
        sections.push({ name: cmds.fixedString(sa, 16), size: cmds.word(sa + 36 + (w ? 4 : 0), w), offset: cmds.u32(sa + (w ? 48 : 40)) });
      }
    } else if (cmd === LC_SYMTAB) {
      symbols = cmds.u32(at + 12);
    } else if (DYLIB_COMMANDS.has(cmd)) {
      needed.push(text(8));
    } else if (cmd === LC_LOAD_DYLINKER) {
      interpreter = text(8);
    } else if (cmd === LC_BUILD_VERSION) {
      os ??= PLATFORMS[cmds.u32(at + 8)] ?? 'darwin';
    } else if (VERSION_MIN_OS[cmd]) {
      os ??= VERSION_MIN_OS[cmd] as string;
    }
    at = end;
  }

  // A cut-short download loses __LINKEDIT (symbols, signature): say so rather than describe half a file.
  for (const segment of segments) {
    if (!(segment.offset + segment.size <= source.size)) {
      throw new BinaryFormatError(`Mach-O segment ${segment.name} extends past end of file (offset ${hex(segment.offset)}, size ${segment.size}, file size ${source.size})`);
    }
  }
  const buildInfo = sections.find((s) => s.name === '__go_buildinfo');
  const otherTraces = buildInfo !== undefined || sections.some((s) => s.name === '__gopclntab');
  const dataSegment = segments.find((s) => s.addr !== 0 && s.size !== 0 && s.initprot === VM_PROT_RW && s.maxprot === VM_PROT_RW);
  const range = buildInfo ? { offset: buildInfo.offset, size: buildInfo.size } : dataSegment ? { offset: dataSegment.offset, size: dataSegment.size } : null;

  return {
    format: 'macho',
    os: os ?? 'darwin',
    arch: machoArch(cputype),
    machine: cputype,
    bits: is64 ? 64 : 32,
    endian: little ? 'little' : 'big',
    type: machoType(filetype, flags),
    linkage: interpreter !== null || needed.length > 0 ? 'dynamic' : 'static',
    interpreter,
    needed,
    glibc: null,
    stripped: symbols === 0,
    debugInfo: segments.some((s) => s.name === '__DWARF' && s.size > 0) || sections.some((s) => s.name === '__debug_info'),
    arm: null,
    aarch64: null,
    go: goInfo(source, range, segments, otherTraces),
    slices: null,
  };
}

/** A fat/universal file: every slice inspected; the top level describes the first slice, with arch `universal`. */
export function inspectFat(source: ByteSource): BinaryInfo {
  const head = new Fields(readRange(source, 0, 8, 'fat Mach-O header'), false, 'fat Mach-O header');
  const is64 = head.u32(0) === FAT_MAGIC_64;
  const count = head.u32(4);
  if (count < 1 || count > MAX_FAT_ARCHS) throw new BinaryFormatError(`fat Mach-O claims ${count} architectures`);
  const entry = is64 ? 32 : 20;
  const table = new Fields(readRange(source, 8, count * entry, 'fat Mach-O architecture table'), false, 'fat Mach-O architecture table');
  const slices: BinaryInfo[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = i * entry;
    const offset = is64 ? table.u64(at + 8) : table.u32(at + 8);
    const size = is64 ? table.u64(at + 16) : table.u32(at + 12);
    if (!(offset + size <= source.size) || size < 4) {
      throw new BinaryFormatError(`fat Mach-O slice ${i} (offset ${hex(offset)}, size ${size}) extends past end of file (${source.size} bytes)`);
    }
    const slice = sliceSource(source, offset, size);
    const magic = (readRange(slice, 0, 4, `fat Mach-O slice ${i}`)).readUInt32BE(0);
    if (![MH_MAGIC, MH_MAGIC_64, MH_CIGAM, MH_CIGAM_64].includes(magic)) {
      throw new BinaryFormatError(`fat Mach-O slice ${i} at ${hex(offset)} is not a Mach-O file (magic ${hex(magic)})`);
    }
    slices.push(inspectMachO(slice));
  }
  const first = slices[0] as BinaryInfo;
  return {
    ...first,
    arch: 'universal',
    machine: 0,
    stripped: slices.every((s) => s.stripped),
    debugInfo: slices.some((s) => s.debugInfo),
    slices,
  };
}
