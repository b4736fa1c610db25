/**
 * Turning oracle text into the inspector's vocabulary. Kept apart from src/binary on purpose:
 * these tables are written from the tools' documented output, not from our parser.
 */
import type { GoInfo, GoModule } from '../../src/binary/index.js';
import type { ReadelfFacts } from './oracles.js';

/** GOARCH from readelf's Machine line plus class and byte order. */
export function archFromReadelf(facts: ReadelfFacts): string {
  const b64 = facts.bits === 64;
  const le = facts.endian === 'little';
  switch (facts.machine) {
    case 'AArch64':
      return 'arm64';
    case 'Advanced Micro Devices X86-64':
      return 'amd64';
    case 'Intel 80386':
      return '386';
    case 'ARM':
      return 'arm';
    case 'RISC-V':
      return b64 ? 'riscv64' : 'riscv';
    case 'PowerPC64':
      return le ? 'ppc64le' : 'ppc64';
    case 'IBM S/390':
      return b64 ? 's390x' : 's390';
    case 'MIPS R3000':
      return b64 ? (le ? 'mips64le' : 'mips64') : le ? 'mipsle' : 'mips';
    default:
      throw new Error(`no GOARCH for readelf machine ${facts.machine}`);
  }
}

/** GOARCH from `file -b` text (ELF: "ELF 64-bit LSB …, ARM aarch64, …"; Mach-O; PE). */
export function archFromFile(brief: string): string {
  const b64 = /\b64-bit\b|PE32\+/.test(brief);
  const le = !/\bMSB\b/.test(brief);
  const table: [RegExp, () => string][] = [
    [/ARM aarch64|\barm64\b|Aarch64/, () => 'arm64'],
    [/x86-64|x86_64/, () => 'amd64'],
    [/Intel 80386|\bi386\b/, () => '386'],
    [/\bARM\b/, () => 'arm'],
    [/RISC-V/, () => (b64 ? 'riscv64' : 'riscv')],
    [/PowerPC/, () => (b64 ? (le ? 'ppc64le' : 'ppc64') : 'ppc')],
    [/S\/390/, () => (b64 ? 's390x' : 's390')],
    [/MIPS/, () => (b64 ? (le ? 'mips64le' : 'mips64') : le ? 'mipsle' : 'mips')],
  ];
  for (const [pattern, arch] of table) if (pattern.test(brief)) return arch();
  throw new Error(`no GOARCH in file output: ${brief}`);
}

/** `file`'s linkage words. */
export function linkageFromFile(brief: string): string | null {
  if (/static-pie linked/.test(brief)) return 'static-pie';
  if (/statically linked/.test(brief)) return 'static';
  if (/dynamically linked/.test(brief)) return 'dynamic';
  return null;
}

/** readelf's OS/ABI line, refined by an ABI-tag note; Linux when neither says otherwise. */
export function osFromReadelf(facts: ReadelfFacts): string {
  if (facts.abiTagOs) return facts.abiTagOs;
  const abi: Record<string, string> = { 'UNIX - FreeBSD': 'freebsd', 'UNIX - NetBSD': 'netbsd', 'UNIX - OpenBSD': 'openbsd', 'UNIX - Solaris': 'solaris' };
  return abi[facts.osabi] ?? 'linux';
}

/** ELF type: readelf's EXEC/DYN/REL/CORE, with `file` telling a PIE from a library. */
export function typeFromReadelf(facts: ReadelfFacts, brief: string): string {
  switch (facts.type) {
    case 'EXEC':
      return 'exec';
    case 'REL':
      return 'relocatable';
    case 'CORE':
      return 'core';
    case 'DYN':
      return /pie executable/.test(brief) ? 'pie' : 'shared';
    default:
      return 'unknown';
  }
}

// strconv.Quote agrees with JSON.stringify for the printable ASCII our fixtures hold.
const quoteKey = (key: string): string => (key === '' || /[= \t\r\n"`]/.test(key) ? JSON.stringify(key) : key);
const quoteValue = (value: string): string => (/[ \t\r\n"`]/.test(value) ? JSON.stringify(value) : value);

/** The lines `go version -m` would print for `go` (runtime/debug.BuildInfo.String, tab-indented). */
export function goVersionMLines(go: GoInfo): string[] {
  const lines: string[] = [];
  const mod = (word: string, m: GoModule): void => {
    lines.push(`\t${word}\t${m.path}\t${m.version === '' ? '(devel)' : m.version}${m.replace ? '' : `\t${m.sum ?? ''}`}`);
    if (m.replace) mod('=>', m.replace);
  };
  if (go.path) lines.push(`\tpath\t${go.path}`);
  if (go.main) mod('mod', go.main);
  for (const dep of go.deps) mod('dep', dep);
  for (const [key, value] of Object.entries(go.settings)) lines.push(`\tbuild\t${quoteKey(key)}=${quoteValue(value)}`);
  return lines;
}
