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
