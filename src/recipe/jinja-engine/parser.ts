/** Jinja's grammar: expressions by Jinja2's precedence, and the statements recipes use. */
import { JinjaError, type Piece, type Token } from './lexer.js';

export type Expr =
  | { type: 'literal'; value: unknown; line: number }
  | { type: 'name'; name: string; line: number }
  | { type: 'list'; items: Expr[]; tuple: boolean; line: number }
  | { type: 'dict'; entries: [Expr, Expr][]; line: number }
  | { type: 'attr'; object: Expr; name: string; line: number }
  | { type: 'item'; object: Expr; index: Expr; line: number }
  | { type: 'slice'; object: Expr; start: Expr | null; stop: Expr | null; step: Expr | null; line: number }
  | { type: 'call'; callee: Expr; args: Expr[]; kwargs: [string, Expr][]; line: number }
  | { type: 'filter'; value: Expr; name: string; args: Expr[]; kwargs: [string, Expr][]; line: number }
  | { type: 'test'; value: Expr; name: string; args: Expr[]; negated: boolean; line: number }
  | { type: 'unary'; op: 'not' | '-' | '+'; value: Expr; line: number }
  | { type: 'binary'; op: string; left: Expr; right: Expr; line: number }
  | { type: 'compare'; first: Expr; rest: [string, Expr][]; line: number }
  | { type: 'cond'; test: Expr; then: Expr; otherwise: Expr | null; line: number };

export type Target = { kind: 'name'; name: string } | { kind: 'tuple'; names: string[] };

export type Node =
  | { type: 'text'; text: string }
  | { type: 'output'; expr: Expr; line: number }
  | { type: 'set'; target: Target; expr: Expr; line: number }
  | { type: 'set-block'; name: string; body: Node[]; line: number }
  | { type: 'if'; branches: { test: Expr; body: Node[] }[]; otherwise: Node[]; line: number }
  | { type: 'for'; target: Target; iter: Expr; filter: Expr | null; body: Node[]; otherwise: Node[]; line: number }
  | { type: 'macro'; name: string; params: { name: string; default: Expr | null }[]; body: Node[]; line: number }
  | { type: 'with'; assignments: [string, Expr][]; body: Node[]; line: number }
  /** An output tag that would not parse, kept when parsing goes on past errors. */
  | { type: 'error'; error: JinjaError };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else']);

/** A cursor over one tag's tokens. */
class Tokens {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly line: number,
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token {
    const t = this.tokens[this.pos];
    if (!t) throw new JinjaError('unexpected end of expression', this.line);
    this.pos += 1;
    return t;
  }
  isOp(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === 'op' && t.value === value;
  }
  isName(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === 'name' && t.value === value;
  }
  expectOp(value: string): void {
    const t = this.peek();
    if (!this.isOp(value)) throw new JinjaError(`expected '${value}'${t ? ` but found '${t.value}'` : ' at the end'}`, t?.line ?? this.line);
    this.pos += 1;
  }
  expectName(value?: string): string {
    const t = this.peek();
    if (t?.kind !== 'name' || (value !== undefined && t.value !== value)) {
      throw new JinjaError(`expected ${value ? `'${value}'` : 'a name'}${t ? ` but found '${t.value}'` : ' at the end'}`, t?.line ?? this.line);
    }
    this.pos += 1;
    return t.value;
  }
  get done(): boolean {
    return this.pos >= this.tokens.length;
  }
  get at(): number {
    return this.peek()?.line ?? this.line;
  }
  end(): void {
    const t = this.peek();
    if (t) throw new JinjaError(`unexpected '${t.value}'`, t.line);
  }
}

const LITERAL_NAMES: Record<string, unknown> = { true: true, True: true, false: false, False: false, none: null, None: null };

export function parseExpression(tokens: Token[], line: number): Expr {
  const ts = new Tokens(tokens, line);
  const expr = expression(ts);
  ts.end();
  return expr;
}

function expression(ts: Tokens, withCondition = true): Expr {
  const value = orExpr(ts);
  if (withCondition && ts.isName('if')) {
    const line = ts.at;
    ts.next();
    const test = orExpr(ts);
    let otherwise: Expr | null = null;
    if (ts.isName('else')) {
      ts.next();
      otherwise = expression(ts);
    }
    return { type: 'cond', test, then: value, otherwise, line };
  }
  return value;
}

/** `a OP b OP c`, left to right, each operand parsed by `operand`. */
function leftAssociative(ts: Tokens, op: 'or' | 'and', operand: (ts: Tokens) => Expr): Expr {
  let left = operand(ts);
  while (ts.isName(op)) {
    const line = ts.next().line;
    left = { type: 'binary', op, left, right: operand(ts), line };
  }
  return left;
}

