/** One shell's way of writing a hook plan: its quoting and the body of each hook role. */
import { usageError } from '../../errors.js';
import type { HookPlan } from '../plan.js';

/**
 * save: the early activate hook (saves every variable); apply: the late activate hook (sets the
 * target's variables and PATH); unapply: the early deactivate hook (takes the PATH entries out);
 * restore: the late deactivate hook (puts every variable back).
 */
export type HookRole = 'save' | 'apply' | 'unapply' | 'restore';

export interface Dialect {
  quote: (value: string) => string;
  bodies: Record<HookRole, (plan: HookPlan) => string[]>;
}

/** Every value of a hook sits on one line: one with a line break is refused, not mangled. */
export function noNewline(value: string): string {
  if (/[\n\r\0]/.test(value)) throw usageError('hooks.value', `cannot write a hook for a value with a line break: ${JSON.stringify(value)}.`, { hint: 'use paths without line breaks' });
  return value;
}
