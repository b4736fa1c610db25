/**
 * Work that must not be left half done when the user presses Ctrl-C: while it runs, its undo is
 * registered here, and the SIGINT handler of bin/gocross.js runs every pending undo before it
 * exits with 130, then says what was left as it was.
 */
interface Pending {
  /** What the undo leaves, said after an interruption ("go1.23.4 was not installed"). */
  what: string;
  undo: () => Promise<void>;
}

const pending = new Set<Pending>();

/** Register `undo` until the returned function is called (when the work has finished either way). */
export function untilDone(what: string, undo: () => Promise<void>): () => void {
  const entry: Pending = { what, undo };
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}

/** Undo everything still pending (newest first); returns what each left. */
export async function undoPending(): Promise<string[]> {
  const entries = [...pending].reverse();
  pending.clear();
  const said: string[] = [];
  for (const entry of entries) {
    await entry.undo().catch(() => undefined);
    said.push(entry.what);
  }
  return said;
}
