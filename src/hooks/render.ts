/**
 * Rendering hook files from the templates in hooks/: each template has a `@BODY@` line that is
 * replaced by the plan, written in that shell's syntax and quoting.
 */
import { readFileSync } from 'node:fs';
import { usageError } from '../errors.js';
import type { HookPlan } from './plan.js';

export const SHELLS = ['sh', 'csh', 'fish', 'ps1', 'bat', 'nu'] as const;
export type Shell = (typeof SHELLS)[number];
export type HookKind = 'activate' | 'deactivate';

export { MARKER } from '../io/owned-files.js';

const TEMPLATE_DIR = new URL('../../hooks/', import.meta.url);

export function template(kind: HookKind, shell: Shell): string {
  return readFileSync(new URL(`${kind}.${shell}`, TEMPLATE_DIR), 'utf8');
}

const noNewline = (value: string): string => {
  if (/[\n\r\0]/.test(value)) throw usageError('hooks.value', `cannot write a hook for a value with a line break: ${JSON.stringify(value)}.`, { hint: 'use paths without line breaks' });
  return value;
};

export const QUOTE: Record<Shell, (value: string) => string> = {
  sh: (v) => `'${noNewline(v).replace(/'/g, `'\\''`)}'`,
  // csh: as sh, plus history substitution, which fires even inside single quotes.
  csh: (v) => `'${noNewline(v).replace(/'/g, `'\\''`).replace(/!/g, '\\!')}'`,
  fish: (v) => `'${noNewline(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  ps1: (v) => `'${noNewline(v).replace(/'/g, "''")}'`,
  bat: (v) => noNewline(v).replace(/%/g, '%%'),
  nu: (v) => JSON.stringify(noNewline(v)),
};

type Body = (plan: HookPlan, q: (value: string) => string) => string[];

/** Function-call style shells: sh, fish, PowerShell, nushell share the helper names. */
const callStyle =
  (separator: string): { activate: Body; deactivate: Body } => ({
    activate: (plan, q) => [
      ...plan.set.map((s) => `_gocross_set${separator}${s.name}${separator}${q(s.value)}`),
      ...plan.clear.map((name) => `_gocross_clear${separator}${name}`),
      // Prepending in reverse leaves the first entry first.
      ...[...plan.path].reverse().map((entry) => `_gocross_path_prepend${separator}${q(entry)}`),
    ],
    deactivate: (plan, q) => [
      ...plan.path.map((entry) => `_gocross_path_remove${separator}${q(entry)}`),
      ...[...plan.set.map((s) => s.name), ...plan.clear].map((name) => `_gocross_restore${separator}${name}`),
    ],
  });

const cshSave = (name: string): string[] => [
  `eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_\${_gocross_level}_${name}"`,
  'if ( $_gocross_s == 0 ) then',
  `  if ( $?${name} ) then`,
  `    eval "set _GOCROSS_SAVED_\${_gocross_level}_${name} = 1"`,
  `    eval "set _GOCROSS_VALUE_\${_gocross_level}_${name} = "'$${name}:q'`,
  '  else',
  `    eval "set _GOCROSS_SAVED_\${_gocross_level}_${name} = 0"`,
  '  endif',
  'endif',
];

/** csh has no functions: each step is written out (the path list is tcsh/csh's `path` array). */
const cshPathRemove = (entry: string, q: (v: string) => string): string[] => [
  'set _gocross_new = ( )',
  'set _gocross_done = 0',
  'foreach _gocross_p ( $path:q )',
  `  if ( $_gocross_done == 0 && "$_gocross_p" == ${q(entry)} ) then`,
  '    set _gocross_done = 1',
  '  else',
  '    set _gocross_new = ( $_gocross_new:q "$_gocross_p" )',
  '  endif',
  'end',
  'set path = ( $_gocross_new:q )',
];

const CSH: { activate: Body; deactivate: Body } = {
  activate: (plan, q) => [
    ...plan.set.flatMap((s) => [...cshSave(s.name), `setenv ${s.name} ${q(s.value)}`]),
    ...plan.clear.flatMap((name) => [...cshSave(name), `unsetenv ${name}`]),
    ...[...plan.path].reverse().flatMap((entry) => [...cshPathRemove(entry, q), `set path = ( ${q(entry)} $path:q )`]),
  ],
  deactivate: (plan, q) => [
    ...plan.path.flatMap((entry) => cshPathRemove(entry, q)),
    ...[...plan.set.map((s) => s.name), ...plan.clear].flatMap((name) => [
      `eval "set _gocross_s = "'$?'"_GOCROSS_SAVED_\${_gocross_level}_${name}"`,
      'if ( $_gocross_s == 1 ) then',
      // A lone '$' confuses csh's quote parser; keep the $ attached to the name it introduces.
      `  eval "set _gocross_v = "'$_GOCROSS_SAVED_'"\${_gocross_level}"'_${name}'`,
      '  if ( "$_gocross_v" == 1 ) then',
      `    eval "setenv ${name} "'$_GOCROSS_VALUE_'"\${_gocross_level}"'_${name}:q'`,
      '  else',
      `    unsetenv ${name}`,
      '  endif',
      `  eval "unset _GOCROSS_SAVED_\${_gocross_level}_${name}"`,
      `  if ( "$_gocross_v" == 1 ) eval "unset _GOCROSS_VALUE_\${_gocross_level}_${name}"`,
      'endif',
    ]),
  ],
};

const BAT: { activate: Body; deactivate: Body } = {
  activate: (plan, q) => [
    ...plan.set.flatMap((s) => [`@call :gocross_save ${s.name}`, `@set "${s.name}=${q(s.value)}"`]),
    ...plan.clear.flatMap((name) => [`@call :gocross_save ${name}`, `@set "${name}="`]),
    ...[...plan.path].reverse().flatMap((entry) => [`@call set "PATH=%%PATH:${q(entry)};=%%"`, `@set "PATH=${q(entry)};%PATH%"`]),
  ],
  deactivate: (plan, q) => [
    ...plan.path.map((entry) => `@call set "PATH=%%PATH:${q(entry)};=%%"`),
    ...[...plan.set.map((s) => s.name), ...plan.clear].map((name) => `@call :gocross_restore ${name}`),
  ],
};

const BODIES: Record<Shell, { activate: Body; deactivate: Body }> = {
  sh: callStyle(' '),
  fish: callStyle(' '),
  ps1: callStyle(' '),
  nu: callStyle(' '),
  csh: CSH,
  bat: BAT,
};

/** The text of one hook file. */
export function renderHook(kind: HookKind, shell: Shell, plan: HookPlan): string {
  const body = BODIES[shell][kind](plan, QUOTE[shell]).join('\n');
  const text = template(kind, shell);
  const placeholder = shell === 'bat' ? '@REM @BODY@' : '# @BODY@';
  if (!text.includes(placeholder)) throw new Error(`hooks/${kind}.${shell} has no ${placeholder} line`);
  return text.replace(placeholder, body);
}

/** The file names conda looks for: activate.d/activate-z90-gocross.sh and so on. */
export const hookFileName = (kind: HookKind, shell: Shell): string => `${kind}-z90-gocross.${shell}`;
