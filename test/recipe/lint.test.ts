import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecipeDir } from '../../src/recipe/check.js';
import { type Finding, installedBinaries, lintRecipe, RULES } from '../../src/recipe/lint.js';
import { lintRecipeV1 } from '../../src/recipe/lint-v1.js';
import { renderRecipe } from '../../src/recipe/render.js';
import { pinningFile } from '../../src/recipe/template.js';
import { listingContents } from '../../src/recipe/license-files.js';
import { tempDir } from '../helpers/temp.js';
import { copyFixture, DATA, planFor } from './helpers.js';

const hello = copyFixture('hello', tempDir('gocross-recipe-lint-'));
const files = renderRecipe(planFor(hello));
const text = (name: string): string => files.find((f) => f.name === name)?.content ?? '';
/** What the release tarball holds, as a listing of its members (one top directory, hoisted). */
const TARBALL = listingContents(['hello-1.2.3/LICENSE', 'hello-1.2.3/main.go', 'hello-1.2.3/go.mod']);

interface Edit {
  meta?: (t: string) => string;
  sh?: (t: string) => string;
  bat?: ((t: string) => string) | null;
  exists?: (p: string) => boolean;
}

/** Lint the generated hello recipe after an edit. */
function lint(edit: Edit = {}): Finding[] {
  return lintRecipe({
    meta: (edit.meta ?? ((t) => t))(text('meta.yaml')),
    scripts: { 'build.sh': (edit.sh ?? ((t) => t))(text('build.sh')), ...(edit.bat === null ? {} : { 'bld.bat': (edit.bat ?? ((t) => t))(text('bld.bat')) }) },
    exists: edit.exists ?? ((p) => existsSync(join(hello, p))),
    recipeFiles: files.map((f) => f.name),
    variantFiles: [pinningFile()],
    sources: () => TARBALL,
  });
}
const UNIX = ['linux-64', 'linux-aarch64', 'linux-ppc64le', 'osx-64', 'osx-arm64'];
const WINDOWS = ['win-64', 'win-arm64'];
const ids = (findings: Finding[]): string[] => [...new Set(findings.map((f) => f.id))].sort();
const only = (findings: Finding[], id: string): Finding => {
  const found = findings.filter((f) => f.id === id);
  expect(found, JSON.stringify(findings, null, 2)).toHaveLength(1);
  return found[0] as Finding;
};

