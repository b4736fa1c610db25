/**
 * Jinja's built-in filters and tests, Python's str/list/dict methods (Jinja2 calls them on
 * values; minijinja has none of them unless a host object offers them), and Python's `%`.
 */
import { JinjaError } from './lexer.js';
import { Callable, compareOrder, type Dialect, equals, failUndefined, indexOf, isDict, isUndefined, iterate, type Kwargs, repr, str, truthy, typeName, Undefined } from './values.js';

export interface CallContext {
  dialect: Dialect;
  strict: boolean;
  line?: number;
  /** Calls a filter or test by name (map('lower'), select('odd')). */
  filter: (name: string, value: unknown, args: unknown[], kwargs: Kwargs) => unknown;
  test: (name: string, value: unknown, args: unknown[]) => boolean;
  /** Reads an attribute or item the way the template does (`attribute=` of sort, map…). */
  getattr: (value: unknown, name: string) => unknown;
}

type Builtin = (ctx: CallContext, value: unknown, args: unknown[], kwargs: Kwargs) => unknown;

const arg = (args: unknown[], kwargs: Kwargs, index: number, name: string, fallback?: unknown): unknown => (index < args.length ? args[index] : name in kwargs ? kwargs[name] : fallback);

function need(ctx: CallContext, v: unknown): unknown {
  if (isUndefined(v)) failUndefined(v, ctx.line);
  return v;
}

const text = (ctx: CallContext, v: unknown): string => str(need(ctx, v), ctx.dialect);

/** Python's str.split (whitespace when sep is None) and rsplit. */
export function pySplit(s: string, sep: unknown, maxsplit: number, fromRight = false): string[] {
  if (sep === null || sep === undefined) {
    const words = s.trim() === '' ? [] : s.trim().split(/\s+/);
    if (maxsplit < 0 || words.length <= maxsplit + 1) return words;
    if (fromRight) {
      const keep = words.slice(words.length - maxsplit);
      const head = s.trim().replace(new RegExp(`\\s+${keep.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}$`), '');
      return [head, ...keep];
    }
    const out = words.slice(0, maxsplit);
    let rest = s.replace(/^\s+/, '');
    for (const w of out) rest = rest.slice(w.length).replace(/^\s+/, '');
    return [...out, rest];
  }
  const separator = String(sep);
  if (separator === '') throw new JinjaError('empty separator');
  const parts = s.split(separator);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return fromRight ? [parts.slice(0, parts.length - maxsplit).join(separator), ...parts.slice(parts.length - maxsplit)] : [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator)];
}

const replaceAll = (s: string, old: string, replacement: string, count: number): string => {
  if (count < 0) return s.split(old).join(replacement);
  let out = s;
  let from = 0;
  for (let n = 0; n < count; n += 1) {
    const at = out.indexOf(old, from);
    if (at < 0) break;
    out = out.slice(0, at) + replacement + out.slice(at + old.length);
    from = at + replacement.length + (old === '' ? 1 : 0);
  }
  return out;
};

const stripChars = (s: string, chars: unknown, left: boolean, right: boolean): string => {
  const set = chars === null || chars === undefined ? null : String(chars);
  const strip = (c: string): boolean => (set === null ? /\s/.test(c) : set.includes(c));
  let a = 0;
  let b = s.length;
  if (left) while (a < b && strip(s[a] as string)) a += 1;
  if (right) while (b > a && strip(s[b - 1] as string)) b -= 1;
  return s.slice(a, b);
};

/** Python's `str.format` for the simple forms: {}, {0}, {name}. */
function pyFormat(template: string, args: unknown[], kwargs: Kwargs, dialect: Dialect): string {
  let auto = 0;
  return template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:![rs])?(?::[^{}]*)?\}/g, (m, field: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const key = field ?? '';
    const value = key === '' ? args[auto++] : /^\d+$/.test(key) ? args[Number(key)] : kwargs[key];
    if (value === undefined) throw new JinjaError(`format: no value for {${key}}`);
    return str(value, dialect);
  });
}

