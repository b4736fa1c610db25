import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temporary directory, removed after the test file's tests. */
export function tempDir(prefix = 'gocross-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A maker of fresh directories (case1, case2, …) inside one temporary directory. */
export function caseDirs(prefix?: string): () => string {
  const root = tempDir(prefix);
  let n = 0;
  return () => {
    n += 1;
    const dir = join(root, `case${n}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}
