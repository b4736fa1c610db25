/**
 * A per-version install lock: a directory created atomically with mkdir, holding the owner's pid.
 * A second install of the same version waits for the first and then finds it installed. A lock
 * whose owner is dead (killed mid-install) is taken over.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { environmentError } from '../errors.js';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Lock {
  release(): Promise<void>;
}

export interface LockOptions {
  timeoutMs?: number;
  pollMs?: number;
  /** Called once when the lock is held by another live process and we start waiting. */
  onWait?: (ownerPid: number) => void;
}

export async function acquireLock(path: string, options: LockOptions = {}): Promise<Lock> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  let told = false;
  for (;;) {
    try {
      await mkdir(path);
      await writeFile(`${path}/pid`, String(process.pid));
      return { release: () => rm(path, { recursive: true, force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(`${path}/pid`, 'utf8').catch(() => '')).trim());
    // No pid after a while: the owner died between mkdir and writing its pid.
    const orphaned = !(owner > 0) && Date.now() - (await stat(path).then((s) => s.mtimeMs).catch(() => Date.now())) > 10_000;
    if ((owner > 0 && !isAlive(owner)) || orphaned) {
      // Move the dead owner's lock aside atomically so only one waiter takes it over.
      const aside = `${path}.stale-${process.pid}-${Date.now()}`;
      await rename(path, aside)
        .then(() => rm(aside, { recursive: true, force: true }))
        .catch(() => undefined);
      continue;
    }
    if (!told && owner > 0) {
      options.onWait?.(owner);
      told = true;
    }
    if (Date.now() > deadline) {
      throw environmentError('sdk.locked', `another gocross (pid ${owner || 'unknown'}) has held ${path} for too long.`, {
        hint: `if no install is running, remove ${path}`,
      });
    }
    await sleep(options.pollMs ?? 200);
  }
}