/** Python's printf-style `text % values`. */
export function percentFormat(template: string, values: unknown, dialect: Dialect, line?: number): string {
  const positional = Array.isArray(values) ? values : [values];
  const mapping = isDict(values) ? values : null;
  let index = 0;
  const out = template.replace(/%(\(([^)]*)\))?([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sridfFeEgGxXoc%])/g, (_m, _g, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let value: unknown;
    if (key !== undefined) {
      if (!mapping) throw new JinjaError('format requires a mapping', line);
      if (!(key in mapping)) throw new JinjaError(`KeyError: '${key}'`, line);
      value = mapping[key];
    } else {
      if (index >= positional.length) throw new JinjaError('not enough arguments for format string', line);
      value = positional[index++];
    }
    if (isUndefined(value)) failUndefined(value, line);
    let s: string;
    const num = (): number => {
      const n = typeof value === 'boolean' ? Number(value) : value;
      if (typeof n !== 'number') throw new JinjaError(`%${conv} format: a real number is required, not ${typeName(value)}`, line);
      return n;
    };
    switch (conv) {
      case 's':
        s = str(value, dialect);
        break;
      case 'r':
        s = repr(value, dialect);
        break;
      case 'd':
      case 'i':
        s = String(Math.trunc(num()));
        break;
      case 'f':
      case 'F':
        s = num().toFixed(precision === undefined ? 6 : Number(precision));
        break;
      case 'e':
      case 'E':
        s = num().toExponential(precision === undefined ? 6 : Number(precision)).replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') s = s.toUpperCase();
        break;
      case 'g':
      case 'G':
        s = String(Number(num().toPrecision(precision === undefined ? 6 : Math.max(1, Number(precision)))));
        break;
      case 'x':
      case 'X':
        s = Math.trunc(num()).toString(16);
        if (conv === 'X') s = s.toUpperCase();
        break;
      case 'o':
        s = Math.trunc(num()).toString(8);
        break;
      default:
        s = typeof value === 'number' ? String.fromCharCode(value) : str(value, dialect);
    }
    if (precision !== undefined && (conv === 's' || conv === 'r')) s = s.slice(0, Number(precision));
    if (flags.includes('+') && /^[0-9]/.test(s) && 'dioxXfFeEgG'.includes(conv)) s = `+${s}`;
    const w = width === undefined || width === '*' ? 0 : Number(width);
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
    return s;
  });
  if (!mapping && Array.isArray(values) && index < positional.length) throw new JinjaError('not all arguments converted during string formatting', line);
  return out;
}

// ---- methods -------------------------------------------------------------------------------

type Method = (ctx: CallContext, self: never, args: unknown[], kwargs: Kwargs) => unknown;

