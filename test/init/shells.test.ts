import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/io/process.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { condaPrefix } from '../doctor/fixtures.js';
import { activate, deactivate, dialect, type TestShell } from './conda-emulation.js';

const GOROOT = testGoroot();
const SHELLS: TestShell[] = ['bash', 'zsh', 'dash', 'fish', 'tcsh'];
const available = Object.fromEntries(SHELLS.map((s) => [s, requireTool(s)])) as Record<TestShell, string | undefined>;
const FILE = requireTool('file');
const QEMU = requireTool('qemu-aarch64');
const VARS = ['GOROOT', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'CGO_ENABLED', 'GOTOOLCHAIN', 'GOPATH', 'GOBIN', 'GOMODCACHE', 'GOFLAGS'];

type StartState = 'unset' | 'empty' | 'other';
const START: Record<StartState, Record<string, string | null>> = {
  unset: Object.fromEntries(VARS.map((v) => [v, null])),
  empty: Object.fromEntries(VARS.map((v) => [v, ''])),
  other: { GOROOT: '/opt/other go', GOOS: 'windows', GOARCH: '386', GOARM: '6', GOAMD64: 'v2', CGO_ENABLED: '1', GOTOOLCHAIN: 'auto', GOPATH: '/tmp/other gopath', GOBIN: '/x', GOMODCACHE: '/y', GOFLAGS: '-mod=mod' },
};

