/** Shared set-up for the recipe tests: fixture modules copied to temp dirs, git tags, plans. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PLATFORMS, type PlanOptions, planRecipe, type RecipePlan } from '../../src/recipe/plan.js';
import { scanModule } from '../../src/recipe/scan.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/modules/', import.meta.url));
export const DATA = fileURLToPath(new URL('./data/', import.meta.url));

/** A copy of a fixture module under `root` (tests never write near the committed fixtures). */
export function copyFixture(name: 'hello' | 'multi', root: string, as: string = name): string {
  const dir = join(root, as);
  mkdirSync(root, { recursive: true });
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Run git in `dir` with a fixed identity and dates, so commits are the same every run. */
export function git(dir: string, ...args: string[]): string {
  const date = '2026-01-02T03:04:05Z';
  return execFileSync('git', ['-c', 'user.name=gocross', '-c', 'user.email=gocross@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_DIR: undefined, GIT_WORK_TREE: undefined },
    encoding: 'utf8',
  });
}

/** Make `dir` a git repository with one commit, tagged `tag` when given. */
export function gitRepo(dir: string, tag?: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'release');
  if (tag) git(dir, 'tag', tag);
}

/** A fixed, well-formed checksum for plans that need no real tarball. */
export const SHA = 'a'.repeat(64);

export function planFor(dir: string, options: Partial<PlanOptions> = {}): RecipePlan {
  const info = scanModule(dir);
  return planRecipe(info, {
    version: '1.2.3',
    format: 'meta',
    platforms: DEFAULT_PLATFORMS,
    maintainers: ['alice'],
    source: { kind: 'url', url: 'https://github.com/example/hello/archive/refs/tags/v1.2.3.tar.gz', sha256: SHA },
    ...options,
  });
}
