/** A worker thread of read.ts: reads the files it claims and sends their outcomes back. */
import { workerData } from 'node:worker_threads';
import { readClaimed, type WorkerInput, type WorkerMessage } from './read.js';

const { paths, next, port } = workerData as WorkerInput;
readClaimed(paths, new Int32Array(next), (start, outcomes) => port.postMessage({ start, outcomes } satisfies WorkerMessage));
port.postMessage({ done: true } satisfies WorkerMessage);
port.close();
