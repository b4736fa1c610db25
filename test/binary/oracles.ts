/**
 * The independent opinions the inspector is checked against: readelf, file, go version -m, and
 * (when installed) llvm-objdump/llvm-readobj for Mach-O and PE details `file` does not print.
 * Each is parsed here from its text output; nothing here shares code with src/binary.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

async function stdout(command: string, args: string[]): Promise<string> {
  try {
    return (await exec(command, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } })).stdout;
  } catch (error) {
    // go version -m prints what it can and may exit non-zero for non-Go files.
    const out = (error as { stdout?: string }).stdout;
    if (typeof out === 'string') return out;
    throw error;
  }
}

const field = (text: string, label: string): string => {
  const match = new RegExp(`^\\s*${label}:\\s+(.*)$`, 'm').exec(text);
  if (!match) throw new Error(`readelf output has no ${label}`);
  return (match[1] as string).trim();
};

export interface ReadelfFacts {
  bits: 32 | 64;
  endian: 'little' | 'big';
  osabi: string;
  /** EXEC, DYN, REL, CORE. */
  type: string;
  machine: string;
  flags: string;
  interpreter: string | null;
  hasDynamic: boolean;
  needed: string[];
  flags1: string[];
  sections: string[];
  /** OS named by an NT_GNU_ABI_TAG or vendor ABI note, lower-case, or null. */
  abiTagOs: string | null;
  /** "BTI, PAC" etc. from "AArch64 feature:", or null. */
  aarch64Feature: string | null;
  goNote: boolean;
  /** Highest GLIBC_x.y in the version-needs section, as x.y. */
  glibc: string | null;
}

export async function readelf(path: string): Promise<ReadelfFacts> {
  const text = await stdout('readelf', ['-h', '-l', '-d', '-n', '-S', '-W', path]);
  const versions = await stdout('readelf', ['-V', '-W', path]);
  const needs = versions.includes('Version needs section') ? versions.slice(versions.indexOf('Version needs section')) : '';
  const glibcs = [...needs.matchAll(/Name: GLIBC_([\d.]+)\s/g)].map((m) => m[1] as string);
  const cmp = (a: string, b: string) => {
    const x = a.split('.').map(Number);
    const y = b.split('.').map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  const abiTag = /NT_GNU_ABI_TAG.*?OS: (\w+)/.exec(text)?.[1] ?? /^\s+(FreeBSD|NetBSD|OpenBSD)\s+0x[0-9a-f]+\s+NT_\w*(ABI_TAG|VERSION)/m.exec(text)?.[1] ?? null;
  return {
    bits: field(text, 'Class') === 'ELF64' ? 64 : 32,
    endian: field(text, 'Data').includes('little') ? 'little' : 'big',
    osabi: field(text, 'OS/ABI'),
    type: (field(text, 'Type').split(' ')[0] as string),
    machine: field(text, 'Machine'),
    flags: field(text, 'Flags'),
    interpreter: /\[Requesting program interpreter: (.*)\]/.exec(text)?.[1] ?? null,
    hasDynamic: /^\s+DYNAMIC\s+0x/m.test(text),
    needed: [...text.matchAll(/\(NEEDED\)\s+Shared library: \[(.*)\]/g)].map((m) => m[1] as string),
    flags1: /\(FLAGS_1\)\s+Flags: (.*)/.exec(text)?.[1]?.trim().split(/\s+/) ?? [],
    sections: [...text.matchAll(/^\s+\[\s*\d+\]\s+(\S*)\s/gm)].map((m) => m[1] as string),
    abiTagOs: abiTag ? abiTag.toLowerCase() : null,
    aarch64Feature: /AArch64 feature: (.*)/.exec(text)?.[1]?.trim() ?? null,
    goNote: /^\s+Go\s+0x[0-9a-f]+\s+GO BUILDID/m.test(text),
    glibc: glibcs.sort(cmp).at(-1) ?? null,
  };
}

/** `file -b` output: one line naming format, bits, arch, linkage, strip state. */
export const fileBrief = async (path: string): Promise<string> => (await stdout('file', ['-b', path])).trim();

export interface GoVersionM {
  version: string;
  /** The `\t`-prefixed lines after the first, as printed. */
  lines: string[];
}

/** `go version -m FILE`, or null when go says it is not a Go executable. */
export async function goVersionM(goBinary: string, path: string): Promise<GoVersionM | null> {
  const out = await stdout(goBinary, ['version', '-m', path]);
  const [first, ...rest] = out.split('\n');
  const match = first ? /^.*?: (go\S*.*)$/.exec(first) : null;
  if (!match) return null;
  return { version: match[1] as string, lines: rest.filter((line) => line.startsWith('\t')) };
}

export interface MachoFacts {
  nsyms: number;
  dylinker: string | null;
  dylibs: string[];
  filetype: string;
  flags: string[];
}

/** llvm-objdump --macho --private-headers, for what `file` does not print. */
export async function llvmMacho(tool: string, path: string): Promise<MachoFacts> {
  const text = await stdout(tool, ['--macho', '--private-headers', path]);
  const header = /^\s*MH_MAGIC\S*\s+\S+\s+\S+\s+\S+\s+(\S+)\s+\d+\s+\d+\s*(.*)$/m.exec(text);
  return {
    nsyms: Number(/cmd LC_SYMTAB[\s\S]*?nsyms (\d+)/.exec(text)?.[1] ?? 0),
    dylinker: /cmd LC_LOAD_DYLINKER[\s\S]*?name (\S+) \(offset/.exec(text)?.[1] ?? null,
    dylibs: [...text.matchAll(/cmd LC_(?:LOAD|LOAD_WEAK|REEXPORT|LAZY_LOAD|LOAD_UPWARD)_DYLIB\n[\s\S]*?name (\S+) \(offset/g)].map((m) => m[1] as string),
    filetype: header?.[1] ?? '',
    flags: (header?.[2] ?? '').trim().split(/\s+/).filter(Boolean),
  };
}

export interface PeFacts {
  symbolCount: number;
  needed: string[];
  characteristics: string[];
}

/** llvm-readobj --file-headers --needed-libs, for what `file` does not print. */
export async function llvmPe(tool: string, path: string): Promise<PeFacts> {
  const text = await stdout(tool, ['--file-headers', '--needed-libs', path]);
  const needed = /NeededLibraries \[\n([\s\S]*?)\n\s*\]/.exec(text)?.[1] ?? '';
  return {
    symbolCount: Number(/SymbolCount: (\d+)/.exec(text)?.[1] ?? NaN),
    needed: needed.split('\n').map((line) => line.trim()).filter(Boolean),
    characteristics: [...text.matchAll(/IMAGE_(?:FILE|DLL_CHARACTERISTICS)_(\w+) \(0x/g)].map((m) => m[1] as string),
  };
}
