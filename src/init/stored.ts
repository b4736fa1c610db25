/** Reading back what `gocross init` recorded in an env (`$PREFIX/etc/gocross/gocross.ini`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings, type StoredSettings } from './settings.js';

export const settingsPath = (prefix: string): string => join(prefix, 'etc', 'gocross', 'gocross.ini');

export interface EnvSettingsFile {
  file: string;
  settings: Partial<StoredSettings>;
}

/** The env's recorded settings, or undefined when gocross has not set the env up (or no env). */
export function readEnvSettings(prefix: string | null | undefined): EnvSettingsFile | undefined {
  if (!prefix) return undefined;
  const file = settingsPath(prefix);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { file, settings: parseSettings(text) };
}
