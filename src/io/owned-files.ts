/**
 * Writing the files gocross owns: never over a file gocross did not write unless forced, never
 * rewritten when the bytes are the same, always atomically. Shared by init, recipe and dockerfile.
 */
import { readFileSync } from 'node:fs';
import { type GocrossError, usageError } from '../errors.js';
import { isOurs } from '../marker.js';
import { writeFileAtomic } from './files.js';


export interface PlannedFile {
  path: string;
  content: string;
  mode?: number;
  /** A file of the user's at this path is left as it is, even with force (a .dockerignore). */
  keepForeign?: boolean;
}

export type FileAction = 'created' | 'updated' | 'unchanged' | 'kept';

export interface PlannedWrite {
  file: PlannedFile;
  action: FileAction;
}

export interface WriteRules {
  force: boolean;
  /** The error for files gocross would overwrite though it did not write them (all of them at once). */
  refuse: (paths: string[]) => GocrossError;
  /** Whether an existing text is gocross's own (default: it carries the marker). */
  owned?: (text: string) => boolean;
}

/** The usual refusal (exit 2): the files exist and gocross did not write them. */
export const refuseForeign =
  (code: string, hint: string) =>
  (paths: string[]): GocrossError =>
    usageError(code, `${paths.join(', ')} ${paths.length === 1 ? 'exists and was' : 'exist and were'} not written by gocross; refusing to overwrite ${paths.length === 1 ? 'it' : 'them'}.`, { hint });

const current = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** What writing `files` would do; throws `rules.refuse` for foreign files unless forced. */
export function planWrites(files: readonly PlannedFile[], rules: WriteRules): PlannedWrite[] {
  const owned = rules.owned ?? isOurs;
  const foreign: string[] = [];
  const writes = files.map((file): PlannedWrite => {
    const existing = current(file.path);
    if (existing === undefined) return { file, action: 'created' };
    if (existing === file.content) return { file, action: 'unchanged' };
    if (owned(existing)) return { file, action: 'updated' };
    if (file.keepForeign) return { file, action: 'kept' };
    foreign.push(file.path);
    return { file, action: 'updated' };
  });
  if (foreign.length > 0 && !rules.force) throw rules.refuse(foreign);
  return writes;
}

export async function applyWrites(writes: readonly PlannedWrite[]): Promise<void> {
  for (const { file, action } of writes) {
    if (action === 'created' || action === 'updated') await writeFileAtomic(file.path, file.content, file.mode);
  }
}
