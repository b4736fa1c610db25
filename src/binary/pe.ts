/**
 * PE/COFF images (PE32 and PE32+). The DOS header points at the PE header; the COFF header,
 * optional header and section table follow it, usually all inside the first read.
 */
import { peArch } from './arch.js';
import { addressToOffset, type ByteSource, Fields, readRange, type Region } from './byte-source.js';
import { BinaryFormatError, hex } from './errors.js';
import { goInfo } from './go.js';
import type { BinaryInfo, BinaryType } from './types.js';

const PE_SIGNATURE = 0x00004550; // "PE\0\0" read little-endian
const IMAGE_FILE_DLL = 0x2000;
const DYNAMIC_BASE = 0x40;
const SCN_CNT_INITIALIZED_DATA = 0x40;
const SCN_MEM_READ = 0x40000000;
const SCN_MEM_WRITE = 0x80000000;
const SCN_ALIGN_32BYTES = 0x600000;
const IMPORT_DESCRIPTOR_SIZE = 20;
const MAX_IMPORTS = 4096;
const MAX_DLL_NAME = 512;
const STRING_TABLE_HEAD = 4096;
const COFF_SYMBOL_SIZE = 18;

interface PeSection extends Region {
  name: string;
  characteristics: number;
  rawSize: number;
}

/** Whether the MZ file at hand carries a PE header at all (a plain DOS program does not). */
export function hasPeSignature(source: ByteSource): boolean {
  if (source.size < 0x40) return false;
  const lfanew = (readRange(source, 0x3c, 4, 'DOS header')).readUInt32LE(0);
  if (lfanew + 4 > source.size) return false;
  return (readRange(source, lfanew, 4, 'PE signature')).readUInt32LE(0) === PE_SIGNATURE;
}

/**
 * Long section names are "/N": offset N into the COFF string table after the symbols. Section
 * names come first in it, so the first few KiB resolve them without reading every symbol name.
 */
function resolveLongNames(source: ByteSource, sections: PeSection[], symbolTable: number, symbolCount: number): void {
  const long = sections.filter((s) => /^\/\d+$/.test(s.name));
  if (long.length === 0 || symbolTable === 0) return;
  const tableAt = symbolTable + symbolCount * COFF_SYMBOL_SIZE;
  const head = readRange(source, tableAt, Math.min(STRING_TABLE_HEAD, Math.max(4, source.size - tableAt)), 'COFF string table');
  const size = head.readUInt32LE(0);
  const table = new Fields(head.subarray(0, Math.min(size, head.length)), true, 'COFF string table');
  for (const section of long) {
    const offset = Number(section.name.slice(1));
    // A name beyond the part read keeps its "/N" form; only debug-section names matter here.
    if (offset < table.length) section.name = table.shortName(offset);
    else if (offset >= size) throw new BinaryFormatError(`PE section name ${section.name} is outside the COFF string table (${size} bytes)`);
  }
}

/** DLL names of the import directory, in order. */
function readImports(source: ByteSource, sections: PeSection[], rva: number, size: number): string[] {
  if (rva === 0 || size === 0) return [];
  const length = Math.min(size, MAX_IMPORTS * IMPORT_DESCRIPTOR_SIZE);
  const at = addressToOffset(sections, rva, Math.min(length, IMPORT_DESCRIPTOR_SIZE));
  if (at === null) throw new BinaryFormatError(`PE import directory RVA ${hex(rva)} is outside every section`);
  if (at >= source.size) throw new BinaryFormatError(`PE import directory (offset ${hex(at)}) is past end of file (${source.size} bytes)`);
  // The directory's size field is often loose: read what the file holds, then stop at the null entry.
  const available = Math.min(length, source.size - at);
  const table = new Fields(readRange(source, at, available, 'PE import directory'), true, 'PE import directory');
  const names: string[] = [];
  for (let d = 0; d + IMPORT_DESCRIPTOR_SIZE <= available; d += IMPORT_DESCRIPTOR_SIZE) {
    const nameRva = table.u32(d + 12);
    if (nameRva === 0 && table.u32(d) === 0 && table.u32(d + 16) === 0) break;
    const nameAt = addressToOffset(sections, nameRva, 1);
    if (nameAt === null || nameAt >= source.size) throw new BinaryFormatError(`PE import name RVA ${hex(nameRva)} is outside every section's file data`);
    const raw = new Fields(readRange(source, nameAt, Math.min(MAX_DLL_NAME, source.size - nameAt), 'PE import name'), true, 'PE import name');
    names.push(raw.cstring(0));
  }
  return names;
}

