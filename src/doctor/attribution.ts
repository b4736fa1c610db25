/**
 * Who gives each variable of an activated env its value: from a simulated activation (the
 * environment after every step conda takes), or, where none can run (Windows), from reading the
 * env's records and scripts. Pure: the package lookup is handed in.
 */
import { basename } from 'node:path';
import type { SimulatedActivation } from '../activation/simulation/run.js';
import type { ActivationStep } from '../activation/simulation/script.js';
import { sameGoValue, varHistory } from '../activation/simulation/trace.js';
import { GO_VARS, type EnvRecords, UNSET_MARKER } from '../activation/records.js';
import type { Activation, GocrossHooks, VarSource, VarTrace } from './snapshot.js';

/** The variables doctor follows through activation. */
export const TRACKED = [...GO_VARS, 'PATH', 'CC', 'CXX'] as const;

export const GOCROSS_HOOK = /^(de)?activate-(a00|z90)-gocross\./;
export const SAVE_HOOK = 'activate-a00-gocross.sh';
export const APPLY_HOOK = 'activate-z90-gocross.sh';
const UNAPPLY_HOOK = 'deactivate-z90-gocross.sh';
const RESTORE_HOOK = 'deactivate-a00-gocross.sh';

export const STATE_LABEL = 'conda-meta/state (conda env config vars)';

export const shellSource = (description = 'the shell conda activates the env in'): VarSource => ({
  kind: 'shell',
  source: description,
  name: '',
  gocross: false,
  afterGocross: false,
  beforeSave: false,
  package: null,
});

const scriptSource = (path: string, kind: 'activate' | 'deactivate'): VarSource => {
  const name = basename(path);
  return {
    kind: 'script',
    source: path,
    name,
    gocross: GOCROSS_HOOK.test(name),
    // conda sorts activate.d by path: within one directory, by name.
    afterGocross: kind === 'activate' && name > APPLY_HOOK,
    beforeSave: kind === 'activate' && name < SAVE_HOOK,
    package: null,
  };
};

function stepSource(step: ActivationStep): VarSource {
  switch (step.kind) {
    case 'shell':
      return shellSource();
    case 'conda':
    case 'deactivate-path':
    case 'conda-deactivate':
      return { ...shellSource('conda itself'), kind: 'conda' };
    case 'env-vars':
      return { ...shellSource(step.source), kind: 'env-vars', name: basename(step.source) };
    case 'state':
      return { ...shellSource(STATE_LABEL), kind: 'state', name: 'state' };
    case 'activate':
      return scriptSource(step.source, 'activate');
    case 'deactivate':
      return scriptSource(step.source, 'deactivate');
  }
}

/** Fills in the package of each non-gocross script and env-var file that sets a Go variable. */
function assignPackages(vars: Record<string, VarTrace>, owner: (path: string) => string | null): void {
  const seen = new Map<string, string | null>();
  for (const name of GO_VARS) {
    for (const { source } of vars[name]?.sets ?? []) {
      if ((source.kind !== 'script' && source.kind !== 'env-vars') || source.gocross) continue;
      if (!seen.has(source.source)) seen.set(source.source, owner(source.source));
      source.package = seen.get(source.source) ?? null;
    }
  }
}

/** What attribution reads of a run of the env's activation. */
export type SimulationFacts = Pick<SimulatedActivation, 'shell' | 'baseDescription' | 'steps' | 'activated' | 'envs' | 'active' | 'stoppedAt' | 'stderr'>;

