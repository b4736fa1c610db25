/**
 * Which conda envs use an SDK of the store: `gocross init` records the GOROOT of an env's hooks
 * in `<prefix>/etc/gocross/gocross.ini` as `goroot = …`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ENV_SETTINGS_FILE = join('etc', 'gocross', 'gocross.ini');

/** The `goroot` recorded in an env's gocross settings text. */
export function recordedGoroot(text: string): string | undefined {
  return /^\s*goroot\s*=\s*(.+?)\s*$/m.exec(text)?.[1]?.replace(/^"(.*)"$/, '$1');
}

/** The prefixes among `prefixes` whose gocross hooks use `goroot`. */
export function envsUsing(goroot: string, prefixes: readonly string[]): string[] {
  const wanted = resolve(goroot);
  return prefixes.filter((prefix) => {
    try {
      const recorded = recordedGoroot(readFileSync(join(prefix, ENV_SETTINGS_FILE), 'utf8'));
      return recorded !== undefined && resolve(recorded) === wanted;
    } catch {
      return false;
    }
  });
}

