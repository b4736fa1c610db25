import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/io/process.js';
import { gocross } from '../helpers/cli.js';
import { condaForgeGoEnv } from '../helpers/conda-forge.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { condaPrefix } from '../doctor/fixtures.js';
import { dialect, expectedAfterDeactivate, parseEnv, type TestShell, withoutCondaOwn } from './conda-emulation.js';

const GOROOT = testGoroot();
const SHELLS: TestShell[] = ['bash', 'zsh', 'dash', 'fish', 'tcsh'];
const available = Object.fromEntries(SHELLS.map((s) => [s, requireTool(s)])) as Record<TestShell, string | undefined>;
const FILE = requireTool('file');
const QEMU = requireTool('qemu-aarch64');
const GO_VARS = ['GOROOT', 'GOPATH', 'GOBIN', 'GOMODCACHE', 'GOTOOLCHAIN', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'CGO_ENABLED', 'GOFLAGS', 'CC', 'CXX', 'CGO_CFLAGS', 'CGO_LDFLAGS'];

type StartState = 'unset' | 'empty' | 'other';
const START: Record<StartState, Record<string, string | null>> = {
  unset: Object.fromEntries(GO_VARS.map((v) => [v, null])),
  empty: Object.fromEntries(GO_VARS.map((v) => [v, ''])),
  other: {
    GOROOT: '/opt/other go',
    GOPATH: '/tmp/other gopath',
    GOBIN: '/x',
    GOMODCACHE: '/y',
    GOTOOLCHAIN: 'auto',
    GOOS: 'windows',
    GOARCH: '386',
    GOARM: '6',
    GOAMD64: 'v2',
    CGO_ENABLED: '1',
    GOFLAGS: '-mod=mod',
    CC: 'clang',
    CXX: 'clang++',
    CGO_CFLAGS: '-O1',
    CGO_LDFLAGS: '-L/opt/x',
  },
};

