/** The ELF dynamic section and the GNU version-needs table (for the highest GLIBC_x.y). */
import { Fields } from './byte-source.js';

const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_FLAGS_1 = 0x6ffffffb;
const DT_VERNEED = 0x6ffffffe;
const DT_VERNEEDNUM = 0x6fffffff;
export const DF_1_PIE = 0x08000000;

/** Real dynamic sections have tens of entries; this only bounds the work on a hostile one. */
const MAX_DYNAMIC_ENTRIES = 65536;

export interface DynamicTags {
  /** DT_NEEDED string-table offsets, in order. */
  needed: number[];
  strtab: number | null;
  strsz: number | null;
  flags1: number;
  verneed: number | null;
  verneednum: number;
}

export function parseDynamic(data: Buffer, little: boolean, is64: boolean): DynamicTags {
  const fields = new Fields(data, little, 'ELF dynamic section');
  const size = is64 ? 16 : 8;
  const tags: DynamicTags = { needed: [], strtab: null, strsz: null, flags1: 0, verneed: null, verneednum: 0 };
  const count = Math.min(Math.floor(data.length / size), MAX_DYNAMIC_ENTRIES);
  for (let i = 0; i < count; i += 1) {
    const tag = fields.word(i * size, is64);
    const value = fields.word(i * size + size / 2, is64);
    if (tag === DT_NULL) break;
    if (tag === DT_NEEDED) tags.needed.push(value);
    else if (tag === DT_STRTAB) tags.strtab = value;
    else if (tag === DT_STRSZ) tags.strsz = value;
    else if (tag === DT_FLAGS_1) tags.flags1 = value;
    else if (tag === DT_VERNEED) tags.verneed = value;
    else if (tag === DT_VERNEEDNUM) tags.verneednum = value;
  }
  return tags;
}

const GLIBC = /^GLIBC_(\d+(?:\.\d+)*)$/;

/** `x.y` when the string at `offset` is GLIBC_x.y; reads a few bytes, never the whole string. */
function glibcVersion(strings: Fields, offset: number): string | null {
  const match = GLIBC.exec(strings.shortName(offset, 32));
  return match ? (match[1] as string) : null;
}

/** Numeric comparison of dotted versions: 2.34 > 2.4. */
export function compareVersions(a: string, b: string): number {
  // Component by component, read in place (no arrays per comparison: C binaries hold dozens).
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let x = 0;
    let y = 0;
    for (; i < a.length && a.charCodeAt(i) !== 0x2e; i += 1) x = x * 10 + (a.charCodeAt(i) - 0x30);
    for (; j < b.length && b.charCodeAt(j) !== 0x2e; j += 1) y = y * 10 + (b.charCodeAt(j) - 0x30);
    if (x !== y) return x - y;
    i += 1;
    j += 1;
  }
  return 0;
}

/**
 * The highest GLIBC_x.y (as `x.y`) named by the Elf_Verneed/Elf_Vernaux chains in `data`
 * (16-byte records in both ELF classes). `count` is sh_info or DT_VERNEEDNUM. Offsets only move
 * forward, and a budget of one visit per 16 bytes bounds entries that share or overlap chains.
 */
export function highestGlibc(data: Buffer, little: boolean, count: number, strings: Fields): string | null {
  const fields = new Fields(data, little, 'ELF version needs (.gnu.version_r)');
  let budget = Math.floor(data.length / 16);
  let best: string | null = null;
  let at = 0;
  for (let i = 0; i < count && budget > 0; i += 1) {
    budget -= 1;
    const auxCount = fields.u16(at + 2);
    const auxOffset = fields.u32(at + 8);
    const next = fields.u32(at + 12);
    let aux = at + auxOffset;
    for (let j = 0; j < auxCount && budget > 0; j += 1) {
      budget -= 1;
      const version = glibcVersion(strings, fields.u32(aux + 8));
      if (version !== null && (best === null || compareVersions(version, best) > 0)) best = version;
      const auxNext = fields.u32(aux + 12);
      if (auxNext === 0) break;
      aux += auxNext;
    }
    if (next === 0) break;
    at += next;
  }
  return best;
}
