/** `gocross uninstall VERSION`: remove an SDK from the store, unless an env's hooks use it. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { usageError } from '../../errors.js';
import { parseGoVersion } from '../../toolchain/go-version.js';
import { acquireLock } from '../../toolchain/lock.js';
import { lockPath, MARKER, readMarker, sdkRoot, storePaths } from '../../toolchain/store.js';
import { knownEnvs } from '../../activation/env.js';
import { envsUsing } from '../../toolchain/usage.js';
import type { Context } from '../registry.js';

export async function run({ args, options, output, cwd, env, global }: Context<'uninstall'>): Promise<number> {
  const version = parseGoVersion(args[0] ?? '');
  if (!version || !/\d+\.\d+/.test(args[0] ?? '')) {
    throw usageError('sdk.version', `"${args[0]}" is not a Go version.`, { hint: 'name an installed version, e.g. 1.23.4 (see `gocross list`)' });
  }
  const home = loadConfig({ cwd, env }).get<string>('home');
  const goroot = sdkRoot(home, version.name);
  if (!readMarker(goroot)) {
    throw usageError('sdk.not-installed', `${version.name} is not installed in ${storePaths(home).sdkDir}.`, { hint: 'see `gocross list`' });
  }
  const users = envsUsing(goroot, knownEnvs(env));
  if (users.length > 0 && options.force !== true) {
    throw usageError('sdk.in-use', `${version.name} is used by the gocross hooks of ${users.join(', ')}.`, {
      hint: 'run `gocross init --remove` (or init with another --go) in those envs, or pass --force',
    });
  }
  const lock = await acquireLock(lockPath(home, version.name));
  try {
    // Rename-free removal order: the marker first, so a half-removed tree is never used.
    await rm(join(goroot, MARKER), { force: true });
    await rm(goroot, { recursive: true, force: true });
  } finally {
    await lock.release();
  }
  if (global.json) output.json({ version: version.name, goroot, removed: true, usedBy: users });
  else output.done(`${version.name} removed from ${goroot}${users.length > 0 ? ` (it was used by ${users.join(', ')})` : ''}`);
  return 0;
}
