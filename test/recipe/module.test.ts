import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgeArchiveUrl, forgeOf, goFileFacts, moduleBaseName, parseGoMod, stripGoComments } from '../../src/recipe/gomod.js';
import { detectLicense } from '../../src/recipe/license.js';
import { readmeSummary } from '../../src/recipe/readme.js';
import { scanModule } from '../../src/recipe/scan.js';
import { condaVersionProblem, versionFromTag } from '../../src/recipe/version.js';
import { thrown } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';
import { requireAll } from '../helpers/tools.js';
import { copyFixture, DATA, FIXTURES } from './helpers.js';

describe('go.mod and module paths', () => {
  it('reads the module path and go version, ignoring comments and quotes', () => {
    expect(parseGoMod('// header\nmodule "github.com/a/b" // the module\n\ngo 1.21.3\n\nrequire x.y/z v1.0.0\n')).toEqual({ module: 'github.com/a/b', go: '1.21.3' });
    expect(parseGoMod('module example.com/x\n')).toEqual({ module: 'example.com/x', go: null });
    expect(parseGoMod('go 1.19\n')).toBeNull();
  });

  it('names a binary after the last path element, without a major-version suffix', () => {
    expect(moduleBaseName('github.com/example/hello')).toBe('hello');
    expect(moduleBaseName('github.com/example/tool/v3')).toBe('tool');
    expect(moduleBaseName('gopkg.in/yaml.v3')).toBe('yaml');
  });

  it('knows GitHub and GitLab homes and their tag tarballs; other hosts have none', () => {
    const gh = forgeOf('github.com/example/hello/v2');
    expect(gh).toEqual({ kind: 'github', home: 'https://github.com/example/hello', repo: 'hello' });
    expect(forgeArchiveUrl(gh!, 'v1.0.0')).toBe('https://github.com/example/hello/archive/refs/tags/v1.0.0.tar.gz');
    const gl = forgeOf('gitlab.com/group/sub/multi');
    expect(gl?.home).toBe('https://gitlab.com/group/sub/multi');
    expect(forgeArchiveUrl(gl!, 'v2.0')).toBe('https://gitlab.com/group/sub/multi/-/archive/v2.0/multi-v2.0.tar.gz');
    expect(forgeOf('example.com/x/y')).toBeNull();
    expect(forgeOf('github.com/onlyowner')).toBeNull();
  });
});

describe('Go source facts', () => {
  it('finds import "C" in single and grouped imports, not in comments or strings', () => {
    expect(goFileFacts('package x\n\nimport "C"\n').imports).toEqual(['C']);
    expect(goFileFacts('package x\n/*\n#include <stdio.h>\n*/\nimport (\n\t"fmt"\n\tc "C"\n)\n').imports).toEqual(['fmt', 'C']);
    expect(goFileFacts('package x\n\n// import "C"\nimport "fmt"\n').imports).toEqual(['fmt']);
    expect(goFileFacts('package x\n\nimport "fmt"\n\nvar s = `import "C"`\n').imports).toEqual(['fmt']);
    expect(goFileFacts('/* package fake */\npackage main\n').package).toBe('main');
  });

  it('keeps string literals with comment markers intact', () => {
    expect(stripGoComments('x := "http://a" // gone\ny := \'/\' /* gone */')).toBe(`x := "http://a" \ny := '/' ${' '.repeat('/* gone */'.length)}`);
  });

  it('scans the fixtures: hello is a root main with cgo behind a build tag, multi has two pure-Go commands', () => {
    const hello = scanModule(join(FIXTURES, 'hello'));
    expect(hello.module).toBe('github.com/example/hello');
    expect(hello.go).toBe('1.19');
    expect(hello.mains).toEqual([{ package: '.', binary: 'hello', hasVersionFlag: true }]);
    expect(hello.cgoFiles).toEqual(['cgoinfo/cgo.go']);
    expect(hello.license?.file).toBe('LICENSE');
    const multi = scanModule(join(FIXTURES, 'multi'));
    expect(multi.mains.map((m) => [m.package, m.binary])).toEqual([['./cmd/alpha', 'alpha'], ['./cmd/beta', 'beta']]);
    expect(multi.cgoFiles).toEqual([]);
  });

  it('skips tests, vendor/ and testdata/ for cgo, and finds COPYING', () => {
    const dir = copyFixture('multi', tempDir('gocross-recipe-scan-'));
    for (const sub of ['vendor/x', 'testdata/y']) {
      mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, sub, 'c.go'), 'package y\n\nimport "C"\n');
    }
    writeFileSync(join(dir, 'internal/greet/c_test.go'), 'package greet\n\nimport "C"\n');
    expect(scanModule(dir).cgoFiles).toEqual([]);
    writeFileSync(join(dir, 'internal/greet/c.go'), 'package greet\n\nimport "C"\n');
    expect(scanModule(dir).cgoFiles).toEqual(['internal/greet/c.go']);
  });

  it('refuses a directory without go.mod (exit 2)', () => {
    const error = thrown(() => scanModule(DATA));
    expect(error.code).toBe('recipe.no-go-mod');
    expect(error.exitCode).toBe(2);
  });
});

