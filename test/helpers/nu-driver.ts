/**
 * Drives nushell the way mamba/micromamba activate an env: on activation PATH gets `$PREFIX/bin`
 * first and CONDA_PREFIX/CONDA_SHLVL are set, then activate.d/*.nu are sourced sorted A→Z; on
 * deactivation PATH loses `$PREFIX/bin` first, then deactivate.d/*.nu are sourced Z→A, then
 * conda's variables go. A switch A→B (no --stack) sources A's deactivate scripts, then sets the
 * PATH computed before they ran (A/bin replaced by B/bin), CONDA_PREFIX_<n>, CONDA_SHLVL, and
 * sources B's activate scripts (as conda/activate.py does).
 *
 * nu's `source` takes a path fixed at parse time, so each scenario is one generated driver file
 * with literal `source '…'` lines, run by `nu --no-config-file driver.nu`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUOTE } from '../../src/activation/render.js';
import { run } from '../../src/io/process.js';

const q = QUOTE.nu;

const scripts = (prefix: string, kind: 'activate' | 'deactivate'): string[] => {
  const dir = join(prefix, 'etc', 'conda', `${kind}.d`);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.nu'));
  } catch {
    names = [];
  }
  names.sort();
  if (kind === 'deactivate') names.reverse();
  return names.map((n) => `source ${q(join(dir, n))}`);
};

export const set = (name: string, value: string | null): string => (value === null ? `if ${q(name)} in $env { hide-env ${name} }` : `$env.${name} = ${q(value)}`);

const pathPrepend = (entry: string): string => `$env.PATH = ($env.PATH | prepend ${q(entry)})`;
const pathRemove = (entry: string): string => `$env.PATH = ($env.PATH | where {|p| $p != ${q(entry)} })`;

export function activate(prefix: string, level: number): string[] {
  return [pathPrepend(join(prefix, 'bin')), set('CONDA_PREFIX', prefix), set('CONDA_SHLVL', String(level)), ...scripts(prefix, 'activate')];
}

/** The activate scripts again, without conda's part: what sourcing them twice does. */
export const activateScriptsAgain = (prefix: string): string[] => scripts(prefix, 'activate');

/** Deactivating PREFIX at `level`, back to nothing (previous null) or to the env below. */
export function deactivate(prefix: string, level: number, previous: string | null): string[] {
  if (previous === null) return [pathRemove(join(prefix, 'bin')), ...scripts(prefix, 'deactivate'), set('CONDA_PREFIX', null), set('CONDA_SHLVL', null)];
  // conda re-activates the env below: PATH gets its bin back, then its activate scripts run.
  return [
    `$env.PATH = ($env.PATH | each {|p| if $p == ${q(join(prefix, 'bin'))} { ${q(join(previous, 'bin'))} } else { $p } })`,
    ...scripts(prefix, 'deactivate'),
    set('CONDA_PREFIX', previous),
    set('CONDA_SHLVL', String(level - 1)),
    set(`CONDA_PREFIX_${level - 1}`, null),
    ...scripts(previous, 'activate'),
  ];
}

let saved = 0;
/** PATH as it is now, kept for a later conda-style re-export. */
const keepPath = (): [string, string] => {
  const name = `$_drv_path_${++saved}`;
  return [name, `let ${name.slice(1)} = $env.PATH`];
};

/** `conda activate TO` while FROM is active at `level`, without --stack. */
export function switchEnv(from: string, to: string, level: number): string[] {
  const [kept, keep] = keepPath();
  return [
    keep,
    ...scripts(from, 'deactivate'),
    `$env.PATH = (${kept} | each {|p| if $p == ${q(join(from, 'bin'))} { ${q(join(to, 'bin'))} } else { $p } })`,
    set(`CONDA_PREFIX_${level}`, from),
    set('CONDA_PREFIX', to),
    set('CONDA_SHLVL', String(level + 1)),
    ...scripts(to, 'activate'),
  ];
}

/** Reactivating the active env (conda's `reactivate`): deactivate scripts, the old PATH again, activate scripts. */
export function reactivate(prefix: string): string[] {
  const [kept, keep] = keepPath();
  return [keep, ...scripts(prefix, 'deactivate'), `$env.PATH = ${kept}`, ...scripts(prefix, 'activate')];
}

/** `NAME=value` or `NAME` (unset) for each name, then PATH as a JSON list, to `file`. */
export const dump = (names: string[], file: string): string =>
  `[${names.map(q).join(' ')}] | each {|n| if $n in $env { $"($n)=($env | get $n)" } else { $n } } | append ($env.PATH | to json --raw) | str join "\\n" | save -f ${q(file)}`;

/** What a child process sees (nu exports PATH joined), sorted, plus nu's own PATH list. */
export const envTo = (file: string): string =>
  `^env | lines | where {|l| not ($l =~ '^(_|SHLVL|PWD|OLDPWD|FILE_PWD|CURRENT_FILE)=') } | sort | append ($env.PATH | to json --raw) | str join "\\n" | save -f ${q(file)}`;

export const parseDump = (text: string): { vars: Record<string, string | null>; path: string[] } => {
  const lines = text.split('\n');
  const path = JSON.parse(lines.pop() ?? '[]') as string[];
  const vars = Object.fromEntries(lines.map((line) => (line.includes('=') ? [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] : [line, null])));
  return { vars, path };
};

/** Runs the driver lines in nu with a clean environment; returns a reader of the files it wrote. */
export async function runNu(nu: string, dir: string, lines: string[], env: Record<string, string>, cwd = dir): Promise<(name: string) => string> {
  const file = join(dir, 'driver.nu');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const result = await run(nu, ['--no-config-file', file], { cwd, baseEnv: env, timeoutMs: 120_000 });
  if (result.exitCode !== 0 || result.stderr !== '') throw new Error(`nu failed (${result.exitCode}):\n${result.stderr}\n--- driver ---\n${lines.join('\n')}`);
  return (name: string): string => readFileSync(join(dir, name), 'utf8');
}
