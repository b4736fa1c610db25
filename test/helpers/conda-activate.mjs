#!/usr/bin/env node
/**
 * conda's activator, for tests: `node conda-activate.mjs shell.posix|shell.fish|shell.csh
 * activate [--stack] PREFIX | deactivate | reactivate` prints the commands the shell evaluates,
 * computed from this process's environment, in the order conda 26 prints them (conda/activate.py:
 * `_yield_commands`, `_build_activate_stack`, `build_deactivate`, `build_reactivate`).
 *
 * Followed to the letter: PATH is computed before any script runs and exported after the
 * deactivate scripts on activation/reactivation (so a switch between envs brings back what the
 * old env's deactivate scripts took out), but before them on deactivation; deactivate.d runs Z→A
 * and activate.d A→Z, filtered by the shell's extension; a switch without --stack runs the old
 * env's deactivate scripts and goes one CONDA_SHLVL up; deactivating to a lower env runs that
 * env's activate scripts again; env_vars.d/*.json then conda-meta/state `env_vars` are exported
 * before activate.d (clobbered values saved as `__CONDA_SHLVL_<n>_<VAR>`, never cleaned up) and
 * restored after deactivate.d; "unset" is `export X=''` in POSIX shells, `unsetenv` in csh,
 * `set -e` in fish; a stacked level's `CONDA_STACKED_<n>` is "unset" the same way, so in POSIX
 * shells it stays as '' and counts as stacked again (conda's own bug).
 *
 * Left out, as they touch no hook: the prompt (changeps1 off), CONDA_EXE and friends, Windows path
 * dirs, condabin insertion (tests put a condabin on PATH, as conda's shell hook does). One
 * deliberate difference: values are quoted for the shell, where conda writes them raw and breaks
 * on paths holding a quote or `$`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const UNSET_MARKER = '***unset***';

const DIALECTS = {
  'shell.posix': {
    ext: '.sh',
    join: '\n',
    q: (v) => `'${v.replace(/'/g, `'\\''`)}'`,
    unset: (k) => `export ${k}=''`,
    export: (k, v, q) => `export ${k}=${q(v)}`,
    path: (entries, q) => `export PATH=${q(entries.join(':'))}`,
    run: (f, q) => `. ${q(f)}`,
  },
  'shell.fish': {
    ext: '.fish',
    join: ';\n',
    q: (v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    unset: (k) => `set -e ${k} || true`,
    export: (k, v, q) => `set -gx ${k} ${q(v)}`,
    path: (entries, q) => `set -gx PATH ${entries.map(q).join(' ')}`,
    run: (f, q) => `source ${q(f)}`,
  },
  'shell.csh': {
    ext: '.csh',
    join: ';\n',
    q: (v) => `'${v.replace(/'/g, `'\\''`).replace(/!/g, '\\!')}'`,
    unset: (k) => `unsetenv ${k}`,
    export: (k, v, q) => `setenv ${k} ${q(v)}`,
    path: (entries, q) => `setenv PATH ${q(entries.join(':'))}`,
    run: (f, q) => `source ${q(f)}`,
  },
};

const env = process.env;
const shlvl = () => Number.parseInt((env.CONDA_SHLVL ?? '').trim() || '0', 10);

function scripts(prefix, kind, ext) {
  let names = [];
  try {
    names = readdirSync(join(prefix, 'etc', 'conda', `${kind}.d`));
  } catch {
    return [];
  }
  const paths = names.map((n) => join(prefix, 'etc', 'conda', `${kind}.d`, n)).filter((p) => p.endsWith(ext));
  paths.sort();
  return kind === 'deactivate' ? paths.reverse() : paths;
}

function envVars(prefix) {
  const vars = {};
  const dir = join(prefix, 'etc', 'conda', 'env_vars.d');
  if (existsSync(dir)) for (const f of readdirSync(dir).sort()) Object.assign(vars, JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const state = join(prefix, 'conda-meta', 'state');
  if (existsSync(state)) Object.assign(vars, JSON.parse(readFileSync(state, 'utf8')).env_vars ?? {});
  return vars;
}

const pathList = () => (env.PATH ?? '/usr/bin').split(':');
const bin = (prefix) => join(prefix, 'bin');

function replacePrefix(oldPrefix, newPrefix) {
  const list = pathList();
  let first = 0;
  if (oldPrefix) {
    const at = list.indexOf(bin(oldPrefix));
    if (at >= 0) {
      first = at;
      list.splice(at, 1);
    }
  }
  if (newPrefix) list.splice(first, 0, bin(newPrefix));
  return list;
}

function buildActivate(prefix, stack) {
  const old = shlvl();
  const oldPrefix = env.CONDA_PREFIX;
  if (oldPrefix === prefix && old > 0) return buildReactivate();
  const level = old + 1;
  const vars = Object.fromEntries(Object.entries(envVars(prefix)).filter(([, v]) => v !== UNSET_MARKER));
  for (const name of Object.keys(vars)) if (name in env) vars[`__CONDA_SHLVL_${old}_${name}`] = env[name];
  const common = { CONDA_PREFIX: prefix, CONDA_SHLVL: String(level), CONDA_DEFAULT_ENV: prefix, CONDA_PROMPT_MODIFIER: '', ...vars };
  if (old === 0) return { exportVars: common, path: replacePrefix(null, prefix), deactivate: [], activate: scriptsOf(prefix, 'activate') };
  if (stack) {
    return {
      exportVars: { ...common, [`CONDA_PREFIX_${old}`]: oldPrefix, [`CONDA_STACKED_${level}`]: 'true' },
      path: replacePrefix(null, prefix),
      deactivate: [],
      activate: scriptsOf(prefix, 'activate'),
    };
  }
  return {
    exportVars: { ...common, [`CONDA_PREFIX_${old}`]: oldPrefix },
    path: replacePrefix(oldPrefix, prefix),
    deactivate: scriptsOf(oldPrefix, 'deactivate'),
    activate: scriptsOf(prefix, 'activate'),
  };
}

function buildDeactivate() {
  const oldPrefix = env.CONDA_PREFIX;
  const old = shlvl();
  if (!oldPrefix || old < 1) return { exportVars: {}, deactivate: [], activate: [] };
  const level = old - 1;
  const oldVars = envVars(oldPrefix);
  let result;
  if (old === 1) {
    result = { unset: ['CONDA_PREFIX', 'CONDA_DEFAULT_ENV', 'CONDA_PROMPT_MODIFIER'], exportVars: { CONDA_SHLVL: '0' }, pathFirst: replacePrefix(oldPrefix, null), activate: [] };
  } else {
    const newPrefix = env[`CONDA_PREFIX_${level}`];
    const stacked = `CONDA_STACKED_${old}` in env;
    result = {
      unset: [`CONDA_PREFIX_${level}`, ...(stacked ? [`CONDA_STACKED_${old}`] : [])],
      exportVars: { CONDA_PREFIX: newPrefix, CONDA_SHLVL: String(level), CONDA_DEFAULT_ENV: newPrefix, CONDA_PROMPT_MODIFIER: '', ...envVars(newPrefix) },
      pathFirst: stacked ? replacePrefix(oldPrefix, null) : replacePrefix(oldPrefix, newPrefix),
      activate: scriptsOf(newPrefix, 'activate'),
    };
  }
  for (const name of Object.keys(oldVars)) {
    const saved = env[`__CONDA_SHLVL_${level}_${name}`];
    if (saved) result.exportVars[name] = saved;
    else result.unset.push(name);
  }
  return { ...result, deactivate: scriptsOf(oldPrefix, 'deactivate') };
}

function buildReactivate() {
  const prefix = env.CONDA_PREFIX;
  const level = shlvl();
  if (!prefix || level < 1) return { exportVars: {}, deactivate: [], activate: [] };
  return {
    exportVars: { CONDA_SHLVL: String(level), CONDA_PROMPT_MODIFIER: '' },
    path: replacePrefix(prefix, prefix),
    deactivate: scriptsOf(prefix, 'deactivate'),
    activate: scriptsOf(prefix, 'activate'),
  };
}

const [dialectName, command, ...rest] = process.argv.slice(2);
const dialect = DIALECTS[dialectName];
if (!dialect) throw new Error(`unknown shell ${dialectName}`);
const scriptsOf = (prefix, kind) => scripts(prefix, kind, dialect.ext);

let plan;
if (command === 'activate') {
  const stack = rest[0] === '--stack';
  plan = buildActivate(stack ? rest[1] : rest[0], stack);
} else if (command === 'deactivate') plan = buildDeactivate();
else if (command === 'reactivate') plan = buildReactivate();
else throw new Error(`unknown command ${command}`);

const { q } = dialect;
const lines = [
  ...(plan.pathFirst ? [dialect.path(plan.pathFirst, q)] : []),
  ...plan.deactivate.map((f) => dialect.run(f, q)),
  ...(plan.unset ?? []).map((k) => dialect.unset(k)),
  // PATH leads export_vars where conda computed it (activation, reactivation).
  ...(plan.path ? [dialect.path(plan.path, q)] : []),
  ...Object.entries(plan.exportVars).map(([k, v]) => dialect.export(k, v, q)),
  ...plan.activate.map((f) => dialect.run(f, q)),
];
process.stdout.write(`${lines.join(dialect.join)}\n`);
