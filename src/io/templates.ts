/**
 * The one loader of gocross's template files (hooks/, recipes/), read from the package root.
 * Reading these files of gocross's own is the one file access the pure render modules may ask for
 * (ARCHITECTURE.md): they are part of the program, not of the user's system.
 */
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);
const cache = new Map<string, string>();

/** The text of a template, by its path from the package root: `hooks/sh/apply.sh`. */
export function readTemplate(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(new URL(path, ROOT), 'utf8');
    cache.set(path, text);
  }
  return text;
}
