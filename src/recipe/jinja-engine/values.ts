/**
 * Template values and the two dialects' ways with them. Values are plain JS data: strings,
 * numbers, booleans, null (Python's None), arrays (lists and tuples), plain objects (dicts), and
 * two classes — Undefined (a name that is not there) and Callable (a function taking positional
 * and keyword arguments).
 */
import { JinjaError } from './lexer.js';

export type Dialect = 'jinja2' | 'minijinja';

export class Undefined {
  constructor(
    /** Why the value is undefined, as Jinja words it: `'x' is undefined`. */
    readonly reason: string,
    /**
     * A soft one renders empty and is false even where undefined values are errors: what
     * `x if cond` without an else gives (Jinja2's implicit Undefined; minijinja's empty string).
     */
    readonly soft = false,
  ) {}
}

export type Kwargs = Record<string, unknown>;

export class Callable {
  constructor(
    readonly name: string,
    readonly call: (args: unknown[], kwargs: Kwargs) => unknown,
  ) {}
}

/** A function for the template context; `fn(args, kwargs)`. */
export const callable = (name: string, call: (args: unknown[], kwargs: Kwargs) => unknown): Callable => new Callable(name, call);

export type Dict = Record<string, unknown>;

/** A host object's name in messages ('os' rather than 'dict object'), kept under a symbol so it is no key. */
export const DISPLAY_NAME = Symbol('jinja display name');
export const isDict = (v: unknown): v is Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Undefined) && !(v instanceof Callable);

export const isUndefined = (v: unknown): v is Undefined => v instanceof Undefined || v === undefined;

export const undefinedReason = (v: unknown): string => (v instanceof Undefined ? v.reason : 'a value is undefined');

/** Raise the error a strict Undefined raises on use. */
export function failUndefined(v: unknown, line?: number): never {
  throw new JinjaError(undefinedReason(v), line);
}

/** Each dialect's names for the kinds of value, as its errors and `type` tests spell them. */
const TYPE_NAMES: Record<Dialect, { str: string; int: string; float: string; bool: string; none: string; list: string; fn: string; undef: string; map: string }> = {
  minijinja: { str: 'string', int: 'number', float: 'number', bool: 'bool', none: 'none', list: 'sequence', fn: 'function', undef: 'undefined', map: 'map' },
  jinja2: { str: 'str', int: 'int', float: 'float', bool: 'bool', none: 'NoneType', list: 'list', fn: 'function', undef: 'Undefined', map: 'dict' },
};

export const typeName = (v: unknown, dialect: Dialect = 'jinja2'): string => {
  const names = TYPE_NAMES[dialect];
  if (typeof v === 'string') return names.str;
  if (typeof v === 'number') return Number.isInteger(v) ? names.int : names.float;
  if (typeof v === 'boolean') return names.bool;
  if (v === null) return names.none;
  if (Array.isArray(v)) return names.list;
  if (v instanceof Callable) return names.fn;
  if (isUndefined(v)) return names.undef;
  return names.map;
};

/** Python's (or minijinja's) truth of a value; a strict Undefined cannot be tested. */
export function truthy(v: unknown, strict: boolean, line?: number): boolean {
  if (isUndefined(v)) {
    if (strict && !(v instanceof Undefined && v.soft)) failUndefined(v, line);
    return false;
  }
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Callable) return true;
  return Object.keys(v as object).length > 0;
}

const quote = (s: string, dialect: Dialect): string => {
  if (dialect === 'minijinja') return JSON.stringify(s);
  // Python's repr: single quotes unless the text holds one and no double quote.
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return `${q}${s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t')}${q}`;
};

export function repr(v: unknown, dialect: Dialect): string {
  if (typeof v === 'string') return quote(v, dialect);
  if (Array.isArray(v)) return `[${v.map((x) => repr(x, dialect)).join(', ')}]`;
  if (isDict(v)) return `{${Object.entries(v).map(([k, x]) => `${quote(k, dialect)}: ${repr(x, dialect)}`).join(', ')}}`;
  return str(v, dialect);
}

/** A value as text: Python's str() for Jinja2, minijinja's Display for rattler-build. */
export function str(v: unknown, dialect: Dialect): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return String(v);
  }
  if (typeof v === 'boolean') return dialect === 'jinja2' ? (v ? 'True' : 'False') : v ? 'true' : 'false';
  if (v === null) return dialect === 'jinja2' ? 'None' : 'none';
  if (isUndefined(v)) return '';
  if (v instanceof Callable) return `<function ${v.name}>`;
  return repr(v, dialect);
}

const numeric = (v: unknown): unknown => (typeof v === 'boolean' ? Number(v) : v);

/** Python's ==, with True == 1 and lists and dicts compared by value. */
export function equals(a: unknown, b: unknown): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((item, i) => equals(item, y[i]));
  if (isDict(x) && isDict(y)) {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => k in y && equals(x[k], y[k]));
  }
  if (isUndefined(x) && isUndefined(y)) return true;
  return x === y;
}

export function compareOrder(a: unknown, b: unknown, line?: number): number {
  const x = numeric(a);
  const y = numeric(b);
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
      const c = compareOrder(x[i], y[i], line);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  throw new JinjaError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`, line);
}

/** The items a `for` or a filter walks: a list, a string's characters, a dict's keys. */
export function iterate(v: unknown, strict: boolean, line?: number): unknown[] {
  if (isUndefined(v)) {
    if (strict) failUndefined(v, line);
    return [];
  }
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (isDict(v)) return Object.keys(v);
  throw new JinjaError(`'${typeName(v)}' object is not iterable`, line);
}

/** Python's index of a sequence: negative counts from the end; out of range is undefined. */
export function indexOf(length: number, index: number): number | null {
  const i = index < 0 ? length + index : index;
  return Number.isInteger(i) && i >= 0 && i < length ? i : null;
}

/** Python's slice `[start:stop:step]` of a string or list. */
export function slice<T>(items: T[], start: number | null, stop: number | null, step: number | null, line?: number): T[] {
  const n = items.length;
  const s = step ?? 1;
  if (s === 0) throw new JinjaError('slice step cannot be zero', line);
  const clamp = (v: number | null, def: number, lo: number, hi: number): number => {
    if (v === null) return def;
    const x = v < 0 ? v + n : v;
    return Math.min(Math.max(x, lo), hi);
  };
  const out: T[] = [];
  if (s > 0) {
    for (let i = clamp(start, 0, 0, n); i < clamp(stop, n, 0, n); i += s) out.push(items[i] as T);
  } else {
    for (let i = clamp(start, n - 1, -1, n - 1); i > clamp(stop, -1, -1, n - 1); i += s) out.push(items[i] as T);
  }
  return out;
}
