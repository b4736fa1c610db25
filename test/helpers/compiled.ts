/**
 * Modules as gocross ships them: bundled by esbuild (the options of scripts/bundle.mjs) into a
 * temporary folder. For code that starts a worker thread from its compiled file, which the
 * sources vitest runs have none of.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempDir } from './temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `entries` (output name → source path under the checkout) and imports the one named `main`. */
export async function compiled<T>(main: string, entries: Record<string, string>): Promise<T> {
  const outdir = join(tempDir('gocross-compiled-'), 'cli');
  await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(join(outdir, `${main}.js`)).href) as Promise<T>;
}