const orExpr = (ts: Tokens): Expr => leftAssociative(ts, 'or', andExpr);
const andExpr = (ts: Tokens): Expr => leftAssociative(ts, 'and', notExpr);

function notExpr(ts: Tokens): Expr {
  if (ts.isName('not')) {
    const line = ts.next().line;
    return { type: 'unary', op: 'not', value: notExpr(ts), line };
  }
  return compare(ts);
}

function compare(ts: Tokens): Expr {
  const first = math1(ts);
  const rest: [string, Expr][] = [];
  for (;;) {
    const t = ts.peek();
    if (t?.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.value)) {
      ts.next();
      rest.push([t.value, math1(ts)]);
    } else if (ts.isName('in')) {
      ts.next();
      rest.push(['in', math1(ts)]);
    } else if (ts.isName('not') && ts.isName('in', 1)) {
      ts.next();
      ts.next();
      rest.push(['not in', math1(ts)]);
    } else break;
  }
  return rest.length === 0 ? first : { type: 'compare', first, rest, line: first.line };
}

function binaryLoop(ts: Tokens, ops: string[], operand: (ts: Tokens) => Expr): Expr {
  let left = operand(ts);
  for (;;) {
    const t = ts.peek();
    if (t?.kind !== 'op' || !ops.includes(t.value)) return left;
    ts.next();
    left = { type: 'binary', op: t.value, left, right: operand(ts), line: t.line };
  }
}

const math1 = (ts: Tokens): Expr => binaryLoop(ts, ['+', '-'], concat);
const concat = (ts: Tokens): Expr => binaryLoop(ts, ['~'], math2);
const math2 = (ts: Tokens): Expr => binaryLoop(ts, ['*', '/', '//', '%'], pow);
const pow = (ts: Tokens): Expr => binaryLoop(ts, ['**'], (t) => unary(t, true));

function unary(ts: Tokens, withFilter: boolean): Expr {
  const t = ts.peek();
  let node: Expr;
  if (t?.kind === 'op' && (t.value === '-' || t.value === '+')) {
    ts.next();
    node = { type: 'unary', op: t.value, value: unary(ts, false), line: t.line };
  } else {
    node = postfix(ts, primary(ts));
  }
  return withFilter ? filters(ts, node) : node;
}

function primary(ts: Tokens): Expr {
  const t = ts.next();
  if (t.kind === 'string') {
    let value = t.value;
    while (ts.peek()?.kind === 'string') value += ts.next().value;
    return { type: 'literal', value, line: t.line };
  }
  if (t.kind === 'integer') return { type: 'literal', value: Number.parseInt(t.value, 10), line: t.line };
  if (t.kind === 'float') return { type: 'literal', value: Number.parseFloat(t.value), line: t.line };
  if (t.kind === 'name') {
    if (t.value in LITERAL_NAMES) return { type: 'literal', value: LITERAL_NAMES[t.value], line: t.line };
    if (KEYWORDS.has(t.value)) throw new JinjaError(`unexpected '${t.value}'`, t.line);
    return { type: 'name', name: t.value, line: t.line };
  }
  if (t.value === '(') {
    if (ts.isOp(')')) {
      ts.next();
      return { type: 'list', items: [], tuple: true, line: t.line };
    }
    const first = expression(ts);
    if (!ts.isOp(',')) {
      ts.expectOp(')');
      return first;
    }
    const items = [first];
    while (ts.isOp(',')) {
      ts.next();
      if (ts.isOp(')')) break;
      items.push(expression(ts));
    }
    ts.expectOp(')');
    return { type: 'list', items, tuple: true, line: t.line };
  }
  if (t.value === '[') {
    const items: Expr[] = [];
    while (!ts.isOp(']')) {
      items.push(expression(ts));
      if (!ts.isOp(']')) ts.expectOp(',');
    }
    ts.expectOp(']');
    return { type: 'list', items, tuple: false, line: t.line };
  }
  if (t.value === '{') {
    const entries: [Expr, Expr][] = [];
    while (!ts.isOp('}')) {
      const key = expression(ts);
      ts.expectOp(':');
      entries.push([key, expression(ts)]);
      if (!ts.isOp('}')) ts.expectOp(',');
    }
    ts.expectOp('}');
    return { type: 'dict', entries, line: t.line };
  }
  throw new JinjaError(`unexpected '${t.value}'`, t.line);
}

