// The IO rule of ARCHITECTURE.md, checked: modules that plan, render, parse or check are pure —
// no file system, processes or network, and nothing from src/io but types and the template
// loader (gocross's own template files). And nothing writes process.env: child processes must
// get exactly the environment gocross means to give them.
import tseslint from 'typescript-eslint';

const PURE = [
  'src/**/plan.ts',
  'src/**/render.ts',
  'src/**/parse.ts',
  'src/**/checks.ts',
  'src/**/text.ts',
  'src/**/report.ts',
  'src/**/expect.ts',
  'src/**/schema.ts',
  'src/**/selectors.ts',
  'src/**/snapshot.ts',
  'src/**/manifest.ts',
  'src/**/sums.ts',
  'src/matrix/targets.ts',
  'src/toolchain/choice.ts',
  'src/config/coerce.ts',
  'src/config/resolve.ts',
  'src/config/env-layer.ts',
  'src/activation/simulation/script.ts',
  'src/compilers/choice.ts',
  'src/activation/simulation/trace.ts',
  'src/doctor/attribution.ts',
  'src/gomodule/version.ts',
  'src/gomodule/repository.ts',
  'src/activation/dialects/*.ts',
  'src/activation/overrides.ts',
  'src/recipe/jinja-engine/*.ts',
  'src/targets/goflags.ts',
  'src/targets/info.ts',
  'src/targets/parse.ts',
  'src/errors.ts',
];

const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'http', 'https', 'net', 'dgram', 'worker_threads'].flatMap((m) => [m, `node:${m}`]);


// The layers, lowest first: a module may import its own folder, lower layers, and nothing above.
const LAYERS = [
  ['errors.ts', 'types'],
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
    files: PURE,
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
