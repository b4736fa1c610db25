/** Evaluating parsed templates and expressions in one of the two dialects. */
import { contains, DIALECT_FILTERS, DIALECT_TESTS, FILTERS, percentFormat, pythonMethod, TESTS, type CallContext } from './builtins.js';
import { JinjaError } from './lexer.js';
import type { Expr, Node, Target } from './parser.js';
import { Callable, compareOrder, type Dialect, DISPLAY_NAME, equals, failUndefined, indexOf, isDict, isUndefined, iterate, type Kwargs, slice, str, truthy, typeName, Undefined } from './values.js';

export interface EvalOptions {
  dialect: Dialect;
  /** strict: using an undefined value is an error (conda-build's final render, rattler-build); lenient: it is empty. */
  undefined: 'strict' | 'lenient';
  /** When given, an error in a tag is passed here and rendering goes on; an output renders as the text returned. */
  onError?: (error: JinjaError) => string;
  /** The value of a name the context does not hold (default: undefined). */
  missing?: (name: string) => unknown;
}

class Scope {
  private readonly vars = new Map<string, unknown>();
  constructor(
    private readonly parent: Scope | null,
    private readonly globals: Record<string, unknown>,
    private readonly missing?: (name: string) => unknown,
  ) {}
  lookup(name: string): unknown {
    for (let s: Scope | null = this; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name);
    if (Object.hasOwn(this.globals, name)) return this.globals[name];
    return this.missing ? this.missing(name) : new Undefined(`'${name}' is undefined`);
  }
  set(name: string, value: unknown): void {
    this.vars.set(name, value);
  }
  child(): Scope {
    return new Scope(this, this.globals, this.missing);
  }
  exported(): Record<string, unknown> {
    return Object.fromEntries(this.vars);
  }
}

const asError = (error: unknown, line?: number): JinjaError => {
  if (error instanceof JinjaError) return error.line === undefined && line !== undefined ? new JinjaError(error.message, line) : error;
  return new JinjaError(error instanceof Error ? error.message : String(error), line);
};

export class Evaluator {
  private readonly strict: boolean;
  constructor(private readonly options: EvalOptions) {
    this.strict = options.undefined === 'strict';
  }

  private callContext(line?: number): CallContext {
    return {
      dialect: this.options.dialect,
      strict: this.strict,
      line,
      filter: (name, value, args, kwargs) => this.applyFilter(name, value, args, kwargs, line),
      test: (name, value, args) => this.applyTest(name, value, args, line),
      getattr: (value, name) => this.getattr(value, name, line),
    };
  }

  /** `value.name`: a dict's key, else (Jinja2) a method of the value. */
  getattr(value: unknown, name: string, line?: number): unknown {
    if (isUndefined(value)) {
      if (this.strict || this.options.dialect === 'jinja2') failUndefined(value, line);
      return value;
    }
    if (isDict(value)) {
      if (Object.hasOwn(value, name)) return value[name];
    }
    if (this.options.dialect === 'jinja2') {
      const method = pythonMethod(value, name, this.callContext(line));
      if (method) return method;
    }
    const named = isDict(value) ? (value as { [DISPLAY_NAME]?: string })[DISPLAY_NAME] : undefined;
    const what = named ?? (this.options.dialect === 'jinja2' ? `'${typeName(value)} object'` : typeName(value, 'minijinja'));
    return new Undefined(`${what} has no attribute '${name}'`);
  }

  /** `value[key]`: an index or key, else (Jinja2) an attribute. */
  getitem(value: unknown, key: unknown, line?: number): unknown {
    if (isUndefined(value)) {
      if (this.strict || this.options.dialect === 'jinja2') failUndefined(value, line);
      return value;
    }
    if ((Array.isArray(value) || typeof value === 'string') && typeof key === 'number') {
      const i = indexOf(value.length, key);
      return i === null ? new Undefined(`${typeName(value)} index ${key} out of range`) : value[i];
    }
    if (isDict(value) && typeof key === 'string' && Object.hasOwn(value, key)) return value[key];
    if (typeof key === 'string') return this.getattr(value, key, line);
    return new Undefined(`'${typeName(value)} object' has no item ${str(key, this.options.dialect)}`);
  }

