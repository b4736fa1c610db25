/** Reading Go source facts from text (pure): a file's package clause, go.mod's module path. */

/** The package name a Go source file declares, skipping comments before the clause. */
export function packageClause(source: string): string | undefined {
  // Comments may hold the word "package" (a doc comment usually does), so they go first.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  return /^\s*package\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(code)?.[1];
}

/** The `module` path of a go.mod text. */
export function modulePath(goMod: string): string | undefined {
  for (const raw of goMod.split(/\r?\n/)) {
    const match = /^\s*module\s+("?)([^"\s]+)\1\s*(\/\/.*)?$/.exec(raw);
    if (match?.[2]) return match[2];
  }
  return undefined;
}

/**
 * The name of the command an import path builds, as `go build` names it: the last element, or
 * the one before a major-version suffix (example.com/tool/v2 → tool).
 */
export function commandName(importPath: string): string {
  const parts = importPath.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? importPath;
  if (/^v\d+$/.test(last) && parts.length > 1) return parts[parts.length - 2] ?? last;
  return last;
}
