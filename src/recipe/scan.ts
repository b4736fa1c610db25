/** Reads a Go module directory into the facts a recipe needs (file reads only; parsing is in gomod.ts). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { goFileFacts, moduleBaseName, parseGoMod } from './gomod.js';
import { LICENSE_FILE_NAMES } from './license.js';
import type { MainPackage, ModuleInfo } from './plan.js';

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

const goFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.go') && !e.name.endsWith('_test.go'))
    .map((e) => join(dir, e.name));

/** Directories of the module's packages: not vendor/, testdata/, hidden or _ dirs, nor nested modules. */
function packageDirs(root: string): string[] {
  const dirs: string[] = [];
  const walk = (dir: string): void => {
    dirs.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || /^[._]/.test(entry.name) || entry.name === 'vendor' || entry.name === 'testdata') continue;
      const child = join(dir, entry.name);
      if (existsSync(join(child, 'go.mod'))) continue;
      walk(child);
    }
  };
  walk(root);
  return dirs;
}

/** `"--version"`, `"-version"` or flag.Bool("version", …) in a package's source. */
const VERSION_FLAG = /"-{0,2}version"/;

function mainPackage(root: string, dir: string, modulePath: string): MainPackage | null {
  const sources = goFiles(dir).map((f) => readText(f) ?? '');
  if (!sources.some((s) => goFileFacts(s).package === 'main')) return null;
  const rel = relative(root, dir).split('\\').join('/');
  return {
    package: rel === '' ? '.' : `./${rel}`,
    binary: rel === '' ? moduleBaseName(modulePath) : (rel.split('/').pop() as string),
    hasVersionFlag: sources.some((s) => VERSION_FLAG.test(s)),
  };
}

export function scanModule(dirArg: string): ModuleInfo {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError('recipe.dir', `${dir} is not a directory.`, { hint: 'pass the directory of a Go module (the one holding go.mod)' });
  const goModText = readText(join(dir, 'go.mod'));
  if (goModText === null) throw usageError('recipe.no-go-mod', `${dir} has no go.mod, so it is not the root of a Go module.`, { hint: 'run gocross recipe in (or pass) the directory holding go.mod' });
  const goMod = parseGoMod(goModText);
  if (!goMod) throw usageError('recipe.go-mod', `${join(dir, 'go.mod')} has no module line.`, { hint: 'go.mod must start with `module example.com/path`' });

  const dirs = packageDirs(dir);
  const mains: MainPackage[] = [];
  const root = mainPackage(dir, dir, goMod.module);
  if (root) mains.push(root);
  const cmd = join(dir, 'cmd');
  if (existsSync(cmd) && statSync(cmd).isDirectory()) {
    for (const entry of readdirSync(cmd, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || /^[._]/.test(entry.name)) continue;
      const found = mainPackage(dir, join(cmd, entry.name), goMod.module);
      if (found) mains.push(found);
    }
  }

  const cgoFiles: string[] = [];
  for (const pkg of dirs) {
    for (const file of goFiles(pkg)) {
      if (goFileFacts(readText(file) ?? '').imports.includes('C')) cgoFiles.push(relative(dir, file).split('\\').join('/'));
    }
  }

  const names = new Set(readdirSync(dir));
  const licenseName = LICENSE_FILE_NAMES.find((n) => names.has(n)) ?? [...names].sort().find((n) => /^(licen[cs]e|copying)(\.|$)/i.test(n));
  const license = licenseName ? { file: licenseName, text: readText(join(dir, licenseName)) ?? '' } : null;
  const readmeName = [...names].sort().find((n) => /^readme(\.(md|markdown|txt|rst))?$/i.test(n));

  return { dir, module: goMod.module, go: goMod.go, mains, cgoFiles: cgoFiles.sort(), license, readme: readmeName ? readText(join(dir, readmeName)) : null };
}
