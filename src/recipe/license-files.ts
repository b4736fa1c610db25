/**
 * Where an `about/license_file` entry comes from. conda-build and rattler-build look for it in
 * the work dir (SRC_DIR) — filled by the sources, each laid out at its folder/target_directory
 * (an archive unpacked with its single top directory hoisted, a single file under its
 * fn/file_name) — and in the recipe directory; the build script may have written it there.
 * Pure: what a source holds is asked through a provider the caller fills (from disk, from the
 * downloaded archive, or "cannot know").
 */
import { writtenBy, type PathRef } from './script-facts.js';

export interface SourceSpec {
  kind: 'url' | 'git' | 'path' | 'other';
  /** url (url sources), git URL (git), path as written (path). */
  location: string;
  sha256?: string;
  /** Where in the work dir it lands: folder (meta.yaml) or target_directory (recipe.yaml), '' for the root. */
  dest: string;
  /** fn (meta.yaml) or file_name (recipe.yaml). */
  fileName?: string;
  /** An archive to unpack (by its name), or a single file copied as it is. */
  archive: boolean;
}

/** What a source puts in the work dir, relative to its dest; or why that cannot be known. */
export type SourceContents = { kind: 'known'; has: (rel: string) => boolean } | { kind: 'unknown'; reason: string };

export type SourceProvider = (source: SourceSpec) => SourceContents;

const ARCHIVE = /\.(tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar|zip|whl|7z|tar\.lz4|tar\.lzma)$/i;

/** The file name a url source is stored as: fn/file_name, else the URL's last path element. */
export function sourceFileName(url: string, fileName?: string): string {
  if (fileName) return fileName;
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter((p) => p !== '').pop() ?? '');
  } catch {
    return url.split(/[/\\]/).pop() ?? url;
  }
}

export const isArchiveName = (name: string): boolean => ARCHIVE.test(name);

const clean = (path: string): string => path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '').replace(/\/+/g, '/');

/** A license_file glob (rattler-build takes them) as a RegExp over work-dir paths. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i += 1;
      if (glob[i + 1] === '/') i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(/.*)?$`);
}

/** A single-file source as contents: the file itself. */
export function singleFileContents(name: string): SourceContents {
  return { kind: 'known', has: (rel) => clean(rel) === name || rel === '' };
}

/** Contents from an archive's member list, with the single top directory hoisted as conda-build and rattler-build do. */
export function listingContents(members: readonly string[]): SourceContents {
  const paths = members.map(clean).filter((p) => p !== '');
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  const hoist = tops.size === 1 && paths.every((p) => p.includes('/') || paths.some((q) => q.startsWith(`${p}/`)));
  const files = hoist ? paths.map((p) => p.split('/').slice(1).join('/')).filter((p) => p !== '') : paths;
  const all = new Set<string>();
  for (const f of files) {
    const parts = f.split('/');
    for (let n = 1; n <= parts.length; n += 1) all.add(parts.slice(0, n).join('/'));
  }
  return {
    kind: 'known',
    has: (rel) => {
      const r = clean(rel);
      if (r === '') return all.size > 0;
      if (/[*?]/.test(r)) {
        const re = globRegExp(r);
        return [...all].some((p) => re.test(p));
      }
      return all.has(r);
    },
  };
}

export type LicenseLocation =
  | { found: true }
  | { found: false; reasons: string[] };

export interface LocateOptions {
  /** Whether the path is in the recipe directory (or a local source root given on the command line). */
  inRecipe: (path: string) => boolean;
  sources: readonly SourceSpec[];
  provider: SourceProvider;
  /** What the build scripts write under the work dir. */
  writes: readonly PathRef[];
}

/**
 * Whether a license_file entry will be there. Not found and some source that could hold it
 * unreadable: `reasons` says why it could not be checked (an info, not an error).
 */
export function locateLicenseFile(entry: string, options: LocateOptions): LicenseLocation {
  const path = clean(entry);
  if (options.inRecipe(path) || options.inRecipe(entry)) return { found: true };
  if (writtenBy(path.replace(/\/?\*.*$/, ''), options.writes)) return { found: true };
  const reasons: string[] = [];
  for (const source of options.sources) {
    const dest = clean(source.dest);
    if (dest !== '' && path !== dest && !path.startsWith(`${dest}/`)) continue;
    const rel = dest === '' ? path : path.slice(dest.length + 1);
    const contents = options.provider(source);
    if (contents.kind === 'unknown') {
      reasons.push(contents.reason);
      continue;
    }
    if (contents.has(rel)) return { found: true };
  }
  return { found: false, reasons: [...new Set(reasons)] };
}

/** Where a recipe format keeps a source's fields: meta.yaml's folder/fn/git_url, recipe.yaml's target_directory/file_name/git. */
export interface SourceKeys {
  dest: string;
  fileName: string;
  git: string;
  /** A path source keeps its file name (recipe.yaml's file_name). */
  pathFileName: boolean;
  /** Keys that name other kinds of source, shown as their location. */
  others: string[];
}

/** A recipe's sources as the work dir gets them: each at its folder, an archive unpacked, a file under its name. */
export function sourceSpecs(sources: Record<string, unknown>[], keys: SourceKeys): SourceSpec[] {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return sources.map((s): SourceSpec => {
    const dest = text(s[keys.dest]) ?? '';
    const fileName = text(s[keys.fileName]);
    const url = [s.url].flat().find((u): u is string => typeof u === 'string');
    if (url !== undefined) return { kind: 'url', location: url, sha256: text(s.sha256), dest, fileName, archive: isArchiveName(sourceFileName(url, fileName)) };
    const git = text(s[keys.git]);
    if (git !== undefined) return { kind: 'git', location: git, dest, archive: false };
    const path = text(s.path);
    if (path !== undefined) return { kind: 'path', location: path, dest, ...(keys.pathFileName ? { fileName } : {}), archive: false };
    const other = keys.others.map((k) => s[k]).find((v) => v !== undefined);
    return { kind: 'other', location: String(other ?? '?'), dest, archive: false };
  });
}
