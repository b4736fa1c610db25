/** The fixture recipes of test/fixtures/recipes/ and a source cache that holds the archives they name. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRecipeDir } from '../../src/recipe/check.js';
import type { Finding } from '../../src/recipe/lint.js';
import { tempDir } from '../helpers/temp.js';

export const RECIPES = fileURLToPath(new URL('../fixtures/recipes/', import.meta.url));
export const ARCHIVES = join(RECIPES, '_archives');

/** A source cache (an XDG_CACHE_HOME) holding the fixture archives, as a download would have left them. */
export function seededCache(): string {
  const cache = tempDir('gocross-fixture-cache-');
  const dir = join(cache, 'gocross', 'sources');
  mkdirSync(dir, { recursive: true });
  for (const name of ['tool-1.0.0.tar.gz', 'tool-1.0.0.zip']) {
    const sha = createHash('sha256').update(readFileSync(join(ARCHIVES, name))).digest('hex');
    copyFileSync(join(ARCHIVES, name), join(dir, sha));
  }
  return cache;
}

export interface Checked {
  findings: Finding[];
  platforms?: string[];
  platformsFrom?: string;
}

/** `gocross recipe --check --offline` on a fixture, with `cache` as XDG_CACHE_HOME. */
export async function checkFixture(name: string, cache: string, options: { platforms?: string[] } = {}): Promise<Checked> {
  return (await checkRecipeDir(join(RECIPES, name), { offline: true, env: { XDG_CACHE_HOME: cache, HOME: '/nonexistent' }, platforms: options.platforms })) as Checked;
}

export const ofSeverity = (findings: Finding[], severity: string): string[] => [...new Set(findings.filter((f) => f.severity === severity).map((f) => f.id))].sort();
export const show = (findings: Finding[]): string => JSON.stringify(findings, null, 2);
