/** Reads a Go module directory into the facts a recipe needs (file reads only; parsing is in src/gomodule). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { licenseFileName } from '../gomodule/license.js';
import { commandDirs, goFiles, packageDirs, readText } from '../gomodule/read.js';
import { goSourceFacts, parseGoMod } from '../gomodule/text.js';
import { moduleBaseName, type MainPackage, type ModuleInfo } from './plan.js';

/** `"--version"`, `"-version"` or flag.Bool("version", …) in a package's source. */
const VERSION_FLAG = /"-{0,2}version"/;

/** The recipe's view of a main package in `dir`. */
function mainPackage(root: string, dir: string, modulePath: string): MainPackage {
  const rel = relative(root, dir).split('\\').join('/');
  return {
    package: rel === '' ? '.' : `./${rel}`,
    binary: rel === '' ? moduleBaseName(modulePath) : (rel.split('/').pop() as string),
    hasVersionFlag: goFiles(dir).some((file) => VERSION_FLAG.test(readText(file) ?? '')),
  };
}

export function scanModule(dirArg: string): ModuleInfo {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError('recipe.dir', `${dir} is not a directory.`, { hint: 'pass the directory of a Go module (the one holding go.mod)' });
  const goModText = readText(join(dir, 'go.mod'));
  if (goModText === undefined) throw usageError('recipe.no-go-mod', `${dir} has no go.mod, so it is not the root of a Go module.`, { hint: 'run gocross recipe in (or pass) the directory holding go.mod' });
  const goMod = parseGoMod(goModText);
  const module = goMod.module;
  if (module === undefined) throw usageError('recipe.go-mod', `${join(dir, 'go.mod')} has no module line.`, { hint: 'go.mod must start with `module example.com/path`' });

  const dirs = packageDirs(dir);
  const mains = commandDirs(dir).map((main) => mainPackage(dir, main, module));

  const cgoFiles: string[] = [];
  for (const pkg of dirs) {
    for (const file of goFiles(pkg)) {
      if (goSourceFacts(readText(file) ?? '').imports.includes('C')) cgoFiles.push(relative(dir, file).split('\\').join('/'));
    }
  }

  const names = readdirSync(dir);
  const licenseName = licenseFileName(names);
  const license = licenseName ? { file: licenseName, text: readText(join(dir, licenseName)) ?? '' } : null;
  const readmeName = [...names].sort().find((n) => /^readme(\.(md|markdown|txt|rst))?$/i.test(n));

  return { dir, module, go: goMod.go ?? null, mains, cgoFiles: cgoFiles.sort(), license, readme: readmeName ? (readText(join(dir, readmeName)) ?? null) : null };
}
