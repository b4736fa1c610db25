/**
 * Which conda envs use an SDK of the store: `gocross init` records the GOROOT of an env's hooks
 * in the env's settings (`readEnvSettings`) as `goroot = …`.
 */
import { resolve } from 'node:path';
import { readEnvSettings } from '../activation/settings-file.js';

/** The prefixes among `prefixes` whose gocross hooks use `goroot`. */
export function envsUsing(goroot: string, prefixes: readonly string[]): string[] {
  const wanted = resolve(goroot);
  return prefixes.filter((prefix) => {
    const recorded = readEnvSettings(prefix)?.settings.goroot;
    return recorded !== undefined && resolve(recorded) === wanted;
  });
}

