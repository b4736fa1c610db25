/**
 * gocross's template files, under the package root by kind: hooks/ (env hooks and the exec
 * wrapper), recipes/conda/ (conda recipes), images/ (Dockerfiles). This is their one loader, and
 * reading them is the one file access the pure render modules may ask for (ARCHITECTURE.md): they
 * are part of the program, not of the user's system.
 *
 * Two schemes, each where the file needs it:
 * - `fillTemplate`'s placeholders, `@NAME@` for a value and `@LIST.field@` for a line repeated
 *   once per item of a list, for hooks, the wrapper and conda recipes. It touches nothing else, so
 *   shell syntax and conda's own Jinja (`{{ compiler('go-cgo') }}`, `${{ }}`) pass through as written.
 * - nunjucks for the Dockerfile and bake templates (images/*.njk), whose stages and platforms
 *   vary with the base image and cgo: conditions and loops no placeholder can say.
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

export interface TemplateValues {
  scalars: Record<string, string>;
  lists: Record<string, Record<string, string>[]>;
}

const PLACEHOLDER = /@([A-Z][A-Z0-9_]*)(?:\.([a-z][a-z0-9_]*))?@/g;

/** Fill `text`; a placeholder the values do not define is a template bug and throws. */
export function fillTemplate(text: string, values: TemplateValues, templateName = 'template'): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const lists = new Set<string>();
    for (const match of line.matchAll(PLACEHOLDER)) {
      const name = match[1] as string;
      if (name in values.lists) lists.add(name);
      else if (!(name in values.scalars)) throw new Error(`${templateName}: no value for @${name}@`);
    }
    if (lists.size > 1) throw new Error(`${templateName}: one line repeats over two lists (${[...lists].join(', ')})`);
    const [list] = [...lists];
    const items = list === undefined ? [undefined] : (values.lists[list] ?? []);
    for (const item of items) {
      // One pass with a function: inserted values are never scanned again for placeholders.
      out.push(
        line.replace(PLACEHOLDER, (_all, name: string, field: string | undefined) => {
          if (name === list) {
            if (field === undefined) return '';
            const value = item?.[field];
            if (value === undefined) throw new Error(`${templateName}: @${name}.${field}@ has no value`);
            return value;
          }
          return values.scalars[name] as string;
        }),
      );
    }
  }
  return out.join('\n');
}