const STRING_METHODS: Record<string, Method> = {
  split: (_c, s: string, a, k) => pySplit(s, arg(a, k, 0, 'sep', null), Number(arg(a, k, 1, 'maxsplit', -1))),
  rsplit: (_c, s: string, a, k) => pySplit(s, arg(a, k, 0, 'sep', null), Number(arg(a, k, 1, 'maxsplit', -1)), true),
  replace: (_c, s: string, a, k) => replaceAll(s, String(arg(a, k, 0, 'old')), String(arg(a, k, 1, 'new')), Number(arg(a, k, 2, 'count', -1))),
  join: (c, s: string, a) => iterate(a[0], c.strict, c.line).map((x) => {
    if (typeof x !== 'string') throw new JinjaError(`sequence item: expected str instance, ${typeName(x)} found`, c.line);
    return x;
  }).join(s),
  strip: (_c, s: string, a) => stripChars(s, a[0], true, true),
  lstrip: (_c, s: string, a) => stripChars(s, a[0], true, false),
  rstrip: (_c, s: string, a) => stripChars(s, a[0], false, true),
  lower: (_c, s: string) => s.toLowerCase(),
  upper: (_c, s: string) => s.toUpperCase(),
  casefold: (_c, s: string) => s.toLowerCase(),
  swapcase: (_c, s: string) => [...s].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join(''),
  title: (_c, s: string) => s.toLowerCase().replace(/(^|[^A-Za-z])([a-z])/g, (_m, p: string, ch: string) => p + ch.toUpperCase()),
  capitalize: (_c, s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  startswith: (_c, s: string, a) => (Array.isArray(a[0]) ? a[0] : [a[0]]).some((p) => s.startsWith(String(p), Number(a[1] ?? 0))),
  endswith: (_c, s: string, a) => (Array.isArray(a[0]) ? a[0] : [a[0]]).some((p) => s.endsWith(String(p))),
  find: (_c, s: string, a) => s.indexOf(String(a[0]), Number(a[1] ?? 0)),
  rfind: (_c, s: string, a) => s.lastIndexOf(String(a[0])),
  index: (c, s: string, a) => {
    const at = s.indexOf(String(a[0]));
    if (at < 0) throw new JinjaError('substring not found', c.line);
    return at;
  },
  count: (_c, s: string, a) => (String(a[0]) === '' ? s.length + 1 : s.split(String(a[0])).length - 1),
  format: (c, s: string, a, k) => pyFormat(s, a, k, c.dialect),
  zfill: (_c, s: string, a) => (/^[+-]/.test(s) ? s[0] + s.slice(1).padStart(Number(a[0]) - 1, '0') : s.padStart(Number(a[0]), '0')),
  center: (_c, s: string, a) => {
    const w = Number(a[0]);
    const pad = Math.max(0, w - s.length);
    const fill = String(a[1] ?? ' ');
    return fill.repeat(Math.floor(pad / 2)) + s + fill.repeat(Math.ceil(pad / 2));
  },
  ljust: (_c, s: string, a) => s.padEnd(Number(a[0]), String(a[1] ?? ' ')),
  rjust: (_c, s: string, a) => s.padStart(Number(a[0]), String(a[1] ?? ' ')),
  partition: (_c, s: string, a) => {
    const sep = String(a[0]);
    const at = s.indexOf(sep);
    return at < 0 ? [s, '', ''] : [s.slice(0, at), sep, s.slice(at + sep.length)];
  },
  rpartition: (_c, s: string, a) => {
    const sep = String(a[0]);
    const at = s.lastIndexOf(sep);
    return at < 0 ? ['', '', s] : [s.slice(0, at), sep, s.slice(at + sep.length)];
  },
  splitlines: (_c, s: string) => s.split(/\r?\n/).filter((l, i, all) => i < all.length - 1 || l !== ''),
  removeprefix: (_c, s: string, a) => (s.startsWith(String(a[0])) ? s.slice(String(a[0]).length) : s),
  removesuffix: (_c, s: string, a) => (String(a[0]) !== '' && s.endsWith(String(a[0])) ? s.slice(0, -String(a[0]).length) : s),
  isdigit: (_c, s: string) => /^\d+$/.test(s),
  isnumeric: (_c, s: string) => /^\d+$/.test(s),
  isdecimal: (_c, s: string) => /^\d+$/.test(s),
  isalpha: (_c, s: string) => /^[A-Za-z]+$/.test(s),
  isalnum: (_c, s: string) => /^[A-Za-z0-9]+$/.test(s),
  isspace: (_c, s: string) => /^\s+$/.test(s),
  islower: (_c, s: string) => /[a-z]/.test(s) && s === s.toLowerCase(),
  isupper: (_c, s: string) => /[A-Z]/.test(s) && s === s.toUpperCase(),
};

const LIST_METHODS: Record<string, Method> = {
  index: (c, l: unknown[], a) => {
    const at = l.findIndex((x) => equals(x, a[0]));
    if (at < 0) throw new JinjaError(`${repr(a[0], c.dialect)} is not in list`, c.line);
    return at;
  },
  count: (_c, l: unknown[], a) => l.filter((x) => equals(x, a[0])).length,
  append: (_c, l: unknown[], a) => {
    l.push(a[0]);
    return null;
  },
  extend: (c, l: unknown[], a) => {
    l.push(...iterate(a[0], c.strict, c.line));
    return null;
  },
  insert: (_c, l: unknown[], a) => {
    l.splice(Number(a[0]), 0, a[1]);
    return null;
  },
  pop: (c, l: unknown[], a) => {
    const i = indexOf(l.length, Number(a[0] ?? -1));
    if (i === null) throw new JinjaError('pop index out of range', c.line);
    return l.splice(i, 1)[0];
  },
  copy: (_c, l: unknown[]) => [...l],
};

const DICT_METHODS: Record<string, Method> = {
  get: (_c, d: Record<string, unknown>, a) => (Object.hasOwn(d, String(a[0])) ? d[String(a[0])] : (a[1] ?? null)),
  keys: (_c, d: Record<string, unknown>) => Object.keys(d),
  values: (_c, d: Record<string, unknown>) => Object.values(d),
  items: (_c, d: Record<string, unknown>) => Object.entries(d),
  copy: (_c, d: Record<string, unknown>) => ({ ...d }),
  update: (_c, d: Record<string, unknown>, a, k) => {
    Object.assign(d, isDict(a[0]) ? a[0] : {}, k);
    return null;
  },
};

/** A method of a value as a Callable, or undefined when the value has no such method. */
export function pythonMethod(value: unknown, name: string, ctx: Omit<CallContext, 'line'>): Callable | undefined {
  const table = typeof value === 'string' ? STRING_METHODS : Array.isArray(value) ? LIST_METHODS : isDict(value) ? DICT_METHODS : undefined;
  const method = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (!method) return undefined;
  return new Callable(name, (args, kwargs) => method({ ...ctx }, value as never, args, kwargs));
}

// ---- filters -------------------------------------------------------------------------------

const sortKey = (ctx: CallContext, v: unknown, attribute: unknown, caseSensitive: boolean): unknown => {
  const x = attribute === undefined || attribute === null ? v : ctx.getattr(v, String(attribute));
  return typeof x === 'string' && !caseSensitive ? x.toLowerCase() : x;
};

const toInt = (ctx: CallContext, v: unknown, fallback: unknown, base: number): unknown => {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'string') {
    const t = v.trim();
    if (base === 10 && /^[+-]?\d+$/.test(t.replace(/_/g, ''))) return Number.parseInt(t.replace(/_/g, ''), 10);
    if (base !== 10 && t !== '' && !Number.isNaN(Number.parseInt(t, base))) return Number.parseInt(t, base);
    if (ctx.dialect === 'jinja2' && t !== '' && !Number.isNaN(Number(t))) return Math.trunc(Number(t));
  }
  if (ctx.dialect === 'minijinja') throw new JinjaError(`cannot convert ${repr(v, 'minijinja')} to an integer`, ctx.line);
  return fallback;
};

