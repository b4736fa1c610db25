/**
 * Which targets `gocross build` builds (pure): `--targets`, else `[build] targets` from a file or
 * GOCROSS_BUILD_TARGETS, else the one `target` configured or recorded in the env, else the
 * default matrix.
 */
import { splitList } from '../config/coerce.js';
import { usageError } from '../errors.js';
import { parseTarget, type TargetInfo } from '../targets/index.js';

export interface TargetSources {
  /** The --targets text as typed. */
  flag?: string;
  /** `build.targets` (canonical names), its source and whether that source is the default. */
  matrix: { value: string[]; source: string; isDefault: boolean };
  /** The `target` key when it is set (GOCROSS_TARGET or a config file). */
  configured?: { value: string; source: string };
  /** The target of the env's `gocross init` settings. */
  envTarget?: { value: string; file: string };
}

export interface TargetChoice {
  targets: TargetInfo[];
  why: string;
}

/** Each name once, in the order first given, by canonical name. */
function unique(targets: TargetInfo[]): TargetInfo[] {
  const seen = new Set<string>();
  return targets.filter((t) => (seen.has(t.target) ? false : (seen.add(t.target), true)));
}

export function chooseTargets(sources: TargetSources): TargetChoice {
  if (sources.flag !== undefined) {
    const names = splitList(sources.flag);
    if (names.length === 0) {
      throw usageError('build.targets', '--targets is empty.', { hint: 'give targets separated by commas, e.g. --targets linux/amd64,linux/arm64' });
    }
    return { targets: unique(names.map((name) => parseTarget(name))), why: 'from --targets' };
  }
  const matrix = () => unique(sources.matrix.value.map((name) => parseTarget(name)));
  if (!sources.matrix.isDefault) return { targets: matrix(), why: `from ${sources.matrix.source}` };
  if (sources.configured) return { targets: [parseTarget(sources.configured.value)], why: `the target from ${sources.configured.source}` };
  if (sources.envTarget) return { targets: [parseTarget(sources.envTarget.value)], why: `the env's target (${sources.envTarget.file})` };
  return { targets: matrix(), why: 'the default matrix' };
}
