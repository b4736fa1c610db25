import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgeArchiveUrl, forgeOf } from '../../src/recipe/forge.js';
import { moduleBaseName } from '../../src/recipe/plan.js';
import { readmeSummary } from '../../src/recipe/readme.js';
import { scanModule } from '../../src/recipe/scan.js';
import { condaVersionProblem, versionFromTag } from '../../src/recipe/version.js';
import { thrown } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';
import { copyFixture, DATA, FIXTURES } from './helpers.js';

describe('module paths', () => {
  it('names the package and root binary after the last path element, without a major-version or gopkg.in suffix', () => {
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

describe('scanning a module', () => {
  it('scans the fixtures: hello is a root main with cgo behind a build tag, multi has two pure-Go commands', () => {
    const hello = scanModule(join(FIXTURES, 'hello'));
    expect(hello.path).toBe('github.com/example/hello');
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
