/**
 * What gocross's hooks do to the values other parties give the env's Go variables: which
 * activate script or env var sets what, whether gocross's late hook overrides it, and which
 * GOFLAGS words it drops and why. `init` prints it; `doctor` reports from it.
 */
import { type EnvRecords, UNSET_MARKER } from './records.js';
import { applyGoflagsRule } from '../targets/goflags.js';
import type { TargetInfo } from '../targets/index.js';
import type { HookPlan } from './plan.js';
import { hookFileName } from './render.js';

export interface Override {
  variable: string;
  value: string;
  /** The script (activate.d name) or env-var file that sets it. */
  source: string;
  /** overridden: gocross's value wins; filtered: GOFLAGS kept less `dropped`; kept: left as it is; wins: set after gocross's hook. */
  action: 'overridden' | 'filtered' | 'kept' | 'wins';
  dropped: string[];
  why: string;
}

const APPLY_HOOK = hookFileName('apply', 'sh');

const pieWhy = (target: TargetInfo): string =>
  `with CGO_ENABLED=0 it makes ${target.target} binaries dynamically linked PIEs${target.goos === 'linux' ? ' that need the target\'s dynamic loader: they cannot run under qemu-user without a sysroot (go run, go test) nor in scratch or distroless static images' : ''}${target.goarch === 'arm' ? ', and on linux/arm it needs external linking with a C compiler' : ''}`;

export function overridesOf(records: Pick<EnvRecords, 'activate' | 'stateVars' | 'envVarsD'>, plan: HookPlan, target: TargetInfo): Override[] {
  const setByUs = new Set([...plan.set.map((s) => s.name), ...plan.clear]);
  // conda drops a package's env var that `conda env config vars` marks unset, and exports no marker.
  const unset = (name: string): boolean => records.stateVars[name] === UNSET_MARKER;
  const without = (vars: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(vars).filter(([name]) => !unset(name)));
  const sources: { source: string; vars: Record<string, string>; after: boolean }[] = [
    ...records.envVarsD.map((f) => ({ source: f.file, vars: without(f.vars), after: false })),
    { source: 'conda env config vars (conda-meta/state)', vars: without(records.stateVars), after: false },
    ...records.activate.filter((s) => s.name.endsWith('.sh') && !s.name.includes('gocross')).map((s) => ({ source: s.name, vars: s.sets, after: s.name > APPLY_HOOK })),
  ];
  const found: Override[] = [];
  for (const { source, vars, after } of sources) {
    for (const [variable, value] of Object.entries(vars)) {
      if (after && (setByUs.has(variable) || variable === 'GOFLAGS')) {
        found.push({ variable, value, source, action: 'wins', dropped: [], why: `${source} runs after gocross's ${APPLY_HOOK}, so its value is the one in force` });
      } else if (variable === 'GOFLAGS') {
        if (plan.goflags.kind === 'set') {
          found.push({ variable, value, source, action: 'overridden', dropped: [], why: `init --goflags set GOFLAGS to "${plan.goflags.value}"` });
          continue;
        }
        const { dropped } = applyGoflagsRule(plan.goflags, value);
        if (dropped.length > 0) found.push({ variable, value, source, action: 'filtered', dropped, why: `${dropped.join(' ')}: ${pieWhy(target)}` });
        else found.push({ variable, value, source, action: 'kept', dropped: [], why: `nothing in it breaks ${target.target}` });
      } else if (setByUs.has(variable)) {
        const ours = plan.set.find((s) => s.name === variable)?.value;
        // Setting the same value is no override worth a word.
        if (ours === value) continue;
        found.push({ variable, value, source, action: 'overridden', dropped: [], why: ours === undefined ? `gocross unsets it for ${target.target}` : `gocross sets ${variable}=${ours} for ${target.target}` });
      }
    }
  }
  return found;
}

