/**
 * Writing the rendered files: atomically, never over a file gocross did not write (no marker)
 * unless forced, and not at all when the bytes are already there. A user's own .dockerignore is
 * kept even when forced: it is theirs to tune, and a Dockerfile works with any.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { isOurs } from '../init/files.js';
import { writeFileAtomic } from '../io/files.js';
import type { RenderedFile } from './render.js';

export type WriteAction = 'created' | 'updated' | 'unchanged' | 'kept';

export interface PlannedWrite {
  file: RenderedFile;
  /** Absolute path. */
  target: string;
  action: WriteAction;
}

const current = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

export function planWrites(dir: string, files: RenderedFile[], force: boolean): PlannedWrite[] {
  return files.map((file) => {
    const target = join(dir, file.path);
    const existing = current(target);
    if (existing === undefined) return { file, target, action: 'created' as const };
    if (existing === file.content) return { file, target, action: 'unchanged' as const };
    if (!isOurs(existing) && file.foreign === 'keep') return { file, target, action: 'kept' as const };
    if (!isOurs(existing) && !force) {
      throw usageError('dockerfile.foreign-file', `${target} exists and was not written by gocross; refusing to overwrite it.`, {
        hint: 'move it away, write elsewhere with --out, or pass --force to replace it',
      });
    }
    return { file, target, action: 'updated' as const };
  });
}

export async function applyWrites(writes: PlannedWrite[]): Promise<void> {
  for (const write of writes) {
    if (write.action === 'created' || write.action === 'updated') await writeFileAtomic(write.target, write.file.content);
  }
}
