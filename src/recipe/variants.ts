/**
 * Variant configs: conda-forge's global pinning, then the recipe's own conda_build_config.yaml
 * and variants.yaml, each overriding the keys of the ones before. conda-build reads them with
 * its line selectors and YAML's BaseLoader (every value a string); rattler-build also takes
 * `if:/then:/else:` items in lists. A recipe renders with the first value of each key.
 */
import { parseDocument } from 'yaml';
import { evaluateExpression, truthy } from './jinja-engine/index.js';
import { type Namespace, selectLines } from './selectors.js';

export type VariantConfig = Record<string, string[]>;

export interface VariantFile {
  /** File name for messages: conda_build_config.yaml, variants.yaml, the pinning. */
  name: string;
  text: string;
}

export interface VariantProblem {
  file: string;
  message: string;
}

/** A scalar as BaseLoader reads it: always a string, an empty value is ''. */
const asString = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));

function values(node: unknown, ns: Namespace): string[] {
  const items = Array.isArray(node) ? node : [node];
  return items.flatMap((item): string[] => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && 'if' in item) {
      const cond = item as { if: unknown; then?: unknown; else?: unknown };
      const chosen = truthy(evaluateExpression(asString(cond.if), ns, { dialect: 'minijinja', undefined: 'lenient', missing: () => false }), false) ? cond.then : cond.else;
      return chosen === undefined ? [] : values(chosen, ns);
    }
    if (item !== null && typeof item === 'object') return [];
    return [asString(item)];
  });
}

/** One variant file for one platform; keys whose value is not a list of scalars (zip_keys…) are left out. */
export function parseVariantFile(file: VariantFile, ns: Namespace): { config: VariantConfig; problems: VariantProblem[] } {
  const problems: VariantProblem[] = [];
  const selected = selectLines(file.text, ns);
  for (const e of selected.errors) problems.push({ file: file.name, message: `line ${e.line}: ${e.message}` });
  const doc = parseDocument(selected.text, { schema: 'failsafe', uniqueKeys: false });
  if (doc.errors.length > 0) {
    problems.push({ file: file.name, message: `YAML: ${doc.errors[0]?.message.split('\n')[0]}` });
    return { config: {}, problems };
  }
  const data = doc.toJS() as unknown;
  const config: VariantConfig = {};
  if (data === null || data === undefined) return { config, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file: file.name, message: 'it is not a mapping of keys to lists' });
    return { config, problems };
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'zip_keys' || key === 'pin_run_as_build' || key === 'extend_keys') continue;
    try {
      const list = values(value, ns);
      // conda-build's trim_empty_keys: a key left without values is dropped.
      if (list.length > 0) config[key] = list;
    } catch (error) {
      problems.push({ file: file.name, message: `${key}: ${(error as Error).message}` });
    }
  }
  return { config, problems };
}

/** Later files override earlier ones key by key. */
export function mergeVariantFiles(files: readonly VariantFile[], ns: Namespace): { config: VariantConfig; problems: VariantProblem[] } {
  const config: VariantConfig = {};
  const problems: VariantProblem[] = [];
  for (const file of files) {
    const parsed = parseVariantFile(file, ns);
    Object.assign(config, parsed.config);
    problems.push(...parsed.problems);
  }
  return { config, problems };
}

/** The first value of every key: the variant a recipe is checked with. */
export const firstVariant = (config: VariantConfig): Record<string, string> =>
  Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v[0] ?? '']));
