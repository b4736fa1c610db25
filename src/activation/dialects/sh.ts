/** POSIX sh (bash, zsh, dash): helper functions in the templates, one call a step here. */
import type { HookPlan } from '../plan.js';
import { type Dialect, noNewline } from './types.js';

const quote = (v: string): string => `'${noNewline(v).replace(/'/g, `'\\''`)}'`;

/** GOFLAGS steps, shared by the shells whose templates define _gocross_goflags_drop/_add. */
export const goflagsCalls = (plan: HookPlan, q: (v: string) => string): string[] =>
  plan.goflags.kind === 'set'
    ? [plan.goflags.value === '' ? '_gocross_clear GOFLAGS' : `_gocross_set GOFLAGS ${q(plan.goflags.value)}`]
    : [...plan.goflags.drop.map((flag) => `_gocross_goflags_drop ${q(flag)}`), ...plan.goflags.add.map((flag) => `_gocross_goflags_add ${q(flag)}`)];

/** The four bodies of shells with functions (sh, fish): the same calls, the shell's quoting. */
export const callBodies = (q: (v: string) => string): Dialect['bodies'] => ({
  save: (plan) => plan.saved.map((name) => `_gocross_save ${name}`),
  apply: (plan) => [
    // Entries an earlier activation of this env left before $CONDA_PREFIX/bin come out first.
    ...plan.path.map((entry) => `_gocross_forget ${q(entry)}`),
    ...plan.set.map((s) => `_gocross_set ${s.name} ${q(s.value)}`),
    ...plan.clear.map((name) => `_gocross_clear ${name}`),
    ...goflagsCalls(plan, q),
    // Prepending in reverse leaves the first entry first.
    ...[...plan.path].reverse().map((entry) => `_gocross_path_prepend ${q(entry)}`),
  ],
  unapply: (plan) => plan.path.map((entry) => `_gocross_path_remove ${q(entry)}`),
  restore: (plan) => plan.saved.map((name) => `_gocross_restore ${name}`),
});

export const sh: Dialect = { quote, bodies: callBodies(quote) };
