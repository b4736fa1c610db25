/**
 * Which conda envs use an SDK of the store: `gocross init` records the GOROOT of an env's hooks
 * in `<prefix>/etc/gocross/gocross.ini` as `goroot = …`.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * Env prefixes worth checking: the active one, conda's list of envs (~/.conda/environments.txt),
 * and the envs directories of CONDA_ROOT and MAMBA_ROOT_PREFIX.
 */
export function knownEnvPrefixes(env: NodeJS.ProcessEnv): string[] {
  const prefixes = new Set<string>();
  if (env.CONDA_PREFIX) prefixes.add(env.CONDA_PREFIX);
  const home = env.HOME ?? '';
  try {
    for (const line of readFileSync(join(home, '.conda', 'environments.txt'), 'utf8').split('\n')) if (line.trim()) prefixes.add(line.trim());
  } catch {
    // No conda list of envs: fine.
  }
  for (const root of [env.CONDA_ROOT, env.MAMBA_ROOT_PREFIX]) {
    if (!root) continue;
    try {
      for (const name of readdirSync(join(root, 'envs'))) prefixes.add(join(root, 'envs', name));
    } catch {
      // No envs directory.
    }
  }
  return [...prefixes];
}
