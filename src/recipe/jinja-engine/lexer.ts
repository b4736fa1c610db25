/**
 * Splitting a template into text, `{{ output }}`, `{% statement %}` and `{# comment #}` pieces,
 * and the tokens of the expressions inside them. The delimiters are a parameter: conda-build's
 * Jinja2 prints with `{{ }}`, rattler-build's minijinja with `${{ }}` (its blocks stay `{% %}`).
 */

export class JinjaError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'JinjaError';
  }
}

export interface Delimiters {
  variableStart: string;
  variableEnd: string;
}

export const JINJA2_DELIMITERS: Delimiters = { variableStart: '{{', variableEnd: '}}' };
export const RATTLER_DELIMITERS: Delimiters = { variableStart: '${{', variableEnd: '}}' };

export type TokenKind = 'name' | 'string' | 'integer' | 'float' | 'op' | 'end';

export interface Token {
  kind: TokenKind;
  value: string;
  line: number;
}

export type Piece =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'output'; tokens: Token[]; line: number }
  | { kind: 'block'; tokens: Token[]; line: number; source: string };

const OPERATORS = ['//', '**', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '~', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', '.', ':', '|'];

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
};

/**
 * Tokenize an expression starting at `start` until `end` (the closing delimiter) at the top
 * level; returns the tokens and the index after the delimiter, and whether a `-` asked to strip
 * the whitespace that follows.
 */
function lexTag(text: string, start: number, end: string, line0: number): { tokens: Token[]; next: number; stripAfter: boolean } {
  const tokens: Token[] = [];
  let i = start;
  let line = line0;
  const open: string[] = [];
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === '\n') line += 1;
      i += 1;
    }
    if (i >= text.length) throw new JinjaError(`unexpected end of template, expected '${end}'`, line0);
    if (open.length === 0) {
      if (text.startsWith(`-${end}`, i)) return { tokens, next: i + 1 + end.length, stripAfter: true };
      if (text.startsWith(`+${end}`, i)) return { tokens, next: i + 1 + end.length, stripAfter: false };
      if (text.startsWith(end, i)) return { tokens, next: i + end.length, stripAfter: false };
    }
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      for (; j < text.length && text[j] !== c; j += 1) {
        if (text[j] === '\\' && j + 1 < text.length) {
          j += 1;
          const e = text[j] as string;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '0' ? '\0' : e === '\\' || e === '"' || e === "'" ? e : `\\${e}`;
        } else {
          if (text[j] === '\n') line += 1;
          value += text[j];
        }
      }
      if (j >= text.length) throw new JinjaError('unterminated string', line);
      tokens.push({ kind: 'string', value, line });
      i = j + 1;
      continue;
    }
    const number = /^(\d[\d_]*)(\.\d[\d_]*)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (number) {
      const isFloat = number[2] !== undefined || number[3] !== undefined;
      tokens.push({ kind: isFloat ? 'float' : 'integer', value: number[0].replace(/_/g, ''), line });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256));
    if (name) {
      tokens.push({ kind: 'name', value: name[0], line });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new JinjaError(`unexpected character ${JSON.stringify(c)}`, line);
    // As Jinja2's lexer: brackets balance, and a closing one that does not match is an error.
    if (op === '(' || op === '[' || op === '{') open.push(op === '(' ? ')' : op === '[' ? ']' : '}');
    if (op === ')' || op === ']' || op === '}') {
      const expected = open.pop();
      if (expected !== op) throw new JinjaError(expected ? `unexpected '${op}', expected '${expected}'` : `unexpected '${op}'`, line);
    }
    tokens.push({ kind: 'op', value: op, line });
    i += op.length;
  }
}

/** The pieces of a template, with Jinja's whitespace control (`{%-`, `-%}`) applied to the text. */
export function lexTemplate(text: string, delimiters: Delimiters): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let stripNext = false;
  const pushText = (chunk: string, at: number, stripBefore: boolean): void => {
    let t = chunk;
    if (stripNext) t = t.replace(/^\s+/, '');
    if (stripBefore) t = t.replace(/\s+$/, '');
    stripNext = false;
    if (t !== '') pieces.push({ kind: 'text', text: t, line: lineAt(text, at) });
  };
  const starts = [delimiters.variableStart, '{%', '{#'];
  while (i < text.length) {
    let next = -1;
    let which = '';
    for (const s of starts) {
      const at = text.indexOf(s, i);
      // `${{` is three characters; a `{{` inside it is not a Jinja2 start of its own.
      if (at >= 0 && (next < 0 || at < next)) {
        next = at;
        which = s;
      }
    }
    if (next < 0) {
      pushText(text.slice(i), i, false);
      break;
    }
    const open = which;
    const after = next + open.length;
    const stripBefore = text[after] === '-';
    pushText(text.slice(i, next), i, stripBefore);
    const bodyStart = after + (text[after] === '-' || text[after] === '+' ? 1 : 0);
    const line = lineAt(text, next);
    if (open === '{#') {
      const close = text.indexOf('#}', bodyStart);
      if (close < 0) throw new JinjaError('unterminated comment', line);
      stripNext = text[close - 1] === '-';
      i = close + 2;
      continue;
    }
    if (open === '{%') {
      const { tokens, next: end, stripAfter } = lexTag(text, bodyStart, '%}', line);
      // {% raw %} … {% endraw %}: the text in between is output as it is.
      if (tokens.length === 1 && tokens[0]?.value === 'raw') {
        const endRaw = /\{%-?\s*endraw\s*-?%\}/g;
        endRaw.lastIndex = end;
        const m = endRaw.exec(text);
        if (!m) throw new JinjaError('{% raw %} without {% endraw %}', line);
        stripNext = stripAfter;
        pushText(text.slice(end, m.index), end, m[0].startsWith('{%-'));
        stripNext = m[0].endsWith('-%}');
        i = m.index + m[0].length;
        continue;
      }
      pieces.push({ kind: 'block', tokens, line, source: text.slice(next, end) });
      stripNext = stripAfter;
      i = end;
      continue;
    }
    const { tokens, next: end, stripAfter } = lexTag(text, bodyStart, delimiters.variableEnd, line);
    pieces.push({ kind: 'output', tokens, line });
    stripNext = stripAfter;
    i = end;
  }
  return pieces;
}

/** The tokens of a bare expression (a selector, an `if:` of a v1 recipe). */
export function lexExpression(text: string): Token[] {
  const sentinel = '\u0000';
  return lexTag(`${text}${sentinel}`, 0, sentinel, 1).tokens;
}
