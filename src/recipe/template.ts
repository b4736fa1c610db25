/**
 * The recipe templates in recipes/conda/, filled with the one placeholder scheme of
 * io/templates.ts: it touches nothing but `@NAME@` placeholders, so the conda-build Jinja in the
 * templates (`{{ compiler('c') }}`, `{% set %}`, rattler-build's `${{ }}`) passes through as written.
 */
import { readTemplate as readFile } from '../io/templates.js';

export const TEMPLATE_NAMES = ['meta.yaml', 'build.sh', 'bld.bat', 'recipe.yaml', 'conda-forge.yml'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export function readTemplate(name: TemplateName): string {
  return readFile(`recipes/conda/${name}`);
}

/** conda-forge's global pinning as gocross keeps it (recipes/conda/conda-forge-pinning.yaml), the first variant file of every check. */
export function pinningFile(): { name: string; text: string } {
  return { name: 'conda-forge pinning', text: readFile('recipes/conda/conda-forge-pinning.yaml') };
}