  private applyFilter(name: string, value: unknown, args: unknown[], kwargs: Kwargs, line?: number): unknown {
    const filter = FILTERS[name];
    if (!filter || !DIALECT_FILTERS[this.options.dialect].has(name)) {
      throw new JinjaError(this.options.dialect === 'jinja2' ? `No filter named '${name}'.` : `unknown filter: filter ${name} is unknown`, line);
    }
    return filter(this.callContext(line), value, args, kwargs);
  }

  private applyTest(name: string, value: unknown, args: unknown[], line?: number): boolean {
    const test = TESTS[name];
    if (!test || !DIALECT_TESTS[this.options.dialect].has(name)) {
      throw new JinjaError(this.options.dialect === 'jinja2' ? `No test named '${name}'.` : `unknown test: test ${name} is unknown`, line);
    }
    return test(this.callContext(line), value, args);
  }

  private use(value: unknown, line?: number): unknown {
    if (isUndefined(value) && this.strict && !(value instanceof Undefined && value.soft)) failUndefined(value, line);
    return value;
  }

  private call(callee: unknown, args: unknown[], kwargs: Kwargs, line: number): unknown {
    if (isUndefined(callee)) failUndefined(callee, line);
    if (callee instanceof Callable) {
      try {
        return callee.call(args, kwargs);
      } catch (error) {
        throw asError(error, line);
      }
    }
    if (typeof callee === 'function') return (callee as (...a: unknown[]) => unknown)(...args, ...(Object.keys(kwargs).length > 0 ? [kwargs] : []));
    throw new JinjaError(`'${typeName(callee, this.options.dialect)}' object is not callable`, line);
  }

