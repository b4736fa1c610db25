/**
 * conda-build's line selectors: `text  # [expr]` keeps the line only when expr is true for the
 * platform. expr is a Python expression over the names conda-build defines (linux, osx, win,
 * aarch64, py, the variant's keys, env vars, os.environ…); a name it does not define counts as
 * False. The expression is evaluated with the Jinja engine, whose expressions are Python's.
 */
import { GocrossError, usageError } from '../errors.js';
import { callable, DISPLAY_NAME, evaluateExpression, JinjaError, str, truthy } from './jinja-engine/index.js';

export type Namespace = Record<string, unknown>;

/** conda's KNOWN_SUBDIRS: every one gives its OS and its architecture a selector name. */
export const KNOWN_SUBDIRS = [
  'emscripten-wasm32', 'wasi-wasm32', 'freebsd-64', 'linux-32', 'linux-64', 'linux-aarch64', 'linux-armv6l', 'linux-armv7l', 'linux-ppc64', 'linux-ppc64le',
  'linux-riscv64', 'linux-s390x', 'osx-64', 'osx-arm64', 'win-32', 'win-64', 'win-arm64', 'zos-z',
] as const;

const ARCH_MAP: Record<string, string> = { '32': 'x86', '64': 'x86_64' };

export interface NamespaceOptions {
  /** The platform the build runs on (cross builds: linux-64 for linux-aarch64). */
  buildSubdir?: string;
  /** The variant (first value of each key) from the pinning and the recipe's conda_build_config.yaml. */
  variant?: Record<string, string>;
  env?: Record<string, string | undefined>;
}

/** conda's `os` in selectors and Jinja: since conda-build 25.4 only environ, getenv, pathsep and sep. */
export function osModule(subdir: string, environ: Record<string, string>): Record<string, unknown> {
  const win = subdir.startsWith('win-');
  return {
    environ,
    getenv: callable('getenv', (args) => environ[String(args[0])] ?? args[1] ?? null),
    sep: win ? '\\' : '/',
    pathsep: win ? ';' : ':',
    [DISPLAY_NAME]: "conda-build's os (environ, getenv, pathsep and sep only, since conda-build 25.4)",
  };
}

/** Python's int() of a variant value, as conda-build converts them for selectors. */
const selectorValue = (v: string): unknown => (/^[+-]?\d+$/.test(v.trim()) ? Number.parseInt(v, 10) : /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v);

