/**
 * Reading back what `gocross init` recorded in an env: `$PREFIX/etc/gocross/env-settings.ini`, a
 * file of its own (a project's `gocross.ini` is configuration, with another schema). Envs set up
 * before it had that name recorded the same keys in `etc/gocross/gocross.ini`, still read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings, type StoredSettings } from './settings.js';

export const settingsPath = (prefix: string): string => join(prefix, 'etc', 'gocross', 'env-settings.ini');
export const legacySettingsPath = (prefix: string): string => join(prefix, 'etc', 'gocross', 'gocross.ini');

export interface EnvSettingsFile {
  file: string;
  settings: Partial<StoredSettings>;
}

/** The env's recorded settings, or undefined when gocross has not set the env up (or no env). */
export function readEnvSettings(prefix: string | null | undefined): EnvSettingsFile | undefined {
  if (!prefix) return undefined;
  for (const file of [settingsPath(prefix), legacySettingsPath(prefix)]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return { file, settings: parseSettings(text) };
  }
  return undefined;
}

/** The active env's `gocross init` settings file and what it records, when there is one. */
export function activeEnvSettings(env: NodeJS.ProcessEnv): { file: string; goroot?: string; target?: string; goflags: string | null } | undefined {
  const stored = readEnvSettings(env.CONDA_PREFIX);
  if (!stored) return undefined;
  const { goroot, target, goflags } = stored.settings;
  return { file: stored.file, ...(goroot ? { goroot } : {}), ...(target ? { target } : {}), goflags: goflags ?? null };
}