  evaluate(expr: Expr, scope: Scope): unknown {
    const { line } = expr;
    switch (expr.type) {
      case 'literal':
        return expr.value;
      case 'name':
        return scope.lookup(expr.name);
      case 'list':
        return expr.items.map((item) => this.use(this.evaluate(item, scope), line));
      case 'dict':
        return Object.fromEntries(expr.entries.map(([k, v]) => [str(this.use(this.evaluate(k, scope), line), this.options.dialect), this.use(this.evaluate(v, scope), line)]));
      case 'attr':
        return this.getattr(this.evaluate(expr.object, scope), expr.name, line);
      case 'item':
        return this.getitem(this.evaluate(expr.object, scope), this.use(this.evaluate(expr.index, scope), line), line);
      case 'slice': {
        const object = this.use(this.evaluate(expr.object, scope), line);
        const part = (e: Expr | null): number | null => (e === null ? null : Number(this.use(this.evaluate(e, scope), line)));
        const [start, stop, step] = [part(expr.start), part(expr.stop), part(expr.step)];
        if (typeof object === 'string') return slice([...object], start, stop, step, line).join('');
        if (Array.isArray(object)) return slice(object, start, stop, step, line);
        throw new JinjaError(`'${typeName(object)}' object is not subscriptable`, line);
      }
      case 'call': {
        let callee: unknown;
        if (expr.callee.type === 'attr' && this.options.dialect === 'minijinja') {
          const object = this.evaluate(expr.callee.object, scope);
          callee = this.getattr(object, expr.callee.name, line);
          if (isUndefined(callee) && !isUndefined(object)) throw new JinjaError(`unknown method: ${typeName(object, 'minijinja')} has no method named ${expr.callee.name}`, line);
        } else callee = this.evaluate(expr.callee, scope);
        const args = expr.args.map((a) => this.use(this.evaluate(a, scope), line));
        const kwargs = Object.fromEntries(expr.kwargs.map(([k, v]) => [k, this.use(this.evaluate(v, scope), line)]));
        return this.call(callee, args, kwargs, line);
      }
      case 'filter': {
        const value = this.evaluate(expr.value, scope);
        const args = expr.args.map((a) => this.use(this.evaluate(a, scope), line));
        const kwargs = Object.fromEntries(expr.kwargs.map(([k, v]) => [k, this.use(this.evaluate(v, scope), line)]));
        return this.applyFilter(expr.name, value, args, kwargs, line);
      }
      case 'test': {
        const value = this.evaluate(expr.value, scope);
        const args = expr.args.map((a) => this.use(this.evaluate(a, scope), line));
        const result = this.applyTest(expr.name, value, args, line);
        return expr.negated ? !result : result;
      }
      case 'unary': {
        const value = this.evaluate(expr.value, scope);
        if (expr.op === 'not') return !truthy(value, this.strict, line);
        const n = this.use(value, line);
        if (typeof n !== 'number' && typeof n !== 'boolean') throw new JinjaError(`bad operand type for unary ${expr.op}: '${typeName(n)}'`, line);
        return expr.op === '-' ? -Number(n) : Number(n);
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, scope, line);
      case 'compare': {
        let left = this.use(this.evaluate(expr.first, scope), line);
        for (const [op, rightExpr] of expr.rest) {
          const right = this.use(this.evaluate(rightExpr, scope), line);
          let ok: boolean;
          if (op === '==') ok = equals(left, right);
          else if (op === '!=') ok = !equals(left, right);
          else if (op === 'in') ok = contains(right, left, line);
          else if (op === 'not in') ok = !contains(right, left, line);
          else {
            const c = compareOrder(left, right, line);
            ok = op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
          }
          if (!ok) return false;
          left = right;
        }
        return true;
      }
      case 'cond':
        if (truthy(this.evaluate(expr.test, scope), this.strict, line)) return this.evaluate(expr.then, scope);
        return expr.otherwise ? this.evaluate(expr.otherwise, scope) : new Undefined('the condition was false and there is no else', true);
    }
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr, scope: Scope, line: number): unknown {
    const left = this.evaluate(leftExpr, scope);
    if (op === 'and') return truthy(left, this.strict, line) ? this.evaluate(rightExpr, scope) : left;
    if (op === 'or') return truthy(left, this.strict, line) ? left : this.evaluate(rightExpr, scope);
    const right = this.evaluate(rightExpr, scope);
    const dialect = this.options.dialect;
    if (op === '~') return str(this.use(left, line), dialect) + str(this.use(right, line), dialect);
    const a = this.use(left, line);
    const b = this.use(right, line);
    const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null);
    const x = num(a);
    const y = num(b);
    const unsupported = (): never => {
      throw new JinjaError(
        dialect === 'jinja2' ? `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'` : `invalid operation: tried to use ${op} operator on unsupported types ${typeName(a, dialect)} and ${typeName(b, dialect)}`,
        line,
      );
    };
    switch (op) {
      case '+':
        if (x !== null && y !== null) return x + y;
        if (typeof a === 'string' && typeof b === 'string') return a + b;
        if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
        if (dialect === 'jinja2' && typeof a === 'string') throw new JinjaError(`can only concatenate str (not "${typeName(b)}") to str`, line);
        return unsupported();
      case '-':
        return x !== null && y !== null ? x - y : unsupported();
      case '*':
        if (x !== null && y !== null) return x * y;
        if (typeof a === 'string' && y !== null) return a.repeat(Math.max(0, y));
        if (Array.isArray(a) && y !== null) return Array.from({ length: Math.max(0, y) }, () => a).flat();
        return unsupported();
      case '/':
        if (x === null || y === null) return unsupported();
        if (y === 0) throw new JinjaError('division by zero', line);
        return x / y;
      case '//':
        if (x === null || y === null) return unsupported();
        if (y === 0) throw new JinjaError('integer division or modulo by zero', line);
        return Math.floor(x / y);
      case '%':
        if (typeof a === 'string' && dialect === 'jinja2') return percentFormat(a, b, dialect, line);
        if (x === null || y === null) return unsupported();
        if (y === 0) throw new JinjaError('integer division or modulo by zero', line);
        return ((x % y) + y) % y;
      case '**':
        return x !== null && y !== null ? x ** y : unsupported();
      default:
        throw new JinjaError(`unknown operator ${op}`, line);
    }
  }

  private assign(target: Target, value: unknown, scope: Scope, line: number): void {
    if (target.kind === 'name') {
      scope.set(target.name, value);
      return;
    }
    const items = iterate(value, true, line);
    if (items.length !== target.names.length) throw new JinjaError(`cannot unpack ${items.length} values into ${target.names.length} names`, line);
    target.names.forEach((name, i) => scope.set(name, items[i]));
  }

  /** Run `fn`; with recovery on, an error is reported and `fallback` is used instead. */
  private guard<T>(line: number, fn: () => T, fallback: (error: JinjaError, text: string) => T): T {
    try {
      return fn();
    } catch (error) {
      const e = asError(error, line);
      if (!this.options.onError) throw e;
      return fallback(e, this.options.onError(e));
    }
  }

  renderNodes(nodes: Node[], scope: Scope, out: string[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push(node.text);
          break;
        case 'error':
          if (!this.options.onError) throw node.error;
          out.push(this.options.onError(node.error));
          break;
        case 'output':
          out.push(
            this.guard(
              node.line,
              () => str(this.use(this.evaluate(node.expr, scope), node.line), this.options.dialect),
              (_e, text) => text,
            ),
          );
          break;
        case 'set':
          this.guard(
            node.line,
            () => this.assign(node.target, this.use(this.evaluate(node.expr, scope), node.line), scope, node.line),
            (_e, text) => (node.target.kind === 'name' ? scope.set(node.target.name, text) : node.target.names.forEach((n) => scope.set(n, text))),
          );
          break;
        case 'set-block': {
          const inner: string[] = [];
          this.renderNodes(node.body, scope.child(), inner);
          scope.set(node.name, inner.join(''));
          break;
        }
        case 'if': {
          const branch = node.branches.find((b) => this.guard(node.line, () => truthy(this.evaluate(b.test, scope), this.strict, node.line), () => false));
          this.renderNodes(branch ? branch.body : node.otherwise, scope, out);
          break;
        }
        case 'for': {
          const items = this.guard(node.line, () => iterate(this.evaluate(node.iter, scope), true, node.line), () => [] as unknown[]);
          const inner = scope.child();
          const kept = node.filter
            ? items.filter((item) => {
                this.assign(node.target, item, inner, node.line);
                return truthy(this.evaluate(node.filter as Expr, inner), this.strict, node.line);
              })
            : items;
          kept.forEach((item, index) => {
            this.assign(node.target, item, inner, node.line);
            inner.set('loop', { index: index + 1, index0: index, revindex: kept.length - index, revindex0: kept.length - index - 1, first: index === 0, last: index === kept.length - 1, length: kept.length, previtem: index > 0 ? kept[index - 1] : new Undefined('no previous item'), nextitem: index < kept.length - 1 ? kept[index + 1] : new Undefined('no next item') });
            this.renderNodes(node.body, inner, out);
          });
          if (kept.length === 0) this.renderNodes(node.otherwise, scope, out);
          break;
        }
        case 'macro': {
          const defining = scope;
          scope.set(
            node.name,
            new Callable(node.name, (args, kwargs) => {
              const local = defining.child();
              node.params.forEach((p, i) => {
                const value = i < args.length ? args[i] : p.name in kwargs ? kwargs[p.name] : p.default ? this.evaluate(p.default, defining) : new Undefined(`'${p.name}' is undefined`);
                local.set(p.name, value);
              });
              const inner: string[] = [];
              this.renderNodes(node.body, local, inner);
              return inner.join('');
            }),
          );
          break;
        }
        case 'with': {
          const inner = scope.child();
          for (const [name, expr] of node.assignments) inner.set(name, this.evaluate(expr, scope));
          this.renderNodes(node.body, inner, out);
          break;
        }
      }
    }
  }

  render(nodes: Node[], context: Record<string, unknown>): { text: string; exported: Record<string, unknown> } {
    const scope = new Scope(null, context, this.options.missing);
    const out: string[] = [];
    this.renderNodes(nodes, scope, out);
    return { text: out.join(''), exported: scope.exported() };
  }

  evaluateIn(expr: Expr, context: Record<string, unknown>): unknown {
    return this.evaluate(expr, new Scope(null, context, this.options.missing));
  }
}
