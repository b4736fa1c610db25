/**
 * Rendering a meta.yaml as conda-build does: Jinja2 with conda-build's context for one target
 * subdir and variant, then line selectors, then YAML as conda-build loads it (numbers kept as
 * the strings they are, a key repeated under other selectors: the last one wins). The linter and
 * the tests of generated recipes use this same rendering.
 */
import { parseDocument, type Tags } from 'yaml';
import { callable, type JinjaError, type Kwargs, renderTemplate, str } from './jinja-engine/index.js';
import { osModule, selectLines, selectorNamespace } from './selectors.js';

/** Where conda-build's build prefix and work dir are, for the values recipes print. */
const PREFIX = { unix: '/opt/conda-bld/_h_env', win: 'C:\\\\bld\\\\_h_env' };
const WORK = { unix: '/opt/conda-bld/work', win: 'C:\\\\bld\\\\work' };

export interface RenderContextOptions {
  /** The platform building (cross builds: linux-64 for linux-aarch64). */
  buildSubdir?: string;
  /** The variant: first value of each key of the pinning and the recipe's variant files. */
  variant?: Record<string, string>;
  /** PKG_NAME, PKG_VERSION… as a first pass found them. */
  meta?: Record<string, string>;
}

/** conda-build's ensure_valid_spec: `name 1.2` → `name 1.2.*`. */
const validSpec = (spec: string): string => {
  const m = /^([\w.-]+)\s+((?<![><=])[\w.-]+?)(\s+[\w.]+)?$/.exec(spec);
  return m && !m[3] && !(m[2] as string).includes('*') ? `${m[1]} ${m[2]}.*` : spec;
};

const DEFAULT_COMPILERS: Record<string, Record<string, string>> = {
  linux: { c: 'gcc', cxx: 'gxx', fortran: 'gfortran' },
  osx: { c: 'clang', cxx: 'clangxx', fortran: 'gfortran' },
  win: { c: 'vs2022', cxx: 'vs2022', fortran: 'gfortran' },
};

/**
 * What conda-build puts in the Jinja context for a target subdir: its selectors (linux, win,
 * os…), the variant's keys, the build environment's variables (PREFIX, PYTHON, PY_VER…) and its
 * functions — compiler('go') → go_compiler's value, compiler('c') → gcc_linux-64 15.*,
 * stdlib('c') → sysroot_linux-64 2.17.*, pin_* → the package name, environ with .get.
 */
export function condaJinjaContext(subdir: string, env: Record<string, string | undefined> = {}, options: RenderContextOptions = {}): Record<string, unknown> {
  const platform = subdir.split('-')[0] ?? 'linux';
  const win = platform === 'win';
  const variant = options.variant ?? {};
  const target = (language: string, component: 'compiler' | 'stdlib'): string => {
    const native = component === 'compiler' ? (DEFAULT_COMPILERS[platform]?.[language] ?? language) : language;
    const name = variant[`${language}_${component}`] ?? native;
    const version = variant[`${language}_${component}_version`];
    return version ? validSpec(`${name}_${variant.target_platform ?? subdir} ${version}`) : `${name}_${variant.target_platform ?? subdir}`;
  };
  const prefix = win ? PREFIX.win : PREFIX.unix;
  const pyVer = (variant.python ?? '3.10').split(' ')[0]?.split('.').slice(0, 2).join('.') ?? '3.10';
  const buildVars: Record<string, string> = {
    CONDA_BUILD: '1',
    PREFIX: prefix,
    BUILD_PREFIX: win ? 'C:\\\\bld\\\\_build_env' : '/opt/conda-bld/_build_env',
    SRC_DIR: win ? WORK.win : WORK.unix,
    RECIPE_DIR: win ? 'C:\\\\bld\\\\recipe' : '/opt/conda-bld/recipe',
    SUBDIR: subdir,
    build_platform: options.buildSubdir ?? subdir,
    PY_VER: pyVer,
    CONDA_PY: pyVer.replace('.', ''),
    PY3K: '1',
    PYTHON: win ? `${prefix}\\\\python.exe` : `${prefix}/bin/python`,
    STDLIB_DIR: win ? `${prefix}\\\\Lib` : `${prefix}/lib/python${pyVer}`,
    SP_DIR: win ? `${prefix}\\\\Lib\\\\site-packages` : `${prefix}/lib/python${pyVer}/site-packages`,
    NPY_VER: (variant.numpy ?? '2').split('.').slice(0, 2).join('.'),
    SHLIB_EXT: win ? '.dll' : platform === 'osx' ? '.dylib' : '.so',
    HOME: env.HOME ?? (win ? 'C:\\\\Users\\\\conda' : '/home/conda'),
    ...(win ? { LIBRARY_PREFIX: `${prefix}\\\\Library`, LIBRARY_BIN: `${prefix}\\\\Library\\\\bin`, SCRIPTS: `${prefix}\\\\Scripts` } : {}),
    ...options.meta,
  };
  const environ = { ...(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>), ...buildVars };
  const firstArg = (args: unknown[], kwargs: Kwargs, name: string): string => str(args[0] ?? kwargs[name] ?? '', 'jinja2');
  return {
    ...selectorNamespace(subdir, { buildSubdir: options.buildSubdir, variant, env }),
    ...variant,
    ...buildVars,
    CONDA_BUILD_STATE: 'RENDER',
    os: osModule(subdir, environ),
    environ,
    compiler: callable('compiler', (args, kwargs) => target(firstArg(args, kwargs, 'language'), 'compiler')),
    stdlib: callable('stdlib', (args, kwargs) => target(firstArg(args, kwargs, 'language'), 'stdlib')),
    pin_compatible: callable('pin_compatible', (args, kwargs) => firstArg(args, kwargs, 'package_name')),
    pin_subpackage: callable('pin_subpackage', (args, kwargs) => firstArg(args, kwargs, 'subpackage_name')),
    cdt: callable('cdt', (args, kwargs) => {
      const arch = subdir.split('-')[1] ?? '64';
      const cdtArch = variant.cdt_arch ?? (arch === '64' ? 'x86_64' : arch === '32' ? 'i686' : arch);
      const cdtName = variant.cdt_name ?? (arch === '64' || arch === '32' ? 'cos6' : 'cos7');
      const [name, ...rest] = firstArg(args, kwargs, 'package_name').split(' ');
      return `${name}-${cdtName}-${cdtArch}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}`;
    }),
    ccache: callable('ccache', () => 'ccache'),
    load_setup_py_data: callable('load_setup_py_data', () => ({})),
    load_setuptools: callable('load_setuptools', () => ({})),
    load_npm: callable('load_npm', () => ({})),
    load_file_regex: callable('load_file_regex', () => null),
    load_file_data: callable('load_file_data', () => ({})),
    load_str_data: callable('load_str_data', () => ({})),
    installed: {},
    resolved_packages: callable('resolved_packages', () => []),
  };
}

