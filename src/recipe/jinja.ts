/**
 * Rendering a meta.yaml as conda-build does: Jinja with conda-build's context for one target
 * subdir, then line selectors, then YAML with numbers kept as strings. The linter and the tests
 * of generated recipes use this same rendering.
 */
import nunjucks from 'nunjucks';
import { parseDocument, type Tags } from 'yaml';
import { selectLines, selectorNamespace } from './selectors.js';

const C_COMPILERS: Record<string, { c: string; cxx: string; fortran: string; stdlib: string }> = {
  linux: { c: 'gcc', cxx: 'gxx', fortran: 'gfortran', stdlib: 'sysroot' },
  osx: { c: 'clang', cxx: 'clangxx', fortran: 'gfortran', stdlib: 'macosx_deployment_target' },
  win: { c: 'vs2019', cxx: 'vs2019', fortran: 'flang', stdlib: 'vs' },
};

/**
 * What conda-build puts in the Jinja context: compiler('c') → gcc_linux-64 (its default compiler
 * names, as without a variant config), stdlib('c') → sysroot_linux-64, pin_* → the package name,
 * environ, and the rest that Go recipes may touch.
 */
export function condaJinjaContext(subdir: string, env: Record<string, string | undefined> = {}): Record<string, unknown> {
  const platform = subdir.split('-')[0] ?? 'linux';
  const names = C_COMPILERS[platform] ?? (C_COMPILERS.linux as (typeof C_COMPILERS)['linux']);
  const compiler = (language: string): string => {
    const base = language === 'c' ? names.c : language === 'cxx' ? names.cxx : language === 'fortran' ? names.fortran : language;
    return `${base}_${subdir}`;
  };
  const stdlib = (language: string): string => (language === 'c' ? `${names.stdlib}_${subdir}` : `${language}_stdlib_${subdir}`);
  const pin = (name: string): string => name;
  const environ = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return {
    ...selectorNamespace(subdir),
    compiler,
    stdlib,
    pin_compatible: pin,
    pin_subpackage: pin,
    cdt: (name: string) => `${name}-cos7-${subdir.endsWith('aarch64') ? 'aarch64' : 'x86_64'}`,
    environ,
    os: { environ, sep: platform === 'win' ? '\\' : '/', getenv: (name: string, fallback?: string) => environ[name] ?? fallback ?? null },
    load_setup_py_data: () => ({}),
    load_file_regex: () => null,
    load_file_data: () => ({}),
    PREFIX: environ.PREFIX ?? '/opt/conda',
    SRC_DIR: environ.SRC_DIR ?? '',
    RECIPE_DIR: environ.RECIPE_DIR ?? '',
    PYTHON: platform === 'win' ? '%PYTHON%' : '$PYTHON',
  };
}

/** nunjucks set up like Jinja2 defaults: no autoescape, undefined renders empty. */
const jinja = new nunjucks.Environment([], { autoescape: false, throwOnUndefined: false, trimBlocks: false, lstripBlocks: false });

export function renderJinja(text: string, context: Record<string, unknown>): string {
  return jinja.renderString(text, context);
}

/** YAML 1.2 core without int and float: conda-build keeps 1.10 and 0 as the strings they are. */
const YAML_OPTIONS = {
  schema: 'core' as const,
  customTags: (tags: Tags): Tags => tags.filter((t) => typeof t === 'string' || !['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float'].includes(t.tag ?? '')),
};

export type RenderStage = 'jinja' | 'selector' | 'yaml';

export interface RenderedMeta {
  subdir: string;
  /** The text YAML was parsed from. */
  text: string;
  data: unknown;
  errors: { stage: RenderStage; line?: number; message: string }[];
}

/** Render a meta.yaml for one subdir; problems are returned, never thrown. */
export function renderMeta(text: string, subdir: string, env: Record<string, string | undefined> = {}): RenderedMeta {
  let rendered: string;
  try {
    rendered = renderJinja(text, condaJinjaContext(subdir, env));
  } catch (error) {
    return { subdir, text, data: null, errors: [{ stage: 'jinja', message: cleanJinjaMessage((error as Error).message) }] };
  }
  const selected = selectLines(rendered, selectorNamespace(subdir));
  const errors: RenderedMeta['errors'] = selected.errors.map((e) => ({ stage: 'selector' as const, line: e.line, message: e.message }));
  const doc = parseDocument(selected.text, YAML_OPTIONS);
  for (const e of doc.errors) errors.push({ stage: 'yaml', line: e.linePos?.[0].line, message: e.message.split('\n')[0] as string });
  return { subdir, text: selected.text, data: doc.errors.length === 0 ? doc.toJS() : null, errors };
}

/** nunjucks prefixes "(unknown path)" and stacks; keep the part a person needs. */
export const cleanJinjaMessage = (message: string): string =>
  message.replace(/^\(unknown path\)\s*/, '').replace(/\s+/g, ' ').trim();
