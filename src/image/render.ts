/**
 * Rendering the Dockerfile, .dockerignore and docker-bake.hcl from the templates in
 * images/ and a plan (pure: the templates come through the one template loader).
 */
import nunjucks from 'nunjucks';
import { checkScriptLines } from './check-script.js';
import type { DockerPlan } from './plan.js';
import type { PlannedFile } from '../io/owned-files.js';
import { readTemplate } from '../io/templates.js';

const template = (name: string): string => readTemplate(`images/${name}`);

const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ');

/** A double-quoted Dockerfile word: `\`, `"` and `$` (variable expansion) escaped. */
export const dockerQuote = (value: unknown): string => `"${oneLine(String(value)).replace(/[\\"$]/g, (c) => `\\${c}`)}"`;

/** A double-quoted HCL string: `\`, `"` escaped and `${`/`%{` templates doubled. */
export const hclQuote = (value: unknown): string =>
  `"${oneLine(String(value))
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/([$%])\{/g, '$1$1{')}"`;

function environment(): nunjucks.Environment {
  const env = new nunjucks.Environment(null, { autoescape: false, trimBlocks: true, lstripBlocks: true, throwOnUndefined: true });
  env.addFilter('dq', dockerQuote);
  env.addFilter('hcl', hclQuote);
  return env;
}

export function renderDockerfile(plan: DockerPlan): string {
  return environment().renderString(template('Dockerfile.njk'), { ...plan, checkLines: checkScriptLines() });
}

export function renderBake(plan: DockerPlan): string {
  return environment().renderString(template('docker-bake.hcl.njk'), plan);
}

export function renderDockerignore(): string {
  return template('dockerignore');
}

/**
 * The files to write, with paths relative to the module root. A .dockerignore the user wrote is
 * always kept (it is theirs to tune, and the Dockerfile works with any); other files of the
 * user's are replaced only with --force.
 */
export function renderFiles(plan: DockerPlan): PlannedFile[] {
  return [
    { path: plan.dockerfile, content: renderDockerfile(plan) },
    { path: '.dockerignore', content: renderDockerignore(), keepForeign: true },
    ...(plan.bake ? [{ path: 'docker-bake.hcl', content: renderBake(plan) }] : []),
  ];
}
