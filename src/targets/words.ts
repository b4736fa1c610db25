/**
 * Splitting a target name into what it says: operating systems, architectures, variants and
 * the words gocross does not know. Lenient on purpose: the parser decides what is an error, and
 * the suggester uses the words that were understood to find the nearest valid targets.
 */
import { ABI_VARIANTS, ARCH_ALIASES, NOISE_WORDS, OS_ALIASES, OS_REFINES } from './aliases.js';

export interface Words {
  /** Distinct GOOS values named, in order (linux + android already refined to android). */
  oses: string[];
  /** Distinct GOARCH values named, in order. */
  arches: string[];
  /** Distinct variants named by an architecture (armv7l) or a word (v7, 7). */
  variants: string[];
  /** A variant an ABI word suggests (gnueabihf → v7); weaker than `variants`. */
  abiVariant: string | null;
  /** Words that are none of the above. */
  unknown: string[];
}

const addOnce = (list: string[], value: string): void => {
  if (!list.includes(value)) list.push(value);
};

/**
 * The words of `input`. GOOS and GOARCH names that appear in `validPairs` count as known even
 * without an alias entry, so a newer Go's ports parse without a gocross release.
 */
export function readWords(input: string, validPairs: readonly string[] = []): Words {
  const extraOs = new Set(validPairs.map((pair) => pair.split('/')[0] ?? ''));
  const extraArch = new Set(validPairs.map((pair) => pair.split('/')[1] ?? ''));
  const text = input
    .trim()
    .toLowerCase()
    // The one architecture name that contains a separator itself (x86-64, x86_64).
    .replace(/x86[-_]64/g, 'amd64');
  const words: Words = { oses: [], arches: [], variants: [], abiVariant: null, unknown: [] };
  for (const word of text.split(/[/_-]+/)) {
    if (word === '' || NOISE_WORDS.has(word)) continue;
    const arch = ARCH_ALIASES[word] ?? (extraArch.has(word) ? { goarch: word } : undefined);
    // Triples carry OS versions: arm64-apple-darwin20.0.0, x86_64-unknown-freebsd14.1,
    // aarch64-linux-android21. Exact names first, so win32 and plan9 keep their digits.
    const os = OS_ALIASES[word] ?? (extraOs.has(word) ? word : arch ? undefined : OS_ALIASES[word.replace(/[\d.]+$/, '')]);
    if (os) addOnce(words.oses, os);
    else if (arch) {
      addOnce(words.arches, arch.goarch);
      if (arch.variant) addOnce(words.variants, arch.variant);
    } else if (ABI_VARIANTS[word]) words.abiVariant ??= ABI_VARIANTS[word];
    // Docker writes v7; containerd also accepts a bare 7 and normalises it to v7.
    else if (/^v?\d$/.test(word)) addOnce(words.variants, word.startsWith('v') ? word : `v${word}`);
    else words.unknown.push(word);
  }
  words.oses = words.oses.filter((os) => !words.oses.some((other) => OS_REFINES[other] === os));
  return words;
}
