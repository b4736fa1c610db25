/**
 * The facts the choice of a Go is made from (choice.ts), read from the file system and PATH:
 * the SDK store, the active env's recorded SDK, the `go` on PATH and the project's version line.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { activeEnvSettings } from '../activation/settings-file.js';
import { findExecutable, run } from '../io/process.js';
import type { GoFacts } from './choice.js';
import { gorootVersion, installedVersions } from './store.js';
import { findProjectVersion } from './version-files.js';

/** `<GOROOT>/bin/go`, with Windows' suffix. */
export const goBinary = (goroot: string): string => join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go');

/** The version of the Go at `goroot`: its VERSION file, else `go env GOVERSION`. */
export async function goVersionOf(goroot: string): Promise<string | null> {
  const fromFile = gorootVersion(goroot);
  if (fromFile) return fromFile;
  const result = await run(goBinary(goroot), ['env', 'GOVERSION'], { env: { GOTOOLCHAIN: 'local', GOROOT: goroot }, timeoutMs: 30_000 }).catch(() => undefined);
  return result?.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : null;
}

const realpath = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

export interface GoFactInputs {
  requested: GoFacts['requested'];
  env: NodeJS.ProcessEnv;
  moduleDir: string;
  home: string;
  /** The active env's settings when the caller has read them already (see activeEnvSettings). */
  settings?: ReturnType<typeof activeEnvSettings>;
}

export async function gatherGoFacts(inputs: GoFactInputs): Promise<GoFacts> {
  const { env } = inputs;
  const facts: GoFacts = { installed: installedVersions(inputs.home), home: inputs.home };
  if (inputs.requested) facts.requested = inputs.requested;
  const settings = 'settings' in inputs ? inputs.settings : activeEnvSettings(env);
  if (settings?.goroot && existsSync(goBinary(settings.goroot))) facts.envSdk = { goroot: settings.goroot, file: settings.file };
  const go = findExecutable('go', env.PATH);
  if (go) {
    // <GOROOT>/bin/go, through any symlink (Debian's /usr/bin/go, conda's $PREFIX/bin/go).
    const goroot = dirname(dirname(realpath(go)));
    facts.pathGo = { path: go, goroot, version: await goVersionOf(goroot) };
  }
  const required = findProjectVersion(inputs.moduleDir);
  if (required) facts.required = required;
  return facts;
}
