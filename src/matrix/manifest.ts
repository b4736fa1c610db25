/**
 * DIR/.gocross-build.json: the files of an output directory that gocross wrote, so a later
 * build replaces those and refuses to overwrite anything else without --force (pure).
 */
export const MANIFEST = '.gocross-build.json';

export function parseManifest(text: string | undefined): Set<string> {
  if (text === undefined) return new Set();
  try {
    const data = JSON.parse(text) as { files?: unknown };
    return new Set(Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string') : []);
  } catch {
    return new Set();
  }
}

export const renderManifest = (files: Iterable<string>): string =>
  `${JSON.stringify({ writtenBy: 'gocross build', files: [...new Set(files)].sort() }, null, 2)}\n`;

/** The names among `planned` that exist, were not written by gocross, and would be overwritten. */
export const foreignFiles = (planned: readonly string[], existing: ReadonlySet<string>, owned: ReadonlySet<string>): string[] =>
  planned.filter((name) => existing.has(name) && !owned.has(name));
