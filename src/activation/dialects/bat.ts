/**
 * cmd.exe: helper labels in the templates (`call :label`); a value is handed to them in
 * `_gocross_e`, never as an argument, because CALL would expand it a second time. The body runs
 * inside a CALL whose output is thrown away, so its lines need no `@`.
 */
import type { HookPlan } from '../plan.js';
import { type Dialect, noNewline } from './types.js';

const SPECIAL = '^&|<>()';

/**
 * The text of `set "NAME=<quote(value)>"`: a batch file reads %% as %. cmd keeps a quote inside
 * the value (SET drops only the first and the last), but each one turns quoting off or on again,
 * so the special characters between an odd and an even quote need a caret.
 */
const quote = (value: string): string => {
  let quoted = true;
  let out = '';
  for (const c of noNewline(value)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && SPECIAL.includes(c)) out += '^';
    out += c === '%' ? '%%' : c;
  }
  return out;
};

const setLine = (name: string, value: string): string => `set "${name}=${quote(value)}"`;
const withEntry = (label: string) => (value: string): string[] => [setLine('_gocross_e', value), `call :${label}`];

const goflags = (plan: HookPlan): string[] =>
  plan.goflags.kind === 'set'
    ? [setLine('GOFLAGS', plan.goflags.value)]
    : [...plan.goflags.drop.flatMap(withEntry('gocross_goflags_drop')), ...plan.goflags.add.flatMap(withEntry('gocross_goflags_add'))];

/**
 * cmd finds a label by reading the file again, and with bare LF line ends it can miss one: the
 * templates are CRLF, and so is every body line (renderHook joins them with LF; the last one
 * takes the template's CRLF).
 */
export const bat: Dialect = {
  quote,
  bodies: {
    save: (plan) => plan.saved.map((name) => `call :gocross_save ${name}`),
    // The template's body line ends in CR LF, and so does each line filled in for it.
    apply: (plan) => [
        // Entries an earlier activation of this env left before %CONDA_PREFIX% come out first.
        ...plan.path.flatMap(withEntry('gocross_forget')),
        ...plan.set.map((s) => setLine(s.name, s.value)),
        ...plan.clear.map((name) => `set "${name}="`),
        ...goflags(plan),
        // Prepending in reverse leaves the first entry first.
        ...[...plan.path].reverse().map((entry) => `set "PATH=${quote(entry)};%PATH%"`),
    ],
    unapply: (plan) => plan.path.flatMap(withEntry('gocross_path_remove')),
    restore: (plan) => plan.saved.map((name) => `call :gocross_restore ${name}`),
  },
};
