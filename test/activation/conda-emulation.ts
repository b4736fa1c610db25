import { fileURLToPath } from 'node:url';
import { QUOTE } from '../../src/activation/render.js';

/**
 * Driver scripts for real shells that call `conda activate/deactivate` the way conda's shell
 * functions do: they evaluate what conda's activator prints (test/helpers/conda-activate.mjs,
 * which follows conda/activate.py: see its header for the order of PATH exports and scripts).
 */
export type TestShell = 'bash' | 'zsh' | 'dash' | 'fish' | 'tcsh';

export const EMULATOR = fileURLToPath(new URL('../helpers/conda-activate.mjs', import.meta.url));

/** Statements of one shell, so scenarios are written once. */
export interface Dialect {
  header: string;
  set(name: string, value: string): string;
  unset(name: string): string;
  /** `conda activate …`, `conda deactivate`, `conda activate --stack …`. */
  conda(...args: string[]): string;
  /** The whole exported environment, sorted, into `file`. */
  envTo(file: string): string;
  /** A command whose stdout goes to `file`. */
  capture(command: string, file: string): string;
  q(value: string): string;
  /** conda "unsets" with `export X=''` in POSIX shells (the variable stays, empty). */
  posix: boolean;
}

const ENV_DUMP = `env | grep -v -E '^(_|SHLVL|PWD|OLDPWD)='`;

const sh = (strict: boolean): Dialect => {
  const q = QUOTE.sh;
  return {
    header: [strict ? 'set -eu' : 'set -e', `conda() { __ask=$(node ${q(EMULATOR)} shell.posix "$@"); eval "$__ask"; unset __ask; }`].join('\n'),
    set: (n, v) => `${n}=${q(v)}; export ${n}`,
    unset: (n) => `unset ${n}`,
    conda: (...args) => `conda ${args.map(q).join(' ')}`,
    envTo: (file) => `${ENV_DUMP} | LC_ALL=C sort > ${q(file)}`,
    capture: (command, file) => `${command} > ${q(file)}`,
    q,
    posix: true,
  };
};

const fish: Dialect = {
  header: `function conda; eval (node ${QUOTE.fish(EMULATOR)} shell.fish $argv); end`,
  set: (n, v) => `set -gx ${n} ${QUOTE.fish(v)}`,
  unset: (n) => `set -e ${n}`,
  conda: (...args) => `conda ${args.map(QUOTE.fish).join(' ')}; or exit 1`,
  envTo: (file) => `${ENV_DUMP} | LC_ALL=C sort > ${QUOTE.fish(file)}`,
  capture: (command, file) => `${command} > ${QUOTE.fish(file)}; or exit 1`,
  q: QUOTE.fish,
  posix: false,
};

// conda's csh function is `set ask_conda="\`conda shell.csh …\`"; eval "$ask_conda"`; that
// second round of parsing breaks on env paths holding a quote or `$` (conda's own limit), so
// this sources the same commands from a file instead.
const tcsh: Dialect = {
  header: 'set _conda_cmds = `mktemp`',
  set: (n, v) => `setenv ${n} ${QUOTE.csh(v)}`,
  unset: (n) => `unsetenv ${n}`,
  conda: (...args) => `node ${QUOTE.csh(EMULATOR)} shell.csh ${args.map(QUOTE.csh).join(' ')} > $_conda_cmds:q\nif ( $status != 0 ) exit 1\nsource $_conda_cmds:q`,
  envTo: (file) => `${ENV_DUMP} | env LC_ALL=C sort > ${QUOTE.csh(file)}`,
  capture: (command, file) => `${command} > ${QUOTE.csh(file)}\nif ( $status != 0 ) exit 1`,
  q: QUOTE.csh,
  posix: false,
};

export const dialect = (shell: TestShell, strict = false): Dialect => (shell === 'fish' ? fish : shell === 'tcsh' ? tcsh : sh(strict && shell !== 'zsh'));

/** `env` output as a map. */
export const parseEnv = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

/**
 * The environment a deactivation should give back: the one before activation, plus what conda
 * itself leaves (its CONDA_* and saved `__CONDA_SHLVL_*` variables are not compared), and for the
 * env's env_vars.d/state variables conda's own restore: the saved value when it was non-empty,
 * else "unset" — which POSIX shells get as `X=''`.
 */
export function expectedAfterDeactivate(before: Map<string, string>, envVarNames: readonly string[], posix: boolean): Map<string, string> {
  const expected = new Map([...before].filter(([name]) => !isCondaOwn(name)));
  for (const name of envVarNames) {
    const value = before.get(name);
    if (value) continue;
    if (posix) expected.set(name, '');
    else expected.delete(name);
  }
  return expected;
}

export const isCondaOwn = (name: string): boolean => /^(CONDA_|__CONDA_SHLVL_)/.test(name);

export const withoutCondaOwn = (env: Map<string, string>): Map<string, string> => new Map([...env].filter(([name]) => !isCondaOwn(name)));
