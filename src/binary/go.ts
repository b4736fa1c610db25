/** The `go` field: build info when there is some, a bare Go marker when only other Go traces are. */
import type { ByteSource, Region } from './byte-source.js';
import { type FileRange, readBuildInfo } from './buildinfo.js';
import { parseModinfo, stripModinfoSentinels } from './modinfo.js';
import type { GoInfo } from './types.js';

/**
 * @param range where build info may start (build-info section or first writable data), or null
 * @param memory loaded regions, for the pre-1.18 pointer format
 * @param otherTraces the binary has other Go traces (pclntab, Go build ID note): it is a Go
 *   binary even without build info (Go before 1.13, or build info stripped by a tool)
 */
export function goInfo(source: ByteSource, range: FileRange | null, memory: readonly Region[], otherTraces: boolean): GoInfo | null {
  const raw = range && range.size > 0 ? readBuildInfo(source, range, memory) : null;
  if (raw) return parseModinfo(stripModinfoSentinels(raw.modinfo), raw.version);
  return otherTraces ? { version: null, path: null, main: null, deps: [], settings: {} } : null;
}
