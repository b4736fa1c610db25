/**
 * Drives cmd.exe (Wine's, here) the way conda activates an env on Windows
 * (conda/activate.py): on activation PATH gets the env's directories first — the prefix itself, then
 * Library\mingw-w64\bin, Library\usr\bin, Library\bin, Scripts, bin — and CONDA_PREFIX and
 * CONDA_SHLVL are set, then activate.d\*.bat are CALLed sorted A→Z; on deactivation PATH loses
 * those directories first, then deactivate.d\*.bat are CALLed Z→A, then conda's variables go. A
 * switch A→B (no --stack) CALLs A's deactivate scripts, then sets the PATH it computed before they
 * ran (A's directories replaced by B's), CONDA_PREFIX_<n>, CONDA_SHLVL, and CALLs B's activate
 * scripts.
 *
 * Envs live on this machine's file system and the hooks see them through Wine's Z: drive.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUOTE } from '../../src/activation/render.js';
import { run } from '../../src/io/process.js';

const q = QUOTE.bat;

/** The Windows name of a path on this machine (Wine maps / to Z:\). */
export const win = (unixPath: string): string => `Z:${unixPath.replace(/\//g, '\\')}`;

/** The directories conda puts on PATH for an env on Windows, in its order. */
export const condaDirs = (prefix: string): string[] => {
  const p = win(prefix);
  return [p, `${p}\\Library\\mingw-w64\\bin`, `${p}\\Library\\usr\\bin`, `${p}\\Library\\bin`, `${p}\\Scripts`, `${p}\\bin`];
};

const scripts = (prefix: string, kind: 'activate' | 'deactivate'): string[] => {
  const dir = join(prefix, 'etc', 'conda', `${kind}.d`);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.bat'));
  } catch {
    names = [];
  }
  names.sort();
  if (kind === 'deactivate') names.reverse();
  return names.map((n) => `@call "${q(win(join(dir, n)))}"`);
};

export const set = (name: string, value: string | null): string => `@set "${name}=${value === null ? '' : q(value)}"`;

const dirs = (prefix: string): string => q(condaDirs(prefix).join(';'));

export function activate(prefix: string, level: number): string[] {
  return [`@set "PATH=${dirs(prefix)};%PATH%"`, set('CONDA_PREFIX', win(prefix)), set('CONDA_SHLVL', String(level)), ...scripts(prefix, 'activate')];
}

/** The activate scripts again, without conda's part: what calling them twice does. */
export const activateScriptsAgain = (prefix: string): string[] => scripts(prefix, 'activate');

/** Deactivating PREFIX at `level`, back to nothing (previous null) or to the env below. */
export function deactivate(prefix: string, level: number, previous: string | null): string[] {
  if (previous === null) return [`@set "PATH=%PATH:${dirs(prefix)};=%"`, ...scripts(prefix, 'deactivate'), set('CONDA_PREFIX', null), set('CONDA_SHLVL', null)];
  // conda re-activates the env below: PATH gets its directories back, then its activate scripts run.
  return [
    `@set "PATH=%PATH:${dirs(prefix)}=${dirs(previous)}%"`,
    ...scripts(prefix, 'deactivate'),
    set('CONDA_PREFIX', win(previous)),
    set('CONDA_SHLVL', String(level - 1)),
    set(`CONDA_PREFIX_${level - 1}`, null),
    ...scripts(previous, 'activate'),
  ];
}

/** `conda activate TO` while FROM is active at `level`, without --stack. */
export function switchEnv(from: string, to: string, level: number): string[] {
  return [
    '@set "_drv_path=%PATH%"',
    ...scripts(from, 'deactivate'),
    `@set "PATH=%_drv_path:${dirs(from)}=${dirs(to)}%"`,
    '@set "_drv_path="',
    set(`CONDA_PREFIX_${level}`, win(from)),
    set('CONDA_PREFIX', win(to)),
    set('CONDA_SHLVL', String(level + 1)),
    ...scripts(to, 'activate'),
  ];
}

/** Reactivating the active env (conda's `reactivate`): deactivate scripts, the old PATH again, activate scripts. */
export function reactivate(prefix: string): string[] {
  return ['@set "_drv_path=%PATH%"', ...scripts(prefix, 'deactivate'), '@set "PATH=%_drv_path%"', '@set "_drv_path="', ...scripts(prefix, 'activate')];
}

/** Every variable, as cmd's SET lists them, to `file`. */
export const dump = (file: string): string => `@set > "${q(win(file))}"`;

/** A SET listing as a map (names upper-cased: Windows names ignore case). */
export const parseSet = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(/\r?\n/)
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')).toUpperCase(), line.slice(line.indexOf('=') + 1)]),
  );

/** Runs the driver lines in Wine's cmd; returns a reader of the files it wrote. */
export async function runCmd(wine: string, winePrefix: string, dir: string, lines: string[]): Promise<{ read: (name: string) => string; stdout: string }> {
  const file = join(dir, 'driver.bat');
  // cmd reads batch files in the OEM code page, with CRLF line ends.
  writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'latin1');
  const result = await run(wine, ['cmd', '/c', win(file)], {
    baseEnv: { PATH: '/usr/bin:/bin', HOME: process.env.HOME, WINEPREFIX: winePrefix, WINEDEBUG: '-all', LANG: 'C' },
    timeoutMs: 120_000,
  });
  if (result.exitCode !== 0 || result.stderr !== '') throw new Error(`cmd failed (${result.exitCode}):\n${result.stderr}\n${result.stdout}\n--- driver ---\n${lines.join('\n')}`);
  return { read: (name: string): string => readFileSync(join(dir, name), 'latin1'), stdout: result.stdout };
}

/** Starts Wine once, so that it makes its prefix (about 7 s) before the tests run. */
export async function warmUp(wine: string, winePrefix: string): Promise<void> {
  await run(wine, ['cmd', '/c', 'exit'], { baseEnv: { PATH: '/usr/bin:/bin', HOME: process.env.HOME, WINEPREFIX: winePrefix, WINEDEBUG: '-all', LANG: 'C' }, timeoutMs: 120_000 });
}