describe('license detection', () => {
  const text = (path: string): string => readFileSync(path, 'utf8');
  it('knows the fixtures: MIT and the full Apache-2.0 text', () => {
    expect(detectLicense(text(join(FIXTURES, 'hello/LICENSE')))).toMatchObject({ spdx: 'MIT', family: 'MIT', known: true });
    expect(detectLicense(text(join(FIXTURES, 'multi/LICENSE')))).toMatchObject({ spdx: 'Apache-2.0', family: 'APACHE', known: true });
  });

  // Debian's texts of the licenses, as shipped by base-files (an essential package).
  const COMMON = '/usr/share/common-licenses';
  if (!existsSync(COMMON)) {
    if (requireAll()) throw new Error(`GOCROSS_REQUIRE_ALL=1 but ${COMMON} is missing (apt-get install base-files)`);
    console.warn(`\n*** SKIPPING license texts from ${COMMON}: not a Debian system ***\n`);
  }
  const debian: [string, string, string][] = [
    ['GPL-2', 'GPL-2.0-only', 'GPL2'],
    ['GPL-3', 'GPL-3.0-only', 'GPL3'],
    ['LGPL-2.1', 'LGPL-2.1-only', 'LGPL'],
    ['LGPL-3', 'LGPL-3.0-only', 'LGPL'],
    ['MPL-2.0', 'MPL-2.0', 'MOZILLA'],
    ['BSD', 'BSD-3-Clause', 'BSD'],
    ['Apache-2.0', 'Apache-2.0', 'APACHE'],
    ['CC0-1.0', 'CC0-1.0', 'PUBLIC-DOMAIN'],
  ];
  it.skipIf(!existsSync(COMMON)).each(debian)('/usr/share/common-licenses/%s is %s', (file, spdx, family) => {
    const found = detectLicense(text(`/usr/share/common-licenses/${file}`));
    expect(found).toMatchObject({ spdx, family, known: true });
    if (spdx.includes('GPL')) expect(found.note).toMatch(/or-later/);
  });

  it('knows ISC and BSD-2-Clause, and names an unknown text LicenseRef-', () => {
    expect(detectLicense(text(join(DATA, 'licenses/ISC.txt'))).spdx).toBe('ISC');
    expect(detectLicense(text(join(DATA, 'licenses/BSD-2-Clause.txt'))).spdx).toBe('BSD-2-Clause');
    expect(detectLicense(text(join(DATA, 'licenses/Custom.txt')))).toEqual({ spdx: 'LicenseRef-Acme-Source-License', family: 'OTHER', known: false });
    expect(detectLicense('All rights reserved.').spdx).toBe('LicenseRef-Unknown');
  });

  it('is not fooled by line wrapping, case or markdown', () => {
    expect(detectLicense('# MIT\n\n**Permission is hereby granted**, free of\ncharge, to any person\n  obtaining a copy').spdx).toBe('MIT');
  });
});

describe('README summary and versions', () => {
  it('takes the first prose paragraph, plain', () => {
    expect(readmeSummary(readFileSync(join(FIXTURES, 'hello/README.md'), 'utf8'))).toBe('A tiny command-line tool that prints its version and the platform it was built for.');
    expect(readmeSummary(readFileSync(join(FIXTURES, 'multi/README.md'), 'utf8'))).toBe('Multi ships two small commands, alpha and beta, from one Go module.');
    expect(readmeSummary('# T\n\n[![ci](https://x/b.svg)](https://x)\n\nA `fast` tool for [things](https://t).\n')).toBe('A fast tool for things.');
    expect(readmeSummary(`${'Long sentence here. '.repeat(3)}${'x'.repeat(200)}`)).toBe('Long sentence here.');
    expect(readmeSummary('# only a heading\n')).toBeNull();
  });

  it('reads versions from tags and rejects what conda cannot take', () => {
    expect(versionFromTag('v1.2.3')).toEqual({ version: '1.2.3', prefix: 'v' });
    expect(versionFromTag('release-2.0')).toEqual({ version: '2.0', prefix: 'release-' });
    expect(versionFromTag('1.0')).toEqual({ version: '1.0', prefix: '' });
    expect(versionFromTag('latest')).toBeNull();
    expect(condaVersionProblem('1.2.3')).toBeNull();
    expect(condaVersionProblem('1.2.3-rc1')).toMatch(/'-'/);
    expect(condaVersionProblem('1 2')).toMatch(/only letters/);
  });
});
