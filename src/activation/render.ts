/**
 * Rendering hook files from the templates in hooks/<shell>/<role>.<ext>: each template has one
 * `@BODY.line@` line, one line for each line of the plan written in that shell's syntax and
 * quoting (src/activation/dialects/<shell>.ts).
 */
import { fillTemplate, readTemplate } from '../io/templates.js';
import { bat } from './dialects/bat.js';
import { csh } from './dialects/csh.js';
import { fish } from './dialects/fish.js';
import { nu } from './dialects/nu.js';
import { ps1 } from './dialects/ps1.js';
import { sh } from './dialects/sh.js';
import type { Dialect, HookRole } from './dialects/types.js';
import type { HookPlan } from './plan.js';

export const SHELLS = ['sh', 'csh', 'fish', 'ps1', 'bat', 'nu'] as const;
export type Shell = (typeof SHELLS)[number];
export type { HookRole } from './dialects/types.js';
export const HOOK_ROLES: readonly HookRole[] = ['save', 'apply', 'unapply', 'restore'];

const DIALECTS: Record<Shell, Dialect> = { sh, csh, fish, ps1, bat, nu };

export const QUOTE: Record<Shell, (value: string) => string> = {
  sh: sh.quote,
  csh: csh.quote,
  fish: fish.quote,
  ps1: ps1.quote,
  bat: bat.quote,
  nu: nu.quote,
};

export const template = (role: HookRole, shell: Shell): string => readTemplate(`hooks/${shell}/${role}.${shell}`);

/** The text of one hook file. */
export function renderHook(role: HookRole, shell: Shell, plan: HookPlan): string {
  const lines = DIALECTS[shell].bodies[role](plan);
  // An empty body still leaves its (empty) line.
  const body = (lines.length > 0 ? lines : ['']).map((line) => ({ line }));
  return fillTemplate(template(role, shell), { scalars: {}, lists: { BODY: body } }, `hooks/${shell}/${role}.${shell}`);
}

/**
 * The file names conda looks for. `a00` sorts before every package's hook, `z90` after
 * conda-forge's `z61` Go hooks; deactivate.d runs Z→A, so the order reverses there.
 */
export const hookFileName = (role: HookRole, shell: Shell): string => {
  const kind = role === 'save' || role === 'apply' ? 'activate' : 'deactivate';
  const rank = role === 'save' || role === 'restore' ? 'a00' : 'z90';
  return `${kind}-${rank}-gocross.${shell}`;
};
export const hookDirKind = (role: HookRole): 'activate' | 'deactivate' => (role === 'save' || role === 'apply' ? 'activate' : 'deactivate');