export function inspectPe(source: ByteSource): BinaryInfo {
  const lfanew = (readRange(source, 0x3c, 4, 'DOS header')).readUInt32LE(0);
  const coff = new Fields(readRange(source, lfanew, 24, 'PE/COFF header'), true, 'PE/COFF header');
  if (coff.u32(0) !== PE_SIGNATURE) throw new BinaryFormatError(`no PE signature at ${hex(lfanew)}`);
  const machine = coff.u16(4);
  const sectionCount = coff.u16(6);
  const symbolTable = coff.u32(12);
  const symbolCount = coff.u32(16);
  const optionalSize = coff.u16(20);
  const characteristics = coff.u16(22);
  const what = 'PE optional header and section table';
  const rest = new Fields(readRange(source, lfanew + 24, optionalSize + sectionCount * 40, what), true, what);

  if (optionalSize < 2) throw new BinaryFormatError('PE image has no optional header');
  const magic = rest.u16(0);
  if (magic !== 0x10b && magic !== 0x20b) throw new BinaryFormatError(`PE optional header magic ${hex(magic)} is neither PE32 (0x10b) nor PE32+ (0x20b)`);
  const plus = magic === 0x20b;
  const dllCharacteristics = rest.u16(70);
  const imageBase = plus ? rest.u64(24) : rest.u32(28);
  const directoryCount = rest.u32(plus ? 108 : 92);
  const directories = plus ? 112 : 96;
  const importDirectory = directoryCount > 1 && directories + 16 <= optionalSize ? [rest.u32(directories + 8), rest.u32(directories + 12)] : [0, 0];

  const sections: PeSection[] = [];
  for (let i = 0; i < sectionCount; i += 1) {
    const at = optionalSize + i * 40;
    const virtualSize = rest.u32(at + 8);
    const rawSize = rest.u32(at + 16);
    sections.push({
      name: rest.fixedString(at, 8),
      addr: rest.u32(at + 12),
      // Bytes present in the file: the raw data, cut to the virtual size when that is smaller.
      size: virtualSize === 0 ? rawSize : Math.min(rawSize, virtualSize),
      offset: rest.u32(at + 20),
      characteristics: rest.u32(at + 36),
      rawSize,
    });
  }
  // A cut-short download loses its last sections: say so rather than describe half a file.
  for (const [i, section] of sections.entries()) {
    if (section.rawSize > 0 && section.offset + section.rawSize > source.size) {
      throw new BinaryFormatError(`PE section ${i} (${section.name}) extends past end of file (offset ${hex(section.offset)}, size ${section.rawSize}, file size ${source.size})`);
    }
  }
  resolveLongNames(source, sections, symbolTable, symbolCount);
  const needed = readImports(source, sections, importDirectory[0] as number, importDirectory[1] as number);

  let type: BinaryType = 'exec';
  if (characteristics & IMAGE_FILE_DLL) type = 'shared';
  else if (dllCharacteristics & DYNAMIC_BASE) type = 'pie';

  // Go's build info is at the start of the first writable data section (debug/buildinfo's rule).
  const data = sections.find(
    (s) => s.addr !== 0 && s.size !== 0 && ((s.characteristics & ~SCN_ALIGN_32BYTES) >>> 0) === ((SCN_CNT_INITIALIZED_DATA | SCN_MEM_READ | SCN_MEM_WRITE) >>> 0),
  );
  return {
    format: 'pe',
    os: 'windows',
    arch: peArch(machine),
    machine,
    bits: plus ? 64 : 32,
    endian: 'little',
    type,
    linkage: needed.length > 0 ? 'dynamic' : 'static',
    interpreter: null,
    needed,
    glibc: null,
    stripped: symbolCount === 0,
    debugInfo: sections.some((s) => s.name === '.debug_info' || s.name === '.zdebug_info'),
    arm: null,
    aarch64: null,
    // Pre-1.18 build info holds pointers: virtual addresses, so image base + RVA.
    go: goInfo(source, data ? { offset: data.offset, size: data.size } : null, sections.map((s) => ({ ...s, addr: imageBase + s.addr })), false),
    slices: null,
  };
}
