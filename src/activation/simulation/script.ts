/**
 * What conda does on `conda activate PREFIX` in a POSIX shell where that env is not active, and
 * on the `conda deactivate` after it (as conda/activate.py does), written as one sh script that
 * prints the environment after every step. Running it (src/activation/simulation/run.ts) tells, for
 * each variable, its value after each step: the real winner in conda's real order, with the
 * script or file that set it. Pure: no files are read and nothing runs here.
 *
 * The steps, in conda's order:
 * 1. `shell`: the environment the activation starts from.
 * 2. `conda`: PATH with `$PREFIX/bin` first, CONDA_PREFIX, CONDA_SHLVL=1, CONDA_DEFAULT_ENV, and
 *    `__CONDA_SHLVL_0_<VAR>` for each env var it clobbers.
 * 3. `env-vars`: each `etc/conda/env_vars.d/*` file (sorted), then `state`: conda-meta/state's
 *    `env_vars`. conda merges them (state wins) and drops a name whose merged value is
 *    `***unset***`, then exports them all at once with the variables of step 2; one step per file
 *    here only says which file a value came from.
 * 4. `activate`: every `etc/conda/activate.d/*.sh`, sorted A→Z, sourced.
 * 5. `deactivate-path`: conda exports PATH less its `$PREFIX/bin` (the first occurrence), then
 *    `deactivate`: every `deactivate.d/*.sh` Z→A, then `conda-deactivate`: CONDA_* "unset" and the
 *    env vars restored from `__CONDA_SHLVL_0_<VAR>` or "unset" — as POSIX conda does it, by
 *    `export X=''`.
 */

export { UNSET_MARKER } from '../records.js';
import { UNSET_MARKER } from '../records.js';

export type Env = Record<string, string | undefined>;

export type StepKind = 'shell' | 'conda' | 'env-vars' | 'state' | 'activate' | 'deactivate-path' | 'deactivate' | 'conda-deactivate';

export interface ActivationStep {
  kind: StepKind;
  /** The script or env-var file (a path); '' for conda's own steps. */
  source: string;
}

export interface ActivationInput {
  prefix: string;
  /** conda's CONDA_DEFAULT_ENV for the env: its name under an envs/ directory, else the prefix. */
  defaultEnv: string;
  /** The environment activation starts from (see `activationBase`). */
  base: Env;
  /** `etc/conda/env_vars.d/*`, sorted as conda reads them, each file's variables in order. */
  envVarsD: { file: string; vars: Record<string, string> }[];
  /** conda-meta/state `env_vars` (with `***unset***` markers as written), or null without one. */
  state: { file: string; vars: Record<string, string> } | null;
  /** activate.d/*.sh paths sorted A→Z; deactivate.d/*.sh paths sorted Z→A. */
  activate: string[];
  deactivate: string[];
  /** The variables to follow through every step (valid names only). */
  track: readonly string[];
  /** The absolute path of `env`, so a script that changes PATH cannot hide it. */
  envCommand: string;
  /**
   * `command .` keeps a POSIX shell alive when a sourced script has a fatal error (dash); bash and
   * zsh survive those anyway (zsh has no `command .`).
   */
  dot: '.' | 'command .';
}

export interface ActivationScript {
  script: string;
  steps: ActivationStep[];
  /** Index of the last step of the activation (the last activate.d script, or the env vars). */
  activated: number;
  /** The env vars conda exports on activation, merged: what `conda activate` gives them. */
  envVars: Record<string, string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const STEP_MARK = '@gocross-step ';
const ENV_MARK = '@gocross-env';

/** Single-quoted for sh; a value holding a NUL or a line break still round-trips. */
export const shQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** conda's merge: env_vars.d files in order, then conda-meta/state; `***unset***` names dropped. */
export function condaEnvVars(envVarsD: ActivationInput['envVarsD'], state: ActivationInput['state']): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const { vars } of envVarsD) Object.assign(merged, vars);
  Object.assign(merged, state?.vars ?? {});
  return Object.fromEntries(Object.entries(merged).filter(([name, value]) => value !== UNSET_MARKER && NAME.test(name)));
}

/** Every name conda restores on deactivation: all it read, `***unset***` ones included. */
const deactivatedNames = (input: ActivationInput): string[] =>
  [...new Set([...input.envVarsD.flatMap((f) => Object.keys(f.vars)), ...Object.keys(input.state?.vars ?? {})])].filter((n) => NAME.test(n));

