/**
 * Seeded mutations of real binaries for the robustness test: truncations, byte storms, and
 * stomps on the fields that steer a parser (counts, offsets, sizes, chain links). The fields
 * are located here with a few lines of structure knowledge per format, independent of
 * src/binary, so a parser bug cannot hide its own targets.
 */

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Field {
  at: number;
  size: 1 | 2 | 4 | 8;
  what: string;
  /** Values worth trying besides the generic ones (e.g. a chain link pointing backwards). */
  values?: number[];
}

export interface Target {
  name: string;
  data: Buffer;
  little: boolean;
  /** [start, end) ranges holding headers and the structures the parser reads. */
  hot: [number, number][];
  fields: Field[];
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');

function buildInfoFields(data: Buffer, hot: [number, number][], fields: Field[]): void {
  const at = data.indexOf(MAGIC);
  if (at < 0) return;
  hot.push([at, Math.min(data.length, at + 128)]);
  fields.push(
    { at: at + 14, size: 1, what: 'buildinfo pointer size', values: [0, 1, 4, 8, 255] },
    { at: at + 15, size: 1, what: 'buildinfo flags', values: [0, 1, 2, 3] },
    { at: at + 32, size: 4, what: 'buildinfo version varint', values: [0xffffffff, 0x7f, 0x80808080] },
    { at: at + 16, size: 8, what: 'buildinfo pointers' },
  );
}

/** ELF: header counts and offsets, every program and section header, dynamic and verneed chains. */
export function elfTarget(name: string, data: Buffer, sections: { name: string; offset: number; size: number }[]): Target {
  const is64 = data[4] === 2;
  const little = data[5] === 1;
  const u16 = (o: number) => (little ? data.readUInt16LE(o) : data.readUInt16BE(o));
  const u32 = (o: number) => (little ? data.readUInt32LE(o) : data.readUInt32BE(o));
  const word = (o: number) => (is64 ? Number(little ? data.readBigUInt64LE(o) : data.readBigUInt64BE(o)) : u32(o));
  const w = is64 ? 8 : 4;
  const ws = (is64 ? 8 : 4) as 4 | 8;
  const after = 24 + 3 * w;
  const phoff = word(24 + w);
  const shoff = word(24 + 2 * w);
  const phentsize = u16(after + 6);
  const phnum = u16(after + 8);
  const shentsize = u16(after + 10);
  const shnum = u16(after + 12);
  const hot: [number, number][] = [
    [0, is64 ? 64 : 52],
    [phoff, phoff + phentsize * phnum],
    [shoff, shoff + shentsize * shnum],
  ];
  const fields: Field[] = [
    { at: 4, size: 1, what: 'EI_CLASS', values: [0, 1, 2, 3] },
    { at: 5, size: 1, what: 'EI_DATA', values: [0, 1, 2, 3] },
    { at: 7, size: 1, what: 'EI_OSABI', values: [0, 3, 9, 12] },
    { at: 24 + w, size: ws, what: 'e_phoff' },
    { at: 24 + 2 * w, size: ws, what: 'e_shoff' },
    { at: after + 6, size: 2, what: 'e_phentsize', values: [0, 1, 32, 56] },
    { at: after + 8, size: 2, what: 'e_phnum', values: [0, 0xffff] },
    { at: after + 10, size: 2, what: 'e_shentsize', values: [0, 1, 40, 64] },
    { at: after + 12, size: 2, what: 'e_shnum', values: [0, 0xffff] },
    { at: after + 14, size: 2, what: 'e_shstrndx', values: [0, 0xffff, shnum] },
  ];
  for (let i = 0; i < phnum; i += 1) {
    const p = phoff + i * phentsize;
    fields.push(
      { at: p, size: 4, what: `p_type[${i}]`, values: [1, 2, 3, 4] },
      { at: p + (is64 ? 8 : 4), size: ws, what: `p_offset[${i}]` },
      { at: p + (is64 ? 16 : 8), size: ws, what: `p_vaddr[${i}]` },
      { at: p + (is64 ? 32 : 16), size: ws, what: `p_filesz[${i}]` },
    );
  }
  for (let i = 0; i < shnum; i += 1) {
    const s = shoff + i * shentsize;
    fields.push(
      { at: s, size: 4, what: `sh_name[${i}]` },
      { at: s + 4, size: 4, what: `sh_type[${i}]`, values: [2, 7, 8, 0x6ffffffe] },
      { at: s + (is64 ? 24 : 16), size: ws, what: `sh_offset[${i}]` },
      { at: s + (is64 ? 32 : 20), size: ws, what: `sh_size[${i}]` },
      { at: s + (is64 ? 40 : 24), size: 4, what: `sh_link[${i}]`, values: [0, i, shnum] },
      { at: s + (is64 ? 44 : 28), size: 4, what: `sh_info[${i}]` },
    );
  }
  for (const section of sections) {
    if (!/^\.(dynamic|gnu\.version_r|dynstr|go\.buildinfo|interp|note|shstrtab)/.test(section.name)) continue;
    hot.push([section.offset, Math.min(section.offset + section.size, section.offset + 256)]);
    if (section.name === '.dynamic') {
      for (let e = 0; e * 2 * w < Math.min(section.size, 64 * w); e += 1) {
        fields.push({ at: section.offset + e * 2 * w + w, size: ws, what: `d_val[${e}]` });
      }
    }
    if (section.name === '.gnu.version_r') {
      // Walk the real chain so the stomps land on vn_next / vna_next; 0xfffffff0 is "16 bytes
      // back" to a parser that wraps 32-bit arithmetic, the classic loop.
      let at = section.offset;
      for (let n = 0; n < 16 && at + 16 <= section.offset + section.size; n += 1) {
        fields.push(
          { at: at + 2, size: 2, what: 'vn_cnt', values: [0, 0xffff] },
          { at: at + 8, size: 4, what: 'vn_aux', values: [0, 0xfffffff0] },
          { at: at + 12, size: 4, what: 'vn_next', values: [0, 16, 0xfffffff0, 0xffffffff] },
        );
        let aux = at + u32(at + 8);
        for (let k = 0; k < u16(at + 2) && aux + 16 <= data.length; k += 1) {
          fields.push(
            { at: aux + 8, size: 4, what: 'vna_name', values: [0, 0xffffffff] },
            { at: aux + 12, size: 4, what: 'vna_next', values: [0, 16, 0xfffffff0] },
          );
          if (u32(aux + 12) === 0) break;
          aux += u32(aux + 12);
        }
        if (u32(at + 12) === 0) break;
        at += u32(at + 12);
      }
    }
    if (section.name.startsWith('.note')) {
      fields.push(
        { at: section.offset, size: 4, what: 'note namesz', values: [0, 0xffffffff, 0xfffffffc] },
        { at: section.offset + 4, size: 4, what: 'note descsz', values: [0, 0xffffffff, 0xfffffffc] },
      );
    }
  }
  buildInfoFields(data, hot, fields);
  return { name, data, little, hot, fields };
}

/** Thin Mach-O: header counts, every load command size, segment/section/symtab/dylib fields. */
export function machoTarget(name: string, data: Buffer, base = 0, target?: Target): Target {
  const magic = data.readUInt32BE(base);
  const little = magic === 0xcffaedfe || magic === 0xcefaedfe;
  const is64 = magic === 0xcffaedfe || magic === 0xfeedfacf;
  const u32 = (o: number) => (little ? data.readUInt32LE(o) : data.readUInt32BE(o));
  const header = is64 ? 32 : 28;
  const ncmds = u32(base + 16);
  const sizeofcmds = u32(base + 20);
  const t: Target = target ?? { name, data, little, hot: [], fields: [] };
  t.hot.push([base, base + header + sizeofcmds]);
  t.fields.push(
    { at: base + 16, size: 4, what: 'ncmds', values: [0, 0xffffffff] },
    { at: base + 20, size: 4, what: 'sizeofcmds', values: [0, 0xffffffff, sizeofcmds + 8] },
  );
  let at = base + header;
  for (let i = 0; i < ncmds && at + 8 <= base + header + sizeofcmds; i += 1) {
    const cmd = u32(at);
    const size = u32(at + 4);
    t.fields.push({ at: at + 4, size: 4, what: `cmdsize[${i}]`, values: [0, 4, 0xffffffff] });
    if (cmd === 0x19) {
      t.fields.push(
        { at: at + 40, size: 8, what: 'segment fileoff' },
        { at: at + 48, size: 8, what: 'segment filesize' },
        { at: at + 64, size: 4, what: 'nsects', values: [0xffffffff, 1000] },
      );
      for (let s = 0; s < u32(at + 64) && s < 32; s += 1) {
        const sa = at + 72 + s * 80;
        t.fields.push({ at: sa + 40, size: 8, what: 'section size' }, { at: sa + 48, size: 4, what: 'section offset' });
      }
    } else if (cmd === 0x2) {
      t.fields.push({ at: at + 12, size: 4, what: 'nsyms', values: [0] });
    } else if (cmd === 0xc || cmd === 0xe) {
      t.fields.push({ at: at + 8, size: 4, what: 'lc_str offset', values: [0, size, 0xffffffff] });
    }
    at += size;
  }
  buildInfoFields(data, t.hot, t.fields);
  return t;
}

/** A fat file: its header and table, then each slice's own fields. */
export function fatTarget(name: string, data: Buffer): Target {
  const count = data.readUInt32BE(4);
  const t: Target = { name, data, little: false, hot: [[0, 8 + 20 * count]], fields: [{ at: 4, size: 4, what: 'nfat_arch', values: [0, 31, 0xffffffff] }] };
  for (let i = 0; i < count; i += 1) {
    t.fields.push({ at: 8 + 20 * i + 8, size: 4, what: `slice offset[${i}]` }, { at: 8 + 20 * i + 12, size: 4, what: `slice size[${i}]` });
    machoTarget(name, data, data.readUInt32BE(8 + 20 * i + 8), t);
  }
  return t;
}

/** PE: DOS and COFF header fields, optional-header directory fields, every section header. */
export function peTarget(name: string, data: Buffer): Target {
  const lfanew = data.readUInt32LE(0x3c);
  const sections = data.readUInt16LE(lfanew + 6);
  const optSize = data.readUInt16LE(lfanew + 20);
  const opt = lfanew + 24;
  const plus = data.readUInt16LE(opt) === 0x20b;
  const table = opt + optSize;
  const hot: [number, number][] = [[0, table + 40 * sections]];
  const fields: Field[] = [
    { at: 0x3c, size: 4, what: 'e_lfanew', values: [0, data.length - 2, 0xffffffff] },
    { at: lfanew + 6, size: 2, what: 'NumberOfSections', values: [0, 0xffff] },
    { at: lfanew + 12, size: 4, what: 'PointerToSymbolTable' },
    { at: lfanew + 16, size: 4, what: 'NumberOfSymbols', values: [0xffffffff] },
    { at: lfanew + 20, size: 2, what: 'SizeOfOptionalHeader', values: [0, 2, 0xffff] },
    { at: opt, size: 2, what: 'optional magic', values: [0x10b, 0x20b, 0] },
    { at: opt + (plus ? 108 : 92), size: 4, what: 'NumberOfRvaAndSizes', values: [0, 0xffffffff] },
    { at: opt + (plus ? 120 : 104), size: 4, what: 'import RVA' },
    { at: opt + (plus ? 124 : 108), size: 4, what: 'import size', values: [0xffffffff] },
  ];
  for (let i = 0; i < sections; i += 1) {
    const s = table + 40 * i;
    fields.push(
      { at: s, size: 4, what: 'section name', values: [0x0039392f] }, // "/99": a long name
      { at: s + 8, size: 4, what: 'VirtualSize' },
      { at: s + 12, size: 4, what: 'VirtualAddress' },
      { at: s + 16, size: 4, what: 'SizeOfRawData' },
      { at: s + 20, size: 4, what: 'PointerToRawData' },
      { at: s + 36, size: 4, what: 'Characteristics', values: [0xc0000040, 0] },
    );
    if (data.toString('latin1', s, s + 6) === '.idata') hot.push([data.readUInt32LE(s + 20), data.readUInt32LE(s + 20) + 512]);
  }
  buildInfoFields(data, hot, fields);
  return { name, data, little: true, hot, fields };
}

/** One mutated input, and how to put the shared buffer back afterwards. */
export interface Case {
  label: string;
  input: Buffer;
  restore(): void;
}

/** Mutate `work` (a copy of target.data) in place; `restore` copies the touched bytes back. */
export function makeCase(rng: () => number, target: Target, work: Buffer): Case {
  const size = work.length;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const touched: [number, number][] = [];
  const restore = () => {
    for (const [start, end] of touched) target.data.copy(work, start, start, end);
  };
  const write = (at: number, bytes: number, value: number, little: boolean) => {
    if (at < 0 || at + bytes > size) return;
    touched.push([at, at + bytes]);
    let v = BigInt.asUintN(64, BigInt(Math.floor(value)));
    for (let i = 0; i < bytes; i += 1) {
      work[little ? at + i : at + bytes - 1 - i] = Number(v & 0xffn);
      v >>= 8n;
    }
  };
  const generic = () => pick([0, 1, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 2 ** 53, 2 ** 64 - 1, size - 1, size, size + 1, size * 2, Math.floor(rng() * 2 ** 32), Math.floor(rng() * 64)]);

  const kind = rng();
  if (kind < 0.2) {
    // Truncate: near a structure boundary half the time, anywhere otherwise.
    const [start, end] = pick(target.hot);
    const cut = rng() < 0.5 ? Math.max(0, Math.min(size, pick([start, end]) + Math.floor(rng() * 33) - 16)) : Math.floor(rng() * size);
    return { label: `truncate at ${cut}`, input: work.subarray(0, cut), restore };
  }
  const steps = 1 + Math.floor(rng() * 3);
  const labels: string[] = [];
  for (let s = 0; s < steps; s += 1) {
    const op = rng();
    if (op < 0.55 && target.fields.length > 0) {
      const field = pick(target.fields);
      const value = field.values && rng() < 0.5 ? pick(field.values) : generic();
      write(field.at, field.size, value, rng() < 0.9 ? target.little : !target.little);
      labels.push(`${field.what}@${field.at}=${value}`);
    } else if (op < 0.8) {
      const [start, end] = pick(target.hot);
      const at = start + Math.floor(rng() * Math.max(1, end - start));
      const bytes = pick([2, 4, 8] as const);
      const aligned = at - (at % bytes);
      const value = generic();
      write(aligned, bytes, value, target.little);
      labels.push(`word${bytes}@${aligned}=${value}`);
    } else {
      const [start, end] = pick(target.hot);
      const n = 1 + Math.floor(rng() * 8);
      for (let i = 0; i < n; i += 1) write(start + Math.floor(rng() * Math.max(1, end - start)), 1, Math.floor(rng() * 256), true);
      labels.push(`${n} random bytes in [${start},${end})`);
    }
  }
  return { label: labels.join(', '), input: work, restore };
}