describe('the recipe linter, one broken recipe per rule', () => {
  it('finds nothing in the generated recipe', () => {
    expect(lint()).toEqual([]);
  });

  it('schema.unknown-key: names the key and suggests the right one', () => {
    const f = only(lint({ meta: (t) => t.replace('  number: 0', '  numbr: 0') }), 'schema.unknown-key');
    expect(f.message).toContain('build/numbr');
    expect(f.hint).toBe('did you mean build/number?');
    expect(f.subdirs).toHaveLength(7);
    const top = only(lint({ meta: (t) => t.replace('about:', 'abuot:') }), 'schema.unknown-key');
    expect(top.message).toContain('unknown top-level key abuot');
    expect(top.hint).toBe('did you mean about?');
  });

  it('schema.not-a-dict and schema.bad-value', () => {
    expect(ids(lint({ meta: (t) => t.replace(/extra:\n  recipe-maintainers:\n    - alice/, 'app:\n  - x') }))).toContain('schema.not-a-dict');
    const f = only(lint({ meta: (t) => t.replace('  number: 0', '  number: 0\n  noarch: python3') }), 'schema.bad-value');
    expect(f.message).toContain('python3');
  });

  it('source.sha256-missing and source.sha256-invalid (a placeholder is not a checksum)', () => {
    expect(only(lint({ meta: (t) => t.replace(/\n  sha256: .*/, '') }), 'source.sha256-missing').message).toContain('source has a url but no sha256');
    expect(only(lint({ meta: (t) => t.replace(/sha256: .*/, 'sha256: <fill me in>') }), 'source.sha256-invalid').message).toContain('<fill me in>');
    // conda-build renders with StrictUndefined: an undefined name is an error of its own.
    expect(ids(lint({ meta: (t) => t.replace(/sha256: .*/, 'sha256: {{ sha256 }}') }))).toEqual(['jinja.invalid']);
    expect(ids(lint({ meta: (t) => t.replace(/source:\n.*\n.*\n/, '') }))).toEqual(['source.missing']);
  });

  it('build.number-missing and build.number-invalid', () => {
    expect(ids(lint({ meta: (t) => t.replace('  number: 0\n', '  string: x\n') }))).toEqual(['build.number-missing']);
    expect(ids(lint({ meta: (t) => t.replace('  number: 0', '  number: one') }))).toEqual(['build.number-invalid']);
  });

  it('license.file-not-found: a license_file that is not on disk', () => {
    const f = only(lint({ meta: (t) => t.replace('    - LICENSE\n', '    - COPYING\n') }), 'license.file-not-found');
    expect(f.message).toContain('COPYING');
    // library_licenses/ is written by the build script, so it need not exist yet.
    expect(lint({ exists: (p) => p === 'LICENSE' })).toEqual([]);
    // LICENSE from the source tarball: not in the module, yet there.
    expect(lint({ exists: () => false })).toEqual([]);
    // Saved into other/, which the package does not list: both are said.
    expect(ids(lint({ sh: (t) => t.replace('--save_path library_licenses', '--save_path other'), exists: (p) => p === 'LICENSE' }))).toEqual(['go-licenses.not-shipped', 'license.file-not-found']);
    expect(ids(lint({ meta: (t) => t.replace(/  license_file:\n.*\n.*\n/, '') }))).toEqual(['license.no-file']);
    expect(ids(lint({ meta: (t) => t.replace('  license: MIT\n', '') }))).toEqual(['license.missing']);
    expect(ids(lint({ meta: (t) => t.replace('license_family: MIT', 'license_family: MITX') }))).toEqual(['license.family']);
  });

  it('go.compiler: no Go compiler in build requirements (plain go is not one)', () => {
    const f = only(lint({ meta: (t) => t.replace("{{ compiler('go-cgo') }}", 'go >=1.21') }), 'go.compiler');
    expect(f.message).toContain('"go >=1.21"');
    expect(f.hint).toContain("compiler('go-nocgo')");
    const cgoNoC = lint({ meta: (t) => t.replace("    - {{ compiler('c') }}\n", '').replace("    - {{ stdlib('c') }}\n", '') });
    expect(only(cgoNoC, 'go.cgo-c-compiler').severity).toBe('warning');
  });

  it('go-licenses.requirement and go-licenses.save', () => {
    expect(ids(lint({ meta: (t) => t.replace('    - go-licenses\n', '') }))).toEqual(['go-licenses.requirement']);
    const f = only(lint({ sh: (t) => t.replace(/go-licenses save .*/, '') }), 'go-licenses.save');
    expect(f.file).toBe('build.sh');
    expect(f.subdirs).toEqual(UNIX);
    // A requirement only some platforms get is reported for the others.
    expect(only(lint({ meta: (t) => t.replace('    - go-licenses\n', '    - go-licenses  # [not win]\n') }), 'go-licenses.requirement').subdirs).toEqual(WINDOWS);
  });

  it('test.binary-untested and test.missing', () => {
    const f = only(lint({ meta: (t) => t.replace(/    - hello --help\n    - hello --version\n    - test -f .*\n/, '') }), 'test.binary-untested');
    expect(f.message).toContain('hello');
    expect(f.subdirs).toEqual(UNIX);
    expect(ids(lint({ meta: (t) => t.replace(/test:\n(    .*\n|  .*\n)*/, '') }))).toEqual(['test.binary-untested', 'test.missing']);
  });

  it('yaml.invalid: the YAML is broken only after rendering the Jinja', () => {
    const f = only(lint({ meta: (t) => `{% set odd = "x: y: z" %}\n${t.replace('  number: 0', '  number: 0\n  string: {{ odd }}')}` }), 'yaml.invalid');
    expect(f.message).toMatch(/^YAML \(line \d+ of the rendered text\)/);
    expect(ids(lint({ meta: () => '- just\n- a list\n' }))).toEqual(['yaml.invalid']);
  });

  it('jinja.invalid and selector.invalid', () => {
    expect(ids(lint({ meta: (t) => t.replace("compiler('c')", "compiler('c'") }))).toEqual(['jinja.invalid']);
    const f = only(lint({ meta: (t) => t.replace('  number: 0', '  number: 0  # [linux and]') }), 'selector.invalid');
    expect(f.message).toMatch(/line 13.*linux and/);
  });

  it('package.version and build.script-missing', () => {
    expect(ids(lint({ meta: (t) => t.replace('"1.2.3"', '"1.2.3-rc1"') }))).toEqual(['package.version']);
    const f = only(lint({ bat: null }), 'build.script-missing');
    expect(f.subdirs).toEqual(WINDOWS);
  });

  it('a skipped platform is not checked', () => {
    expect(lint({ bat: null, meta: (t) => t.replace('  number: 0', '  number: 0\n  skip: true  # [win]') })).toEqual([]);
  });

  it('every rule has a test above', () => {
    expect(Object.keys(RULES).sort()).toEqual(
      ['build.number-invalid', 'build.number-missing', 'build.script-missing', 'go-licenses.requirement', 'go-licenses.save', 'go.cgo-c-compiler', 'go.compiler', 'jinja.invalid', 'license.family', 'license.file-not-found', 'license.missing', 'license.no-file', 'package.name', 'package.version', 'schema.bad-value', 'schema.not-a-dict', 'schema.unknown-key', 'selector.invalid', 'source.missing', 'source.sha256-invalid', 'source.sha256-missing', 'test.binary-untested', 'test.missing', 'yaml.invalid',
        // Tested in fixtures.test.ts, each on a recipe in the shape of a real feedstock.
        'go.not-a-go-recipe', 'go-licenses.unpinned', 'go-licenses.failure-hidden', 'go-licenses.not-shipped', 'license.not-checked', 'source.sha256-mismatch'].sort(),
    );
    expect(ids(lint({ meta: (t) => t.replace('  name: {{ name }}\n', '') }))).toEqual(['package.name']);
  });
});