/** YAML as conda-build's loader reads it: YAML 1.1 booleans, no int or float, duplicate keys allowed (the last wins). */
export const YAML_OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: false,
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

/**
 * What a Jinja expression that failed renders as, so that the rest of the recipe can still be
 * checked; findings that mention it are echoes of the Jinja error and are dropped.
 */
export const JINJA_FAILED = 'GOCROSS_JINJA_FAILED';

export interface RenderMetaOptions extends RenderContextOptions {
  env?: Record<string, string | undefined>;
}

/** Render a meta.yaml for one subdir; problems are returned, never thrown. */
export function renderMeta(text: string, subdir: string, options: RenderMetaOptions = {}): RenderedMeta {
  const errors: RenderedMeta['errors'] = [];
  const env = options.env ?? {};
  let rendered: string;
  const renderWith = (meta: Record<string, string> | undefined, onError?: (e: JinjaError) => string): string =>
    renderTemplate(text, condaJinjaContext(subdir, env, { ...options, meta }), { dialect: 'jinja2', onError }).text;
  // conda-build renders more than once; PKG_NAME and PKG_VERSION are known from the first pass.
  let meta: Record<string, string> | undefined;
  if (/\bPKG_(NAME|VERSION|BUILDNUM)\b/.test(text)) {
    try {
      const first = parseDocument(selectLines(renderTemplate(text, condaJinjaContext(subdir, env, options), { dialect: 'jinja2', undefined: 'lenient', onError: () => '' }).text, selectorNamespace(subdir, { ...options, env })).text, YAML_OPTIONS).toJS() as { package?: { name?: unknown; version?: unknown }; build?: { number?: unknown } } | null;
      meta = { PKG_NAME: String(first?.package?.name ?? ''), PKG_VERSION: String(first?.package?.version ?? ''), PKG_BUILDNUM: String(first?.build?.number ?? '0') };
    } catch {
      meta = undefined;
    }
  }
  try {
    rendered = renderWith(meta, (e) => {
      errors.push({ stage: 'jinja', line: e.line, message: e.message });
      return JINJA_FAILED;
    });
  } catch (error) {
    return { subdir, text, data: null, errors: [{ stage: 'jinja', line: (error as JinjaError).line, message: (error as Error).message }] };
  }
  const selected = selectLines(rendered, selectorNamespace(subdir, { buildSubdir: options.buildSubdir, variant: options.variant, env }));
  for (const e of selected.errors) errors.push({ stage: 'selector', line: e.line, message: e.message });
  const doc = parseDocument(selected.text, YAML_OPTIONS);
  for (const e of doc.errors) errors.push({ stage: 'yaml', line: e.linePos?.[0].line, message: e.message.split('\n')[0] as string });
  return { subdir, text: selected.text, data: doc.errors.length === 0 ? doc.toJS() : null, errors };
}
