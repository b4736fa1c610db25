/**
 * What a binary is expected to be, from the command line (`--target`, `--os/--arch`, `--static`…)
 * or from its name (`--infer`: tool_linux_arm64, tool-aarch64-linux, tool_Linux_x86_64.tar.gz,
 * tool-darwin-arm64.zip, tool.exe).
 */
import { usageError } from '../errors.js';
import { BUILTIN_PAIRS, parseTarget } from '../targets/index.js';
import { readWords } from '../targets/words.js';
import { loadVersionRanges } from './checks.js';

export interface Expectations {
  goos?: string;
  goarch?: string;
  goarm?: string;
  goamd64?: string;
  linkage?: 'static' | 'dynamic';
  maxGlibc?: string;
  goRange?: string;
  cgo?: boolean;
  requireBuildinfo?: boolean;
}

export interface VerifyOptions {
  target?: string;
  os?: string;
  arch?: string;
  static?: boolean;
  dynamic?: boolean;
  maxGlibc?: string;
  go?: string;
  cgo?: boolean;
  requireBuildinfo?: boolean;
}

/** The expectations the options give; a `--go` range loads the range code (see loadVersionRanges). */
export async function expectationsFrom(options: VerifyOptions): Promise<Expectations> {
  if (options.target && (options.os || options.arch)) {
    throw usageError('verify.options', '--target cannot be combined with --os or --arch.', { hint: 'use --target linux/arm64, or --os and --arch' });
  }
  if (options.static && options.dynamic) throw usageError('verify.options', '--static and --dynamic contradict each other.', { hint: 'pass one of them' });
  if (options.maxGlibc !== undefined && !/^\d+\.\d+$/.test(options.maxGlibc)) {
    throw usageError('verify.options', `--max-glibc ${options.maxGlibc} is not a glibc version like 2.31.`, { hint: 'use MAJOR.MINOR, e.g. --max-glibc 2.31' });
  }
  if (options.go !== undefined && (await loadVersionRanges()).validRange(options.go.replace(/go(?=\d)/g, '')) === null) {
    throw usageError('verify.options', `--go "${options.go}" is not a version range.`, { hint: 'use e.g. ">=1.22", "1.23.x" or ">=1.21 <1.24"' });
  }
  const expected: Expectations = {};
  if (options.target) {
    const t = parseTarget(options.target);
    Object.assign(expected, { goos: t.goos, goarch: t.goarch, goarm: t.goarm ?? undefined, goamd64: t.goamd64 ?? undefined });
  }
  if (options.os || options.arch) {
    // Validated through the target parser so aliases work here too (--arch aarch64).
    const t = parseTarget(`${options.os ?? 'linux'}/${options.arch ?? 'amd64'}`);
    if (options.os) expected.goos = t.goos;
    if (options.arch) expected.goarch = t.goarch;
  }
  if (options.static) expected.linkage = 'static';
  if (options.dynamic) expected.linkage = 'dynamic';
  if (options.maxGlibc) expected.maxGlibc = options.maxGlibc;
  if (options.go) expected.goRange = options.go.replace(/go(?=\d)/g, '');
  if (options.cgo !== undefined) expected.cgo = options.cgo;
  if (options.requireBuildinfo) expected.requireBuildinfo = true;
  return expected;
}

const ARCHIVE_SUFFIX = /\.(tar\.gz|tgz|tar|zip)$/i;

type NamedTarget = Pick<Expectations, 'goos' | 'goarch' | 'goarm' | 'goamd64'>;

/** Names already read, and what they name (null: no target). */
const named = new Map<string, NamedTarget | null>();

/**
 * The target `name` names (linux/arm64, Linux_x86_64, linux-aarch64), or null when it names none.
 * Most words of file names are no target words: those are told apart by the words alone, so
 * the parser (whose error builds suggestions for the user) is asked only about likely targets.
 */
export function targetOf(name: string): NamedTarget | null {
  const known = named.get(name);
  if (known !== undefined) return known === null ? null : { ...known };
  let target: NamedTarget | null = null;
  const words = readWords(name, BUILTIN_PAIRS);
  // The parser refuses any other mix of words (see parseTarget): no need to ask it.
  if (name.trim() !== '' && words.unknown.length === 0 && words.arches.length === 1 && words.oses.length <= 1 && words.variants.length <= 1) {
    try {
      const t = parseTarget(name);
      target = { goos: t.goos, goarch: t.goarch, goarm: t.goarm ?? undefined, goamd64: t.goamd64 ?? undefined };
    } catch {
      // A variant or pair the parser refuses: no target.
    }
  }
  named.set(name, target);
  return target === null ? null : { ...target };
}

/**
 * The target a file name claims. Words are tried in pairs with the target parser (which knows
 * every alias), so `tool_Linux_x86_64` and `tool-aarch64-linux` both read as a target; a lone
 * `.exe` says windows.
 */
export function inferFromName(name: string): NamedTarget {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const words = base
    .replace(ARCHIVE_SUFFIX, '')
    .replace(/\.exe$/i, '')
    // x86_64 holds a separator of its own.
    .replace(/x86[-_]64/gi, 'amd64')
    .split(/[-_.]+/)
    .filter(Boolean);
  const exe = /\.exe$/i.test(base);
  for (let i = 0; i < words.length; i += 1) {
    for (const span of [3, 2]) {
      const slice = words.slice(i, i + span);
      if (slice.length < span || slice.some((w) => /^\d+$/.test(w))) continue;
      const target = targetOf(slice.join('/'));
      if (target) return target;
    }
  }
  if (exe) return { goos: 'windows' };
  return {};
}
