/**
 * The file system side of an extraction: directories and files written as a tar parser hands
 * them over, synchronously, whichever thread runs it (archive.ts runs it in a worker thread, see
 * entry-writer-thread.ts, or inline). Paths arrive checked and joined to the destination; modes
 * arrive masked. Files are created with O_EXCL (never over anything, nor through a link).
 */
import { closeSync, futimesSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** One step of an extraction, in archive order; `data` is the next bytes of the open file. */
export type WriteOp =
  | { op: 'dir'; path: string; mode: number }
  | { op: 'file'; path: string; mode: number; mtime: Date | undefined }
  | { op: 'data'; length: number }
  | { op: 'end' };

/** Writes entries under `dest` (which exists); at most one file is open at a time. */
export class EntryWriter {
  private readonly made: Set<string>;
  private open: { fd: number; mtime: Date | undefined } | undefined;

  constructor(dest: string) {
    this.made = new Set([dest]);
  }

  /** Make `dir` and any parent not made yet (each once), group and others without write. */
  dir(dir: string, mode = 0o755): void {
    if (this.made.has(dir)) return;
    const parent = dirname(dir);
    if (parent !== dir && !this.made.has(parent)) this.dir(parent);
    try {
      mkdirSync(dir, { mode: (mode & 0o755) | 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.made.add(dir);
  }

  /** Create `path` (which must not exist); its bytes follow with data(), then end(). */
  file(path: string, mode: number, mtime: Date | undefined): void {
    this.dir(dirname(path));
    this.open = { fd: openSync(path, 'wx', mode), mtime };
  }

  data(bytes: Uint8Array): void {
    if (!this.open) return;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.open.fd, bytes, done, bytes.length - done);
  }

  /** The open file is complete: its mtime set, closed. */
  end(): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    try {
      if (open.mtime) futimesSync(open.fd, open.mtime, open.mtime);
    } finally {
      closeSync(open.fd);
    }
  }

  /** Close the open file, if any, as it is (the extraction stopped). */
  close(): void {
    const open = this.open;
    this.open = undefined;
    if (open) closeSync(open.fd);
  }

  /** Apply `ops`, the bytes of their `data` steps taken in turn from `bytes`. */
  apply(ops: readonly WriteOp[], bytes: Uint8Array, stopped: () => boolean): void {
    let offset = 0;
    for (const step of ops) {
      if (stopped()) return;
      if (step.op === 'dir') this.dir(step.path, step.mode);
      else if (step.op === 'file') this.file(step.path, step.mode, step.mtime);
      else if (step.op === 'data') {
        this.data(bytes.subarray(offset, offset + step.length));
        offset += step.length;
      } else this.end();
    }
  }
}

/** An fs error as a message can carry it (Error clones lose `code`, which callers test). */
export interface SentError {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

export function toSentError(error: unknown): SentError {
  const e = error as NodeJS.ErrnoException;
  return { message: e instanceof Error ? e.message : String(error), code: e.code, errno: e.errno, syscall: e.syscall, path: e.path };
}

export function fromSentError(sent: SentError): NodeJS.ErrnoException {
  return Object.assign(new Error(sent.message), { code: sent.code, errno: sent.errno, syscall: sent.syscall, path: sent.path });
}