describe.skipIf(!GOROOT)('gocross hooks in real shells, driven the way conda drives them, in envs with conda-forge’s Go packages', () => {
  const root = tempDir('gocross-init-');
  // Spaces, a quote and a dollar sign: every hook must quote the prefix right.
  const envs = join(root, "it's a $HOME env");
  const home = join(root, 'home');
  const store = join(root, 'store');
  const gocache = join(root, 'gocache');
  const condabin = join(root, 'conda', 'condabin');
  const module = join(root, 'hello');
  // Two SDK paths (one real Go behind both), so each env's entries can be told apart.
  const sdkA = join(root, 'sdk-a');
  const sdkB = join(root, 'sdk-b');
  let forge = '';
  let other = '';
  let arm7 = '';

  const init = async (prefix: string, goroot: string, target: string, extra: string[] = []): Promise<void> => {
    const result = await gocross(['init', '--prefix', prefix, '--go', goroot, '--target', target, ...extra], { env: { GOCROSS_HOME: store, HOME: home, CONDA_PREFIX: undefined } });
    expect(result.stderr).not.toContain('error');
    expect(result.exitCode).toBe(0);
  };

  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    mkdirSync(condabin, { recursive: true });
    symlinkSync(GOROOT ?? '', sdkA);
    symlinkSync(GOROOT ?? '', sdkB);
    // The env this tool exists for: conda-forge's go and go-nocgo_linux-64, then gocross.
    forge = condaForgeGoEnv(join(envs, 'forge'), { goroot: GOROOT ?? '' });
    other = condaPrefix(join(envs, 'amd v3'));
    arm7 = condaForgeGoEnv(join(envs, 'arm7'), { goroot: GOROOT ?? '' });
    await init(forge, sdkA, 'linux/arm64');
    await init(other, sdkB, 'linux/amd64/v3');
    await init(arm7, sdkA, 'linux/arm/v7', ['--modcache', 'env']);
    mkdirSync(module, { recursive: true });
    writeFileSync(join(module, 'go.mod'), 'module hello\n\ngo 1.19\n');
    writeFileSync(join(module, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\nvar version = "dev"\n\nfunc main() { fmt.Println("hello from", runtime.GOARCH, version) }\n');
    writeFileSync(join(module, 'main_test.go'), 'package main\n\nimport ("runtime"; "testing")\n\nfunc TestArch(t *testing.T) { if runtime.GOARCH != "arm64" { t.Fatal(runtime.GOARCH) } }\n');
  }, 120_000);

  /** Runs `body` in `shell` from a clean environment; returns a reader of the files it wrote. */
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
      // conda's shell hook puts its condabin on PATH; node runs conda's activator stand-in.
      baseEnv: { PATH: `${condabin}:${join(process.execPath, '..')}:/usr/bin:/bin`, HOME: home, GOCACHE: gocache, LANG: 'C' },
      timeoutMs: 180_000,
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    return (name: string): string => readFileSync(out(name), 'utf8');
  };

  const pathOf = (env: Map<string, string>): string[] => (env.get('PATH') ?? '').split(':');
  const forgeEntries = (): string[] => [join(sdkA, 'bin'), join(forge, 'etc', 'gocross', 'bin')];

  for (const shell of SHELLS) {
    describe.skipIf(!available[shell])(shell, () => {
      const d = dialect(shell);
      const posixShell = d.posix;
      const startLines = (state: StartState): string[] => Object.entries(START[state]).map(([k, v]) => (v === null ? d.unset(k) : d.set(k, v)));
      const restored = (read: (n: string) => string, beforeFile: string, afterFile: string): void => {
        const before = parseEnv(read(beforeFile));
        expect(withoutCondaOwn(parseEnv(read(afterFile)))).toEqual(expectedAfterDeactivate(before, ['GOTOOLCHAIN'], posixShell));
      };

      it.each(['unset', 'empty', 'other'] as StartState[])('activation gives the env’s Go and target over conda-forge’s; deactivation gives back exactly the start (%s)', async (state) => {
        const read = await script(shell, (out) => [
          ...startLines(state),
          d.envTo(out('before')),
          d.conda('activate', forge),
          d.envTo(out('active')),
          d.capture('go env GOROOT GOOS GOARCH CGO_ENABLED GOFLAGS', out('goenv')),
          d.capture('go build -o hello.bin .', out('build')),
          d.capture('file hello.bin', out('file')),
          // Once per shell: foreign programs run under qemu through the exec wrapper.
          ...(state === 'unset' && QEMU ? [d.capture('go run .', out('run')), d.capture('go test .', out('test'))] : []),
          d.conda('deactivate'),
          d.envTo(out('after')),
        ]);
        const active = parseEnv(read('active'));
        expect(Object.fromEntries(GO_VARS.map((v) => [v, active.get(v) ?? null]))).toMatchObject({
          GOROOT: sdkA,
          GOOS: 'linux',
          GOARCH: 'arm64',
          GOARM: null,
          GOAMD64: null,
          CGO_ENABLED: '0',
          GOTOOLCHAIN: 'local',
          // A foreign target: go install refuses cross-compiled binaries while GOBIN is set.
          GOBIN: null,
          GOPATH: join(forge, 'share', 'gocross', 'gopath'),
        });
        // conda-forge's compiler package ships only an .sh hook: in fish and tcsh it never ran.
        const theirs = posixShell ? '-modcacherw -trimpath' : START[state].GOFLAGS;
        expect(active.get('GOFLAGS') ?? null).toBe(theirs);
        expect(pathOf(active).slice(0, 3)).toEqual([...forgeEntries(), join(forge, 'bin')]);
        expect(read('goenv').trim().split('\n').slice(0, 4)).toEqual([sdkA, 'linux', 'arm64', '0']);
        if (FILE) expect(read('file')).toMatch(/ELF 64-bit LSB executable, ARM aarch64, .*statically linked/);
        if (state === 'unset' && QEMU) {
          expect(read('run').trim()).toBe('hello from arm64 dev');
          expect(read('test')).toMatch(/^ok\s+hello/);
        }
        restored(read, 'before', 'after');
      });

      it('go build for linux/arm/v7 works although conda-forge’s hook asks for a PIE', async () => {
        const read = await script(shell, (out) => [d.conda('activate', arm7), d.capture('go build -o hello7 .', out('build')), d.capture('file hello7', out('file')), d.conda('deactivate')]);
        if (FILE) expect(read('file')).toMatch(/ELF 32-bit LSB executable, ARM, EABI5 .*statically linked/);
      });

      it('reactivation (conda activate of the active env) changes nothing and leaves no PATH entry twice', async () => {
        const read = await script(shell, (out) => [
          ...startLines('other'),
          d.envTo(out('before')),
          d.conda('activate', forge),
          d.envTo(out('once')),
          d.conda('activate', forge),
          d.envTo(out('twice')),
          d.conda('deactivate'),
          d.envTo(out('after')),
        ]);
        expect(withoutCondaOwn(parseEnv(read('twice')))).toEqual(withoutCondaOwn(parseEnv(read('once'))));
        restored(read, 'before', 'after');
      });

      it('a stacked env over it, then back down level by level', async () => {
        const read = await script(shell, (out) => [
          ...startLines('empty'),
          d.envTo(out('before')),
          d.conda('activate', forge),
          d.envTo(out('lower')),
          d.conda('activate', '--stack', other),
          d.envTo(out('stacked')),
          d.conda('deactivate'),
          d.envTo(out('back')),
          d.conda('deactivate'),
          d.envTo(out('after')),
        ]);
        const stacked = parseEnv(read('stacked'));
        expect([stacked.get('GOARCH'), stacked.get('GOAMD64'), stacked.get('GOROOT'), stacked.get('GOBIN')]).toEqual(['amd64', 'v3', sdkB, join(other, 'bin')]);
        // --stack keeps the lower env's bin (and so its entries) on PATH.
        expect(pathOf(stacked)).toContain(join(forge, 'bin'));
        expect(withoutCondaOwn(parseEnv(read('back')))).toEqual(withoutCondaOwn(parseEnv(read('lower'))));
        restored(read, 'before', 'after');
      });

      it('a switch to another gocross env takes the first env’s PATH entries out, and going back restores it', async () => {
        const read = await script(shell, (out) => [
          ...startLines('unset'),
          d.envTo(out('before')),
          d.conda('activate', forge),
          d.envTo(out('first')),
          d.conda('activate', other),
          d.envTo(out('second')),
          d.conda('deactivate'),
          d.envTo(out('back')),
          d.conda('deactivate'),
          d.envTo(out('after')),
        ]);
        const second = parseEnv(read('second'));
        for (const entry of [...forgeEntries(), join(forge, 'bin')]) expect(pathOf(second)).not.toContain(entry);
        expect(pathOf(second).slice(0, 2)).toEqual([join(sdkB, 'bin'), join(other, 'bin')]);
        // forge's own variables were restored by its deactivate hooks; conda leaves its env var.
        expect([second.get('GOARCH'), second.get('GOAMD64'), second.get('GOFLAGS') ?? null, second.get('GOTOOLCHAIN')]).toEqual(['amd64', 'v3', null, 'local']);
        const back = parseEnv(read('back'));
        expect(pathOf(back)).toEqual(pathOf(parseEnv(read('first'))));
        expect(withoutCondaOwn(back)).toEqual(withoutCondaOwn(parseEnv(read('first'))));
        restored(read, 'before', 'after');
      });

      it('drops a -buildmode=pie however it came (here the shell had it), adds -modcacherw for a per-env cache, and gives GOFLAGS back', async () => {
        const read = await script(shell, (out) => [
          d.set('GOFLAGS', '-buildmode=pie  -mod=mod'),
          d.envTo(out('before')),
          d.conda('activate', arm7),
          d.capture(posixShell || shell === 'fish' ? 'printf "%s" "$GOFLAGS"' : 'printf "%s" "$GOFLAGS:q"', out('arm7')),
          // A switch: arm7's hooks give the shell's GOFLAGS back before other's filter it.
          d.conda('activate', other),
          d.capture(posixShell || shell === 'fish' ? 'printf "%s" "$GOFLAGS"' : 'printf "%s" "$GOFLAGS:q"', out('other')),
          d.conda('deactivate'),
          d.conda('deactivate'),
          d.envTo(out('after')),
        ]);
        // linux/amd64 is the host here: native, static all the same, so the PIE goes.
        expect(read('other')).toBe('-mod=mod');
        // arm7's conda-forge hook (sh only) overrode the shell's value; its env cache wants -modcacherw.
        expect(read('arm7')).toBe(posixShell ? '-modcacherw -trimpath' : '-mod=mod -modcacherw');
        restored(read, 'before', 'after');
      });

      if (shell !== 'fish' && shell !== 'tcsh') {
        it('works under set -u', async () => {
          const read = await script(
            shell,
            (out) => [...startLines('unset'), d.envTo(out('before')), d.conda('activate', forge), d.conda('activate', '--stack', other), d.conda('deactivate'), d.conda('deactivate'), d.envTo(out('after'))],
            true,
          );
          restored(read, 'before', 'after');
        });
      }
    });
  }

  describe.skipIf(!available.bash)('building, running and installing in the activated env (bash)', () => {
    const d = dialect('bash');

    it.skipIf(!QEMU)('go run and go test in bash; go install puts cross-compiled binaries in $GOPATH/bin/linux_arm64', async () => {
      const read = await script('bash', (out) => [d.conda('activate', forge), d.capture('go run .', out('run')), d.capture('go test .', out('test')), 'go install .', d.capture('ls "$GOPATH/bin/linux_arm64"', out('installed'))]);
      expect(read('run').trim()).toBe('hello from arm64 dev');
      expect(read('test')).toMatch(/^ok\s+hello/);
      expect(read('installed').trim()).toBe('hello');
    });

    it('plain go build in the env gives byte for byte what gocross build gives, with the flags build --dry-run shows', async () => {
      const cli = `node ${d.q(join(import.meta.dirname, '..', '..', 'bin', 'gocross.js'))}`;
      const read = await script('bash', (out) => [
        d.conda('activate', forge),
        d.set('GOCROSS_HOME', store),
        `${cli} build --targets linux/arm64 --version 1.2.3 -o ${d.q(out('dist'))} --dry-run --json > ${d.q(out('plan.json'))} 2> ${d.q(out('plan.log'))}`,
        `${cli} build --targets linux/arm64 --version 1.2.3 -o ${d.q(out('dist'))} 2> ${d.q(out('build.log'))}`,
        // What --dry-run printed, run by hand in the same env.
        `eval "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).targets[0].command)' ${d.q(out('plan.json'))} | sed 's|-o [^ ]* |-o by-hand |')"`,
        `cmp by-hand ${d.q(out('dist'))}/hello_linux_arm64`,
        // And without the printed variables: the env's own GOFLAGS, GOOS, GOARCH do the same.
        `go build -trimpath -ldflags "-s -w -X main.version=1.2.3" -o plain .`,
        `cmp plain ${d.q(out('dist'))}/hello_linux_arm64`,
        d.capture('printf "%s" "$GOFLAGS"', out('goflags')),
      ]);
      const plan = JSON.parse(read('plan.json')) as { targets: { env: Record<string, string> }[] };
      expect(plan.targets[0]?.env.GOFLAGS).toBe('-modcacherw -trimpath');
      expect(read('goflags')).toBe('-modcacherw -trimpath');
    });
  });

  it('says which package to install when qemu is missing', async () => {
    const result = await run(join(forge, 'etc', 'gocross', 'bin', 'go_linux_arm64_exec'), ['/bin/true'], { baseEnv: { PATH: '/nonexistent' } });
    expect(result.exitCode).toBe(126);
    expect(result.stderr).toContain('qemu-aarch64 is not installed (apt-get install qemu-user');
  });
});
