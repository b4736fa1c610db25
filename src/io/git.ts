/** What git says about a checkout, for version labels, tags and source URLs. */
import { run } from './process.js';

/**
 * git's trimmed answer in `dir`, or undefined when git is missing, fails or prints nothing: these
 * facts are optional everywhere they are used. An inherited GIT_DIR would point git elsewhere.
 */
export async function askGit(dir: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const result = await run('git', ['-C', dir, ...args], { env: { GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_TERMINAL_PROMPT: '0' } });
    const out = result.stdout.trim();
    return result.exitCode === 0 && out !== '' ? out : undefined;
  } catch {
    return undefined;
  }
}

export const headRevision = (dir: string): Promise<string | undefined> => askGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);

/** The tag at HEAD, when HEAD is exactly a tag. */
export const exactTag = (dir: string): Promise<string | undefined> => askGit(dir, ['describe', '--tags', '--exact-match', 'HEAD']);

/** The newest tag reachable from HEAD. */
export const reachableTag = (dir: string): Promise<string | undefined> => askGit(dir, ['describe', '--tags', '--abbrev=0']);

export const originUrl = (dir: string): Promise<string | undefined> => askGit(dir, ['remote', 'get-url', 'origin']);