function callArgs(ts: Tokens): { args: Expr[]; kwargs: [string, Expr][] } {
  const args: Expr[] = [];
  const kwargs: [string, Expr][] = [];
  ts.expectOp('(');
  while (!ts.isOp(')')) {
    if (ts.peek()?.kind === 'name' && ts.isOp('=', 1)) {
      const name = ts.next().value;
      ts.next();
      kwargs.push([name, expression(ts)]);
    } else {
      if (kwargs.length > 0) throw new JinjaError('a positional argument follows a keyword argument', ts.at);
      args.push(expression(ts));
    }
    if (!ts.isOp(')')) ts.expectOp(',');
  }
  ts.expectOp(')');
  return { args, kwargs };
}

function postfix(ts: Tokens, start: Expr): Expr {
  let node = start;
  for (;;) {
    const t = ts.peek();
    if (t?.kind !== 'op') return node;
    if (t.value === '.') {
      ts.next();
      const name = ts.next();
      if (name.kind !== 'name' && name.kind !== 'integer') throw new JinjaError(`expected an attribute name after '.'`, name.line);
      node = name.kind === 'integer' ? { type: 'item', object: node, index: { type: 'literal', value: Number(name.value), line: name.line }, line: name.line } : { type: 'attr', object: node, name: name.value, line: name.line };
    } else if (t.value === '[') {
      ts.next();
      node = subscript(ts, node, t.line);
    } else if (t.value === '(') {
      const { args, kwargs } = callArgs(ts);
      node = { type: 'call', callee: node, args, kwargs, line: t.line };
    } else return node;
  }
}

function subscript(ts: Tokens, object: Expr, line: number): Expr {
  const part = (): Expr | null => (ts.isOp(':') || ts.isOp(']') ? null : expression(ts));
  const start = part();
  if (!ts.isOp(':')) {
    ts.expectOp(']');
    if (!start) throw new JinjaError('empty subscript', line);
    return { type: 'item', object, index: start, line };
  }
  ts.next();
  const stop = part();
  let step: Expr | null = null;
  if (ts.isOp(':')) {
    ts.next();
    step = part();
  }
  ts.expectOp(']');
  return { type: 'slice', object, start, stop, step, line };
}

/** `|filter(args)` and `is [not] test(args)` after a value. */
function filters(ts: Tokens, start: Expr): Expr {
  let node = start;
  for (;;) {
    if (ts.isOp('|')) {
      const line = ts.next().line;
      let name = ts.expectName();
      while (ts.isOp('.')) {
        ts.next();
        name += `.${ts.expectName()}`;
      }
      const { args, kwargs } = ts.isOp('(') ? callArgs(ts) : { args: [], kwargs: [] };
      node = { type: 'filter', value: node, name, args, kwargs, line };
    } else if (ts.isName('is')) {
      const line = ts.next().line;
      let negated = false;
      if (ts.isName('not')) {
        ts.next();
        negated = true;
      }
      const t = ts.next();
      // `is none`, `is true`: names that are literals elsewhere are tests here.
      if (t.kind !== 'name' && !(t.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.value))) throw new JinjaError(`expected a test name after 'is'`, t.line);
      const name = t.value;
      let args: Expr[] = [];
      if (ts.isOp('(')) args = callArgs(ts).args;
      else {
        const n = ts.peek();
        const startsValue = n && (n.kind === 'string' || n.kind === 'integer' || n.kind === 'float' || (n.kind === 'name' && !KEYWORDS.has(n.value)) || (n.kind === 'op' && (n.value === '[' || n.value === '{' || n.value === '-')));
        if (startsValue) args = [unary(ts, false)];
      }
      node = { type: 'test', value: node, name, args, negated, line };
    } else return node;
  }
}

// ---- statements ----------------------------------------------------------------------------

function target(ts: Tokens): Target {
  const names = [ts.expectName()];
  while (ts.isOp(',')) {
    ts.next();
    names.push(ts.expectName());
  }
  return names.length === 1 ? { kind: 'name', name: names[0] as string } : { kind: 'tuple', names };
}

interface BlockTag {
  name: string;
  ts: Tokens;
  line: number;
}

const END_TAGS: Record<string, string[]> = {
  if: ['elif', 'else', 'endif'],
  for: ['else', 'endfor'],
  macro: ['endmacro'],
  set: ['endset'],
  with: ['endwith'],
};

