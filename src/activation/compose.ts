/** Every file `init` writes into an env, from its settings. */
import { join } from 'node:path';
import { type EnvSettings, execWrapperDir, execWrapperName, pathEntriesFile, planHooks } from './plan.js';
import { HOOK_ROLES, hookDirKind, hookFileName, renderHook, SHELLS } from './render.js';
import { MARKER } from '../marker.js';
import { fillTemplate, readTemplate } from '../io/templates.js';
import type { PlannedFile } from './hook-files.js';
import { renderSettings, type StoredSettings } from './settings.js';
import { settingsPath } from './settings-file.js';

export const activateDir = (prefix: string): string => join(prefix, 'etc', 'conda', 'activate.d');
export const deactivateDir = (prefix: string): string => join(prefix, 'etc', 'conda', 'deactivate.d');

const shQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** The go_<goos>_<goarch>_exec wrapper: runs foreign programs of `go run`/`go test` under qemu-user. */
export function renderExecWrapper(env: EnvSettings, sysroot: string | null): string {
  const { target } = env;
  const qemu = target.qemu ?? 'qemu-user';
  const args = env.cgo && sysroot ? `-L ${shQuote(sysroot)} ` : '';
  const scalars = { TARGET: target.target, GOOS: target.goos, GOARCH: target.goarch, QEMU: qemu, QEMU_ARGS: args };
  return fillTemplate(readTemplate('hooks/go_exec.sh'), { scalars, lists: {} }, 'hooks/go_exec.sh');
}

export function composeFiles(prefix: string, env: EnvSettings, stored: StoredSettings, sysroot: string | null): PlannedFile[] {
  const plan = planHooks(env, prefix);
  const files: PlannedFile[] = [];
  for (const shell of SHELLS) {
    for (const role of HOOK_ROLES) {
      const dir = hookDirKind(role) === 'activate' ? activateDir(prefix) : deactivateDir(prefix);
      files.push({ path: join(dir, hookFileName(role, shell)), content: renderHook(role, shell, plan) });
    }
  }
  // Read by the hooks of the next env when conda switches away from this one.
  files.push({ path: pathEntriesFile(prefix), content: [`# ${MARKER}: the PATH entries this env's hooks add, one a line.`, ...plan.path, ''].join('\n') });
  // The wrapper only exists for Linux targets qemu-user can run.
  if (env.foreign && env.target.qemu) {
    files.push({ path: join(execWrapperDir(prefix), execWrapperName(env.target)), content: renderExecWrapper(env, sysroot), mode: 0o755 });
  }
  files.push({ path: settingsPath(prefix), content: renderSettings(stored) });
  return files;
}
