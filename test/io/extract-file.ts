// Unpacking a .tar.gz file on disk through the streaming extraction install uses, for tests that
// compare what it writes (gocross itself feeds the extraction from the download or the archive).
import { createReadStream } from 'node:fs';
import { asArchiveError, type ExtractOptions, startTarGzExtraction } from '../../src/io/archive.js';

/** Extract `file` into `dest` (new or empty); the number of entries written. */
export async function extractTarGz(file: string, dest: string, options: ExtractOptions): Promise<number> {
  const extraction = startTarGzExtraction(dest, options);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) await extraction.write(chunk as Buffer);
    return await extraction.finish();
  } catch (error) {
    await extraction.abort();
    throw asArchiveError(error, file);
  }
}
