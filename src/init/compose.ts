/** Every file `init` writes into an env, from its settings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EnvSettings, execWrapperDir, execWrapperName, planHooks } from '../hooks/plan.js';
import { hookFileName, renderHook, SHELLS } from '../hooks/render.js';
import type { PlannedFile } from './files.js';
import { renderSettings, type StoredSettings } from './settings.js';
import { settingsPath } from './stored.js';

export const activateDir = (prefix: string): string => join(prefix, 'etc', 'conda', 'activate.d');
export const deactivateDir = (prefix: string): string => join(prefix, 'etc', 'conda', 'deactivate.d');

const shQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** The go_<goos>_<goarch>_exec wrapper: runs foreign programs of `go run`/`go test` under qemu-user. */
export function renderExecWrapper(env: EnvSettings, sysroot: string | null): string {
  const { target } = env;
  const qemu = target.qemu ?? 'qemu-user';
  const template = readFileSync(new URL('../../hooks/go_exec.sh', import.meta.url), 'utf8');
  const args = env.cgo && sysroot ? `-L ${shQuote(sysroot)} ` : '';
  return template
    .replaceAll('@TARGET@', target.target)
    .replaceAll('@GOOS@', target.goos)
    .replaceAll('@GOARCH@', target.goarch)
    .replaceAll('@QEMU@', qemu)
    .replaceAll('@QEMU_ARGS@', args);
}

export function composeFiles(prefix: string, env: EnvSettings, stored: StoredSettings, foreign: boolean, sysroot: string | null): PlannedFile[] {
  const plan = planHooks(env, prefix, foreign);
  const files: PlannedFile[] = [];
  for (const shell of SHELLS) {
    files.push({ path: join(activateDir(prefix), hookFileName('activate', shell)), content: renderHook('activate', shell, plan) });
    files.push({ path: join(deactivateDir(prefix), hookFileName('deactivate', shell)), content: renderHook('deactivate', shell, plan) });
  }
  // The wrapper only exists for Linux targets qemu-user can run.
  if (foreign && env.target.qemu) {
    files.push({ path: join(execWrapperDir(prefix), execWrapperName(env.target)), content: renderExecWrapper(env, sysroot), mode: 0o755 });
  }
  files.push({ path: settingsPath(prefix), content: renderSettings(stored) });
  return files;
}
