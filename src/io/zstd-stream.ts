/**
 * Streaming Zstandard decompression (Node 20 has none) on fzstd, a pure-JavaScript decoder:
 * nothing to compile, so it installs wherever Node runs. The output is bounded by the caller's
 * own limits (tar entries are skipped or sized), never held whole.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { Decompress } from 'fzstd';

/** A Transform that decompresses one zstd stream (one or more frames). */
export function zstdDecompressor(): Transform {
  let decoder: Decompress;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        decoder.push(chunk);
        callback();
      } catch (error) {
        callback(new Error(`zstd: ${(error as Error).message || 'corrupt data'}`));
      }
    },
    flush(callback: TransformCallback) {
      try {
        decoder.push(new Uint8Array(0), true);
        callback();
      } catch (error) {
        callback(new Error(`zstd: ${(error as Error).message || 'truncated data'}`));
      }
    },
  });
  decoder = new Decompress((data) => {
    if (data.length > 0) transform.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return transform;
}
