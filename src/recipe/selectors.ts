/**
 * conda-build's line selectors: `text  # [expr]` keeps the line only when expr is true for the
 * platform. expr is a Python expression over names (linux, osx, win, aarch64…), strings and
 * numbers with not/and/or, comparisons and `in`; names conda-build does not define count as false.
 */
import { GocrossError, usageError } from '../errors.js';

export type SelectorValue = boolean | string | number | SelectorValue[];
export type Namespace = Record<string, SelectorValue>;

/** The namespace conda-build gives selectors for a target subdir such as linux-aarch64. */
export function selectorNamespace(subdir: string, buildSubdir = subdir): Namespace {
  const [platform = '', arch = ''] = subdir.split('-');
  const ns: Namespace = {
    linux: platform === 'linux',
    osx: platform === 'osx',
    win: platform === 'win',
    unix: platform === 'linux' || platform === 'osx',
    linux32: subdir === 'linux-32',
    linux64: subdir === 'linux-64',
    win32: subdir === 'win-32',
    win64: subdir === 'win-64',
    x86: arch === '32' || arch === '64',
    x86_64: arch === '64',
    arm: platform === 'linux' && arch.startsWith('arm'),
    target_platform: subdir,
    build_platform: buildSubdir,
    host_platform: subdir,
  };
  for (const machine of ['armv6l', 'armv7l', 'aarch64', 'arm64', 'ppc64', 'ppc64le', 's390x', 'riscv64']) ns[machine] = arch === machine;
  return ns;
}

type Token = { kind: 'name' | 'string' | 'number' | 'op'; value: string };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([A-Za-z_]\w*)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+(?:\.\d+)?)|(==|!=|<=|>=|<|>|\(|\)|\[|\]|,))/y;
  let index = 0;
  while (index < expr.length) {
    if (/^\s*$/.test(expr.slice(index))) break;
    re.lastIndex = index;
    const m = re.exec(expr);
    if (!m) throw new Error(`unexpected ${JSON.stringify(expr.slice(index).trim()[0])}`);
    index = re.lastIndex;
    if (m[1]) tokens.push({ kind: ['and', 'or', 'not', 'in', 'True', 'False'].includes(m[1]) ? 'op' : 'name', value: m[1] });
    else if (m[2]) tokens.push({ kind: 'string', value: m[2].slice(1, -1) });
    else if (m[3]) tokens.push({ kind: 'number', value: m[3] });
    else tokens.push({ kind: 'op', value: m[4] as string });
  }
  return tokens;
}

const truthy = (v: SelectorValue): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));

/** Evaluate one selector expression; a syntax error throws a GocrossError (code selector.invalid). */
export function evaluateSelector(expr: string, ns: Namespace): boolean {
  let tokens: Token[];
  try {
    tokens = tokenize(expr);
  } catch (error) {
    throw invalid(expr, (error as Error).message);
  }
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const take = (value?: string): Token => {
    const token = tokens[pos];
    if (!token || (value !== undefined && token.value !== value)) throw invalid(expr, token ? `expected ${value ?? 'a value'} at ${JSON.stringify(token.value)}` : `expected ${value ?? 'a value'} at the end`);
    pos += 1;
    return token;
  };
  const isOp = (value: string): boolean => peek()?.kind === 'op' && peek()?.value === value;

  const orExpr = (): SelectorValue => {
    let left = andExpr();
    while (isOp('or')) {
      take();
      const right = andExpr();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const andExpr = (): SelectorValue => {
    let left = notExpr();
    while (isOp('and')) {
      take();
      const right = notExpr();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const notExpr = (): SelectorValue => {
    if (isOp('not')) {
      take();
      return !truthy(notExpr());
    }
    return comparison();
  };
  const comparison = (): SelectorValue => {
    const left = atom();
    const op = peek();
    if (op?.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(op.value)) {
      take();
      return compare(left, op.value, atom());
    }
    if (isOp('in')) {
      take();
      const right = atom();
      return Array.isArray(right) ? right.some((v) => v === left) : String(right).includes(String(left));
    }
    if (isOp('not') && tokens[pos + 1]?.value === 'in') {
      take();
      take('in');
      const right = atom();
      return !(Array.isArray(right) ? right.some((v) => v === left) : String(right).includes(String(left)));
    }
    return left;
  };
  const atom = (): SelectorValue => {
    const token = take();
    if (token.kind === 'op' && token.value === '(') {
      const value = orExpr();
      take(')');
      return value;
    }
    if (token.kind === 'op' && token.value === '[') {
      const items: SelectorValue[] = [];
      while (!isOp(']')) {
        items.push(orExpr());
        if (!isOp(']')) take(',');
      }
      take(']');
      return items;
    }
    if (token.kind === 'op' && (token.value === 'True' || token.value === 'False')) return token.value === 'True';
    if (token.kind === 'string') return token.value;
    if (token.kind === 'number') return Number(token.value);
    if (token.kind === 'name') return ns[token.value] ?? false;
    throw invalid(expr, `unexpected ${JSON.stringify(token.value)}`);
  };

  if (tokens.length === 0) throw invalid(expr, 'it is empty');
  const value = orExpr();
  if (pos < tokens.length) throw invalid(expr, `unexpected ${JSON.stringify(tokens[pos]?.value)}`);
  return truthy(value);
}

function compare(left: SelectorValue, op: string, right: SelectorValue): boolean {
  const a = typeof left === 'boolean' ? Number(left) : left;
  const b = typeof right === 'boolean' ? Number(right) : right;
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

const invalid = (expr: string, why: string): GocrossError =>
  usageError('selector.invalid', `the selector [${expr}] is not a valid expression: ${why}.`, { hint: 'selectors are Python expressions such as [linux and aarch64] or [not win]' });

/** A line's selector: `  - foo  # [win]` → "win"; null when the line has none. */
export function lineSelector(line: string): string | null {
  const match = /^(.*?)#\s*\[([^\]]*)\]\s*$/.exec(line);
  return match ? (match[2] as string) : null;
}

export interface SelectResult {
  text: string;
  /** 1-based line numbers and problems of selectors that would not parse. */
  errors: { line: number; message: string }[];
}

/**
 * conda-build's select_lines: keep a line with a true selector (without the selector comment),
 * drop a line with a false one, drop lines that are wholly comments, keep the rest.
 */
export function selectLines(text: string, ns: Namespace): SelectResult {
  const out: string[] = [];
  const errors: SelectResult['errors'] = [];
  text.split('\n').forEach((line, index) => {
    if (/^\s*#/.test(line)) return;
    const selector = lineSelector(line);
    if (selector === null) {
      out.push(line);
      return;
    }
    try {
      if (evaluateSelector(selector, ns)) out.push(line.replace(/\s*#\s*\[[^\]]*\]\s*$/, ''));
    } catch (error) {
      errors.push({ line: index + 1, message: error instanceof GocrossError ? error.message : String(error) });
    }
  });
  return { text: out.join('\n'), errors };
}