export const FILTERS: Record<string, Builtin> = {
  abs: (c, v) => Math.abs(Number(need(c, v))),
  attr: (c, v, a) => c.getattr(v, String(a[0])),
  bool: (c, v) => truthy(v, c.strict, c.line),
  capitalize: (c, v) => STRING_METHODS.capitalize?.(c, text(c, v) as never, [], {}),
  center: (c, v, a) => STRING_METHODS.center?.(c, text(c, v) as never, [a[0] ?? 80], {}),
  count: (c, v) => iterate(need(c, v), c.strict, c.line).length,
  d: (c, v, a, k) => FILTERS.default?.(c, v, a, k),
  default: (c, v, a, k) => {
    const fallback = arg(a, k, 0, 'default_value', arg(a, k, 0, 'value', ''));
    const boolean = truthy(arg(a, k, 1, 'boolean', false), false);
    return isUndefined(v) || (boolean && !truthy(v, false)) ? fallback : v;
  },
  dictsort: (c, v) => Object.entries(need(c, v) as object).sort((x, y) => compareOrder(x[0].toLowerCase(), y[0].toLowerCase(), c.line)),
  first: (c, v) => {
    const items = iterate(need(c, v), c.strict, c.line);
    return items.length > 0 ? items[0] : new Undefined('no first item, the sequence was empty');
  },
  float: (c, v, a) => {
    const n = Number(typeof v === 'string' ? v.trim() : v);
    return typeof v === 'boolean' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(n)) || typeof v === 'number' ? n : (a[0] ?? 0);
  },
  format: (c, v, a, k) => percentFormat(text(c, v), Object.keys(k).length > 0 ? k : a, c.dialect, c.line),
  indent: (c, v, a) => {
    const pad = typeof a[0] === 'string' ? a[0] : ' '.repeat(Number(a[0] ?? 4));
    return text(c, v).split('\n').map((l, i) => (i === 0 || l === '' ? l : pad + l)).join('\n');
  },
  int: (c, v, a, k) => toInt(c, need(c, v), arg(a, k, 0, 'default', 0), Number(arg(a, k, 1, 'base', 10))),
  items: (c, v) => (isDict(v) ? Object.entries(v) : iterate(need(c, v), c.strict, c.line)),
  join: (c, v, a, k) => {
    const attribute = arg(a, k, 1, 'attribute', null);
    return iterate(need(c, v), c.strict, c.line)
      .map((x) => str(attribute === null ? x : c.getattr(x, String(attribute)), c.dialect))
      .join(String(arg(a, k, 0, 'd', arg(a, k, 0, 'sep', ''))));
  },
  last: (c, v) => {
    const items = iterate(need(c, v), c.strict, c.line);
    return items.length > 0 ? items[items.length - 1] : new Undefined('no last item, the sequence was empty');
  },
  length: (c, v) => (isDict(v) ? Object.keys(v).length : iterate(need(c, v), c.strict, c.line).length),
  list: (c, v) => [...iterate(need(c, v), c.strict, c.line)],
  lower: (c, v) => text(c, v).toLowerCase(),
  map: (c, v, a, k) => {
    const items = iterate(need(c, v), c.strict, c.line);
    if ('attribute' in k) return items.map((x) => c.getattr(x, String(k.attribute)));
    const [name, ...rest] = a;
    return items.map((x) => c.filter(String(name), x, rest, k));
  },
  max: (c, v) => iterate(need(c, v), c.strict, c.line).reduce((m, x) => (m === undefined || compareOrder(x, m, c.line) > 0 ? x : m), undefined) ?? new Undefined('no largest item, the sequence was empty'),
  min: (c, v) => iterate(need(c, v), c.strict, c.line).reduce((m, x) => (m === undefined || compareOrder(x, m, c.line) < 0 ? x : m), undefined) ?? new Undefined('no smallest item, the sequence was empty'),
  reject: (c, v, a) => iterate(need(c, v), c.strict, c.line).filter((x) => !(a.length === 0 ? truthy(x, false) : c.test(String(a[0]), x, a.slice(1)))),
  rejectattr: (c, v, a) => iterate(need(c, v), c.strict, c.line).filter((x) => !(a.length < 2 ? truthy(c.getattr(x, String(a[0])), false) : c.test(String(a[1]), c.getattr(x, String(a[0])), a.slice(2)))),
  replace: (c, v, a, k) => replaceAll(text(c, v), str(arg(a, k, 0, 'old'), c.dialect), str(arg(a, k, 1, 'new'), c.dialect), Number(arg(a, k, 2, 'count', -1) ?? -1)),
  reverse: (c, v) => (typeof v === 'string' ? [...v].reverse().join('') : [...iterate(need(c, v), c.strict, c.line)].reverse()),
  round: (c, v, a, k) => {
    const precision = Number(arg(a, k, 0, 'precision', 0));
    const method = String(arg(a, k, 1, 'method', 'common'));
    const f = 10 ** precision;
    const n = Number(need(c, v)) * f;
    return (method === 'ceil' ? Math.ceil(n) : method === 'floor' ? Math.floor(n) : Math.round(n)) / f;
  },
  select: (c, v, a) => iterate(need(c, v), c.strict, c.line).filter((x) => (a.length === 0 ? truthy(x, false) : c.test(String(a[0]), x, a.slice(1)))),
  selectattr: (c, v, a) => iterate(need(c, v), c.strict, c.line).filter((x) => (a.length < 2 ? truthy(c.getattr(x, String(a[0])), false) : c.test(String(a[1]), c.getattr(x, String(a[0])), a.slice(2)))),
  sort: (c, v, a, k) => {
    const reverse = truthy(arg(a, k, 0, 'reverse', false), false);
    const caseSensitive = truthy(arg(a, k, 1, 'case_sensitive', false), false);
    const attribute = arg(a, k, 2, 'attribute', null);
    const sorted = [...iterate(need(c, v), c.strict, c.line)].sort((x, y) => compareOrder(sortKey(c, x, attribute, caseSensitive), sortKey(c, y, attribute, caseSensitive), c.line));
    return reverse ? sorted.reverse() : sorted;
  },
  split: (c, v, a, k) => pySplit(text(c, v), arg(a, k, 0, 'split', null), Number(arg(a, k, 1, 'maxsplits', -1) ?? -1)),
  string: (c, v) => text(c, v),
  sum: (c, v, a, k) => iterate(need(c, v), c.strict, c.line).reduce((s: number, x) => s + Number('attribute' in k ? c.getattr(x, String(k.attribute)) : x), Number(arg(a, k, 1, 'start', 0))),
  title: (c, v) => STRING_METHODS.title?.(c, text(c, v) as never, [], {}),
  tojson: (c, v) => JSON.stringify(need(c, v)),
  trim: (c, v, a) => stripChars(text(c, v), a[0], true, true),
  truncate: (c, v, a) => {
    const s = text(c, v);
    const n = Number(a[0] ?? 255);
    return s.length <= n + 5 ? s : `${s.slice(0, n - 3)}...`;
  },
  unique: (c, v) => iterate(need(c, v), c.strict, c.line).filter((x, i, all) => all.findIndex((y) => equals(y, x)) === i),
  upper: (c, v) => text(c, v).toUpperCase(),
  version_to_buildstring: (c, v) => {
    const first = text(c, v).split(/\s+/)[0] ?? '';
    return first.split('.').slice(0, 2).join('');
  },
  wordcount: (c, v) => text(c, v).split(/\s+/).filter((w) => w !== '').length,
};

