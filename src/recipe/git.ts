/** What git knows about a module checkout: its latest tag and its remote. */
import { run } from '../io/process.js';

const GIT_HINT = 'install git, or pass --version V';

/** The newest tag reachable from HEAD and whether HEAD is exactly at it; null when there is none or no git. */
export async function latestTag(dir: string): Promise<{ tag: string; exact: boolean } | null> {
  let described;
  try {
    described = await run('git', ['describe', '--tags', '--abbrev=0'], { cwd: dir, installHint: GIT_HINT, env: { GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
  } catch {
    return null;
  }
  if (described.exitCode !== 0) return null;
  const tag = described.stdout.trim();
  const exact = await run('git', ['describe', '--tags', '--exact-match', 'HEAD'], { cwd: dir, env: { GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
  return { tag, exact: exact.exitCode === 0 && exact.stdout.trim() === tag };
}

/** The URL of the `origin` remote, or null. */
export async function originUrl(dir: string): Promise<string | null> {
  try {
    const result = await run('git', ['remote', 'get-url', 'origin'], { cwd: dir, env: { GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
    return result.exitCode === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null;
  } catch {
    return null;
  }
}
