/** How init, recipe and dockerfile report the files they write, or would write in a dry run. */
import type { FileAction, PlannedWrite } from '../io/owned-files.js';
import type { Output } from './output.js';

const VERB: Record<FileAction, string> = { created: 'create', updated: 'update', unchanged: 'leave unchanged', kept: 'leave' };

export interface WriteReport {
  dryRun: boolean;
  /** Show each file's content in a dry run. */
  content: boolean;
  /** A note for a file by its action (`kept`: "not written by gocross"). */
  note?: (write: PlannedWrite) => string | undefined;
}

export function reportWrites(output: Output, writes: readonly PlannedWrite[], how: WriteReport): void {
  for (const write of writes) {
    const note = how.note?.(write);
    if (how.dryRun) output.planned(VERB[write.action], write.file.path, { ...(note ? { note } : {}), ...(how.content && write.action !== 'unchanged' && write.action !== 'kept' ? { content: write.file.content } : {}) });
    else output.done(`${write.action}: ${write.file.path}${note ? ` (${note})` : ''}`);
  }
}
