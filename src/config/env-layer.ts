/**
 * The active env's `gocross init` settings as a configuration layer, for `gocross config` (pure):
 * they stand under the files and variables and over the defaults, as build and init use them —
 * the env's target is built when nothing configures targets, its SDK when no `go` is set.
 */
import type { StoredSettings } from '../activation/settings.js';
import type { EffectiveConfig, Setting } from './resolve.js';

export function withEnvLayer(settings: EffectiveConfig, stored: { file: string; settings: Partial<StoredSettings> } | undefined): Setting[] {
  const all = [...settings.values()];
  if (!stored) return all;
  const source = { kind: 'conda-env' as const, file: stored.file };
  const recorded: Record<string, unknown> = {
    target: stored.settings.target,
    go: stored.settings.goroot,
    cgo: stored.settings.cgo || undefined,
  };
  const targetConfigured = settings.get('target')?.source.kind !== 'default';
  return all.map((s) => {
    if (s.source.kind !== 'default') return s;
    if (s.key === 'build.targets' && !targetConfigured && stored.settings.target) return { ...s, value: [stored.settings.target], source };
    const value = recorded[s.key];
    return value === undefined ? s : { ...s, value, source };
  });
}
