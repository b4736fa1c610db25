/**
 * Running the activation simulation (src/activation/simulation/script.ts) for one env: reads the
 * env's activate.d, deactivate.d, env_vars.d and conda-meta/state the way conda does, works out
 * the shell to start from, runs the script in one POSIX shell and returns the environment after
 * every step. The only part of the simulation that touches files and processes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isGocrossError } from '../../errors.js';
import { findExecutable, run } from '../../io/process.js';
import {
  type ActivationStep,
  type ActiveEnvFacts,
  activationBase,
  type Env,
  parseActivationOutput,
  renderActivationScript,
} from './script.js';

export interface SimulatedActivation {
  /** The POSIX shell that ran it. */
  shell: string;
  /** The environment it started from, and how that was made from the current shell. */
  base: Env;
  baseDescription: string;
  steps: ActivationStep[];
  /** Index of the last activation step. */
  activated: number;
  /** The followed variables after each step that ran (all of them when complete). */
  envs: Record<string, string>[];
  /** The whole exported environment once the env is active; null when the shell stopped before. */
  active: Record<string, string> | null;
  /** The env vars conda exports for the env. */
  envVars: Record<string, string>;
  /** The step that never finished (a script that exits or fails fatally), or null. */
  stoppedAt: ActivationStep | null;
  stderr: string;
  /** env_vars.d files conda cannot read as JSON (its activation fails on them); skipped here. */
  unreadable: string[];
}

const list = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const asVars = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};

/** `etc/conda/<kind>.d/*.sh`, in the order conda runs them. */
export function condaScripts(prefix: string, kind: 'activate' | 'deactivate'): string[] {
  const dir = join(prefix, 'etc', 'conda', `${kind}.d`);
  const paths = list(dir)
    .filter((name) => name.endsWith('.sh'))
    .map((name) => join(dir, name));
  return kind === 'activate' ? paths : paths.reverse();
}

function envVarFiles(prefix: string, unreadable: string[]): { file: string; vars: Record<string, string> }[] {
  const dir = join(prefix, 'etc', 'conda', 'env_vars.d');
  return list(dir).flatMap((name) => {
    const file = join(dir, name);
    try {
      return [{ file, vars: asVars(readJson(file)) }];
    } catch {
      unreadable.push(file);
      return [];
    }
  });
}

function stateVars(prefix: string, unreadable: string[]): { file: string; vars: Record<string, string> } | null {
  const file = join(prefix, 'conda-meta', 'state');
  if (!existsSync(file)) return null;
  try {
    return { file, vars: asVars((readJson(file) as { env_vars?: unknown } | null)?.env_vars) };
  } catch {
    unreadable.push(file);
    return null;
  }
}

/** The prefixes conda has activated in this shell: CONDA_PREFIX and the stacked CONDA_PREFIX_<n>. */
export function activePrefixes(env: Env): string[] {
  const found = Object.entries(env)
    .filter(([name, value]) => value && (name === 'CONDA_PREFIX' || /^CONDA_PREFIX_\d+$/.test(name)))
    .map(([, value]) => value as string);
  return [...new Set(found)];
}

function activeFacts(prefix: string, watched: readonly string[]): ActiveEnvFacts {
  const ignored: string[] = [];
  const envVarNames = [...new Set([...envVarFiles(prefix, ignored).flatMap((f) => Object.keys(f.vars)), ...Object.keys(stateVars(prefix, ignored)?.vars ?? {})])];
  const touched = new Set<string>();
  for (const script of condaScripts(prefix, 'activate')) {
    let text = '';
    try {
      text = readFileSync(script, 'utf8');
    } catch {
      continue;
    }
    for (const name of watched) if (new RegExp(`\\b${name}\\b`).test(text)) touched.add(name);
  }
  let pathEntries: string[] = [];
  try {
    pathEntries = readFileSync(join(prefix, 'etc', 'gocross', 'path-entries'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
  } catch {
    // No gocross hooks in that env.
  }
  return { prefix, envVarNames, touched: [...touched], pathEntries };
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash']);

/** The user's login shell when it runs .sh hooks (conda sources them in it), else sh. */
function chooseShell(env: Env): string {
  const login = env.SHELL;
  if (login && login.startsWith('/') && POSIX_SHELLS.has(basename(login)) && existsSync(login)) return login;
  return findExecutable('sh', env.PATH) ?? '/bin/sh';
}

/** conda's CONDA_DEFAULT_ENV: the name of an env under an envs/ directory, else its path. */
const defaultEnvName = (prefix: string): string => (basename(dirname(prefix)) === 'envs' ? basename(prefix) : prefix);

export interface SimulateOptions {
  prefix: string;
  /** The environment doctor runs in (the user's shell). */
  env: Env;
  cwd: string;
  /** Variables whose values an active env's scripts make theirs (taken out of the base when they touch them). */
  watched: readonly string[];
  /** Variables to follow through every step. */
  track: readonly string[];
}

export async function simulateActivation(options: SimulateOptions): Promise<SimulatedActivation> {
  const prefix = resolve(options.prefix);
  const unreadable: string[] = [];
  const active = activePrefixes(options.env).map((p) => activeFacts(p, options.watched));
  const { base, description } = activationBase(options.env, active);
  const shell = chooseShell(options.env);
  const name = basename(shell);
  const envCommand = findExecutable('env', base.PATH) ?? findExecutable('env', '/usr/bin:/bin') ?? '/usr/bin/env';
  const rendered = renderActivationScript({
    prefix,
    defaultEnv: defaultEnvName(prefix),
    base,
    envVarsD: envVarFiles(prefix, unreadable),
    state: stateVars(prefix, unreadable),
    activate: condaScripts(prefix, 'activate'),
    deactivate: condaScripts(prefix, 'deactivate'),
    track: options.track,
    envCommand,
    dot: name === 'bash' || name === 'zsh' ? '.' : 'command .',
  });
  // The shell's own start-up files are not part of an activation: bash reads BASH_ENV, zsh its rc files.
  const args = name === 'zsh' ? ['-f', '-c', rendered.script] : ['-c', rendered.script];
  const shellEnv: Env = { ...base, BASH_ENV: undefined, ENV: undefined };
  let stdout = '';
  let stderr = '';
  try {
    const result = await run(shell, args, { baseEnv: shellEnv, cwd: options.cwd, timeoutMs: 30_000 });
    stdout = result.stdout;
    stderr = result.timedOut ? `${result.stderr}\n(stopped after 30 s)` : result.stderr;
  } catch (error) {
    if (!isGocrossError(error)) throw error;
    stderr = error.message;
  }
  const { envs, active: activeEnv } = parseActivationOutput(stdout, rendered.activated, options.track);
  return {
    shell,
    base,
    baseDescription: description,
    steps: rendered.steps,
    activated: rendered.activated,
    envs,
    active: activeEnv,
    envVars: rendered.envVars,
    stoppedAt: envs.length < rendered.steps.length ? rendered.steps[envs.length] ?? null : null,
    stderr: stderr.trim(),
    unreadable,
  };
}
