/**
 * Checks across a release set (pure): a SHA256SUMS file against the files it lists, the same
 * binary shipped under two targets' names, and builds from a modified checkout.
 */
import { usageError } from '../errors.js';
import type { Check } from './checks.js';

export interface SumsLine {
  name: string;
  sha256: string;
}

/** `sha256sum` output: `<64 hex>  name` (or ` *name` for binary mode); blank lines are fine. */
export function parseSums(text: string, file: string): SumsLine[] {
  const lines: SumsLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const match = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!match) throw usageError('verify.sums', `${file}:${i + 1} is not a sha256sum line: ${JSON.stringify(line.slice(0, 80))}.`, { hint: 'give a file written by sha256sum (or gocross build): "<sha256>  <name>" per line' });
    lines.push({ sha256: match[1]!.toLowerCase(), name: match[2]! });
  });
  return lines;
}

export interface Identity {
  /** How the row is shown. */
  name: string;
  /** The target it claims to be (goos/goarch[/variant]), or null when it claims none. */
  claim: string | null;
  sha256: string | null;
  buildId: string | null;
}

/**
 * A failed `duplicate` check for every artifact whose bytes (or Go build ID) another artifact
 * claiming a different target holds too: one binary cannot be two targets.
 */
export function duplicateChecks(rows: readonly Identity[]): Map<number, Check> {
  const checks = new Map<number, Check>();
  const group = (key: (r: Identity) => string | null, what: string) => {
    const by = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const k = r.claim ? key(r) : null;
      if (k) by.set(k, [...(by.get(k) ?? []), i]);
    });
    for (const members of by.values()) {
      const claims = new Set(members.map((i) => rows[i]!.claim));
      if (claims.size < 2) continue;
      for (const i of members) {
        if (checks.has(i)) continue;
        const others = members.filter((j) => rows[j]!.claim !== rows[i]!.claim).map((j) => `${rows[j]!.name} (${rows[j]!.claim})`);
        checks.set(i, { name: 'duplicate', expected: `a binary of its own for ${rows[i]!.claim}`, actual: `${what} as ${others.slice(0, 3).join(', ')}`, ok: false });
      }
    }
  };
  group((r) => r.sha256, 'the same bytes');
  group((r) => r.buildId, 'the same Go build ID');
  return checks;
}

/** `--require-clean`: a Go binary whose build info says vcs.modified=true was built from uncommitted changes. */
export function cleanCheck(settings: Record<string, string> | undefined): Check | null {
  const modified = settings?.['vcs.modified'];
  if (modified === undefined) return null;
  return { name: 'vcs-clean', expected: 'vcs.modified=false', actual: `vcs.modified=${modified}`, ok: modified !== 'true' };
}
