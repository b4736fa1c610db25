import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { QUOTE } from '../../src/hooks/render.js';

/**
 * Scripts that drive a real shell the way conda does (conda/activate.py): on activation PATH
 * gets `$PREFIX/bin` and CONDA_PREFIX/CONDA_SHLVL are exported, then activate.d scripts of the
 * shell's extension run sorted A→Z; on deactivation PATH loses `$PREFIX/bin` first, then
 * deactivate.d scripts run Z→A, then conda's own variables go back.
 */
export type TestShell = 'bash' | 'zsh' | 'dash' | 'fish' | 'tcsh';

export const EXTENSION: Record<TestShell, 'sh' | 'fish' | 'csh'> = { bash: 'sh', zsh: 'sh', dash: 'sh', fish: 'fish', tcsh: 'csh' };

const scripts = (prefix: string, kind: 'activate' | 'deactivate', ext: string): string[] => {
  const dir = join(prefix, 'etc', 'conda', `${kind}.d`);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(`.${ext}`));
  } catch {
    names = [];
  }
  names.sort();
  if (kind === 'deactivate') names.reverse();
  return names.map((n) => join(dir, n));
};

/** Statements of one shell, so scenarios are written once. */
export interface Dialect {
  set(name: string, value: string): string;
  unset(name: string): string;
  source(file: string): string;
  /** Print `NAME=value` or `NAME` (unset) for each variable, to `file`. */
  dump(names: string[], file: string): string;
  envTo(file: string): string;
  run(command: string): string;
  prependPath(entry: string): string;
  removePath(entry: string): string;
  header: string;
}

const sh = (strict: boolean): Dialect => {
  const q = QUOTE.sh;
  return {
    header: strict ? 'set -eu' : 'set -e',
    set: (n, v) => `${n}=${q(v)}; export ${n}`,
    unset: (n) => `unset ${n}`,
    source: (f) => `. ${q(f)}`,
    dump: (names, file) => names.map((n) => `if [ -n "\${${n}+x}" ]; then printf '%s=%s\\n' ${n} "$${n}"; else printf '%s\\n' ${n}; fi >> ${q(file)}`).join('\n'),
    envTo: (file) => `env | grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' | LC_ALL=C sort > ${q(file)}`,
    run: (command) => command,
    prependPath: (entry) => `PATH=${q(entry)}:"$PATH"; export PATH`,
    removePath: (entry) =>
      `_e=${q(entry)}; case ":$PATH:" in *":$_e:"*) _p=":$PATH:"; _p="\${_p%%":$_e:"*}:\${_p#*":$_e:"}"; _p="\${_p#:}"; PATH="\${_p%:}";; esac; export PATH; unset _e _p`,
  };
};

const fish: Dialect = {
  header: '',
  set: (n, v) => `set -gx ${n} ${QUOTE.fish(v)}`,
  unset: (n) => `set -e ${n}`,
  source: (f) => `source ${QUOTE.fish(f)}`,
  dump: (names, file) => names.map((n) => `if set -q ${n}; printf '%s=%s\\n' ${n} "$${n}" >> ${QUOTE.fish(file)}; else; printf '%s\\n' ${n} >> ${QUOTE.fish(file)}; end`).join('\n'),
  envTo: (file) => `env | grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' | LC_ALL=C sort > ${QUOTE.fish(file)}`,
  run: (command) => command,
  prependPath: (entry) => `set -gx PATH ${QUOTE.fish(entry)} $PATH`,
  removePath: (entry) => `if set -l i (contains -i -- ${QUOTE.fish(entry)} $PATH); set -e PATH[$i]; end`,
};

const tcsh: Dialect = {
  header: '',
  set: (n, v) => `setenv ${n} ${QUOTE.csh(v)}`,
  unset: (n) => `unsetenv ${n}`,
  source: (f) => `source ${QUOTE.csh(f)}`,
  dump: (names, file) =>
    names
      .map((n) => `if ( $?${n} ) then\n  printf '%s=%s\\n' ${n} "$${n}" >> ${QUOTE.csh(file)}\nelse\n  printf '%s\\n' ${n} >> ${QUOTE.csh(file)}\nendif`)
      .join('\n'),
  envTo: (file) => `env | grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' | env LC_ALL=C sort > ${QUOTE.csh(file)}`,
  run: (command) => command,
  prependPath: (entry) => `set path = ( ${QUOTE.csh(entry)} $path:q )`,
  removePath: (entry) =>
    `set _t = ( )\nforeach _p ( $path:q )\n  if ( "$_p" != ${QUOTE.csh(entry)} ) set _t = ( $_t:q "$_p" )\nend\nset path = ( $_t:q )\nunset _t _p`,
};

export const dialect = (shell: TestShell, strict = false): Dialect =>
  shell === 'fish' ? fish : shell === 'tcsh' ? tcsh : sh(strict && shell !== 'zsh' ? true : strict);

/** conda activate PREFIX (at activation level `level`). */
export function activate(d: Dialect, shell: TestShell, prefix: string, level: number): string[] {
  return [
    d.prependPath(join(prefix, 'bin')),
    d.set('CONDA_PREFIX', prefix),
    d.set('CONDA_SHLVL', String(level)),
    ...scripts(prefix, 'activate', EXTENSION[shell]).map((f) => d.source(f)),
  ];
}

/** conda deactivate of PREFIX at level `level`, back to `previous` (the prefix below, if stacked). */
export function deactivate(d: Dialect, shell: TestShell, prefix: string, level: number, previous: string | null): string[] {
  return [
    d.removePath(join(prefix, 'bin')),
    ...scripts(prefix, 'deactivate', EXTENSION[shell]).map((f) => d.source(f)),
    ...(previous ? [d.set('CONDA_PREFIX', previous), d.set('CONDA_SHLVL', String(level - 1))] : [d.unset('CONDA_PREFIX'), d.unset('CONDA_SHLVL')]),
  ];
}