describe.skipIf(!GOROOT)('gocross init hooks in real shells, driven the way conda does', () => {
  const root = tempDir('gocross-init-');
  // Spaces, a quote and a dollar sign: every hook must quote the prefix right.
  const envs = join(root, "it's a $HOME env");
  let arm = '';
  let amd = '';
  let foreign = '';
  const home = join(root, 'home');
  const gocache = join(root, 'gocache');
  const module = join(root, 'hello');

  const init = async (prefix: string, target: string): Promise<void> => {
    const result = await gocross(['init', '--prefix', prefix, '--go', GOROOT ?? '', '--target', target], { env: { GOCROSS_HOME: join(root, 'store'), HOME: home } });
    expect(result.stderr).not.toContain('error');
    expect(result.exitCode).toBe(0);
  };

  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    arm = condaPrefix(join(envs, 'arm'));
    amd = condaPrefix(join(envs, 'amd v3'));
    foreign = condaPrefix(join(envs, 'with conda-forge go'), {
      activate: { 'activate-z61-go-nocgo_linux-64.sh': 'export GOARCH=amd64\n', 'activate-z61-go-nocgo_linux-64.fish': 'set -gx GOARCH amd64\n', 'activate-z61-go-nocgo_linux-64.csh': 'setenv GOARCH amd64\n' },
    });
    await init(arm, 'linux/arm64');
    await init(amd, 'linux/amd64/v3');
    await init(foreign, 'linux/arm64');
    mkdirSync(module, { recursive: true });
    writeFileSync(join(module, 'go.mod'), 'module hello\n\ngo 1.19\n');
    writeFileSync(join(module, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\nfunc main() { fmt.Println("hello from", runtime.GOARCH) }\n');
    writeFileSync(join(module, 'main_test.go'), 'package main\n\nimport ("runtime"; "testing")\n\nfunc TestArch(t *testing.T) { if runtime.GOARCH != "arm64" { t.Fatal(runtime.GOARCH) } }\n');
  });

  /** Runs `lines` in `shell` with a clean environment; returns the files the script wrote. */
  const script = async (shell: TestShell, body: (out: (name: string) => string) => string[], strict = false) => {
    const dir = join(root, `run-${shell}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    const out = (name: string): string => join(dir, name);
    const d = dialect(shell, strict);
    const file = join(dir, `driver.${shell}`);
    writeFileSync(file, [d.header, ...body(out)].join('\n') + '\n');
    const args = shell === 'tcsh' ? ['-f', file] : shell === 'fish' ? ['--no-config', file] : [file];
    const result = await run(available[shell] ?? shell, args, {
      cwd: module,
      baseEnv: { PATH: '/usr/bin:/bin', HOME: home, GOCACHE: gocache, LANG: 'C' },
      timeoutMs: 120_000,
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    return (name: string): string => readFileSync(out(name), 'utf8');
  };

  const parseDump = (text: string): Record<string, string | null> =>
    Object.fromEntries(text.trim().split('\n').map((line) => (line.includes('=') ? [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] : [line, null])));

  for (const shell of SHELLS) {
    describe.skipIf(!available[shell])(shell, () => {
      const d = dialect(shell);
      const startLines = (state: StartState): string[] => Object.entries(START[state]).map(([k, v]) => (v === null ? d.unset(k) : d.set(k, v)));

      it.each(['unset', 'empty', 'other'] as StartState[])('activates linux/arm64 and deactivates back to exactly the start (%s)', async (state) => {
        const read = await script(shell, (out) => [
          ...startLines(state),
          d.envTo(out('before')),
          ...activate(d, shell, arm, 1),
          d.dump([...VARS, 'PATH'], out('active')),
          ...deactivate(d, shell, arm, 1, null),
          d.envTo(out('after')),
        ]);
        const active = parseDump(read('active'));
        expect(active).toMatchObject({ GOROOT, GOOS: 'linux', GOARCH: 'arm64', GOARM: null, GOAMD64: null, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOBIN: join(arm, 'bin'), GOPATH: join(arm, 'share', 'gocross', 'gopath') });
        expect(active.PATH?.split(':').slice(0, 3)).toEqual([join(GOROOT ?? '', 'bin'), join(arm, 'etc', 'gocross', 'bin'), join(arm, 'bin')]);
        expect(read('after')).toBe(read('before'));
      });

      it('is idempotent: activating twice neither doubles PATH nor loses the saved state', async () => {
        const read = await script(shell, (out) => [
          ...startLines('other'),
          d.envTo(out('before')),
          ...activate(d, shell, arm, 1),
          ...activate(d, shell, arm, 1).slice(3),
          d.dump(['PATH'], out('active')),
          ...deactivate(d, shell, arm, 1, null),
          d.envTo(out('after')),
        ]);
        const path = parseDump(read('active')).PATH?.split(':') ?? [];
        expect(path.filter((p) => p === join(GOROOT ?? '', 'bin'))).toHaveLength(1);
        expect(read('after')).toBe(read('before'));
      });

      it('unwinds two stacked gocross envs level by level', async () => {
        const read = await script(shell, (out) => [
          ...startLines('empty'),
          d.envTo(out('before')),
          ...activate(d, shell, arm, 1),
          ...activate(d, shell, amd, 2),
          d.dump(VARS, out('stacked')),
          ...deactivate(d, shell, amd, 2, arm),
          d.dump(VARS, out('lower')),
          ...deactivate(d, shell, arm, 1, null),
          d.envTo(out('after')),
        ]);
        expect(parseDump(read('stacked'))).toMatchObject({ GOARCH: 'amd64', GOAMD64: 'v3' });
        expect(parseDump(read('lower'))).toMatchObject({ GOARCH: 'arm64', GOAMD64: null, GOBIN: join(arm, 'bin') });
        expect(read('after')).toBe(read('before'));
      });

      it('overrides a conda-forge hook that sets GOARCH first', async () => {
        const read = await script(shell, (out) => [...startLines('unset'), ...activate(d, shell, foreign, 1), d.dump(['GOARCH'], out('active'))]);
        expect(parseDump(read('active')).GOARCH).toBe('arm64');
      });

      it('gives the real go the env’s settings, and go build makes an aarch64 ELF', async () => {
        const read = await script(shell, (out) => [
          ...startLines('unset'),
          ...activate(d, shell, arm, 1),
          d.run(`go env GOROOT GOOS GOARCH CGO_ENABLED > ${shell === 'fish' ? `'${out('goenv')}'` : `'${out('goenv')}'`}`),
          d.run(`go build -o '${out('hello')}' .`),
          d.run(`file '${out('hello')}' > '${out('file')}'`),
        ]);
        expect(read('goenv').trim().split('\n')).toEqual([GOROOT, 'linux', 'arm64', '0']);
        if (FILE) expect(read('file')).toMatch(/ELF 64-bit LSB executable, ARM aarch64/);
      });

      if (shell !== 'fish' && shell !== 'tcsh') {
        it('works under set -u', async () => {
          const read = await script(
            shell,
            (out) => [...startLines('unset'), d.envTo(out('before')), ...activate(d, shell, arm, 1), ...deactivate(d, shell, arm, 1, null), d.envTo(out('after'))],
            true,
          );
          expect(read('after')).toBe(read('before'));
        });
      }
    });
  }

  describe.skipIf(!available.bash || !QEMU)('cross go run and go test through the exec wrapper', () => {
    it('runs linux/arm64 programs under qemu-aarch64', async () => {
      const d = dialect('bash');
      const read = await script('bash', (out) => [...activate(d, 'bash', arm, 1), `go run . > '${out('run')}'`, `go test . > '${out('test')}'`]);
      expect(read('run').trim()).toBe('hello from arm64');
      expect(read('test')).toMatch(/^ok\s+hello/);
    });

    it('says which package to install when qemu is missing', async () => {
      const result = await run(join(arm, 'etc', 'gocross', 'bin', 'go_linux_arm64_exec'), ['/bin/true'], { baseEnv: { PATH: '/nonexistent' } });
      expect(result.exitCode).toBe(126);
      expect(result.stderr).toContain('qemu-aarch64 is not installed (apt-get install qemu-user');
    });
  });
});
