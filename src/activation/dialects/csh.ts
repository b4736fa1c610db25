/** csh/tcsh: no functions, so every step of a plan is written out in full. */
import type { HookPlan } from '../plan.js';
import { type Dialect, noNewline } from './types.js';

// As sh, plus history substitution, which fires even inside single quotes.
const quote = (v: string): string => `'${noNewline(v).replace(/'/g, `'\\''`).replace(/!/g, '\\!')}'`;

const save = (name: string): string[] => [
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

const restore = (name: string): string[] => [
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
];

/**
 * Takes $_gocross_e out of the part of PATH before $CONDA_PREFIX/bin, where only this
 * activation's hooks or conda's re-export of an older PATH (reactivation, a switch between envs)
 * put it; an entry elsewhere on PATH is left alone.
 */
const forget = (): string[] => [
  'if ( $?CONDA_PREFIX ) then',
  '  set _gocross_new = ( )',
  '  set _gocross_before = 1',
  '  foreach _gocross_p ( $path:q )',
  '    if ( "$_gocross_p" == "$CONDA_PREFIX/bin" ) set _gocross_before = 0',
  '    if ( $_gocross_before == 0 || "$_gocross_p" != "$_gocross_e" ) set _gocross_new = ( $_gocross_new:q "$_gocross_p" )',
  '  end',
  '  if ( $_gocross_before == 0 ) set path = ( $_gocross_new:q )',
  'endif',
];

/** Without --stack, conda deactivated the env below first; the entries its hooks add came back. */
const forgetReplaced = (): string[] => [
  'set _gocross_file = ""',
  'if ( $?CONDA_SHLVL ) then',
  '  if ( "$CONDA_SHLVL" =~ [1-9]* ) then',
  '    @ _gocross_below = $CONDA_SHLVL - 1',
  '    if ( $_gocross_below >= 1 && "`printenv CONDA_STACKED_$CONDA_SHLVL`" == "" ) then',
  '      set _gocross_file = "`printenv CONDA_PREFIX_$_gocross_below`/etc/gocross/path-entries"',
  '    endif',
  '  endif',
  'endif',
  'if ( "$_gocross_file" != "" && -f "$_gocross_file" ) then',
  // csh parses a command substitution again after expanding it: a quote in the path would end
  // it early, so sh reads the file, named through the environment.
  '  setenv _GOCROSS_FILE "$_gocross_file"',
  `  foreach _gocross_e ( "\`sh -c 'cat "'"$_GOCROSS_FILE"'"'\`" )`,
  '    if ( "$_gocross_e" =~ "#"* ) continue',
  ...forget().map((line) => `    ${line}`),
  '  end',
  '  unsetenv _GOCROSS_FILE',
  'endif',
];

const removeFirst = (entry: string): string[] => [
  'set _gocross_new = ( )',
  'set _gocross_done = 0',
  'foreach _gocross_p ( $path:q )',
  `  if ( $_gocross_done == 0 && "$_gocross_p" == ${quote(entry)} ) then`,
  '    set _gocross_done = 1',
  '  else',
  '    set _gocross_new = ( $_gocross_new:q "$_gocross_p" )',
  '  endif',
  'end',
  'set path = ( $_gocross_new:q )',
];

/** GOFLAGS without FLAG (every occurrence); unset when nothing is left. */
const goflagsDrop = (flag: string): string[] => [
  'if ( $?GOFLAGS ) then',
  '  set _gocross_new = ( )',
  '  set _gocross_changed = 0',
  '  foreach _gocross_w ( $GOFLAGS )',
  `    if ( "$_gocross_w" == ${quote(flag)} ) then`,
  '      set _gocross_changed = 1',
  '    else',
  '      set _gocross_new = ( $_gocross_new:q "$_gocross_w" )',
  '    endif',
  '  end',
  '  if ( $_gocross_changed == 1 ) then',
  '    if ( $#_gocross_new > 0 ) then',
  '      setenv GOFLAGS "$_gocross_new"',
  '    else',
  '      unsetenv GOFLAGS',
  '    endif',
  '  endif',
  'endif',
];

const goflagsAdd = (flag: string): string[] => [
  'if ( $?GOFLAGS ) then',
  `  if ( " $GOFLAGS " !~ *${quote(` ${flag} `)}* ) setenv GOFLAGS "$GOFLAGS "${quote(flag)}`,
  'else',
  `  setenv GOFLAGS ${quote(flag)}`,
  'endif',
];

const goflags = (plan: HookPlan): string[] =>
  plan.goflags.kind === 'set'
    ? [plan.goflags.value === '' ? 'unsetenv GOFLAGS' : `setenv GOFLAGS ${quote(plan.goflags.value)}`]
    : [...plan.goflags.drop.flatMap(goflagsDrop), ...plan.goflags.add.flatMap(goflagsAdd)];

export const csh: Dialect = {
  quote,
  bodies: {
    save: (plan) => plan.saved.flatMap(save),
    apply: (plan) => [
      ...forgetReplaced(),
      ...plan.path.flatMap((entry) => [`set _gocross_e = ${quote(entry)}`, ...forget()]),
      ...plan.set.map((s) => `setenv ${s.name} ${quote(s.value)}`),
      ...plan.clear.map((name) => `unsetenv ${name}`),
      ...goflags(plan),
      ...[...plan.path].reverse().map((entry) => `set path = ( ${quote(entry)} $path:q )`),
    ],
    unapply: (plan) => plan.path.flatMap(removeFirst),
    restore: (plan) => plan.saved.flatMap(restore),
  },
};
