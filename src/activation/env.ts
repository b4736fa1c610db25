/**
 * Which environment gocross works on: `--prefix`, `-n NAME`, or the active one (conda, mamba,
 * micromamba or pixi). Pure decisions take the inputs as arguments; `locateEnv` gathers them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { usageError } from '../errors.js';

export type EnvKind = 'conda' | 'micromamba' | 'pixi' | 'none';

export interface CondaEnv {
  kind: EnvKind;
  /** null when no env is active or named. */
  prefix: string | null;
  name: string | null;
  /** How it was found, for the doctor's "inspected" summary. */
  via: string;
}

export const isCondaPrefix = (dir: string): boolean => existsSync(join(dir, 'conda-meta'));

/** The env directories conda knows: `conda info --json` envs when given, else environments.txt and envs dirs. */
export function knownEnvs(env: NodeJS.ProcessEnv, condaInfoEnvs?: string[]): string[] {
  const found = new Set<string>(condaInfoEnvs ?? []);
  try {
    for (const line of readFileSync(join(env.HOME ?? '', '.conda', 'environments.txt'), 'utf8').split('\n')) if (line.trim()) found.add(line.trim());
  } catch {
    // conda has not written its list of envs: fine.
  }
  for (const root of [env.CONDA_ROOT, env.MAMBA_ROOT_PREFIX]) {
    if (!root) continue;
    try {
      for (const name of readdirSync(join(root, 'envs'))) found.add(join(root, 'envs', name));
    } catch {
      // No envs directory there.
    }
  }
  if (env.CONDA_PREFIX) found.add(env.CONDA_PREFIX);
  return [...found];
}

const kindOf = (env: NodeJS.ProcessEnv, prefix: string): EnvKind => {
  if (prefix.includes(`${join('.pixi', 'envs')}`)) return 'pixi';
  if (env.MAMBA_ROOT_PREFIX && resolve(prefix).startsWith(resolve(env.MAMBA_ROOT_PREFIX)) && !env.CONDA_EXE) return 'micromamba';
  return 'conda';
};

export interface LocateOptions {
  prefix?: string;
  name?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Env paths from `conda info --json`, when conda is on PATH. */
  condaInfoEnvs?: string[];
}

export function locateEnv(options: LocateOptions): CondaEnv {
  const { env } = options;
  if (options.prefix) {
    const prefix = resolve(options.cwd, options.prefix);
    if (!isCondaPrefix(prefix)) {
      throw usageError('env.not-conda', `${prefix} is not a conda env (it has no conda-meta/ directory).`, {
        hint: 'pass the prefix of a conda, mamba, micromamba or pixi env (`conda env list` shows them)',
      });
    }
    return { kind: kindOf(env, prefix), prefix, name: basename(prefix), via: '--prefix' };
  }
  if (options.name) {
    const pixiRoot = env.PIXI_PROJECT_ROOT ?? options.cwd;
    const pixi = join(pixiRoot, '.pixi', 'envs', options.name);
    const candidates = [...knownEnvs(env, options.condaInfoEnvs), ...(isCondaPrefix(pixi) ? [pixi] : [])];
    const prefix = candidates.find((p) => basename(p) === options.name && isCondaPrefix(p));
    if (!prefix) {
      throw usageError('env.unknown', `no conda env named "${options.name}" was found.`, {
        hint: `known envs: ${candidates.map((p) => basename(p)).join(', ') || 'none'}; or pass --prefix`,
      });
    }
    return { kind: kindOf(env, prefix), prefix, name: options.name, via: '-n' };
  }
  if (env.CONDA_PREFIX && isCondaPrefix(env.CONDA_PREFIX)) {
    const prefix = env.CONDA_PREFIX;
    return { kind: env.PIXI_PROJECT_ROOT ? 'pixi' : kindOf(env, prefix), prefix, name: env.CONDA_DEFAULT_ENV ?? basename(prefix), via: 'CONDA_PREFIX' };
  }
  const pixiDefault = join(env.PIXI_PROJECT_ROOT ?? options.cwd, '.pixi', 'envs', 'default');
  if (isCondaPrefix(pixiDefault)) return { kind: 'pixi', prefix: pixiDefault, name: 'default', via: 'pixi workspace' };
  return { kind: 'none', prefix: null, name: null, via: 'no env active' };
}
