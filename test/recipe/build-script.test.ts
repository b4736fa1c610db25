/**
 * The generated build.sh, run for real the way conda-build runs it: the source tarball unpacked
 * into a work dir (SRC_DIR), the script copied there and run with bash -e, PREFIX/PKG_* set, and
 * the variables the go-nocgo / go-cgo compiler packages export on activation.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/io/process.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { copyFixture, git, gitRepo } from './helpers.js';

const GOROOT = testGoroot();
const BASH = requireTool('bash');
const GCC = requireTool('gcc');
const GIT = requireTool('git');
const TAR = requireTool('tar');
const FILE = requireTool('file');

/**
 * go-licenses is not packaged by Debian nor npm, so it cannot be installed on these machines: this
 * stand-in records its arguments and writes --save_path the way the real one does, so the test can
 * check that build.sh calls it as conda-forge expects. Everything else in the build is real.
 */
const GO_LICENSES_STUB = `#!/usr/bin/env bash
set -eu
printf '%s\\n' "$*" >> "$GO_LICENSES_LOG"
save=""
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--save_path" ]]; then save="$2"; shift; fi
  shift
done
mkdir -p "$save/example.com/dep"
cp LICENSE "$save/example.com/dep/LICENSE"
`;

interface Built {
  prefix: string;
  srcDir: string;
  log: string;
  modcache: string;
  result: { exitCode: number; stdout: string; stderr: string };
}

describe.skipIf(!GOROOT || !BASH || !GIT || !TAR)('generated build.sh in a conda-build-like environment', () => {
  const root = tempDir('gocross-recipe-build-');
  let n = 0;

  async function buildPackage(fixture: 'hello' | 'multi', tag: string, cgo: boolean): Promise<Built> {
    const base = join(root, `${fixture}-${++n}`);
    const module = copyFixture(fixture, base);
    gitRepo(module, tag);
    const version = tag.slice(1);
    const tarball = join(base, `${fixture}-${version}.tar.gz`);
    git(module, 'archive', `--prefix=${fixture}-${version}/`, '-o', tarball, tag);
    const generated = await gocross(['recipe', module, '--source', 'path', '--url', tarball, '--out', join(base, 'recipes'), '--maintainer', 'alice']);
    expect(generated.exitCode, generated.stderr).toBe(0);
    const recipe = join(base, 'recipes', fixture);

    // conda-build: unpack into work/, a single top directory becomes SRC_DIR.
    const work = join(base, 'work');
    mkdirSync(work, { recursive: true });
    await run(TAR as string, ['-xzf', tarball, '-C', work]);
    const srcDir = join(work, `${fixture}-${version}`);
    cpSync(join(recipe, 'build.sh'), join(srcDir, 'conda_build.sh'));
    const prefix = join(base, 'prefix');
    mkdirSync(join(prefix, 'bin'), { recursive: true });

    const stubs = join(base, 'stubs');
    mkdirSync(stubs, { recursive: true });
    writeFileSync(join(stubs, 'go-licenses'), GO_LICENSES_STUB, { mode: 0o755 });
    // A module Go extracted earlier: read-only, as Go leaves it. build.sh must make it writable.
    const modcache = join(base, 'gopath', 'pkg', 'mod');
    mkdirSync(join(modcache, 'example.com', 'dep@v1.0.0'), { recursive: true });
    writeFileSync(join(modcache, 'example.com', 'dep@v1.0.0', 'go.mod'), 'module example.com/dep\n');
    chmodSync(join(modcache, 'example.com', 'dep@v1.0.0', 'go.mod'), 0o444);
    chmodSync(join(modcache, 'example.com', 'dep@v1.0.0'), 0o555);

    const log = join(base, 'go-licenses.log');
    const result = await run(BASH as string, ['-e', 'conda_build.sh'], {
      cwd: srcDir,
      baseEnv: {},
      env: {
        PATH: `${stubs}:${join(GOROOT as string, 'bin')}:/usr/bin:/bin`,
        HOME: base,
        PREFIX: prefix,
        SRC_DIR: srcDir,
        RECIPE_DIR: recipe,
        PKG_NAME: fixture,
        PKG_VERSION: version,
        PKG_BUILDNUM: '0',
        GO_LICENSES_LOG: log,
        // What the compiler packages set, plus caches kept out of HOME (warm across runs).
        CGO_ENABLED: cgo ? '1' : '0',
        ...(cgo ? { CC: GCC as string } : {}),
        GOFLAGS: '-modcacherw',
        GOCACHE: join(tmpdir(), 'gocross-test-go', 'recipe-cache'),
        GOPATH: join(base, 'gopath'),
        GOMODCACHE: modcache,
        GOPROXY: 'off',
        GOTOOLCHAIN: 'local',
      },
    });
    return { prefix, srcDir, log, modcache, result };
  }

  const goVersionM = async (binary: string): Promise<string> => (await run(join(GOROOT as string, 'bin', 'go'), ['version', '-m', binary])).stdout;

  it.skipIf(!GCC)('hello with cgo: the binary lands in $PREFIX/bin, runs, is cgo, trimmed and stamped with the version', async () => {
    const built = await buildPackage('hello', 'v1.2.3', true);
    expect(built.result.exitCode, built.result.stderr).toBe(0);
    const hello = join(built.prefix, 'bin', 'hello');
    expect(statSync(hello).mode & 0o111).not.toBe(0);
    expect((await run(hello, ['--version'])).stdout.trim()).toBe(`hello 1.2.3 linux/${process.arch === 'arm64' ? 'arm64' : 'amd64'}`);
    expect((await run(hello, ['--help'])).exitCode).toBe(0);
    expect((await run(hello, [])).stdout).toContain('cgo: yes, C says 42');
    const info = await goVersionM(hello);
    expect(info).toMatch(/build\s+CGO_ENABLED=1/);
    expect(info).toMatch(/build\s+-trimpath=true/);
    // -s -w: no symbol table (go version -m drops -ldflags under -trimpath; `file` is the oracle).
    if (FILE) expect((await run(FILE, ['-b', hello])).stdout).toMatch(/, stripped/);

    expect(readFileSync(built.log, 'utf8')).toBe('save . --save_path library_licenses\n');
    expect(existsSync(join(built.srcDir, 'library_licenses', 'example.com', 'dep', 'LICENSE'))).toBe(true);
    expect(statSync(join(built.modcache, 'example.com', 'dep@v1.0.0')).mode & 0o200).not.toBe(0);
    expect(statSync(join(built.modcache, 'example.com', 'dep@v1.0.0', 'go.mod')).mode & 0o200).not.toBe(0);
  });

  it('multi, pure Go: both commands land in $PREFIX/bin and run; go-licenses saves both', async () => {
    const built = await buildPackage('multi', 'v0.4.0', false);
    expect(built.result.exitCode, built.result.stderr).toBe(0);
    for (const name of ['alpha', 'beta']) {
      const binary = join(built.prefix, 'bin', name);
      expect((await run(binary, ['--version'])).stdout.trim()).toBe(`${name} 0.4.0`);
      expect(await goVersionM(binary)).toMatch(/build\s+CGO_ENABLED=0/);
    }
    expect(readFileSync(built.log, 'utf8')).toBe('save ./cmd/alpha ./cmd/beta --save_path library_licenses\n');
  });
});
