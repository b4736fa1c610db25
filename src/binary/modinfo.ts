/**
 * The module text of Go build info, parsed the way runtime/debug.ParseBuildInfo (Go 1.18+)
 * does, so the result matches what `go version -m` prints:
 *
 *   path<TAB>example.com/cmd
 *   mod<TAB>example.com<TAB>(devel)<TAB>
 *   dep<TAB>golang.org/x/sys<TAB>v0.1.0<TAB>h1:…
 *   =><TAB>../sys<TAB><TAB>            (replaces the module on the line before)
 *   build<TAB>key=value                (key and value strconv-quoted when they need it)
 */
import { BinaryFormatError } from './errors.js';
import { quotedPrefix, unquote } from './go-quote.js';
import type { GoInfo, GoModule } from './types.js';

/** The 16-byte sentinels cmd/go puts around the module text (modload.infoStart/infoEnd). */
const SENTINEL_LENGTH = 16;

/** Strip the sentinels like debug/buildinfo does; text without them carries no module info. */
export function stripModinfoSentinels(bytes: Buffer): string {
  if (bytes.length >= 33 && bytes[bytes.length - 17] === 0x0a) {
    return bytes.toString('utf8', SENTINEL_LENGTH, bytes.length - SENTINEL_LENGTH);
  }
  return '';
}

const needsQuotedKey = (key: string): boolean => key.length === 0 || /[= \t\r\n"`]/.test(key);
const needsQuotedValue = (value: string): boolean => /[ \t\r\n"`]/.test(value);

function moduleLine(columns: string[], line: number): GoModule {
  if (columns.length !== 2 && columns.length !== 3) {
    throw new BinaryFormatError(`Go build info line ${line}: expected 2 or 3 columns; got ${columns.length}`);
  }
  const sum = columns[2] ?? '';
  return { path: columns[0] as string, version: columns[1] as string, sum: sum === '' ? null : sum, replace: null };
}

function buildSetting(kv: string, line: number): [string, string] {
  const fail = (why: string): never => {
    throw new BinaryFormatError(`Go build info line ${line}: ${why}`);
  };
  if (kv.length < 1) fail("build line missing '='");
  let key: string;
  let rawValue: string;
  if (kv[0] === '=') {
    fail('build line with missing key');
  }
  if (kv[0] === '`' || kv[0] === '"') {
    const rawKey = quotedPrefix(kv);
    if (rawKey === null) return fail('invalid quoted key in build line');
    key = unquote(rawKey) ?? '';
    const rest = kv.slice(rawKey.length);
    if (rest.length < 1) fail("build line missing '=' after quoted key");
    if (rest[0] !== '=') fail(`unexpected character after quoted key: ${JSON.stringify(rest[0])}`);
    rawValue = rest.slice(1);
  } else {
    const eq = kv.indexOf('=');
    if (eq < 0) fail("build line missing '=' after key");
    key = kv.slice(0, eq);
    rawValue = kv.slice(eq + 1);
    if (needsQuotedKey(key)) fail(`unquoted key ${JSON.stringify(key)} must be quoted`);
  }
  let value = '';
  if (rawValue.length > 0) {
    if (rawValue[0] === '`' || rawValue[0] === '"') {
      const unquoted = unquote(rawValue);
      if (unquoted === null) fail('invalid quoted value in build line');
      value = unquoted as string;
    } else {
      value = rawValue;
      if (needsQuotedValue(value)) fail(`unquoted value ${JSON.stringify(value)} must be quoted`);
    }
  }
  return [key, value];
}

/** Parse module text (sentinels already stripped) into the Go fields; `version` is given separately. */
export function parseModinfo(text: string, version: string | null): GoInfo {
  const info: GoInfo = { version, path: null, main: null, deps: [], settings: {} };
  let last: GoModule | null = null;
  const lines = text.split('\n');
  // Like Go: a final line without a newline (the last element here) is ignored.
  for (let index = 0; index < lines.length - 1; index += 1) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    if (line.startsWith('path\t')) {
      info.path = line.slice(5);
    } else if (line.startsWith('mod\t')) {
      info.main = moduleLine(line.slice(4).split('\t'), lineNumber);
      last = info.main;
    } else if (line.startsWith('dep\t')) {
      last = moduleLine(line.slice(4).split('\t'), lineNumber);
      info.deps.push(last);
    } else if (line.startsWith('=>\t')) {
      const columns = line.slice(3).split('\t');
      if (columns.length !== 3) {
        throw new BinaryFormatError(`Go build info line ${lineNumber}: expected 3 columns for replacement; got ${columns.length}`);
      }
      if (last === null) throw new BinaryFormatError(`Go build info line ${lineNumber}: replacement with no module on previous line`);
      last.replace = moduleLine(columns, lineNumber);
      last = null;
    } else if (line.startsWith('build\t')) {
      const [key, value] = buildSetting(line.slice(6), lineNumber);
      // A hostile "__proto__" key must stay a plain key, not replace the prototype.
      if (key === '__proto__') Object.defineProperty(info.settings, key, { value, enumerable: true, writable: true, configurable: true });
      else info.settings[key] = value;
    }
  }
  return info;
}
