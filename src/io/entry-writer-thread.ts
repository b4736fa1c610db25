/**
 * The worker thread of a threaded extraction (see writer-thread.ts): applies the batches of
 * writes it is sent, in order, handing each batch's buffer back for reuse, until told to end.
 * After its first failure, or once the stop flag is set, it writes nothing more.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EntryWriter, toSentError } from './entry-writer.js';
import type { FromWriter, ToWriter, WriterThreadInput } from './writer-thread.js';

const { dest, stop } = workerData as WriterThreadInput;
const stopFlag = new Int32Array(stop);
const writer = new EntryWriter(dest);
const port = parentPort!;
let failed = false;
const stopped = (): boolean => failed || Atomics.load(stopFlag, 0) !== 0;
const send = (message: FromWriter, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (message: ToWriter) => {
  if (message.kind === 'batch') {
    try {
      writer.apply(message.ops, new Uint8Array(message.bytes, 0, message.used), stopped);
    } catch (error) {
      failed = true;
      send({ kind: 'failed', error: toSentError(error) });
    }
    if (stopped()) closeQuietly();
    send({ kind: 'done', bytes: message.bytes }, [message.bytes]);
    return;
  }
  // The end: a file still open is closed as it is (the extraction stopped before its end).
  closeQuietly();
  port.close();
});

function closeQuietly(): void {
  try {
    writer.close();
  } catch {
    // The first failure is the one reported; a stopped extraction is removed whole.
  }
}
