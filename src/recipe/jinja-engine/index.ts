/**
 * A Jinja implementation for recipes, in two dialects: `jinja2` renders as conda-build does
 * (Python's Jinja2: str methods, `%` formatting, `{{ }}`), `minijinja` as rattler-build does
 * (`${{ }}`, its filters only, no Python methods). Pure: text and a context in, text out.
 */
import { type Delimiters, JINJA2_DELIMITERS, JinjaError, lexExpression, lexTemplate, RATTLER_DELIMITERS } from './lexer.js';
import { parseExpression, parseTemplate } from './parser.js';
import { type EvalOptions, Evaluator } from './runtime.js';
import type { Dialect } from './values.js';

export { JinjaError } from './lexer.js';
export { Callable, callable, type Dialect, DISPLAY_NAME, isUndefined, type Kwargs, str, truthy, Undefined } from './values.js';
export { pySplit } from './builtins.js';

export interface RenderOptions {
  dialect: Dialect;
  /** Default strict: using an undefined name is an error, as in conda-build's final render and rattler-build. */
  undefined?: 'strict' | 'lenient';
  /** Go on past errors: each is passed here and the failing tag renders as the text returned. */
  onError?: (error: JinjaError) => string;
  /** The value of a name the context lacks (selectors: False). */
  missing?: (name: string) => unknown;
}

const delimitersOf = (dialect: Dialect): Delimiters => (dialect === 'jinja2' ? JINJA2_DELIMITERS : RATTLER_DELIMITERS);
const evaluator = (options: RenderOptions): Evaluator => new Evaluator({ dialect: options.dialect, undefined: options.undefined ?? 'strict', onError: options.onError, missing: options.missing } satisfies EvalOptions);

/** Render a template; the variables its top level `{% set %}`s are returned too. */
export function renderTemplate(text: string, context: Record<string, unknown>, options: RenderOptions): { text: string; exported: Record<string, unknown> } {
  const nodes = parseTemplate(lexTemplate(text, delimitersOf(options.dialect)), options.onError !== undefined);
  const result = evaluator(options).render(nodes, context);
  // Jinja2 drops one trailing newline of the template (keep_trailing_newline is off).
  if (options.dialect === 'jinja2' && text.endsWith('\n') && result.text.endsWith('\n')) result.text = result.text.slice(0, -1);
  return result;
}

/** Evaluate one expression (`x == "a"`, a v1 `if:`), returning its value. */
export function evaluateExpression(expression: string, context: Record<string, unknown>, options: RenderOptions): unknown {
  const tokens = lexExpression(expression);
  if (tokens.length === 0) throw new JinjaError('the expression is empty');
  return evaluator(options).evaluateIn(parseExpression(tokens, 1), context);
}

/** Whether a text holds any Jinja of the dialect. */
export const hasJinja = (text: string, dialect: Dialect): boolean => text.includes(delimitersOf(dialect).variableStart) || text.includes('{%') || text.includes('{#');
