/**
 * Reading many plain files (no archives, images or packages) for `verify`: one at a time for a
 * few, spread over the idle cores for hundreds (with three cores or more; see MIN_CORES). Each thread claims the next few files of one shared
 * list, so a thread that starts late or meets big files takes fewer; every answer goes into the
 * file's own slot, so the order is the list's whatever thread read it. The main thread never
 * waits for a worker: when the list is claimed it takes what the workers have sent, reads what
 * they have not (yet) sent itself, and leaves them to end on their own.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import { type BinaryInfo, inspectFileSync } from '../binary/index.js';
import { isGocrossError } from '../errors.js';

/**
 * One file's answer: what it is, or why it could not be inspected (a malformed binary).
 * Anything else (a file that cannot be opened) is no answer: the caller reads that file again
 * itself, so the error it throws is the one a plain read throws.
 */
export interface Outcome {
  info: BinaryInfo | null;
  error: string | null;
}

/** Below this many files a worker costs more to start (~40 ms) than it saves. */
export const PARALLEL_MIN = 300;
/** Files claimed at a time: large enough to keep messages few, small enough to share the tail. */
const CHUNK = 16;
const MAX_WORKERS = 4;
/**
 * On two cores a worker never paid, even on an idle machine: one made 2000 files 30 ms slower
 * (234 -> 265 ms; 253 -> 284 ms for distinct copies instead of hard links) and 8000 files 80 ms
 * slower. Its start and a second heap's collections take the other core from the main thread
 * more than its share of the files gives back.
 */
const MIN_CORES = 3;

export function readOne(path: string): Outcome | undefined {
  try {
    return { info: inspectFileSync(path), error: null };
  } catch (error) {
    if (isGocrossError(error) && error.kind === 'check') return { info: null, error: error.message };
    return undefined;
  }
}

/** What a worker is given. `next` holds the index of the next unclaimed file; `port` takes its answers. */
export interface WorkerInput {
  paths: string[];
  next: SharedArrayBuffer;
  port: MessagePort;
}

/** What a worker sends: the outcomes of the files from `start` on, then `done`. */
export type WorkerMessage = { start: number; outcomes: (Outcome | undefined)[] } | { done: true };

/** Claims the next files of `paths` through `next` and reads them, until none is left. */
export function readClaimed(paths: readonly string[], next: Int32Array, each: (start: number, outcomes: (Outcome | undefined)[]) => void): void {
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK);
    if (start >= paths.length) return;
    const end = Math.min(start + CHUNK, paths.length);
    const outcomes: (Outcome | undefined)[] = [];
    for (let i = start; i < end; i += 1) outcomes.push(readOne(paths[i] as string));
    each(start, outcomes);
  }
}

const WORKER = new URL('./read-worker.js', import.meta.url);

/**
 * Workers for `count` files: one per core the main thread leaves, while the cores are idle
 * (like `make -l`: a machine whose load already fills its cores gives a worker no core, and then
 * its start only takes time from the main thread).
 */
function workersFor(count: number): number {
  // Run from the TypeScript sources (tests) there is no compiled worker to start.
  if (count < PARALLEL_MIN || !import.meta.url.endsWith('.js')) return 0;
  const cores = availableParallelism();
  if (cores < MIN_CORES) return 0;
  const idle = Math.floor(cores - loadavg()[0]!);
  return Math.max(0, Math.min(cores - 1, idle, MAX_WORKERS, Math.floor(count / (PARALLEL_MIN / 2)) - 1));
}

/** worker_threads, loaded (synchronously: readFiles is) only to start workers, which most scans do not. */
const threads = (): typeof import('node:worker_threads') => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

/** `count` workers claiming files of `paths` through `next`; the ports their answers come on. */
function startWorkers(count: number, paths: readonly string[], next: SharedArrayBuffer): MessagePort[] {
  const { MessageChannel, Worker } = threads();
  const ports: MessagePort[] = [];
  for (let i = count; i > 0; i -= 1) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { paths: [...paths], next, port: port2 };
    const worker = new Worker(WORKER, { workerData: input, transferList: [port2] });
    // A worker that fails leaves its files unanswered: they are read below.
    worker.on('error', () => {});
    worker.unref();
    ports.push(port1);
  }
  return ports;
}

/** What a worker has sent on `port` so far, to `store`; the port is closed (the rest is read here). */
function takeSent(port: MessagePort, store: (start: number, outcomes: (Outcome | undefined)[]) => void): void {
  const { receiveMessageOnPort } = threads();
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const message = m.message as WorkerMessage;
    if (!('done' in message)) store(message.start, message.outcomes);
  }
  port.close();
}

/**
 * The outcome of each of `paths`, in their order; undefined where the file must be read again
 * by the caller (it could not be opened or read).
 */
export function readFiles(paths: readonly string[]): (Outcome | undefined)[] {
  const outcomes = new Array<Outcome | undefined>(paths.length);
  const done = new Uint8Array(paths.length);
  const store = (start: number, got: (Outcome | undefined)[]): void => {
    for (let j = 0; j < got.length; j += 1) {
      outcomes[start + j] = got[j];
      done[start + j] = 1;
    }
  };
  const next = new SharedArrayBuffer(4);
  const workers = workersFor(paths.length);
  const ports = workers > 0 ? startWorkers(workers, paths, next) : [];
  readClaimed(paths, new Int32Array(next), store);
  for (const port of ports) takeSent(port, store);
  for (let i = 0; i < paths.length; i += 1) if (done[i] === 0) outcomes[i] = readOne(paths[i] as string);
  return outcomes;
}
