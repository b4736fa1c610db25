/** Native binary inspection for `gocross verify`: ELF, Mach-O (thin and fat) and PE. */
export { type ByteSource, bufferSource, sliceSource, MAX_READ } from './byte-source.js';
export { BinaryFormatError } from './errors.js';
export { inspectFile, inspectFileSync } from './file-source.js';
export { HEAD_SIZE, inspect, inspectBuffer, inspectSync, sniff } from './inspect.js';
export { parseModinfo, stripModinfoSentinels } from './modinfo.js';
export type { BinaryFormat, BinaryInfo, BinaryType, GoInfo, GoModule, Linkage } from './types.js';
