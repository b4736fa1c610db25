import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/io/process.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';
import { copyFixture, git, gitRepo } from './helpers.js';

const GIT = requireTool('git');
const SHA256SUM = requireTool('sha256sum');

describe.skipIf(!GIT)('gocross recipe on the command line', () => {
  const root = tempDir('gocross-recipe-cli-');
  const hello = copyFixture('hello', root);
  gitRepo(hello, 'v1.2.3');
  const tarball = join(root, 'hello-1.2.3.tar.gz');
  git(hello, 'archive', '--prefix=hello-1.2.3/', '-o', tarball, 'v1.2.3');
  const tarballBytes = readFileSync(tarball);
  const requests: string[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/releases/hello-1.2.3.tar.gz') {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': tarballBytes.length });
        res.end(tarballBytes);
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  let n = 0;
  const out = (): string => join(root, `out-${++n}`);
  const recipe = (args: string[], cwd = root) => gocross(['recipe', ...args], { cwd });
  const expectedSha = async (): Promise<string> =>
    SHA256SUM ? (await run(SHA256SUM, [tarball])).stdout.split(' ')[0] as string : createHash('sha256').update(tarballBytes).digest('hex');

  it('--url: downloads the tarball for its sha256 (sha256sum agrees); version from the tag; the result passes --check', async () => {
    const dir = out();
    const result = await recipe([hello, '--url', `${base}/releases/hello-1.2.3.tar.gz`, '--out', dir, '--maintainer', 'alice']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(requests).toContain('/releases/hello-1.2.3.tar.gz');
    const meta = readFileSync(join(dir, 'hello/meta.yaml'), 'utf8');
    expect(meta).toContain(`sha256: ${await expectedSha()}`);
    expect(meta).toContain(`url: ${base}/releases/hello-{{ version }}.tar.gz`);
    expect(meta).toContain('{% set version = "1.2.3" %}');
    expect(result.stdout).toContain(`created: ${join(dir, 'hello/meta.yaml')}`);
    for (const name of ['build.sh', 'bld.bat', 'conda-forge.yml']) expect(existsSync(join(dir, 'hello', name))).toBe(true);
    expect(existsSync(join(dir, 'hello/recipe.yaml'))).toBe(false);

    const check = await recipe([hello, '--check', join(dir, 'hello')]);
    expect(check.exitCode, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/hello: ok/);
  });

  it('--out outside the module, then --check from any directory: LICENSE comes from the source archive, read from the cache or downloaded once', async () => {
    const dir = join(root, 'elsewhere', 'recipes');
    const cacheHome = join(root, 'cache-generated');
    const url = `${base}/releases/hello-1.2.3.tar.gz`;
    const made = await gocross(['recipe', hello, '--url', url, '--out', dir, '--maintainer', 'alice', '--format', 'both', '--licenses-ignore', 'example.com/unclassified'], { cwd: root, env: { XDG_CACHE_HOME: cacheHome } });
    expect(made.exitCode, made.stderr).toBe(0);
    const recipeDir = join(dir, 'hello');
    expect(readFileSync(join(recipeDir, 'build.sh'), 'utf8')).toContain('go-licenses save . --save_path library_licenses --ignore example.com/unclassified');
    expect(readFileSync(join(recipeDir, 'bld.bat'), 'utf8')).toContain('--ignore example.com/unclassified');
    const forge = readFileSync(join(recipeDir, 'conda-forge.yml'), 'utf8');
    for (const line of ['linux_aarch64: linux_64', 'linux_ppc64le: linux_64', 'osx_arm64: osx_64', 'win_arm64: win_64', 'conda_build_tool: rattler-build']) expect(forge).toContain(line);

    // The tarball the generator downloaded for its sha256 is in the cache: no second download.
    const downloads = requests.filter((r) => r === '/releases/hello-1.2.3.tar.gz').length;
    const checked = await gocross(['recipe', '--check', recipeDir], { cwd: '/', env: { XDG_CACHE_HOME: cacheHome } });
    expect(checked.exitCode, checked.stdout).toBe(0);
    expect(checked.stdout).not.toContain('license.not-checked');
    expect(checked.stderr).toContain('for linux-64, linux-aarch64, linux-ppc64le, osx-64, osx-arm64, win-64, win-arm64 (conda-forge.yml): 0 errors, 0 warnings');
    expect(requests.filter((r) => r === '/releases/hello-1.2.3.tar.gz').length).toBe(downloads);

    // An empty cache: downloaded once, its sha256 checked; offline, the LICENSE is only "not checked".
    const fresh = join(root, 'cache-fresh');
    const downloaded = await gocross(['recipe', '--check', recipeDir, '--json'], { cwd: '/', env: { XDG_CACHE_HOME: fresh } });
    expect(downloaded.exitCode, downloaded.stdout).toBe(0);
    expect(requests.filter((r) => r === '/releases/hello-1.2.3.tar.gz').length).toBe(downloads + 1);
    expect(readFileSync(join(fresh, 'gocross', 'sources', (readFileSync(join(recipeDir, 'meta.yaml'), 'utf8').match(/sha256: (\w+)/) as RegExpMatchArray)[1] as string))).toEqual(tarballBytes);
    const offline = await gocross(['recipe', '--check', recipeDir, '--offline'], { cwd: '/', env: { XDG_CACHE_HOME: join(root, 'cache-offline') } });
    expect(offline.exitCode, offline.stdout).toBe(0);
    expect(offline.stdout).toContain('info [license.not-checked] about/license_file LICENSE not checked: the source archive is not in the cache and --offline keeps gocross off the network');
    expect(requests.filter((r) => r === '/releases/hello-1.2.3.tar.gz').length).toBe(downloads + 1);

    // A local tarball (--source path): its file:// URL is read where it is.
    const local = join(root, 'elsewhere', 'local');
    expect((await gocross(['recipe', hello, '--source', 'path', '--url', tarball, '--out', local, '--maintainer', 'alice'], { cwd: root })).exitCode).toBe(0);
    const fromFile = await gocross(['recipe', '--check', join(local, 'hello'), '--offline'], { cwd: '/', env: { XDG_CACHE_HOME: join(root, 'cache-none') } });
    expect(fromFile.exitCode, fromFile.stdout).toBe(0);
    expect(fromFile.stdout).not.toContain('not-checked');
    expect((await gocross(['recipe', hello, '--url', url, '--licenses-ignore', '@bad/module', '--dry-run'], { cwd: root })).exitCode).toBe(2);
  });

  it('a URL that is not there: exit 3, nothing written, no placeholder', async () => {
    const dir = out();
    const result = await recipe([hello, '--url', `${base}/releases/missing.tar.gz`, '--out', dir]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('HTTP 404');
    expect(result.stderr).toContain('hint:');
    expect(existsSync(dir)).toBe(false);
  });

  it('no URL and no network: the forge URL cannot be reached, exit 3 with a hint', async () => {
    const dir = out();
    const result = await gocross(['recipe', hello, '--out', dir], { cwd: root, env: { HTTPS_PROXY: `${base}/`, https_proxy: `${base}/`, NO_PROXY: '', no_proxy: '' } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('github.com/example/hello/archive/refs/tags/v1.2.3.tar.gz');
    expect(result.stderr).toContain('--source path');
    expect(existsSync(dir)).toBe(false);
  });

  it('--source path: the sha256 of a local tarball, a file:// URL', async () => {
    const dir = out();
    const result = await recipe([hello, '--source', 'path', '--url', tarball, '--out', dir, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { source: { url: string; sha256: string }; cgo: boolean; binaries: unknown[]; license: { spdx: string } };
    expect(report.source).toEqual({ kind: 'url', url: `file://${tarball}`, sha256: await expectedSha() });
    expect(report.cgo).toBe(true);
    expect(report.binaries).toEqual([{ name: 'hello', package: '.' }]);
    expect(report.license.spdx).toBe('MIT');
    expect(result.stderr).toContain('no --maintainer given');
  });

  it('--source git: git_url from the origin remote, the tag as git_rev', async () => {
    const module = copyFixture('multi', join(root, 'git-src'));
    gitRepo(module, 'v0.4.0');
    git(module, 'remote', 'add', 'origin', 'https://gitlab.com/example/multi.git');
    const dir = out();
    const result = await recipe([module, '--source', 'git', '--out', dir, '--maintainer', 'bob', '--format', 'both']);
    expect(result.exitCode, result.stderr).toBe(0);
    const meta = readFileSync(join(dir, 'multi/meta.yaml'), 'utf8');
    expect(meta).toContain('git_url: https://gitlab.com/example/multi.git\n  git_rev: v{{ version }}');
    expect(meta).not.toContain('sha256');
    expect(readFileSync(join(dir, 'multi/recipe.yaml'), 'utf8')).toContain('git: https://gitlab.com/example/multi.git\n  tag: v${{ version }}');
    expect((await recipe([module, '--check', join(dir, 'multi')])).exitCode).toBe(0);
  });

  it('the version: --version V wins; past the tag a warning; no tag and no version is exit 2', async () => {
    const module = copyFixture('hello', join(root, 'versions'));
    gitRepo(module, 'v1.0.0');
    writeFileSync(join(module, 'NEWS'), 'more\n');
    git(module, 'add', 'NEWS');
    git(module, 'commit', '-q', '-m', 'after the tag');
    const past = await recipe([module, '--source', 'path', '--url', tarball, '--dry-run']);
    expect(past.exitCode).toBe(0);
    expect(past.stderr).toContain('HEAD is past the tag v1.0.0');
    expect(past.stdout).toContain('{% set version = "1.0.0" %}');
    const given = await recipe([module, '--source', 'path', '--url', tarball, '--dry-run', '--version', '2.0.0']);
    expect(given.stdout).toContain('{% set version = "2.0.0" %}');

    const untagged = copyFixture('hello', join(root, 'untagged'));
    const none = await recipe([untagged, '--source', 'path', '--url', tarball]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no version for github.com/example/hello');
    expect(none.stderr).toContain('hint: pass --version 1.2.3');
  });

  it('--dry-run prints the files and writes nothing', async () => {
    const dir = out();
    const result = await recipe([hello, '--source', 'path', '--url', tarball, '--out', dir, '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`would create ${join(dir, 'hello/meta.yaml')}\n`);
    expect(result.stdout).toContain("- {{ compiler('go-cgo') }}");
    expect(result.stdout).toContain('go-licenses save . --save_path library_licenses');
    expect(existsSync(dir)).toBe(false);
    const pure = await recipe([hello, '--source', 'path', '--url', tarball, '--out', dir, '--dry-run', '--no-cgo']);
    expect(pure.stdout).toContain("- {{ compiler('go-nocgo') }}");
    expect(pure.stdout).not.toContain("compiler('c')");
    expect(pure.stderr).toContain('cgo off (--no-cgo)');
    expect(pure.stderr).toContain('conda-forge needs the public tarball URL');
  });

  it('never overwrites a recipe without --force (exit 2 with a hint); the same recipe again is unchanged', async () => {
    const dir = out();
    const args = [hello, '--source', 'path', '--url', tarball, '--out', dir];
    expect((await recipe([...args, '--maintainer', 'alice'])).exitCode).toBe(0);
    const before = readFileSync(join(dir, 'hello/meta.yaml'), 'utf8');
    const again = await recipe([...args, '--maintainer', 'alice']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('unchanged:');
    const other = await recipe([...args, '--maintainer', 'bob']);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toContain('refusing to overwrite');
    expect(other.stderr).toContain('hint: pass --force');
    expect(readFileSync(join(dir, 'hello/meta.yaml'), 'utf8')).toBe(before);
    const dry = await recipe([...args, '--maintainer', 'bob', '--dry-run']);
    expect(dry.stdout).toContain(`would update ${join(dir, 'hello/meta.yaml')} (needs --force)`);
    const forced = await recipe([...args, '--maintainer', 'bob', '--force']);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'hello/meta.yaml'), 'utf8')).toContain('- bob');
  });

  it('--check: findings with ids, --json, exit 1; a path without a recipe is exit 2', async () => {
    const dir = out();
    expect((await recipe([hello, '--source', 'path', '--url', tarball, '--out', dir, '--maintainer', 'alice'])).exitCode).toBe(0);
    const meta = join(dir, 'hello/meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('  number: 0', '  numbr: 0').replace(/sha256: .*/, 'sha256: TODO'));
    const text = await recipe([hello, '--check', dir]);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('[schema.unknown-key] unknown key build/numbr');
    expect(text.stdout).toContain('hint: did you mean build/number?');
    const json = await recipe([hello, '--check', meta, '--json']);
    expect(json.exitCode).toBe(1);
    const report = JSON.parse(json.stdout) as { recipes: { ok: boolean; findings: { id: string }[] }[] };
    expect(report.recipes[0]?.ok).toBe(false);
    expect(report.recipes[0]?.findings.map((f) => f.id).sort()).toEqual(['build.number-missing', 'schema.unknown-key', 'source.sha256-invalid']);
    const missing = await recipe(['--check', join(root, 'nowhere')]);
    expect(missing.exitCode).toBe(2);
    const empty = await recipe(['--check', hello]);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('holds no meta.yaml');
  });

  it('--check without a path lints the recipes under --out; license files are looked for in the module above', async () => {
    const module = copyFixture('multi', join(root, 'inrepo'));
    gitRepo(module, 'v0.4.0');
    const made = await recipe(['--source', 'path', '--url', tarball, '--maintainer', 'alice'], module);
    expect(made.exitCode, made.stderr).toBe(0);
    expect(existsSync(join(module, 'recipes/multi/meta.yaml'))).toBe(true);
    expect((await recipe(['--check'], module)).exitCode).toBe(0);
    const inRecipe = await recipe(['--check'], join(module, 'recipes/multi'));
    expect(inRecipe.exitCode).toBe(0);
    expect(inRecipe.stdout.trim()).toBe('.: ok');
    // LICENSE is also in the source tarball, so it is found without the module's copy.
    await run('mv', [join(module, 'LICENSE'), join(module, 'LICENSE.txt')]);
    expect((await recipe(['--check'], module)).exitCode).toBe(0);
    // LICENSE.txt only the module above has; COPYING nothing has.
    const meta = join(module, 'recipes/multi/meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('    - LICENSE\n', '    - LICENSE.txt\n'));
    expect((await recipe(['--check'], module)).exitCode).toBe(0);
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('    - LICENSE.txt\n', '    - COPYING\n'));
    const after = await recipe(['--check'], module);
    expect(after.exitCode).toBe(1);
    expect(after.stdout).toContain('[license.file-not-found] about/license_file COPYING is not on disk');
  });

  it('bad options are exit 2 with one clear message', async () => {
    const platforms = await recipe([hello, '--source', 'path', '--url', tarball, '--platforms', 'linux-64,plan9-64']);
    expect(platforms.exitCode).toBe(2);
    expect(platforms.stderr).toContain('unknown conda platform plan9-64');
    // Bad input fails before anything is downloaded.
    const seen = requests.length;
    expect((await recipe([hello, '--url', `${base}/releases/hello-1.2.3.tar.gz`, '--maintainer', '@al ice'])).exitCode).toBe(2);
    expect(requests.length).toBe(seen);
    expect((await recipe([hello, '--format', 'yaml'])).stderr).toContain('--format yaml is not meta, v1 or both');
    expect((await recipe([hello, '--source', 'svn'])).exitCode).toBe(2);
    expect((await recipe([hello, '--source', 'path'])).stderr).toContain('--source path needs the local tarball');
    const help = await recipe(['--help']);
    expect(help.stdout).toContain('--check [path]');
    expect(help.stdout).not.toContain('not built yet');
  });

  it('--format v1 writes recipe.yaml and a conda-forge.yml for rattler-build, no meta.yaml', async () => {
    const dir = out();
    const result = await recipe([hello, '--source', 'path', '--url', tarball, '--out', dir, '--format', 'v1', '--platforms', 'linux-64,osx-arm64']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'hello/meta.yaml'))).toBe(false);
    const v1 = readFileSync(join(dir, 'hello/recipe.yaml'), 'utf8');
    expect(v1).toContain('- not (target_platform == "linux-64" or target_platform == "osx-arm64")');
    expect(readFileSync(join(dir, 'hello/conda-forge.yml'), 'utf8')).toContain('conda_build_tool: rattler-build');
    expect(readFileSync(join(dir, 'hello/conda-forge.yml'), 'utf8')).toContain('osx_arm64: osx_64');
    const check = await recipe([hello, '--check', join(dir, 'hello')]);
    expect(check.exitCode, check.stdout).toBe(0);
    writeFileSync(join(dir, 'hello/recipe.yaml'), v1.replace('    - go-licenses\n', ''));
    const broken = await recipe([hello, '--check', join(dir, 'hello')]);
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toContain('recipe.yaml: error [go-licenses.requirement]');
  });
});
