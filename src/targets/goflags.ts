/**
 * GOFLAGS for one target: which flags another party put in GOFLAGS (conda-forge's go-nocgo and
 * go-cgo compiler packages export `-modcacherw -buildmode=pie -trimpath`) gocross drops because
 * they break what the target needs, and what it keeps. The hooks do the same in shell code, from
 * the same `goflagsRule`, and `gocross build` applies it to the environment it runs in.
 */
import type { TargetInfo } from './info.js';

/** Go's own default: ELF targets without cgo link static, except Android (always dynamic). */
export const buildsStatic = (target: Pick<TargetInfo, 'format' | 'goos'>, cgo: boolean): boolean => !cgo && target.format === 'elf' && target.goos !== 'android';

/**
 * What gocross does to GOFLAGS: set it outright (`init --goflags`), or keep what is there minus
 * `drop` and plus `add`.
 */
export type GoflagsRule = { kind: 'set'; value: string } | { kind: 'filter'; drop: string[]; add: string[] };

/** `-buildmode=pie` with CGO_ENABLED=0 gives a dynamically linked PIE that needs the target's ld.so. */
export const PIE_FLAGS = ['-buildmode=pie', '--buildmode=pie'];

export function goflagsRule(target: Pick<TargetInfo, 'format' | 'goos'>, cgo: boolean, options: { explicit?: string | null; add?: string[] } = {}): GoflagsRule {
  if (options.explicit !== undefined && options.explicit !== null) return { kind: 'set', value: options.explicit.trim().split(/\s+/).filter(Boolean).join(' ') };
  return { kind: 'filter', drop: buildsStatic(target, cgo) ? PIE_FLAGS : [], add: options.add ?? [] };
}

/** Go splits GOFLAGS on white space (each entry a standalone flag), and so does this. */
export function applyGoflagsRule(rule: GoflagsRule, current: string | undefined): { value: string | undefined; dropped: string[] } {
  if (rule.kind === 'set') return { value: rule.value === '' ? undefined : rule.value, dropped: [] };
  const words = (current ?? '').split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !rule.drop.includes(w));
  const dropped = words.filter((w) => rule.drop.includes(w));
  for (const flag of rule.add) if (!kept.includes(flag)) kept.push(flag);
  // Nothing changed: leave the variable exactly as it was (unset stays unset, spacing stays).
  if (dropped.length === 0 && kept.length === words.length) return { value: current, dropped };
  return { value: kept.length > 0 ? kept.join(' ') : undefined, dropped };
}
