/**
 * Streaming bzip2 decompression (Node 20 has none) on unbzip2-stream, a pure-JavaScript decoder
 * that works block by block, so a large .tar.bz2 is never held whole.
 */
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';

const require = createRequire(import.meta.url);
const unbzip2 = require('unbzip2-stream') as () => Duplex;

/** A duplex stream that decompresses one bzip2 stream. */
export const bz2Decompressor = (): Duplex => unbzip2();
