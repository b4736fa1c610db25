/**
 * The recipe templates in recipes/conda/ and the one substitution they use: `@NAME@` for a value,
 * and `@LIST.field@` (or a bare `@LIST@`) for a line repeated once per item of a list — no items,
 * no line. Nothing else is touched, so the conda-build Jinja in the templates (`{{ compiler('c') }}`,
 * `{% set %}`, rattler-build's `${{ }}`) passes through as written.
 */
import { readTemplate as readFile } from '../io/templates.js';

export const TEMPLATE_NAMES = ['meta.yaml', 'build.sh', 'bld.bat', 'recipe.yaml', 'conda-forge.yml'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export function readTemplate(name: TemplateName): string {
  return readFile(`recipes/conda/${name}`);
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

/** conda-forge's global pinning as gocross keeps it (recipes/conda/conda-forge-pinning.yaml), the first variant file of every check. */
export function pinningFile(): { name: string; text: string } {
  return { name: 'conda-forge pinning', text: readFile('recipes/conda/conda-forge-pinning.yaml') };
}
