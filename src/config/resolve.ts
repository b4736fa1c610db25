/**
 * Merging every configuration layer into effective values (pure). Highest first: flags,
 * GOCROSS_* variables, the project's gocross.ini, the user's config.ini, defaults.
 */
import { dirname } from 'node:path';
import { coerceValue } from './coerce.js';
import type { RawSetting } from './parse.js';
import { KEY_BY_NAME, KEYS } from './schema.js';

export type Source =
  | { kind: 'default' }
  | { kind: 'user' | 'project'; file: string; line: number }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string }
  /** What `gocross init` recorded in the active env (shown by `gocross config`). */
  | { kind: 'conda-env'; file: string };

export interface Setting {
  key: string;
  value: unknown;
  source: Source;
}

export interface ConfigLayers {
  user: RawSetting[];
  project: RawSetting[];
  env: NodeJS.ProcessEnv;
  /** Values given on the command line, by key, with the flag's name for messages. */
  flags: { key: string; raw: string; flag: string }[];
  cwd: string;
  home: string;
}

export type EffectiveConfig = ReadonlyMap<string, Setting>;

export function resolveConfig(layers: ConfigLayers): EffectiveConfig {
  const settings = new Map<string, Setting>();
  for (const definition of KEYS) {
    settings.set(definition.key, { key: definition.key, value: definition.default(layers.env), source: { kind: 'default' } });
  }
  const set = (key: string, raw: string, source: Source, where: string, baseDir: string): void => {
    const definition = KEY_BY_NAME.get(key);
    if (!definition) return;
    settings.set(key, { key, value: coerceValue(definition, raw, { where, baseDir, home: layers.home }), source });
  };
  for (const kind of ['user', 'project'] as const) {
    for (const item of layers[kind]) {
      set(item.key, item.raw, { kind, file: item.file, line: item.line }, `${item.file}:${item.line}`, dirname(item.file));
    }
  }
  for (const definition of KEYS) {
    const raw = layers.env[definition.env];
    // An empty variable is treated as unset, as shells make "unset" hard to express in some places.
    if (raw !== undefined && raw !== '') set(definition.key, raw, { kind: 'env', name: definition.env }, definition.env, layers.cwd);
  }
  for (const flag of layers.flags) set(flag.key, flag.raw, { kind: 'flag', name: flag.flag }, flag.flag, layers.cwd);
  return settings;
}

export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'user':
    case 'project':
      return `${source.kind} config ${source.file}:${source.line}`;
    case 'env':
      return `env ${source.name}`;
    case 'flag':
      return `flag ${source.name}`;
    case 'conda-env':
      return `the active env's gocross init (${source.file})`;
  }
}
