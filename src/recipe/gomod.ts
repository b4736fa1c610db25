/** go.mod and Go source facts a recipe needs, read from text (no file access here). */

export interface GoMod {
  module: string;
  /** The `go` directive, e.g. "1.19"; null when absent. */
  go: string | null;
}

const stripLineComment = (line: string): string => line.replace(/\/\/.*$/, '').trim();
const unquote = (value: string): string => value.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');

/** The module path and go version of a go.mod; null when there is no module line. */
export function parseGoMod(text: string): GoMod | null {
  let module: string | null = null;
  let go: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = stripLineComment(raw);
    const moduleMatch = /^module\s+(\S+)$/.exec(line);
    if (moduleMatch) module = unquote(moduleMatch[1] as string);
    const goMatch = /^go\s+(\S+)$/.exec(line);
    if (goMatch) go = goMatch[1] as string;
  }
  return module ? { module, go } : null;
}

/** The last element of a module path without a major-version suffix: example.com/x/tool/v2 → tool. */
export function moduleBaseName(modulePath: string): string {
  const parts = modulePath.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? modulePath;
  if (/^v[2-9]\d*$/.test(last) && parts.length > 1) return parts[parts.length - 2] as string;
  // gopkg.in/yaml.v3 style
  return last.replace(/\.v\d+$/, '');
}

export interface Forge {
  kind: 'github' | 'gitlab';
  /** https://github.com/owner/repo */
  home: string;
  /** The repository's last path element (for GitLab archive names). */
  repo: string;
}

/** The GitHub or GitLab project a module path names, or null for other hosts. */
export function forgeOf(modulePath: string): Forge | null {
  const parts = modulePath.split('/').filter(Boolean);
  const host = parts[0];
  // A major-version suffix is part of the import path, not of the repository.
  const rest = parts.slice(1);
  if (rest.length > 0 && /^v[2-9]\d*$/.test(rest[rest.length - 1] as string)) rest.pop();
  if (host === 'github.com' && rest.length >= 2) {
    const [owner, repo] = rest as [string, string];
    return { kind: 'github', home: `https://github.com/${owner}/${repo}`, repo };
  }
  if (host === 'gitlab.com' && rest.length >= 2) {
    return { kind: 'gitlab', home: `https://gitlab.com/${rest.join('/')}`, repo: rest[rest.length - 1] as string };
  }
  return null;
}

/** The release tarball URL of a tag on a forge, with the version left as Jinja. */
export function forgeArchiveUrl(forge: Forge, tag: string): string {
  return forge.kind === 'github'
    ? `${forge.home}/archive/refs/tags/${tag}.tar.gz`
    : `${forge.home}/-/archive/${tag}/${forge.repo}-${tag}.tar.gz`;
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

export interface GoFileFacts {
  package: string | null;
  imports: string[];
}

/** The package name and imports of one Go file. */
export function goFileFacts(source: string): GoFileFacts {
  const code = stripGoComments(source);
  const pkg = /^\s*package\s+([A-Za-z_]\w*)/m.exec(code)?.[1] ?? null;
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
