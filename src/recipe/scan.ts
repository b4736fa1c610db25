/** Reads a Go module directory into the facts a recipe needs (gomodule/facts.ts reads them). */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { readModuleFacts } from '../gomodule/facts.js';
import type { RecipeModule } from './plan.js';

export function scanModule(dirArg: string): RecipeModule {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError('recipe.dir', `${dir} is not a directory.`, { hint: 'pass the directory of a Go module (the one holding go.mod)' });
  const facts = readModuleFacts(dir, ['mains', 'cgo', 'license', 'readme']);
  if (facts === undefined) throw usageError('recipe.no-go-mod', `${dir} has no go.mod, so it is not the root of a Go module.`, { hint: `run gocross recipe in (or pass) the directory holding go.mod (${join(dir, 'go.mod')} is missing)` });
  return facts;
}
