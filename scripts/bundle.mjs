// `npm run build`, after tsc has type-checked src/: esbuild bundles src/ and the runtime
// dependencies into dist/cli/, one file per entry below plus the chunks they share. Node loads a
// module per file, and loading gocross's ~200 modules and its dependencies' ~300 one by one cost
// doctor and verify 20-60 ms of every run. Each command stays its own chunk (the registry's
// `import()`), so a command still loads only what it runs.
//
// Everything lands in one folder two levels under the checkout, as src/FOLDER/FILE.ts did, so the
// `new URL('../../images/…', import.meta.url)` paths of the sources resolve the same from a chunk.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    // bin/gocross.js loads these three.
    main: 'src/cli/main.ts',
    install: 'src/cli/commands/install.ts',
    cleanup: 'src/io/cleanup.ts',
    // The worker thread io/writer-thread.ts starts by this name, next to itself.
    'entry-writer-thread': 'src/io/entry-writer-thread.ts',
  },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/cli',
  chunkNames: 'chunk-[hash]',
  // The dependencies written as CommonJS call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as gocrossCreateRequire } from 'node:module'; const require = gocrossCreateRequire(import.meta.url);" },
  legalComments: 'eof',
  logLevel: 'warning',
});