export function renderActivationScript(input: ActivationInput): ActivationScript {
  const steps: ActivationStep[] = [];
  const track = input.track.filter((name) => NAME.test(name));
  // The followed variables are printed by the shell itself after each step (no process per step);
  // the whole exported environment once, by env, when the env is active.
  const lines: string[] = [
    '# gocross doctor: conda activate, then conda deactivate, of one env; the variables after each step go to fd 9.',
    'exec 9>&1 1>&2',
    '__gocross_doctor_step() {',
    `  printf '${STEP_MARK}%s\\000' "$1" >&9`,
    `  for __gocross_doctor_n in ${track.join(' ')}; do`,
    '    eval "if [ -n \\"\\${$__gocross_doctor_n+x}\\" ]; then printf \'%s=%s\\\\000\' \\"\\$__gocross_doctor_n\\" \\"\\${$__gocross_doctor_n}\\" >&9; fi"',
    '  done',
    '  unset __gocross_doctor_n',
    '}',
  ];
  const step = (kind: StepKind, source: string, body: string[]): void => {
    lines.push(...body, `__gocross_doctor_step ${steps.length}`);
    steps.push({ kind, source });
  };
  const envVars = condaEnvVars(input.envVarsD, input.state);
  const bin = `${input.prefix.replace(/\/+$/, '')}/bin`;
  const basePath = input.base.PATH ?? '/usr/bin';

  step('shell', '', []);
  const clobbered = Object.keys(envVars).filter((name) => input.base[name] !== undefined && input.base[name] !== envVars[name]);
  step('conda', '', [
    `PATH=${shQuote(`${bin}:${basePath}`)}; export PATH`,
    `CONDA_PREFIX=${shQuote(input.prefix)}; export CONDA_PREFIX`,
    "CONDA_SHLVL='1'; export CONDA_SHLVL",
    `CONDA_DEFAULT_ENV=${shQuote(input.defaultEnv)}; export CONDA_DEFAULT_ENV`,
    ...clobbered.map((name) => `__CONDA_SHLVL_0_${name}=${shQuote(input.base[name] ?? '')}; export __CONDA_SHLVL_0_${name}`),
  ]);
  const exportsOf = (vars: Record<string, string>): string[] =>
    Object.keys(vars)
      .filter((name) => name in envVars)
      .map((name) => `${name}=${shQuote(vars[name] ?? '')}; export ${name}`);
  for (const file of input.envVarsD) step('env-vars', file.file, exportsOf(file.vars));
  if (input.state) step('state', input.state.file, exportsOf(input.state.vars));
  for (const script of input.activate) step('activate', script, [`${input.dot} ${shQuote(script)}`]);
  const activated = steps.length - 1;
  lines.push(`printf '${ENV_MARK}\\000' >&9`, `${shQuote(input.envCommand)} -0 >&9`);

  // conda deactivate: PATH first (its own entry out, every other entry kept), then deactivate.d Z→A.
  step('deactivate-path', '', [
    `__gocross_doctor_bin=${shQuote(bin)}`,
    'case ":${PATH:-}:" in',
    '  *":$__gocross_doctor_bin:"*)',
    '    __gocross_doctor_p=":$PATH:"',
    '    __gocross_doctor_p="${__gocross_doctor_p%%":$__gocross_doctor_bin:"*}:${__gocross_doctor_p#*":$__gocross_doctor_bin:"}"',
    '    __gocross_doctor_p="${__gocross_doctor_p#:}"',
    '    PATH="${__gocross_doctor_p%:}"',
    '    ;;',
    'esac',
    'export PATH',
    'unset __gocross_doctor_p __gocross_doctor_bin',
  ]);
  for (const script of input.deactivate) step('deactivate', script, [`${input.dot} ${shQuote(script)}`]);
  step('conda-deactivate', '', [
    "CONDA_PREFIX=''; export CONDA_PREFIX",
    "CONDA_DEFAULT_ENV=''; export CONDA_DEFAULT_ENV",
    "CONDA_SHLVL='0'; export CONDA_SHLVL",
    ...deactivatedNames(input).map(
      (name) => `if [ -n "\${__CONDA_SHLVL_0_${name}+x}" ]; then ${name}="$__CONDA_SHLVL_0_${name}"; else ${name}=''; fi; export ${name}`,
    ),
  ]);
  return { script: `${lines.join('\n')}\n`, steps, activated, envVars };
}

