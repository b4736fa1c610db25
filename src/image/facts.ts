/**
 * What `gocross dockerfile` reads from the project: go.mod, the main packages, the LICENSE text
 * and git's HEAD, exact tag and origin remote (gomodule/facts.ts reads them).
 */
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { readGitFacts, readModuleFacts } from '../gomodule/facts.js';
import type { ImageModule } from './plan.js';

export async function readImageModule(dir: string): Promise<ImageModule> {
  const facts = readModuleFacts(dir, ['mains', 'license']);
  if (facts === undefined) {
    throw usageError('dockerfile.no-module', `${dir} holds no go.mod, so it is not a Go module's root.`, {
      hint: `run gocross dockerfile in the module root, or pass it: gocross dockerfile path/to/module (${join(dir, 'go.mod')} is missing)`,
    });
  }
  return { ...facts, git: await readGitFacts(dir) };
}
