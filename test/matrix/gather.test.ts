import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMainPackages, gitChanges, gitTag, locateModule, vcsCheckout } from '../../src/matrix/gather.js';
import { activeEnvSettings as envSettings } from '../../src/activation/settings-file.js';
import { gatherGoFacts } from '../../src/toolchain/facts.js';
import { thrown } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';

const HELLO = new URL('../fixtures/modules/hello', import.meta.url).pathname;
const MULTI = new URL('../fixtures/modules/multi', import.meta.url).pathname;

describe('main packages', () => {
  const root = tempDir('gocross-build-gather-');
  const hello = join(root, 'hello');
  const multi = join(root, 'multi');
  cpSync(HELLO, hello, { recursive: true });
  cpSync(MULTI, multi, { recursive: true });

  it('the module root when it is package main, named after the module path', () => {
    const module = locateModule(hello);
    expect(module).toEqual({ root: hello, module: { dir: hello, path: 'github.com/example/hello', go: '1.19', toolchain: null } });
    expect(findMainPackages(hello, [], module)).toEqual([{ pattern: '.', name: 'hello' }]);
    expect(findMainPackages(join(hello, 'cgoinfo'), ['..'], locateModule(join(hello, 'cgoinfo')))).toEqual([{ pattern: '.', name: 'hello' }]);
  });

  it('else every main package under cmd/, and ./... patterns expand like go', () => {
    const module = locateModule(multi);
    const both = [{ pattern: './cmd/alpha', name: 'alpha' }, { pattern: './cmd/beta', name: 'beta' }];
    expect(findMainPackages(multi, [], module)).toEqual(both);
    expect(findMainPackages(multi, ['./cmd/...'], module)).toEqual(both);
    expect(findMainPackages(multi, ['./...'], module)).toEqual(both);
    expect(findMainPackages(join(multi, 'cmd', 'beta'), [], locateModule(join(multi, 'cmd', 'beta')))).toEqual([{ pattern: './cmd/beta', name: 'beta' }]);
    expect(findMainPackages(multi, ['example.com/other/cmd/tool/v3'], module)).toEqual([{ pattern: 'example.com/other/cmd/tool/v3', name: 'tool' }]);
  });

  it('skips `//go:build ignore` generators, testdata and nested modules', () => {
    const dir = join(root, 'lib');
    mkdirSync(join(dir, 'testdata', 'x'), { recursive: true });
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(join(dir, 'go.mod'), 'module example.com/lib\n\ngo 1.19\n');
    writeFileSync(join(dir, 'gen.go'), '//go:build ignore\n\npackage main\n');
    writeFileSync(join(dir, 'lib.go'), '// Package lib is a library.\npackage lib\n');
    writeFileSync(join(dir, 'testdata', 'x', 'main.go'), 'package main\n');
    writeFileSync(join(dir, 'nested', 'go.mod'), 'module example.com/nested\n');
    writeFileSync(join(dir, 'nested', 'main.go'), 'package main\n');
    const module = locateModule(dir);
    expect(thrown(() => findMainPackages(dir, ['./...'], module)).code).toBe('build.no-main');
    const notMain = thrown(() => findMainPackages(dir, ['.'], module));
    expect(notMain.message).toBe('. is package lib, not a main package.');
    expect(notMain.exitCode).toBe(2);
    expect(thrown(() => findMainPackages(dir, [], module)).message).toContain('holds no main package, and neither does any directory under cmd/');
    expect(thrown(() => findMainPackages(dir, ['./missing'], module)).code).toBe('build.no-package');
  });

  it('knows a VCS checkout only when its tool is on PATH', () => {
    const git = requireTool('git');
    const repo = join(root, 'repo');
    mkdirSync(join(repo, 'sub'), { recursive: true });
    expect(vcsCheckout(repo, process.env.PATH).vcs).toBe(false);
    if (!git) return;
    execFileSync('git', ['init', '-q'], { cwd: repo });
    expect(vcsCheckout(join(repo, 'sub'), process.env.PATH)).toEqual({ vcs: true, note: `a git checkout (${repo}): the revision is stamped with -buildvcs`, root: repo, tool: 'git' });
    expect(vcsCheckout(join(repo, 'sub'), join(root, 'no-bin'))).toMatchObject({ vcs: false, note: expect.stringContaining('git is not on PATH') });
  });

  it("asks git for the tag at HEAD and for the uncommitted paths, each on its own", async () => {
    if (!requireTool('git')) return;
    const repo = join(root, 'tagged');
    mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(repo, 'a.txt'), 'a\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'a');
    expect(await gitTag(repo)).toBeUndefined();
    expect(await gitChanges(repo)).toEqual([]);
    git('tag', 'v1.2.3');
    writeFileSync(join(repo, 'a.txt'), 'changed\n');
    writeFileSync(join(repo, 'new.txt'), 'new\n');
    expect(await gitTag(repo)).toBe('v1.2.3');
    expect(await gitChanges(repo)).toEqual(['a.txt', 'new.txt']);
  });

  it("takes the env's settings from the caller instead of reading them again", async () => {
    const goroot = testGoroot();
    if (!goroot) return;
    const prefix = join(root, 'env-with-settings');
    mkdirSync(join(prefix, 'etc', 'gocross'), { recursive: true });
    writeFileSync(join(prefix, 'etc', 'gocross', 'env-settings.ini'), `goroot = ${goroot}\n`);
    const env = { PATH: '', CONDA_PREFIX: prefix };
    const read = envSettings(env);
    expect(read?.goroot).toBe(goroot);
    const base = { requested: undefined, env, moduleDir: hello, home: join(root, 'store') };
    expect((await gatherGoFacts(base)).envSdk).toEqual({ goroot, file: read?.file });
    expect((await gatherGoFacts({ ...base, settings: read })).envSdk).toEqual({ goroot, file: read?.file });
    // What the caller read is what counts: none means none, whatever the file says.
    expect((await gatherGoFacts({ ...base, settings: undefined })).envSdk).toBeUndefined();
  });

  it("gathers the go on PATH with its version, and the project's go line", async () => {
    const goroot = testGoroot();
    if (!goroot) return;
    const facts = await gatherGoFacts({ requested: undefined, env: { PATH: join(goroot, 'bin') }, moduleDir: hello, home: join(root, 'store') });
    expect(facts).toEqual({
      installed: [],
      home: join(root, 'store'),
      pathGo: { path: join(goroot, 'bin', 'go'), goroot, version: expect.stringMatching(/^go1\.19\./) },
      required: { version: '1.19', file: join(hello, 'go.mod'), via: 'go' },
    });
  });
});
