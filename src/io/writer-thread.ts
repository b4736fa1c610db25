/**
 * Where an extraction's entries go: an EntryWriter on a worker thread (the compiled code), or on
 * this thread (run from the TypeScript sources, where there is no compiled worker to start).
 *
 * Why a thread: creating files is most of an SDK install, and it is system time the parsing
 * cannot overlap when both run on one thread. Measured on 2 cores (53 MiB SDK, 4947 entries,
 * 168 MB unpacked): the main thread spent about 350 ms in JavaScript (zlib's callbacks, node-tar,
 * this module) besides 0.7-1.7 s in open/mkdir/write, which depend on the file system's state
 * (ext4 without a journal scans recently deleted inodes on every create). Creating files from two
 * threads at once gave nothing (the kernel serialises them: twice the system time, same wall
 * time), so there is one writer thread and it only writes.
 */
import { Worker } from 'node:worker_threads';
import { EntryWriter, fromSentError, type SentError, type WriteOp } from './entry-writer.js';

/** The entries of an archive, in order, to be written; failures go to `onFailure`, never thrown. */
export interface EntrySink {
  dir(path: string, mode: number): void;
  file(path: string, mode: number, mtime: Date | undefined): void;
  data(chunk: Uint8Array): void;
  end(): void;
  /** So much is handed over and not yet written that feeding should wait for `onReady`. */
  readonly busy: boolean;
  /** The parser paused: hand over what is gathered if the writer has nothing to do. */
  flush(): void;
  /** Everything handed over is written (or a failure was reported); nothing is being written. */
  finish(): Promise<void>;
  /** Write nothing more; resolves once nothing is being written and no file is open. */
  stop(): Promise<void>;
}

export interface SinkEvents {
  onFailure(error: unknown): void;
  /** No longer busy. */
  onReady(): void;
}

export interface WriterThreadInput {
  dest: string;
  /** An Int32Array's buffer: non-zero once the extraction is stopped. */
  stop: SharedArrayBuffer;
}

export type ToWriter = { kind: 'batch'; ops: WriteOp[]; bytes: ArrayBuffer; used: number } | { kind: 'end' };
export type FromWriter = { kind: 'done'; bytes: ArrayBuffer } | { kind: 'failed'; error: SentError };

const WRITER = new URL('./entry-writer-thread.js', import.meta.url);

/** A thread writing under `dest` (which exists), or this one when there is no compiled worker. */
export function startEntrySink(dest: string, events: SinkEvents): EntrySink {
  return import.meta.url.endsWith('.js') ? new ThreadSink(dest, events) : new InlineSink(dest, events);
}

/**
 * File bytes are copied into batch buffers of this size, handed to the thread (transferred, not
 * copied again) and handed back for reuse: copying 168 MB costs about 20 ms, fresh buffers would
 * cost page faults, and one message per 1 MiB keeps the messaging overhead negligible.
 */
const BATCH_BYTES = 1024 * 1024;
/** Batches handed over and not yet written before the parser waits: 8 MiB of file data. */
const MAX_IN_FLIGHT = 8;

class ThreadSink implements EntrySink {
  private readonly worker: Worker;
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly spare: ArrayBuffer[] = [];
  private ops: WriteOp[] = [];
  private bytes = new Uint8Array(BATCH_BYTES);
  private used = 0;
  private inFlight = 0;
  private ending = false;
  private readonly exited: Promise<void>;

  constructor(dest: string, private readonly events: SinkEvents) {
    const input: WriterThreadInput = { dest, stop: this.stopFlag.buffer as SharedArrayBuffer };
    this.worker = new Worker(WRITER, { workerData: input });
    this.worker.on('message', (message: FromWriter) => this.receive(message));
    this.worker.on('error', (error) => events.onFailure(error));
    this.exited = new Promise<void>((resolve) => {
      this.worker.once('exit', () => {
        if (!this.ending) events.onFailure(new Error('the thread writing the archive stopped early'));
        resolve();
      });
    });
  }

  get busy(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT;
  }

  dir(path: string, mode: number): void {
    this.ops.push({ op: 'dir', path, mode });
  }

  file(path: string, mode: number, mtime: Date | undefined): void {
    this.ops.push({ op: 'file', path, mode, mtime });
  }

  data(chunk: Uint8Array): void {
    for (let done = 0; done < chunk.length; ) {
      if (this.used === this.bytes.length) this.send();
      const length = Math.min(chunk.length - done, this.bytes.length - this.used);
      this.bytes.set(chunk.subarray(done, done + length), this.used);
      this.used += length;
      done += length;
      const last = this.ops.at(-1);
      if (last?.op === 'data') last.length += length;
      else this.ops.push({ op: 'data', length });
    }
  }

  end(): void {
    this.ops.push({ op: 'end' });
  }

  flush(): void {
    // A thread with batches to write is better given full ones (fewer messages); an idle one, anything.
    if (this.inFlight === 0) this.send();
  }

  finish(): Promise<void> {
    this.send();
    return this.close();
  }

  stop(): Promise<void> {
    Atomics.store(this.stopFlag, 0, 1);
    this.ops = [];
    return this.close();
  }

  private send(): void {
    if (this.ops.length === 0 || this.ending) return;
    const bytes = this.bytes.buffer as ArrayBuffer;
    this.worker.postMessage({ kind: 'batch', ops: this.ops, bytes, used: this.used } satisfies ToWriter, [bytes]);
    this.inFlight += 1;
    this.ops = [];
    this.used = 0;
    this.bytes = new Uint8Array(this.spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'failed') {
      this.events.onFailure(fromSentError(message.error));
      return;
    }
    this.inFlight -= 1;
    this.spare.push(message.bytes);
    if (this.inFlight === 0) this.send();
    if (!this.busy) this.events.onReady();
  }

  /** Tell the thread to end after what it was sent; resolves once it has exited. */
  private close(): Promise<void> {
    if (!this.ending) {
      this.ending = true;
      this.worker.postMessage({ kind: 'end' } satisfies ToWriter);
    }
    return this.exited;
  }
}

/** The same writes on this thread, at once. */
class InlineSink implements EntrySink {
  readonly busy = false;
  private readonly writer: EntryWriter;
  private stopped = false;

  constructor(dest: string, private readonly events: SinkEvents) {
    this.writer = new EntryWriter(dest);
  }

  dir(path: string, mode: number): void {
    this.guard(() => this.writer.dir(path, mode));
  }

  file(path: string, mode: number, mtime: Date | undefined): void {
    this.guard(() => this.writer.file(path, mode, mtime));
  }

  data(chunk: Uint8Array): void {
    this.guard(() => this.writer.data(chunk));
  }

  end(): void {
    this.guard(() => this.writer.end());
  }

  flush(): void {}

  async finish(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    try {
      this.writer.close();
    } catch {
      // The first failure is the one reported.
    }
  }

  private guard(write: () => void): void {
    if (this.stopped) return;
    try {
      write();
    } catch (error) {
      this.stopped = true;
      this.events.onFailure(error);
      void this.stop();
    }
  }
}