describe('hand-written recipes', () => {
  it('a conda-forge style recipe with an inline script, selectors and pin_compatible is clean', async () => {
    expect((await checkRecipeDir(join(DATA, 'handwritten'), { offline: true })).findings).toEqual([]);
  });

  it('finds the binaries a script installs', () => {
    expect(installedBinaries('go build -o $PREFIX/bin/a ./x\ngo build -o "${PREFIX}/bin/b" .\ngo build -o %LIBRARY_BIN%\\c.exe .\n')).toEqual(['a', 'b', 'c']);
  });
});

describe('the v1 recipe.yaml linter', () => {
  const v1Files = renderRecipe(planFor(hello, { format: 'both' }));
  const v1Text = v1Files.find((f) => f.name === 'recipe.yaml')?.content ?? '';
  const scripts = Object.fromEntries(v1Files.map((f) => [f.name, f.content]));
  const lintV1 = (edit: (t: string) => string = (t) => t, more: Partial<Parameters<typeof lintRecipeV1>[1]> = {}): Finding[] =>
    lintRecipeV1(edit(v1Text), { scripts, exists: (p) => existsSync(join(hello, p)), recipeFiles: v1Files.map((f) => f.name), variantFiles: [pinningFile()], sources: () => TARBALL, ...more });

  it('finds nothing in the generated recipe.yaml; its script is build.sh or bld.bat per platform', () => {
    expect(lintV1()).toEqual([]);
    const f = only(lintV1(undefined, { scripts: { ...scripts, 'bld.bat': undefined } }), 'build.script-missing');
    expect(f.subdirs).toEqual(WINDOWS);
    expect(f.message).toContain('bld.bat');
  });

  it('a platform the recipe skips is not checked', () => {
    const restricted = renderRecipe(planFor(hello, { format: 'v1', platforms: ['linux-64', 'osx-arm64'] })).find((f) => f.name === 'recipe.yaml')?.content ?? '';
    expect(lintRecipeV1(restricted, { scripts: { 'build.sh': scripts['build.sh'] }, exists: () => true, recipeFiles: [], subdirs: ['win-64', 'osx-64'], variantFiles: [pinningFile()] })).toEqual([]);
    expect(lintRecipeV1(restricted, { scripts: {}, exists: () => true, recipeFiles: [], subdirs: ['linux-64'], variantFiles: [pinningFile()] }).map((f) => f.id)).toEqual(['build.script-missing']);
  });

  it.each([
    ['schema.unknown-key', (t: string) => t.replace('  number: 0', '  numbr: 0'), 'build/numbr'],
    ['source.sha256-invalid', (t: string) => t.replace(/sha256: .*/, 'sha256: XXXX'), 'XXXX'],
    ['go.compiler', (t: string) => t.replace("${{ compiler('go-cgo') }}", 'go'), 'no Go compiler'],
    ['go-licenses.requirement', (t: string) => t.replace('    - go-licenses\n', ''), 'go-licenses'],
    ['go.cgo-c-compiler', (t: string) => t.replace("    - ${{ stdlib('c') }}\n", ''), "without stdlib('c')"],
    ['license.file-not-found', (t: string) => t.replace('    - LICENSE\n', '    - NOTICE\n'), 'NOTICE'],
    ['test.binary-untested', (t: string) => t.replace(/  - script:\n.*\n.*\n/, ''), 'hello'],
    ['yaml.invalid', (t: string) => `${t}\n  bad: [`, 'YAML'],
    ['jinja.invalid', (t: string) => t.replace('${{ version }}', '${{ version( }}'), 'Jinja'],
  ] as const)('%s', (id, edit, text) => {
    const findings = lintV1(edit);
    expect(findings.map((f) => f.id)).toContain(id);
    expect(findings.find((f) => f.id === id)?.message).toContain(text);
  });

  it('chooses if/then/else items per platform', () => {
    const edited = (t: string) => t.replace('    - go-licenses\n', '    - if: unix\n      then: go-licenses\n');
    expect(only(lintV1(edited), 'go-licenses.requirement').subdirs).toEqual(WINDOWS);
  });
});
