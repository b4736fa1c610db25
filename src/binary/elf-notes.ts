/**
 * ELF notes: the ABI tags that name an OS, the GNU property note that carries AArch64 BTI/PAC,
 * and Go's own notes (which say "Go binary" but nothing about the OS).
 */
import { Fields } from './byte-source.js';

export interface Note {
  name: string;
  type: number;
  desc: Buffer;
}

/** A sane upper bound on notes per segment; real files have a handful. */
const MAX_NOTES = 1024;

/** The notes in one PT_NOTE segment or SHT_NOTE section. Stops quietly at a note that does not fit. */
export function parseNotes(data: Buffer, little: boolean, align: number): Note[] {
  const pad = align === 8 ? 8 : 4;
  const round = (n: number): number => Math.ceil(n / pad) * pad;
  const fields = new Fields(data, little, 'ELF note');
  const notes: Note[] = [];
  let at = 0;
  while (at + 12 <= data.length && notes.length < MAX_NOTES) {
    const namesz = fields.u32(at);
    const descsz = fields.u32(at + 4);
    const type = fields.u32(at + 8);
    const nameAt = at + 12;
    // Padding counts from the note's start (binutils' ELF_NOTE_DESC_OFFSET): with 8-byte
    // alignment "GNU\0" after the 12-byte header needs none.
    const descAt = at + round(12 + namesz);
    if (descAt > data.length || descAt + descsz > data.length) break;
    // The name's size includes its NUL; Go writes "Go\0\0" with namesz 4.
    // Only short vendor names matter ("GNU", "Go", "FreeBSD"); do not decode a long one.
    const nameEnd = Math.min(nameAt + Math.min(namesz, 32), data.length);
    let nul = nameAt;
    while (nul < nameEnd && data[nul] !== 0) nul += 1;
    notes.push({ name: data.toString('latin1', nameAt, nul), type, desc: data.subarray(descAt, descAt + descsz) });
    at += round(descAt - at + descsz);
  }
  return notes;
}

const NT_ABI_TAG = 1;
const NT_GNU_PROPERTY_TYPE_0 = 5;
/** GNU ABI tag OS word (glibc's elf.h ELF_NOTE_OS_*). */
const GNU_ABI_OS = ['linux', 'hurd', 'solaris', 'freebsd'];
/** Vendor notes whose type 1 is their ABI tag (FreeBSD's NT_FREEBSD_ABI_TAG, …). */
const VENDOR_ABI_OS: Record<string, string> = {
  FreeBSD: 'freebsd',
  NetBSD: 'netbsd',
  OpenBSD: 'openbsd',
  DragonFly: 'dragonfly',
  Android: 'android',
};

/** The OS an ABI-tag note names, or null. */
export function noteOs(notes: readonly Note[], little: boolean): string | null {
  for (const note of notes) {
    if (note.type !== NT_ABI_TAG) continue;
    if (note.name === 'GNU' && note.desc.length >= 4) {
      const os = GNU_ABI_OS[new Fields(note.desc, little, 'GNU ABI tag').u32(0)];
      if (os) return os;
    }
    const vendor = VENDOR_ABI_OS[note.name];
    if (vendor) return vendor;
  }
  return null;
}

const GNU_PROPERTY_AARCH64_FEATURE_1_AND = 0xc0000000;
const FEATURE_BTI = 0x1;
const FEATURE_PAC = 0x2;

/** AArch64 BTI/PAC from NT_GNU_PROPERTY_TYPE_0; both false when the note is absent. */
export function aarch64Features(notes: readonly Note[], little: boolean, is64: boolean): { bti: boolean; pac: boolean } {
  const result = { bti: false, pac: false };
  const pad = is64 ? 8 : 4;
  for (const note of notes) {
    if (note.name !== 'GNU' || note.type !== NT_GNU_PROPERTY_TYPE_0) continue;
    const fields = new Fields(note.desc, little, 'GNU property note');
    for (let at = 0; at + 8 <= note.desc.length; ) {
      const type = fields.u32(at);
      const size = fields.u32(at + 4);
      if (at + 8 + size > note.desc.length) break;
      if (type === GNU_PROPERTY_AARCH64_FEATURE_1_AND && size >= 4) {
        const bits = fields.u32(at + 8);
        result.bti = (bits & FEATURE_BTI) !== 0;
        result.pac = (bits & FEATURE_PAC) !== 0;
      }
      at += 8 + Math.ceil(size / pad) * pad;
    }
  }
  return result;
}

/** Go's linker notes (build ID is type 4; 1–3 are its shared-library notes), all named "Go". */
export const hasGoNote = (notes: readonly Note[]): boolean => notes.some((note) => note.name === 'Go' && note.type >= 1 && note.type <= 4);