/** The filters each dialect has: Jinja2's builtins (no split), and rattler-build's list. */
export const DIALECT_FILTERS: Record<Dialect, ReadonlySet<string>> = {
  jinja2: new Set(Object.keys(FILTERS).filter((f) => f !== 'split' && f !== 'version_to_buildstring' && f !== 'bool')),
  minijinja: new Set(['replace', 'lower', 'upper', 'int', 'abs', 'bool', 'default', 'first', 'last', 'length', 'list', 'join', 'min', 'max', 'reverse', 'sort', 'trim', 'unique', 'split', 'version_to_buildstring']),
};

// ---- tests ---------------------------------------------------------------------------------

type Test = (ctx: CallContext, v: unknown, args: unknown[]) => boolean;

const cmp = (op: (c: number) => boolean): Test => (c, v, a) => op(compareOrder(need(c, v), a[0], c.line));

export const TESTS: Record<string, Test> = {
  defined: (_c, v) => !isUndefined(v),
  undefined: (_c, v) => isUndefined(v),
  none: (_c, v) => v === null,
  boolean: (_c, v) => typeof v === 'boolean',
  true: (_c, v) => v === true,
  false: (_c, v) => v === false,
  string: (_c, v) => typeof v === 'string',
  number: (_c, v) => typeof v === 'number',
  integer: (_c, v) => typeof v === 'number' && Number.isInteger(v),
  int: (_c, v) => typeof v === 'number' && Number.isInteger(v),
  float: (_c, v) => typeof v === 'number' && !Number.isInteger(v),
  mapping: (_c, v) => isDict(v),
  sequence: (_c, v) => Array.isArray(v) || typeof v === 'string',
  iterable: (_c, v) => Array.isArray(v) || typeof v === 'string' || isDict(v),
  callable: (_c, v) => v instanceof Callable,
  sameas: (_c, v, a) => v === a[0],
  eq: (_c, v, a) => equals(v, a[0]),
  '==': (_c, v, a) => equals(v, a[0]),
  equalto: (_c, v, a) => equals(v, a[0]),
  ne: (_c, v, a) => !equals(v, a[0]),
  '!=': (_c, v, a) => !equals(v, a[0]),
  lt: cmp((x) => x < 0),
  '<': cmp((x) => x < 0),
  lessthan: cmp((x) => x < 0),
  le: cmp((x) => x <= 0),
  '<=': cmp((x) => x <= 0),
  gt: cmp((x) => x > 0),
  '>': cmp((x) => x > 0),
  greaterthan: cmp((x) => x > 0),
  ge: cmp((x) => x >= 0),
  '>=': cmp((x) => x >= 0),
  in: (c, v, a) => contains(a[0], v, c.line),
  odd: (c, v) => Number(need(c, v)) % 2 === 1,
  even: (c, v) => Number(need(c, v)) % 2 === 0,
  divisibleby: (c, v, a) => Number(need(c, v)) % Number(a[0]) === 0,
  lower: (c, v) => text(c, v) === text(c, v).toLowerCase(),
  upper: (c, v) => text(c, v) === text(c, v).toUpperCase(),
  startingwith: (c, v, a) => text(c, v).startsWith(String(a[0])),
  endingwith: (c, v, a) => text(c, v).endsWith(String(a[0])),
  safe: () => false,
  escaped: () => false,
};

