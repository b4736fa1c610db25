/**
 * Go's strconv.QuotedPrefix and strconv.Unquote for double-quoted and back-quoted strings, the
 * two quotings `build` lines of Go build info use. Works on UTF-8 bytes because `\xNN` escapes
 * produce bytes, not characters. Returns null where Go returns ErrSyntax.
 */

const QUOTE = 0x22;
const BACKQUOTE = 0x60;
const BACKSLASH = 0x5c;

const SIMPLE_ESCAPES: Record<number, number> = {
  0x61: 0x07, // \a
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x76: 0x0b, // \v
  0x5c: 0x5c, // \\
  0x22: 0x22, // \" (only inside "…"; \' is invalid there, as in Go)
};

const unhex = (c: number): number => {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
};

const validRune = (r: number): boolean => r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);

interface Unquoted {
  value: Buffer;
  /** Bytes of the input the quoted string took. */
  consumed: number;
}

/** Unquote the quoted string at the start of `input`, leaving what follows it. */
function unquotePrefix(input: Buffer): Unquoted | null {
  const quote = input[0];
  if (quote === BACKQUOTE) {
    const end = input.indexOf(BACKQUOTE, 1);
    if (end < 0) return null;
    // Go drops carriage returns from raw strings.
    const body = input.subarray(1, end);
    const value = body.includes(0x0d) ? Buffer.from(body.filter((b) => b !== 0x0d)) : body;
    return { value, consumed: end + 1 };
  }
  if (quote !== QUOTE) return null;
  const out: number[] = [];
  let i = 1;
  while (i < input.length && input[i] !== QUOTE) {
    const c = input[i] as number;
    if (c === 0x0a) return null;
    if (c !== BACKSLASH) {
      out.push(c);
      i += 1;
      continue;
    }
    if (i + 1 >= input.length) return null;
    const e = input[i + 1] as number;
    i += 2;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out.push(simple);
    } else if (e === 0x78 || e === 0x75 || e === 0x55) {
      const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      if (i + n > input.length) return null;
      let v = 0;
      for (let j = 0; j < n; j += 1) {
        const x = unhex(input[i + j] as number);
        if (x < 0) return null;
        v = v * 16 + x;
      }
      i += n;
      if (e === 0x78) out.push(v);
      else if (!validRune(v)) return null;
      else out.push(...Buffer.from(String.fromCodePoint(v), 'utf8'));
    } else if (e >= 0x30 && e <= 0x37) {
      if (i + 2 > input.length) return null;
      let v = e - 0x30;
      for (let j = 0; j < 2; j += 1) {
        const x = (input[i + j] as number) - 0x30;
        if (x < 0 || x > 7) return null;
        v = v * 8 + x;
      }
      i += 2;
      if (v > 255) return null;
      out.push(v);
    } else {
      return null;
    }
  }
  if (i >= input.length) return null;
  return { value: Buffer.from(out), consumed: i + 1 };
}

/** strconv.QuotedPrefix: the quoted string `text` starts with (quotes included), or null. */
export function quotedPrefix(text: string): string | null {
  const bytes = Buffer.from(text, 'utf8');
  const result = unquotePrefix(bytes);
  return result ? bytes.toString('utf8', 0, result.consumed) : null;
}

/** strconv.Unquote for "…" and `…`: the value, or null when `text` is not exactly one quoted string. */
export function unquote(text: string): string | null {
  const bytes = Buffer.from(text, 'utf8');
  const result = unquotePrefix(bytes);
  if (!result || result.consumed !== bytes.length) return null;
  return result.value.toString('utf8');
}
