/** The usage error for a bad target, naming the nearest valid ones. */
import { distance } from 'fastest-levenshtein';
import { type GocrossError, usageError } from '../errors.js';
import { ARCH_ALIASES, OS_ALIASES } from './aliases.js';
import { BUILTIN_PAIRS } from './builtin-pairs.js';

/**
 * Up to three valid targets nearest to `input`: the same architecture on other systems and the
 * same system with other architectures first (when those words were understood), then by edit
 * distance over canonical names and conda subdir style spellings.
 */
export function nearestTargets(input: string, validPairs: readonly string[], parsed?: { goos?: string; goarch?: string }): string[] {
  const text = input.trim().toLowerCase().replace(/[-_]/g, '/');
  const scored = validPairs.map((pair) => {
    const [goos = '', goarch = ''] = pair.split('/');
    let score = distance(text, pair);
    // Words the user got right count for more than letters.
    if (parsed?.goarch === goarch) score -= 4;
    if (parsed?.goos === goos) score -= 2;
    // Aliases: "linux/aarch46" is near "linux/aarch64" even though far from "linux/arm64".
    const bare = !text.includes('/');
    for (const [alias, { goarch: aliased }] of Object.entries(ARCH_ALIASES)) {
      if (aliased !== goarch || alias.length <= 2) continue;
      score = Math.min(score, distance(text, `${goos}/${alias}`));
      // A bare architecture ("aarch46") means Linux, like a parsed one does.
      if (bare && goos === 'linux') score = Math.min(score, distance(text, alias) - 1);
    }
    for (const [alias, os] of Object.entries(OS_ALIASES)) {
      if (os === goos && alias.length > 2 && parsed?.goarch === goarch) score = Math.min(score, distance(text, `${alias}/${goarch}`) - 4);
    }
    // Prefer Linux and the common targets when scores tie.
    const common = (['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'].includes(pair) ? -0.5 : 0) + (goos === 'linux' ? -1 : 0);
    return { pair, score: score + common };
  });
  return scored.sort((a, b) => a.score - b.score || a.pair.localeCompare(b.pair)).slice(0, 3).map((s) => s.pair);
}

export function targetError(
  input: string,
  reason: string,
  exact?: string,
  validPairs: readonly string[] = BUILTIN_PAIRS,
  parsed?: { goos?: string; goarch?: string },
): GocrossError {
  const near = exact ? [exact] : nearestTargets(input, validPairs, parsed);
  return usageError('target.unknown', `unknown target "${input.trim()}": ${reason}.`, {
    hint: `did you mean ${near.join(', ')}? run \`gocross targets\` for the list`,
  });
}