export const DIALECT_TESTS: Record<Dialect, ReadonlySet<string>> = {
  jinja2: new Set(Object.keys(TESTS).filter((t) => t !== 'startingwith' && t !== 'endingwith' && t !== 'int')),
  minijinja: new Set(['undefined', 'defined', 'none', 'safe', 'escaped', 'odd', 'even', 'number', 'integer', 'int', 'float', 'string', 'sequence', 'boolean', 'startingwith', 'endingwith', 'eq', '==', 'ne', '!=', 'lt', '<', 'le', '<=', 'gt', '>', 'ge', '>=', 'in', 'true', 'false']),
};

/** `needle in haystack` as Python (and minijinja) read it. */
export function contains(haystack: unknown, needle: unknown, line?: number): boolean {
  if (isUndefined(haystack)) failUndefined(haystack, line);
  if (typeof haystack === 'string') {
    if (typeof needle !== 'string') throw new JinjaError(`'in <string>' requires string as left operand, not ${typeName(needle)}`, line);
    return haystack.includes(needle);
  }
  if (Array.isArray(haystack)) return haystack.some((x) => equals(x, needle));
  if (isDict(haystack)) return typeof needle === 'string' && Object.hasOwn(haystack, needle);
  throw new JinjaError(`argument of type '${typeName(haystack)}' is not iterable`, line);
}
