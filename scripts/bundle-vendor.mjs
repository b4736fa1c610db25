// After tsc: execa bundled into one file, dist/vendor/execa.js. Loading execa's ~150 modules one
// by one costs about 80 ms more than loading one file, and doctor and build pay it on every run.
// io/process.ts loads the bundle when it is there (dist) and execa itself otherwise (tests on src).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  stdin: { contents: "export * from 'execa';", resolveDir: root, loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/vendor/execa.js',
  // Its CommonJS parts (cross-spawn) require node's modules; ESM has no require of its own.
  banner: { js: "import { createRequire as gocrossCreateRequire } from 'node:module'; const require = gocrossCreateRequire(import.meta.url);" },
  legalComments: 'eof',
  logLevel: 'warning',
});