export interface ActivationOutput {
  /** The followed variables after each step that ran, in order (a shell that stopped ends the list). */
  envs: Record<string, string>[];
  /** The whole exported environment once the env is active; null when the shell stopped before. */
  active: Record<string, string> | null;
}

/**
 * The script's fd-9 output, read. The shell prints a followed variable whether it is exported or
 * not; `env` only prints exported ones, which are what programs see: once the env is active, a
 * followed variable that env does not list is unset for go, and the step's record says so.
 */
export function parseActivationOutput(output: string, activated: number, track: readonly string[]): ActivationOutput {
  const envs: Record<string, string>[] = [];
  let active: Record<string, string> | null = null;
  let current: Record<string, string> | undefined;
  for (const entry of output.split('\0')) {
    if (entry.startsWith(STEP_MARK)) {
      current = {};
      envs[Number(entry.slice(STEP_MARK.length))] = current;
      continue;
    }
    if (entry === ENV_MARK) {
      current = active = {};
      continue;
    }
    const at = entry.indexOf('=');
    if (current && at > 0) current[entry.slice(0, at)] = entry.slice(at + 1);
  }
  const complete: Record<string, string>[] = [];
  for (const env of envs) {
    if (env === undefined) break;
    complete.push(env);
  }
  const last = complete[activated];
  if (active && last) for (const name of track) if (!(name in active)) delete last[name];
  return { envs: complete, active: last ? active : null };
}

/** An env that is active (or stacked) in the shell doctor runs in, and what its activation did. */
export interface ActiveEnvFacts {
  prefix: string;
  /** The env vars conda exported for it (env_vars.d and conda-meta/state names). */
  envVarNames: string[];
  /** Variables its activate.d .sh scripts touch: their values in the shell are the env's doing. */
  touched: string[];
  /** PATH entries its gocross hooks added (etc/gocross/path-entries). */
  pathEntries: string[];
}

const CONDA_STATE = /^(CONDA_PREFIX|CONDA_PREFIX_\d+|CONDA_SHLVL|CONDA_DEFAULT_ENV|CONDA_PROMPT_MODIFIER|CONDA_STACKED_\d+|__CONDA_SHLVL_\d+_.*)$/;

const withoutFirst = (entries: string[], entry: string): string[] => {
  const at = entries.indexOf(entry);
  return at < 0 ? entries : [...entries.slice(0, at), ...entries.slice(at + 1)];
};

/**
 * The shell to activate from. With no env active it is the shell itself. With one active (the
 * inspected env or another, stacked or not), it is the shell with conda's activations undone as far
 * as the shell shows them: the envs' `bin` and their gocross PATH entries out of PATH, conda's
 * CONDA_* state gone, their env vars back to the `__CONDA_SHLVL_<n>_<VAR>` conda saved (or
 * removed), and the variables their activate scripts touch removed (their values before the
 * activation are not in the environment, and keeping the env's values would credit them to the
 * shell). The description says what was done, for the report.
 */
export function activationBase(env: Env, active: ActiveEnvFacts[]): { base: Env; description: string } {
  const level = Number.parseInt((env.CONDA_SHLVL ?? '').trim() || '0', 10);
  if (active.length === 0 && !env.CONDA_PREFIX && !(level > 0)) return { base: { ...env }, description: 'the current shell' };
  const base: Env = { ...env };
  let path = (env.PATH ?? '').split(':');
  for (const facts of active) {
    path = withoutFirst(path, `${facts.prefix.replace(/\/+$/, '')}/bin`);
    for (const entry of facts.pathEntries) path = withoutFirst(path, entry);
  }
  base.PATH = path.join(':');
  for (const facts of active) {
    for (const name of facts.envVarNames) {
      const savedAt = Object.keys(env)
        .map((key) => new RegExp(`^__CONDA_SHLVL_(\\d+)_${name}$`).exec(key))
        .filter((m): m is RegExpExecArray => m !== null)
        .sort((a, b) => Number(a[1]) - Number(b[1]))[0];
      base[name] = savedAt ? env[savedAt[0]] : undefined;
    }
    for (const name of facts.touched) base[name] = undefined;
  }
  for (const key of Object.keys(base)) if (CONDA_STATE.test(key)) base[key] = undefined;
  return {
    base,
    description: `the current shell without the active env${active.length > 1 ? 's' : ''} ${active.map((a) => a.prefix).join(', ')} (its bin and hook PATH entries, CONDA_* state, env vars and the variables its activate scripts touch taken out)`,
  };
}
