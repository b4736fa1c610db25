import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactTag, headRevision, originUrl, reachableTag } from '../../src/io/git.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const git = requireTool('git');

describe.skipIf(!git)('git facts of a checkout (real git)', () => {
  const root = tempDir();
  const repo = join(root, 'repo');
  const run = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8' }).trim();

  beforeAll(() => {
    mkdirSync(repo);
    run('init', '-q');
    writeFileSync(join(repo, 'a'), '1\n');
    run('add', 'a');
    run('commit', '-q', '-m', 'one');
    run('tag', 'v1.0.0');
    writeFileSync(join(repo, 'a'), '2\n');
    run('commit', '-q', '-am', 'two');
    run('remote', 'add', 'origin', 'https://example.com/me/repo.git');
  });

  it('reads HEAD, the reachable tag, the tag at HEAD and the origin remote', async () => {
    expect(await headRevision(repo)).toBe(run('rev-parse', 'HEAD'));
    expect(await reachableTag(repo)).toBe('v1.0.0');
    expect(await exactTag(repo)).toBeUndefined(); // HEAD is one commit past the tag
    run('tag', 'v1.1.0');
    expect(await exactTag(repo)).toBe('v1.1.0');
    expect(await originUrl(repo)).toBe('https://example.com/me/repo.git');
  });

  it('answers undefined outside a checkout, and ignores an inherited GIT_DIR', async () => {
    const plain = join(root, 'plain');
    mkdirSync(plain);
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = join(repo, '.git');
    try {
      expect(await headRevision(plain)).toBeUndefined();
      expect(await originUrl(plain)).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });
});