/** Parse template pieces into nodes; with `recover`, an output tag that will not parse becomes an error node. */
export function parseTemplate(pieces: Piece[], recover = false): Node[] {
  let pos = 0;
  const tagOf = (piece: Piece & { kind: 'block' }): BlockTag => {
    const ts = new Tokens(piece.tokens, piece.line);
    const first = ts.peek();
    if (first?.kind !== 'name') throw new JinjaError(`expected a statement in ${piece.source}`, piece.line);
    ts.next();
    return { name: first.value, ts, line: piece.line };
  };

  /** Nodes until one of `stops` (returned, not consumed past) or the end. */
  const body = (stops: string[]): { nodes: Node[]; stop: BlockTag | null } => {
    const nodes: Node[] = [];
    while (pos < pieces.length) {
      const piece = pieces[pos] as Piece;
      pos += 1;
      if (piece.kind === 'text') {
        nodes.push({ type: 'text', text: piece.text });
        continue;
      }
      if (piece.kind === 'output') {
        try {
          nodes.push({ type: 'output', expr: parseExpression(piece.tokens, piece.line), line: piece.line });
        } catch (error) {
          if (!recover || !(error instanceof JinjaError)) throw error;
          nodes.push({ type: 'error', error });
        }
        continue;
      }
      const tag = tagOf(piece);
      if (stops.includes(tag.name)) return { nodes, stop: tag };
      nodes.push(statement(tag));
    }
    if (stops.length > 0) throw new JinjaError(`missing {% ${stops[stops.length - 1]} %}`, pieces[pieces.length - 1]?.line);
    return { nodes, stop: null };
  };

  const statement = (tag: BlockTag): Node => {
    const { ts, line } = tag;
    switch (tag.name) {
      case 'set': {
        const t = target(ts);
        if (ts.done) {
          if (t.kind !== 'name') throw new JinjaError('a block {% set %} takes one name', line);
          const { nodes } = body(END_TAGS.set as string[]);
          return { type: 'set-block', name: t.name, body: nodes, line };
        }
        ts.expectOp('=');
        const value = expression(ts);
        const items: Expr[] = [value];
        while (ts.isOp(',')) {
          ts.next();
          items.push(expression(ts));
        }
        ts.end();
        return { type: 'set', target: t, expr: items.length > 1 ? { type: 'list', items, tuple: true, line } : value, line };
      }
      case 'if': {
        const branches: { test: Expr; body: Node[] }[] = [];
        let test = expression(ts);
        ts.end();
        let otherwise: Node[] = [];
        for (;;) {
          const { nodes, stop } = body(END_TAGS.if as string[]);
          branches.push({ test, body: nodes });
          if (!stop || stop.name === 'endif') break;
          if (stop.name === 'elif') {
            test = expression(stop.ts);
            stop.ts.end();
            continue;
          }
          const rest = body(['endif']);
          otherwise = rest.nodes;
          break;
        }
        return { type: 'if', branches, otherwise, line };
      }
      case 'for': {
        const t = target(ts);
        ts.expectName('in');
        const iter = expression(ts, false);
        let filter: Expr | null = null;
        if (ts.isName('if')) {
          ts.next();
          filter = expression(ts, false);
        }
        if (ts.isName('recursive')) ts.next();
        ts.end();
        const { nodes, stop } = body(END_TAGS.for as string[]);
        const otherwise = stop?.name === 'else' ? body(['endfor']).nodes : [];
        return { type: 'for', target: t, iter, filter, body: nodes, otherwise, line };
      }
      case 'macro': {
        const name = ts.expectName();
        const params: { name: string; default: Expr | null }[] = [];
        ts.expectOp('(');
        while (!ts.isOp(')')) {
          const param = ts.expectName();
          let def: Expr | null = null;
          if (ts.isOp('=')) {
            ts.next();
            def = expression(ts);
          }
          params.push({ name: param, default: def });
          if (!ts.isOp(')')) ts.expectOp(',');
        }
        ts.expectOp(')');
        ts.end();
        return { type: 'macro', name, params, body: body(END_TAGS.macro as string[]).nodes, line };
      }
      case 'with': {
        const assignments: [string, Expr][] = [];
        while (!ts.done) {
          const name = ts.expectName();
          ts.expectOp('=');
          assignments.push([name, expression(ts)]);
          if (ts.isOp(',')) ts.next();
        }
        return { type: 'with', assignments, body: body(END_TAGS.with as string[]).nodes, line };
      }
      case 'include':
      case 'import':
      case 'from':
      case 'extends':
      case 'block':
        throw new JinjaError(`{% ${tag.name} %} reads other template files, which gocross does not follow`, line);
      default:
        throw new JinjaError(`unknown statement {% ${tag.name} %}`, line);
    }
  };

  return body([]).nodes;
}
