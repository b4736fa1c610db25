/** The file reads behind Go module facts: a directory's package and a module's command directories (parsing is in text.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { goSourceFacts, isIgnoredGoFile } from './text.js';

/** A file's text, or undefined when it cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The nearest directory at or above `from` holding go.mod: the root of the module `from` is in. */
export function findModuleRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'go.mod'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The non-test .go files of a directory, sorted; none when it cannot be read. */
export function goFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.go') && !name.endsWith('_test.go'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

const SKIPPED_DIRS = new Set(['testdata', 'vendor', 'node_modules']);

/**
 * The directories `./...` matches from `dir` down, itself first, in name order: not testdata,
 * vendor, node_modules, hidden or `_` directories, nor nested modules (directories with a go.mod).
 */
export function packageDirs(dir: string): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !/^[._]/.test(e.name) && !SKIPPED_DIRS.has(e.name) && !existsSync(join(dir, e.name, 'go.mod')))
      .map((e) => e.name)
      .sort();
  } catch {
    // Unreadable: nothing under it.
  }
  return [dir, ...entries.flatMap((name) => packageDirs(join(dir, name)))];
}

/** The package a directory holds, from its non-test .go files that are not `//go:build ignore`. */
export function packageOf(dir: string): string | undefined {
  for (const file of goFiles(dir)) {
    const text = readText(file) ?? '';
    if (isIgnoredGoFile(text)) continue;
    const name = goSourceFacts(text).package;
    if (name) return name;
  }
  return undefined;
}

/**
 * The directories of a module root's commands: the root when it is a main package, then each
 * `cmd/<name>` directory holding one, by name (hidden and `_` directories are not packages).
 */
export function commandDirs(root: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'cmd'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    // No cmd/ directory: the root is the only candidate.
  }
  return [root, ...names.map((name) => join(root, 'cmd', name))].filter((dir) => packageOf(dir) === 'main');
}
