// The IO rule of ARCHITECTURE.md, checked: a module is pure — no file system, processes or
// network, and nothing from src/io but types and the template loader (gocross's own template
// files) — unless it is one of IO below. And nothing writes process.env: child processes must
// get exactly the environment gocross means to give them.
import tseslint from 'typescript-eslint';

// The modules that touch the file system, processes or the network: src/io, the command layer,
// and the gathering / applying modules of each domain (by name: gather, facts, read, run, runner;
// or listed). Every other module is pure.
const IO = [
  'src/io/**',
  'src/cli/**',
  'src/**/gather.ts',
  'src/**/facts.ts',
  'src/**/read.ts',
  'src/**/run.ts',
  'src/**/runner.ts',
  'src/activation/env.ts', // finds the env on disk
  'src/activation/hook-files.ts', // writes and removes the env's hooks
  'src/activation/records.ts', // reads conda-meta, env_vars.d, state
  'src/activation/settings-file.ts', // reads the env's settings
  'src/binary/file-source.ts', // positional reads of a binary
  'src/compilers/found.ts', // looks for cross compilers on PATH and in the env
  'src/config/load.ts', // reads gocross.ini and the user's config
  'src/doctor/deep.ts', // builds a hello-world per target
  'src/image/check-script.ts', // reads the in-build check script
  'src/recipe/check.ts', // renders and lints recipes on disk
  'src/recipe/checksum.ts', // hashes and downloads source archives
  'src/recipe/scan.ts', // checks the module directory
  'src/recipe/source-cache.ts', // the source archive cache
  'src/recipe/git.ts', // asks git for tags
  'src/recipe/write.ts', // plans writes against the files there
  'src/toolchain/archive-install.ts',
  'src/toolchain/check-tree.ts',
  'src/toolchain/download.ts',
  'src/toolchain/ensure.ts',
  'src/toolchain/install.ts',
  'src/toolchain/lock.ts',
  'src/toolchain/mirrors.ts',
  'src/toolchain/store.ts',
  'src/verify/conda-package.ts',
  'src/verify/oci-image.ts', // reads image archives and layouts
  'src/verify/oci-layer.ts',
  'src/verify/walk.ts',
];

const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'http', 'https', 'net', 'dgram', 'worker_threads'].flatMap((m) => [m, `node:${m}`]);


// The layers, lowest first: a module may import its own folder, lower layers, and nothing above.
const LAYERS = [
  ['errors.ts', 'marker.ts', 'types'],
  ['io'],
  ['targets', 'binary'],
  ['gomodule', 'activation', 'compilers'],
  ['config', 'toolchain'],
  ['verify'],
  ['matrix', 'image', 'recipe', 'doctor'],
  ['cli'],
];

const layerRules = LAYERS.map((layer, index) => ({
  files: layer.map((folder) => (folder.endsWith('.ts') ? `src/${folder}` : `src/${folder}/**/*.ts`)),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: LAYERS.slice(index + 1)
          .flat()
          .map((folder) => ({ group: [`**/${folder.replace(/\.ts$/, '.js')}${folder.endsWith('.ts') ? '' : '/**'}`], message: `${folder} is a higher layer (ARCHITECTURE.md): move what is shared down, or ask from above` })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', 'bin/**', '*.config.*'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.object.object.name='process'][left.object.property.name='env']", message: 'do not write process.env: pass an env to the process wrapper instead' },
        { selector: "UnaryExpression[operator='delete'][argument.object.object.name='process'][argument.object.property.name='env']", message: 'do not write process.env' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: IO,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...IO_MODULES, 'execa', 'node-fetch', 'tar'].map((name) => ({ name, message: 'a pure module: gather facts or apply plans in a src/io module or a gather/runner module' })),
          patterns: [{ group: ['**/io/*', '!**/io/templates.js'], allowTypeImports: true, message: 'a pure module may import only types from src/io (and the template loader)' }],
        },
      ],
    },
  },
  ...layerRules,
);
