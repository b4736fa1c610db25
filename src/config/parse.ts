/**
 * Reading one gocross ini file (pure). `ini` decodes the values (quotes, escapes, comments); the
 * line scan here rejects what `ini` would silently accept — a line that is not `key = value`, an
 * unknown section or key, a key set twice — and gives each error its file, line and key.
 */
import { parse as parseIni } from 'ini';
import { closest } from 'fastest-levenshtein';
import { usageError } from '../errors.js';
import { KEY_BY_NAME, KEYS, SECTIONS } from './schema.js';

export interface RawSetting {
  key: string;
  raw: string;
  file: string;
  line: number;
}

const SECTION_LINE = /^\[([^\]]*)\]\s*(?:[;#].*)?$/;
const KEY_LINE = /^([^=\s][^=]*?)\s*=(.*)$/;
const KEY_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

const nearestKey = (key: string): string => closest(key, KEYS.map((k) => k.key));

export function parseConfigText(text: string, file: string): RawSetting[] {
  const found = new Map<string, number>();
  let section = '';
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const sectionMatch = SECTION_LINE.exec(line);
    if (sectionMatch) {
      section = (sectionMatch[1] ?? '').trim();
      if (!SECTIONS.has(section)) {
        throw usageError('config.section', `${where}: unknown section [${section}].`, {
          hint: `valid sections: ${[...SECTIONS].map((s) => `[${s}]`).join(', ')}; top-level keys go before any section`,
        });
      }
      return;
    }
    const keyMatch = KEY_LINE.exec(line);
    if (!keyMatch) {
      throw usageError('config.syntax', `${where}: cannot read line ${index + 1} of ${file}: "${line}" is not "key = value" or "[section]".`, {
        hint: 'fix or remove the line; comments start with ; or #',
      });
    }
    const name = (keyMatch[1] ?? '').trim();
    const key = section ? `${section}.${name}` : name;
    if (!KEY_NAME.test(name) || !KEY_BY_NAME.has(key)) {
      throw usageError('config.key', `${where}: unknown key "${key}" in ${file}.`, {
        hint: `did you mean "${nearestKey(key)}"? run \`gocross config\` to see every key`,
      });
    }
    const previous = found.get(key);
    if (previous !== undefined) {
      throw usageError('config.duplicate', `${where}: key "${key}" is set twice in ${file} (lines ${previous} and ${index + 1}).`, {
        hint: 'keep one of them',
      });
    }
    found.set(key, index + 1);
  });

  const decoded = parseIni(text) as Record<string, unknown>;
  return [...found].map(([key, line]) => {
    const dot = key.indexOf('.');
    const value =
      dot < 0 ? decoded[key] : (decoded[key.slice(0, dot)] as Record<string, unknown> | undefined)?.[key.slice(dot + 1)];
    // ini turns true/false/null into non-strings; the schema decides the type, so keep the text.
    return { key, raw: value === null || value === undefined ? '' : String(value), file, line };
  });
}