export function fromSimulation(sim: SimulationFacts, hooks: GocrossHooks | null, owner: (path: string) => string | null): Activation {
  // One VarSource per step, shared, so a package found once shows everywhere.
  const sources = sim.steps.map(stepSource);
  const applyAt = sim.steps.findIndex((s) => s.kind === 'activate' && basename(s.source) === APPLY_HOOK);
  const assigns = new Map<number, Set<string>>();
  if (applyAt >= 0 && hooks) assigns.set(applyAt, new Set(hooks.managed));
  const vars: Record<string, VarTrace> = {};
  for (const name of TRACKED) {
    const h = varHistory(name, sim.steps, sim.envs, sim.activated, assigns);
    const sets = h.changes.map((c) => ({ source: sources[c.step] ?? shellSource(), value: c.value }));
    vars[name] = {
      value: h.value,
      origin: sets.at(-1)?.source ?? shellSource(),
      sets,
      restored: h.afterDeactivate === null ? null : name === 'PATH' ? (h.afterDeactivate ?? '') === (h.base ?? '') : sameGoValue(h.afterDeactivate, h.base),
      before: h.base,
      deactivatedBy: h.deactivateChanges.map((c) => sources[c.step]).filter((s): s is VarSource => s !== undefined && s.kind === 'script'),
    };
  }
  assignPackages(vars, owner);
  const ran = (hook: string): boolean => {
    const at = sim.steps.findIndex((s) => (s.kind === 'activate' || s.kind === 'deactivate') && basename(s.source) === hook);
    return at >= 0 && at < sim.envs.length;
  };
  return {
    simulated: true,
    shell: sim.shell,
    base: sim.baseDescription,
    scripts: sim.steps.filter((s) => s.kind === 'activate').map((s) => s.source),
    vars,
    env: sim.active,
    stopped: sim.stoppedAt ? { source: stepSource(sim.stoppedAt), stderr: sim.stderr } : null,
    gocross: { save: ran(SAVE_HOOK), apply: ran(APPLY_HOOK), unapply: ran(UNAPPLY_HOOK), restore: ran(RESTORE_HOOK) },
  };
}

/**
 * Without a POSIX shell (Windows): who sets what, read from the records — env_vars.d in order,
 * then conda-meta/state (conda's order: state wins), then the scripts A→Z with the values as
 * written. Nothing is known of restores or of values computed at run time.
 */
export function fromRecords(records: EnvRecords, hooks: GocrossHooks | null, owner: (path: string) => string | null): Activation {
  const sets = new Map<string, { source: VarSource; value: string | undefined }[]>();
  const add = (name: string, source: VarSource, value: string | undefined): void => {
    sets.set(name, [...(sets.get(name) ?? []), { source, value }]);
  };
  // conda merges env_vars.d and state, then drops a name whose merged value is ***unset***.
  const dropped = (name: string): boolean => records.stateVars[name] === UNSET_MARKER;
  for (const { file, vars } of records.envVarsD) {
    const source: VarSource = { ...shellSource(file), kind: 'env-vars', name: basename(file) };
    for (const [name, value] of Object.entries(vars)) if (!dropped(name)) add(name, source, value);
  }
  const state: VarSource = { ...shellSource(STATE_LABEL), kind: 'state', name: 'state' };
  for (const [name, value] of Object.entries(records.stateVars)) if (value !== UNSET_MARKER) add(name, state, value);
  const scripts = records.activate.filter((script) => script.name.endsWith('.sh') || !/\.(csh|fish|ps1|bat|nu)$/.test(script.name));
  for (const script of scripts) {
    const source = scriptSource(script.path, 'activate');
    for (const [name, value] of Object.entries(script.sets)) add(name, source, value);
    // gocross's late hook sets its variables through helper functions a text scan cannot read.
    if (script.name === APPLY_HOOK && hooks) for (const name of hooks.managed) add(name, source, hooks.planned[name] ?? undefined);
  }
  const vars: Record<string, VarTrace> = {};
  for (const name of TRACKED) {
    const all = sets.get(name) ?? [];
    vars[name] = { value: all.at(-1)?.value, origin: all.at(-1)?.source ?? shellSource(), sets: all, restored: null, before: undefined, deactivatedBy: [] };
  }
  assignPackages(vars, owner);
  const has = (name: string, list: { name: string }[]): boolean => list.some((s) => s.name === name);
  return {
    simulated: false,
    shell: null,
    base: 'not simulated: the env’s scripts were read, not run',
    scripts: scripts.map((s) => s.path),
    vars,
    env: null,
    stopped: null,
    gocross: {
      save: has(SAVE_HOOK, records.activate),
      apply: has(APPLY_HOOK, records.activate),
      unapply: has(UNAPPLY_HOOK, records.deactivate),
      restore: has(RESTORE_HOOK, records.deactivate),
    },
  };
}
