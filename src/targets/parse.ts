/**
 * Parsing target names. Accepted, case-insensitively, with `/`, `-` or `_` between words:
 *
 *   canonical       linux/arm64, linux/arm/v7, linux/amd64/v3
 *   Docker          linux/arm64/v8 (→ linux/arm64), linux/amd64/v1 (→ linux/amd64)
 *   OS aliases      macos/arm64, osx-arm64, win32/x64, win-64, sunos/amd64
 *   arch aliases    linux/aarch64, linux/x86_64, linux/x86-64, linux/armv7l, linux/mipsel
 *   bare arch       aarch64, x86_64, armv7l, arm64 (→ linux)
 *   conda subdirs   linux-64, linux-aarch64, linux-armv7l, osx-64, win-64, emscripten-wasm32
 *   Go archives     linux-armv6l, darwin-arm64, windows-386
 *   GNU triples     aarch64-linux-gnu, x86_64-unknown-linux-gnu, arm-linux-gnueabihf,
 *                   aarch64-apple-darwin, x86_64-pc-windows-msvc, arm64-apple-darwin20.0.0
 *
 * OS and architecture words may come in either order; vendor/libc words are ignored; an ABI
 * word pins the ARM variant (gnueabihf → v7). The GOOS/GOARCH pair must be in `validPairs`.
 */
import { ARCHES, VARIANTS } from './arch-table.js';
import { ABI_VARIANTS, ARCH_ALIASES, NOISE_WORDS, OS_ALIASES } from './aliases.js';
import { BUILTIN_PAIRS } from './builtin-pairs.js';
import { type TargetInfo, targetInfo } from './info.js';
import { targetError } from './suggest.js';

interface Words {
  os?: string;
  arch?: string;
  variant?: string;
}

const setOnce = (words: Words, key: keyof Words, value: string, input: string): void => {
  if (words[key] !== undefined && words[key] !== value) {
    throw targetError(input, `"${input}" names two ${key === 'os' ? 'operating systems' : key === 'arch' ? 'architectures' : 'variants'} (${words[key]} and ${value})`);
  }
  words[key] = value;
};

/** The OS, arch and variant words of `input`, unvalidated against the pair list. */
function readWords(input: string): Words {
  const text = input
    .trim()
    .toLowerCase()
    // A word that contains a separator itself.
    .replace(/x86[-_]64/g, 'amd64')
    // Darwin triples carry a kernel version: arm64-apple-darwin20.0.0.
    .replace(/darwin[\d.]+$/, 'darwin');
  const words: Words = {};
  for (const word of text.split(/[/_-]+/)) {
    if (word === '' || NOISE_WORDS.has(word)) continue;
    const os = OS_ALIASES[word];
    const arch = ARCH_ALIASES[word];
    if (os) setOnce(words, 'os', os, input);
    else if (arch) {
      setOnce(words, 'arch', arch.goarch, input);
      if (arch.variant) setOnce(words, 'variant', arch.variant, input);
    } else if (ABI_VARIANTS[word]) setOnce(words, 'variant', ABI_VARIANTS[word], input);
    else if (/^v\d$/.test(word)) setOnce(words, 'variant', word, input);
    else throw targetError(input, `"${word}" is no operating system or architecture gocross knows`);
  }
  return words;
}

/** Parse and validate a target name; throws a usage error naming the nearest valid targets. */
export function parseTarget(input: string, validPairs: readonly string[] = BUILTIN_PAIRS): TargetInfo {
  if (input.trim() === '') throw targetError(input, 'the target is empty', 'linux/arm64');
  const words = readWords(input);
  if (!words.arch) throw targetError(input, `"${input}" names no architecture`);
  const goos = words.os ?? 'linux';
  const goarch = words.arch;
  if (!ARCHES[goarch]) throw targetError(input, `"${input}" is not a target`);
  let variant = words.variant ?? null;
  const rule = VARIANTS[goarch];
  if (variant !== null) {
    if (!rule || !rule.valid.includes(variant)) {
      throw targetError(
        input,
        rule
          ? `"${variant}" is not a variant of ${goarch} (valid: ${rule.valid.join(', ')})`
          : `${goarch} takes no variant, but "${input}" gives ${variant}`,
        `${goos}/${goarch}`,
      );
    }
    if (variant === rule.dropped) variant = null;
  }
  const pair = `${goos}/${goarch}`;
  if (!validPairs.includes(pair)) {
    throw targetError(input, `${pair} is not a GOOS/GOARCH pair Go supports`, undefined, validPairs, { goos, goarch });
  }
  return targetInfo(goos, goarch, variant);
}

export const formatTarget = (info: Pick<TargetInfo, 'goos' | 'goarch' | 'variant'>): string =>
  info.variant ? `${info.goos}/${info.goarch}/${info.variant}` : `${info.goos}/${info.goarch}`;

/**
 * Every valid target: each GOOS/GOARCH pair, plus the variants that change the build on Linux
 * (linux/arm/v5…v7, linux/amd64/v2…v4).
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

/** Whether `target` needs cross-compiling on `host` (a different OS, arch or variant family). */
export const isForeign = (target: Pick<TargetInfo, 'goos' | 'goarch'>, host: Pick<TargetInfo, 'goos' | 'goarch'>): boolean =>
  target.goos !== host.goos || target.goarch !== host.goarch;
