/** `gocross targets [NAME...]`: the valid targets and their mappings, or names resolved. */
import { GocrossError, isGocrossError, usageError } from '../../errors.js';
import { findExecutable } from '../../io/process.js';
import { BUILTIN_PAIRS, listTargets, parseTarget, readDistList, type TargetInfo } from '../../targets/index.js';
import type { Context } from '../registry.js';

/** The valid GOOS/GOARCH pairs: from the `go` on PATH when there is one, else the built-in list. */
async function validPairs(builtin: boolean, env: NodeJS.ProcessEnv): Promise<{ pairs: readonly string[]; source: string }> {
  const go = builtin ? undefined : findExecutable('go', env.PATH);
  if (!go) return { pairs: BUILTIN_PAIRS, source: builtin ? 'the built-in list' : 'the built-in list (no go on PATH)' };
  try {
    return { pairs: await readDistList(go), source: `\`go tool dist list\` of ${go}` };
  } catch (error) {
    if (!isGocrossError(error)) throw error;
    return { pairs: BUILTIN_PAIRS, source: `the built-in list (${go} failed: ${error.message})` };
  }
}

/** One target in `gocross targets --json` (cli/json.ts TargetsJson). */
export const toJson = (t: TargetInfo) => ({
  target: t.target,
  goos: t.goos,
  goarch: t.goarch,
  variant: t.variant,
  goarm: t.goarm,
  goamd64: t.goamd64,
  conda: t.conda,
  debian: t.debian,
  triple: t.triple,
  condaTriple: t.condaTriple,
  bits: t.bits,
  endian: t.endian,
  format: t.format,
  machine: t.machine,
  qemu: t.qemu,
});

const dash = (value: string | number | null): string => (value === null ? '-' : String(value));

export async function run({ args, options, output, env, global }: Context<'targets'>): Promise<number> {
  const { pairs, source } = await validPairs(options.builtin === true, env);
  let targets: TargetInfo[];
  if (args.length === 0) {
    targets = listTargets(pairs);
  } else {
    targets = [];
    const failures: GocrossError[] = [];
    for (const name of args) {
      try {
        targets.push(parseTarget(name, pairs));
      } catch (error) {
        if (!isGocrossError(error)) throw error;
        failures.push(error);
      }
    }
    if (failures.length === 1 && targets.length === 0) throw failures[0];
    if (failures.length > 0) {
      throw usageError('target.unknown', failures.map((f) => f.message).join(' '), {
        hint: failures.map((f) => f.hint).filter(Boolean).join('; '),
      });
    }
  }
  if (global.json) {
    output.json(targets.map(toJson));
    return 0;
  }
  const header = ['TARGET', 'GOOS', 'GOARCH', 'VARIANT', 'CONDA', 'DEBIAN', 'TRIPLE', 'BITS', 'ENDIAN', 'QEMU'];
  const rows = targets.map((t) => [
    t.target,
    t.goos,
    t.goarch,
    dash(t.variant),
    dash(t.conda),
    dash(t.debian),
    dash(t.triple),
    String(t.bits),
    t.endian,
    dash(t.qemu),
  ]);
  if (args.length > 0) rows.forEach((row, i) => (row[0] = `${args[i]} → ${row[0]}`));
  output.table(header, rows);
  output.info(`valid GOOS/GOARCH pairs from ${source}`);
  return 0;
}
