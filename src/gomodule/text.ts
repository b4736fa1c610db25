/**
 * Go module facts read from text (pure, no file access): go.mod's directives, a Go source file's
 * package clause and imports, and the name `go build` gives a command.
 */

export interface GoModDirectives {
  /** The `module` path, unquoted. */
  module?: string;
  /** The `go` directive, e.g. "1.22". */
  go?: string;
  /** The `toolchain` directive, e.g. "go1.23.4"; `toolchain default` (no preference) gives none. */
  toolchain?: string;
}

const unquote = (value: string): string => value.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');

/** The `module`, `go` and `toolchain` directives of a go.mod (or go.work) text; the first of each counts. */
export function parseGoMod(text: string): GoModDirectives {
  const result: GoModDirectives = {};
  for (const raw of text.split(/\r?\n/)) {
    const match = /^(module|go|toolchain)\s+(\S+)$/.exec(raw.replace(/\/\/.*$/, '').trim());
    const verb = match?.[1] as keyof GoModDirectives | undefined;
    if (verb && match?.[2] && result[verb] === undefined) result[verb] = verb === 'module' ? unquote(match[2]) : match[2];
  }
  if (result.toolchain === 'default') delete result.toolchain;
  return result;
}

/** Go source without comments; string, rune and raw-string literals are kept as they are. */
export function stripGoComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      // Keep line breaks so that line-based checks still see line starts.
      const comment = source.slice(i, end < 0 ? source.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i += comment.length;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (c !== '`' && source[j] === '\\') j += 1;
        if (c !== '`' && source[j] === '\n') break;
        j += 1;
      }
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

export interface GoSourceFacts {
  /** The package clause's name; undefined when the file has none. */
  package: string | undefined;
  imports: string[];
}

/** The package name and imports of one Go file, past comments (which may well say "package"). */
export function goSourceFacts(source: string): GoSourceFacts {
  const code = stripGoComments(source);
  // The package clause is the file's first token once comments are gone.
  const pkg = /^\s*package\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(code)?.[1];
  // Imports come before the first declaration; looking no further keeps strings in code out.
  const declaration = /^(func|type|var|const)\b/m.exec(code);
  const head = declaration ? code.slice(0, declaration.index) : code;
  const imports: string[] = [];
  for (const block of head.matchAll(/\bimport\s*\(([^)]*)\)/g)) {
    for (const spec of (block[1] as string).matchAll(/(?:^|\s)(?:[A-Za-z_.]\w*\s+)?"([^"]+)"/g)) imports.push(spec[1] as string);
  }
  for (const single of head.matchAll(/\bimport\s+(?:[A-Za-z_.]\w*\s+)?"([^"]+)"/g)) imports.push(single[1] as string);
  return { package: pkg, imports };
}

/** A `//go:build ignore` (or `// +build ignore`) file, which no build includes. */
export const isIgnoredGoFile = (source: string): boolean => /^\s*\/\/(go:build|\s*\+build)\s+ignore\s*$/m.test(source);

/** A major-version path element as go reads one: v2, v3, …, v10; not v0 or v1. */
const isVersionElement = (element: string): boolean => /^v([2-9]|[1-9]\d+)$/.test(element);

/**
 * The name of the command an import path builds, as `go build` names it: the last element, or
 * the one before a major-version suffix (example.com/tool/v2 → tool). gopkg.in/yaml.v3 stays
 * yaml.v3, as go leaves it.
 */
export function commandName(importPath: string): string {
  const parts = importPath.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? importPath;
  if (isVersionElement(last) && parts.length > 1) return parts[parts.length - 2] as string;
  return last;
}
