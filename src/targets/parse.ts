/**
 * Parsing target names. Accepted, case-insensitively, with `/`, `-` or `_` between words:
 *
 *   canonical       linux/arm64, linux/arm/v7, linux/amd64/v3
 *   Docker          linux/arm64/v8 (→ linux/arm64), linux/amd64/v1 (→ linux/amd64), linux/arm/7
 *   OS aliases      macos/arm64, osx-arm64, win32/x64, win-64, sunos/amd64
 *   arch aliases    linux/aarch64, linux/x86_64, linux/x86-64, linux/armv7l, linux/mipsel
 *   bare arch       aarch64, x86_64, armv7l, arm64 (→ linux)
 *   conda subdirs   linux-64, linux-aarch64, linux-armv7l, osx-64, win-64, emscripten-wasm32
 *   Node            linux/x64, win32/x64, linux/ia32 (fromNode() also knows the byte order)
 *   Go archives     linux-armv6l, darwin-arm64, windows-386
 *   uname-style     Linux_x86_64, Darwin_arm64
 *   triples         aarch64-linux-gnu, x86_64-unknown-linux-gnu, arm-linux-gnueabihf,
 *                   aarch64-apple-darwin, x86_64-pc-windows-msvc, arm64-apple-darwin20.0.0,
 *                   aarch64-linux-android, wasm32-wasip1
 *
 * Grammar: a name is words, in any order. Each word is an OS (an alias, or a GOOS of the valid
 * pairs, optionally with a version: darwin20.0.0), an architecture (an alias, which may imply an
 * ARM variant), a variant (vN or N), an ABI word (gnueabihf suggests v7 and gnueabi v6 for arm,
 * unless the architecture says otherwise), or a vendor/libc word, which is ignored (unknown, pc,
 * gnu, musl, …). At most one OS (android beats linux, ios beats darwin), exactly one
 * architecture, at most one variant; no OS means linux. The GOOS/GOARCH pair must be in
 * `validPairs`. Name inference from file names (tool_linux_arm64.tar.gz) is not this parser's
 * job.
 */
import { usageError } from '../errors.js';
import { ARCHES, VARIANTS } from './arch-table.js';
import { BUILTIN_PAIRS } from './builtin-pairs.js';
import { type TargetInfo, targetInfo } from './info.js';
import { suggestTargets, targetError, variantSuggestions } from './suggest.js';
import { readWords } from './words.js';

const quoteAll = (words: readonly string[]): string => words.map((word) => `"${word}"`).join(', ');

/** Parse and validate a target name; throws a usage error naming the nearest valid targets. */
export function parseTarget(input: string, validPairs: readonly string[] = BUILTIN_PAIRS): TargetInfo {
  const text = input.trim();
  if (text === '') {
    throw usageError('target.unknown', 'the target is empty.', {
      hint: 'name one such as linux/arm64, linux/amd64 or darwin/arm64; run `gocross targets` for the list',
    });
  }
  const words = readWords(text, validPairs);
  const fail = (reason: string, suggestions = suggestTargets(words, validPairs)) => targetError(text, reason, suggestions);
  if (words.unknown.length === 1) throw fail(`"${words.unknown[0]}" is no operating system or architecture gocross knows`);
  if (words.unknown.length > 1) throw fail(`${quoteAll(words.unknown)} are no operating systems or architectures gocross knows`);
  if (words.oses.length > 1) throw fail(`"${text}" names two operating systems (${words.oses.join(' and ')})`);
  if (words.arches.length > 1) throw fail(`"${text}" names two architectures (${words.arches.join(' and ')})`);
  if (words.variants.length > 1) throw fail(`"${text}" names two variants (${words.variants.join(' and ')})`);
  const goarch = words.arches[0];
  if (goarch === undefined) throw fail(`"${text}" names no architecture`);
  const goos = words.oses[0] ?? 'linux';
  const pair = `${goos}/${goarch}`;

  const rule = VARIANTS[goarch];
  // An explicit or arch-implied variant wins; an ABI word's counts only for arm.
  let variant: string | null = words.variants[0] ?? (goarch === 'arm' ? words.abiVariant : null);
  if (variant !== null) {
    if (!rule?.valid.includes(variant)) {
      const reason = rule
        ? `"${variant}" is not a variant of ${goarch} (valid: ${rule.valid.join(', ')})`
        : `${goarch} takes no variant, but "${text}" gives ${variant}`;
      throw fail(reason, variantSuggestions(goos, goarch, variant));
    }
    if (variant === rule.dropped) variant = null;
  }
  if (!validPairs.includes(pair)) throw fail(`${pair} is not a GOOS/GOARCH pair Go supports`);
  if (!ARCHES[goarch]) {
    // A newer Go's port: valid for Go, but gocross has no machine numbers, bits or triples for it.
    throw usageError('target.unknown', `gocross does not know the ${goarch} architecture of ${pair} yet.`, {
      hint: 'build it with go directly, or pick a target from `gocross targets`',
    });
  }
  return targetInfo(goos, goarch, variant);
}

export const formatTarget = (info: Pick<TargetInfo, 'goos' | 'goarch' | 'variant'>): string =>
  info.variant ? `${info.goos}/${info.goarch}/${info.variant}` : `${info.goos}/${info.goarch}`;

/**
 * Every valid target: each GOOS/GOARCH pair gocross has facts for, plus the variants that
 * change the build on Linux (linux/arm/v5…v7, linux/amd64/v2…v4). Variants on other systems
 * parse too (freebsd/arm/v6) but are not listed, to keep the list readable.
 */
export function listTargets(validPairs: readonly string[] = BUILTIN_PAIRS): TargetInfo[] {
  const list: TargetInfo[] = [];
  for (const pair of [...validPairs].sort()) {
    const [goos = '', goarch = ''] = pair.split('/');
    if (!ARCHES[goarch]) continue;
    list.push(targetInfo(goos, goarch, null));
    const rule = VARIANTS[goarch];
    if (goos === 'linux' && rule) {
      for (const variant of rule.valid) if (variant !== rule.dropped) list.push(targetInfo(goos, goarch, variant));
    }
  }
  return list;
}

/**
 * Whether building `target` on `host` is a cross-compile: another GOOS or GOARCH. A variant
 * alone (linux/amd64/v3 on linux/amd64) is not: the host's Go builds it natively, though the
 * host CPU may not run the result.
 */
export const isForeign = (target: Pick<TargetInfo, 'goos' | 'goarch'>, host: Pick<TargetInfo, 'goos' | 'goarch'>): boolean =>
  target.goos !== host.goos || target.goarch !== host.goarch;
