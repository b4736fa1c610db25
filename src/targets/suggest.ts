/** The usage error for a bad target, naming the nearest valid ones. */
import { type GocrossError, usageError } from '../errors.js';
import { ARCH_ALIASES, OS_ALIASES } from './aliases.js';
import { VARIANTS } from './arch-table.js';
import { BUILTIN_PAIRS } from './builtin-pairs.js';
import { readWords, type Words } from './words.js';

/*
 * Each valid pair is scored by how well the words of the input fill its two slots, OS and
 * architecture; the lowest scores win. A slot is filled by a word that was understood (free
 * when it matches, a fixed price when it names another OS or arch), or by an unknown word at its
 * edit distance to the nearest alias it resembles (so "aarch46" finds arm64 through "aarch64"),
 * or left empty (free for the OS when the pair is Linux, as a bare architecture means Linux).
 * An unknown word that fills no slot costs a little more than a two-letter typo. So
 * "darwn/arm64" suggests darwin/arm64 first, and "macos/386" the same OS's other arches and the
 * same arch on Linux.
 */
const OTHER_OS = 3;
const NO_OS = 3;
const OTHER_ARCH = 2;
const NO_ARCH = 3;
const UNUSED_WORD = 2.5;

/** Tie-breakers only (well under 1): the common targets first. */
const OS_RANK: Readonly<Record<string, number>> = { linux: 0, darwin: 0.05, windows: 0.05, freebsd: 0.1 };
const ARCH_RANK: Readonly<Record<string, number>> = { amd64: 0, arm64: 0, arm: 0.05, '386': 0.05 };

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment): "arm46"
 * is one typo from "arm64", not two, so it beats "armv6".
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
    }
  }
  return at(a.length, b.length);
}

/** The distance from an unknown word to a name it is plausibly a typo of (about half its letters), else null. */
function resembles(word: string, name: string): number | null {
  const d = editDistance(word, name);
  return d <= Math.max(2, Math.ceil(word.length / 2)) ? d : null;
}

const osNames = (goos: string): string[] => [goos, ...Object.keys(OS_ALIASES).filter((alias) => OS_ALIASES[alias] === goos)];

const archNames = (goarch: string): { name: string; variant?: string }[] => [
  { name: goarch },
  ...Object.entries(ARCH_ALIASES)
    .filter(([, alias]) => alias.goarch === goarch)
    .map(([name, alias]) => ({ name, ...(alias.variant ? { variant: alias.variant } : {}) })),
];

interface Slot {
  cost: number;
  /** Index of the unknown word that fills the slot. */
  uses: number | null;
  variant?: string | undefined;
}

function osSlots(goos: string, words: Words): Slot[] {
  if (words.oses.length > 0) return [{ cost: words.oses.includes(goos) ? 0 : OTHER_OS, uses: null }];
  const slots: Slot[] = [{ cost: goos === 'linux' ? 0 : NO_OS, uses: null }];
  for (const [i, word] of words.unknown.entries()) {
    for (const name of osNames(goos)) {
      const cost = resembles(word, name);
      if (cost !== null) slots.push({ cost, uses: i });
    }
  }
  return slots;
}

function archSlots(goarch: string, words: Words): Slot[] {
  if (words.arches.length > 0) {
    if (!words.arches.includes(goarch)) {
      return [{ cost: OTHER_ARCH + 0.25 * Math.min(...words.arches.map((named) => editDistance(goarch, named))), uses: null }];
    }
    return [{ cost: 0, uses: null, variant: words.variants[0] ?? (goarch === 'arm' ? (words.abiVariant ?? undefined) : undefined) }];
  }
  const slots: Slot[] = [{ cost: NO_ARCH, uses: null }];
  for (const [i, word] of words.unknown.entries()) {
    for (const alias of archNames(goarch)) {
      const cost = resembles(word, alias.name);
      if (cost !== null) slots.push({ cost, uses: i, variant: alias.variant });
    }
  }
  return slots;
}

/** The name to suggest for a pair: with the variant the input implied, when the arch takes it. */
function nameWith(pair: string, goarch: string, variant: string | undefined): string {
  const rule = VARIANTS[goarch];
  return variant && rule?.valid.includes(variant) && variant !== rule.dropped ? `${pair}/${variant}` : pair;
}

/** Up to three valid targets nearest to what `words` say. */
export function suggestTargets(words: Words, validPairs: readonly string[]): string[] {
  const scored = validPairs.map((pair) => {
    const [goos = '', goarch = ''] = pair.split('/');
    let best = { name: pair, score: Number.POSITIVE_INFINITY };
    for (const os of osSlots(goos, words)) {
      for (const arch of archSlots(goarch, words)) {
        if (os.uses !== null && os.uses === arch.uses) continue;
        const unused = words.unknown.length - (os.uses === null ? 0 : 1) - (arch.uses === null ? 0 : 1);
        const score = os.cost + arch.cost + unused * UNUSED_WORD;
        if (score < best.score) best = { name: nameWith(pair, goarch, arch.variant), score };
      }
    }
    return { name: best.name, score: best.score + (OS_RANK[goos] ?? 0.15) + (ARCH_RANK[goarch] ?? 0.1) };
  });
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, 3);
}

/** Up to three valid targets nearest to `input`, for hints and "did you mean". */
export const nearestTargets = (input: string, validPairs: readonly string[] = BUILTIN_PAIRS): string[] =>
  suggestTargets(readWords(input, validPairs), validPairs);

/**
 * The valid spellings of `goos/goarch` nearest to a bad variant: linux/arm/v9 → v7, v6, v5;
 * linux/amd64/v5 → v4, v3, v2; an arch without variants → the plain pair.
 */
export function variantSuggestions(goos: string, goarch: string, requested: string): string[] {
  const rule = VARIANTS[goarch];
  const pair = `${goos}/${goarch}`;
  if (!rule) return [pair];
  const wanted = Number(requested.slice(1));
  const gap = (variant: string): number => Math.abs(Number(variant.slice(1)) - wanted);
  const ordered = [...rule.valid].sort((a, b) => gap(a) - gap(b) || b.localeCompare(a));
  return [...new Set(ordered.map((variant) => (variant === rule.dropped ? pair : `${pair}/${variant}`)))].slice(0, 3);
}

export function targetError(input: string, reason: string, suggestions: readonly string[]): GocrossError {
  return usageError('target.unknown', `unknown target "${input.trim()}": ${reason}.`, {
    hint: `did you mean ${suggestions.join(', ')}? run \`gocross targets\` for the list`,
  });
}