/** The namespace conda-build's get_selectors gives a target subdir such as linux-aarch64. */
export function selectorNamespace(subdir: string, options: NamespaceOptions = {}): Namespace {
  const environ = Object.fromEntries(Object.entries(options.env ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
  const ns: Namespace = {
    linux32: subdir === 'linux-32',
    linux64: subdir === 'linux-64',
    arm: subdir.startsWith('linux-arm'),
    unix: /^(linux|osx|emscripten)-/.test(subdir),
    win32: subdir === 'win-32',
    win64: subdir === 'win-64',
    os: osModule(subdir, environ),
    environ,
    nomkl: false,
  };
  const subdirs = [...KNOWN_SUBDIRS, subdir].filter((s) => s.includes('-'));
  for (const os of new Set(subdirs.map((s) => s.split('-')[0] as string))) ns[os] = subdir.startsWith(`${os}-`);
  for (const arch of new Set(subdirs.map((s) => s.split('-')[1] as string))) {
    ns[ARCH_MAP[arch] ?? arch] = subdir.endsWith(`-${arch}`);
    if (arch === '32') ns.x86 = subdir.endsWith('-32') || subdir.endsWith('-64');
  }
  const variant = options.variant ?? {};
  const [major = '3', minor = '10'] = (variant.python ?? '3.10').split(' ')[0]?.split('.') ?? [];
  const py = Number(`${major}${minor}`);
  ns.build_platform = options.buildSubdir ?? subdir;
  Object.assign(ns, { py, py3k: major === '3', py2k: major === '2', py26: py === 26, py27: py === 27, py33: py === 33, py34: py === 34, py35: py === 35, py36: py === 36 });
  ns.np = Number((variant.numpy ?? '1.26').split('.').slice(0, 2).join(''));
  ns.pl = variant.perl ?? '5.26.2';
  ns.lua = variant.lua ?? '5';
  ns.luajit = (variant.lua ?? '5').startsWith('2');
  Object.assign(ns, environ);
  for (const [k, v] of Object.entries({ target_platform: subdir, ...variant })) if (!(k in ns)) ns[k] = selectorValue(v);
  // Python builtins the selector model of conda-build allows.
  ns.int = callable('int', (a) => Number.parseInt(str(a[0], 'jinja2'), 10));
  ns.float = callable('float', (a) => Number(a[0]));
  ns.str = callable('str', (a) => str(a[0], 'jinja2'));
  ns.len = callable('len', (a) => (typeof a[0] === 'string' || Array.isArray(a[0]) ? a[0].length : Object.keys(a[0] as object).length));
  ns.list = callable('list', (a) => (Array.isArray(a[0]) ? [...a[0]] : typeof a[0] === 'string' ? [...a[0]] : []));
  ns.tuple = ns.list;
  ns.dict = callable('dict', (_a, k) => ({ ...k }));
  return ns;
}

/** Evaluate one selector expression; a syntax error throws a GocrossError (code selector.invalid). */
export function evaluateSelector(expr: string, ns: Namespace): boolean {
  if (expr.trim() === '') throw invalid(expr, 'it is empty');
  try {
    return truthy(evaluateExpression(expr.trim(), ns, { dialect: 'jinja2', undefined: 'lenient', missing: () => false }), false);
  } catch (error) {
    throw invalid(expr, error instanceof JinjaError ? error.message : String(error));
  }
}

const invalid = (expr: string, why: string): GocrossError =>
  usageError('selector.invalid', `the selector [${expr}] is not a valid expression: ${why.replace(/\.$/, '')}.`, { hint: 'selectors are Python expressions such as [linux and aarch64] or [not win]' });

/**
 * A line's selector as conda-build's sel_pat finds it: the last `[...]` of the line, after a `#`
 * (then text without parentheses may follow) or, without one, at the very end. Returns the text
 * the line keeps and the selector, or null.
 */
export function splitSelector(line: string): { text: string; selector: string } | null {
  if (!line.includes('[') || !line.includes(']')) return null;
  const trailingQuote = /["']$/.test(line) ? (line[line.length - 1] as string) : '';
  const withHash = /^(.+?)\s*(#.*)\[([^[\]]+)\][^()]*$/.exec(line);
  const bare = /^(.+?)\s*\[([^[\]]+)\]$/.exec(line);
  const candidates = [withHash ? { text: withHash[1] as string, selector: withHash[3] as string } : null, bare ? { text: bare[1] as string, selector: bare[2] as string } : null].filter((c): c is { text: string; selector: string } => c !== null);
  if (candidates.length === 0) return null;
  // Python's lazy (.+?) takes the shortest text for which the rest matches.
  const best = candidates.reduce((a, b) => (b.text.length < a.text.length ? b : a));
  return { text: (best.text + trailingQuote).trimEnd(), selector: best.selector };
}

/** A line's selector: `  - foo  # [win]` → "win"; null when the line has none. */
export function lineSelector(line: string): string | null {
  return splitSelector(line.trimEnd())?.selector ?? null;
}

export interface SelectResult {
  text: string;
  /** 1-based line numbers and problems of selectors that would not parse. */
  errors: { line: number; message: string }[];
}

/**
 * conda-build's select_lines: a line with a true selector is kept (without the selector), one
 * with a false selector dropped; a comment line becomes an empty one (line numbers stay).
 */
export function selectLines(text: string, ns: Namespace): SelectResult {
  const out: string[] = [];
  const errors: SelectResult['errors'] = [];
  const cache = new Map<string, boolean>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trimStart().startsWith('#') || line === '') {
      out.push('');
      return;
    }
    const found = splitSelector(line);
    if (!found) {
      out.push(line);
      return;
    }
    try {
      let keep = cache.get(found.selector);
      if (keep === undefined) {
        keep = evaluateSelector(found.selector, ns);
        cache.set(found.selector, keep);
      }
      if (keep) out.push(found.text);
    } catch (error) {
      errors.push({ line: index + 1, message: error instanceof GocrossError ? error.message : String(error) });
    }
  });
  return { text: `${out.join('\n')}\n`, errors };
}
