/**
 * Reading a simulated activation (src/activation/simulation/script.ts): for one variable, its value
 * after each step, who changed it, what it is once the env is active and after `conda
 * deactivate`. Pure.
 */
import type { ActivationStep } from './script.js';

export interface VarChange {
  /** Index into the steps. */
  step: number;
  /** undefined: unset. */
  value: string | undefined;
}

export interface VarHistory {
  name: string;
  /** In the shell activation starts from. */
  base: string | undefined;
  /** Once the env is active. */
  value: string | undefined;
  /** Activation steps that set it (changed it, or assign it whatever it was), in order. */
  changes: VarChange[];
  /** After the simulated `conda deactivate`; null when the simulation did not get that far. */
  afterDeactivate: string | undefined | null;
  /** Deactivation steps that changed it. */
  deactivateChanges: VarChange[];
}

/**
 * `envs[i]` is the environment after `steps[i]`; `activated` the last activation step. A step in
 * `assigns` sets those names unconditionally (gocross's late hook): it counts as setting them even
 * when the value it gives equals the one before — an environment dump cannot see that.
 */
export function varHistory(
  name: string,
  steps: readonly ActivationStep[],
  envs: readonly Record<string, string>[],
  activated: number,
  assigns: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): VarHistory {
  const base = envs[0]?.[name];
  const changes: VarChange[] = [];
  const deactivateChanges: VarChange[] = [];
  let previous = base;
  const last = Math.min(activated, envs.length - 1);
  for (let i = 1; i < envs.length; i += 1) {
    const value = envs[i]?.[name];
    const changed = value !== previous || (i <= activated && assigns.get(i)?.has(name) === true);
    if (changed) (i <= activated ? changes : deactivateChanges).push({ step: i, value });
    previous = value;
  }
  const finished = envs.length === steps.length;
  return {
    name,
    base,
    value: envs[last]?.[name],
    changes,
    afterDeactivate: finished ? envs[envs.length - 1]?.[name] : null,
    deactivateChanges,
  };
}

/** Go treats an empty variable as unset; so does the comparison of before and after. */
export const sameGoValue = (a: string | undefined, b: string | undefined): boolean => (a ?? '') === (b ?? '');
