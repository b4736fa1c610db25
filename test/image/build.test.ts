/**
 * The real proof: a Dockerfile generated for the hello fixture (`--no-syntax --base scratch`)
 * is built by a real engine for linux/arm64 and linux/amd64 with no network and no emulation,
 * and each exported binary is checked with `gocross verify` and `file`. A build whose GOARCH
 * disagrees with the platform fails at the in-build check. The distroless and cgo (debian)
 * variants are built too, with BASE_IMAGE pointing at local stand-ins for the registry images;
 * the cgo build needs the network for apt-get (Debian's mirror), the others run with none.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from 'dockerfile-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { type Engine, goImage, standInImage, startEngine, unavailable } from './engine.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/modules/hello', import.meta.url));
const PLATFORMS = ['linux/arm64', 'linux/amd64'] as const;
const EXPECT_FILE: Record<string, RegExp> = { 'linux/arm64': /ARM aarch64/, 'linux/amd64': /x86-64/ };

const file = requireTool('file');
const git = requireTool('git');
const goroot = testGoroot();
let engine: Engine | undefined;
let image: string | undefined;
const timings: string[] = [];

/** Handlers registered with the kernel's binfmt_misc (none, or the directory absent, means no emulation). */
function qemuHandlers(): string[] {
  const dir = '/proc/sys/fs/binfmt_misc';
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name !== 'register' && name !== 'status' && /qemu/i.test(name + readFileSync(join(dir, name), 'utf8')));
}

const work = tempDir('gocross-docker-');
const module = join(work, 'hello');

beforeAll(async () => {
  if (!file || !git || !goroot) return;
  const started = Date.now();
  engine = await startEngine();
  if (!engine) return;
  timings.push(`engine up ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const before = Date.now();
  try {
    image = await goImage(engine, goroot);
  } catch (error) {
    // debootstrap needs Debian's mirror on a machine whose cache is empty.
    image = unavailable(`the Go build image could not be made: ${(error as Error).message}`);
  }
  timings.push(`Go image ready ${((Date.now() - before) / 1000).toFixed(1)} s`);

  cpSync(FIXTURE, module, { recursive: true });
  // A context that differs from every earlier run's: the engine's layer cache (kept between runs)
  // cannot skip the compile and the check, while the cache mounts keep Go's build cache warm.
  writeFileSync(join(module, 'run-id'), `${process.pid}-${Date.now()}\n`);
  // A tagged commit, so the labels and main.version come from git.
  const date = '2024-01-02T03:04:05Z';
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const g = (...args: string[]) => execFileSync(git, ['-c', 'user.name=gocross', '-c', 'user.email=gocross@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: module, env });
  g('init', '-q');
  g('remote', 'add', 'origin', 'git@github.com:example/hello.git');
  g('add', '-A');
  g('commit', '-q', '-m', 'hello');
  g('tag', 'v1.2.3');
}, 900_000);

afterAll(async () => {
  await engine?.stop();
  if (timings.length > 0) console.log(`\nDocker build timings: ${timings.join('; ')}\n`);
});

const ready = () => engine !== undefined && image !== undefined;

async function build(platform: string, context: string, extra: string[] = []) {
  const started = Date.now();
  const result = await engine!.docker(['build', '--progress', 'plain', '--network', 'none', '--platform', platform, '--build-arg', `GO_IMAGE=${image}`, ...extra, '.'], { cwd: context });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe('a generated Dockerfile built by a real engine', () => {
  it('generates with --no-syntax --base scratch', async ({ skip }) => {
    if (!ready()) skip();
    const result = await gocross(['dockerfile', '--no-syntax', '--base', 'scratch', '--platforms', PLATFORMS.join(',')], { cwd: module });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const text = readFileSync(join(module, 'Dockerfile'), 'utf8');
    expect(text).not.toMatch(/^# syntax=/m);
    expect(validate(text)).toEqual([]);
    expect(text).toMatch(/^FROM --platform=\$BUILDPLATFORM \$\{GO_IMAGE\} AS build$/m);
    expect(existsSync(join(module, '.dockerignore'))).toBe(true);
  });

  it('finds no qemu binfmt handler, so nothing can run under emulation', ({ skip }) => {
    if (!ready()) skip();
    expect(qemuHandlers()).toEqual([]);
  });

  for (const platform of PLATFORMS) {
    it(`builds ${platform} natively and exports a verified ${platform} binary`, async ({ skip }) => {
      if (!ready()) skip();
      const out = join(work, `out-${platform.replace('/', '-')}`);
      const result = await build(platform, module, ['-o', `type=local,dest=${out}`]);
      timings.push(`${platform} build ${result.seconds.toFixed(1)} s`);
      expect(result.stderr + result.stdout).toMatch(new RegExp(`gocross: /out/hello: .*static: built for ${platform.split('/')[1]}`));
      expect(result.exitCode, result.stderr).toBe(0);
      expect(qemuHandlers()).toEqual([]);

      const binary = join(out, 'usr', 'local', 'bin', 'hello');
      const verify = await gocross(['verify', '--target', platform, '--static', '--no-cgo', '--json', binary]);
      expect(verify.exitCode, verify.stdout + verify.stderr).toBe(0);
      const [report] = JSON.parse(verify.stdout) as { arch: string; linkage: string; go: { settings: Record<string, string> }; ok: boolean }[];
      expect(report!.arch).toBe(platform.split('/')[1]);
      expect(report!.ok).toBe(true);
      expect(report!.go.settings['-trimpath']).toBe('true');
      // (Go leaves -ldflags out of the build info under -trimpath; main.version is run below.)
      expect(report!.go.settings).toMatchObject({ GOOS: 'linux', GOARCH: platform.split('/')[1], CGO_ENABLED: '0' });
      const described = execFileSync(file!, ['-b', binary], { encoding: 'utf8' });
      expect(described).toMatch(EXPECT_FILE[platform]!);
      expect(described).toMatch(/statically linked/);
    }, 600_000);
  }

  it('builds linux/arm/v7: GOARM comes from TARGETVARIANT', async ({ skip }) => {
    if (!ready()) skip();
    const out = join(work, 'out-linux-arm-v7');
    const result = await build('linux/arm/v7', module, ['-o', `type=local,dest=${out}`]);
    timings.push(`linux/arm/v7 build ${result.seconds.toFixed(1)} s`);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('gocross: /out/hello: ELF class 1, byte order 1, machine 40, static: built for arm');
    const verify = await gocross(['verify', '--target', 'linux/arm/v7', '--static', '--json', join(out, 'usr', 'local', 'bin', 'hello')]);
    expect(verify.exitCode, verify.stdout).toBe(0);
    const [report] = JSON.parse(verify.stdout) as { go: { settings: Record<string, string> } }[];
    expect(report!.go.settings).toMatchObject({ GOARCH: 'arm', GOARM: '7' });
  }, 600_000);

  it('runs the exported binaries after the build: main.version comes from the git tag', async ({ skip }) => {
    if (!ready() || process.arch !== 'x64') skip();
    const amd64 = execFileSync(join(work, 'out-linux-amd64', 'usr', 'local', 'bin', 'hello'), ['--version'], { encoding: 'utf8' });
    expect(amd64.trim()).toBe('hello 1.2.3 linux/amd64');
    // On the host, outside any build: the build itself never ran an arm64 instruction.
    const qemu = requireTool('qemu-aarch64');
    if (!qemu) return;
    const arm64 = execFileSync(qemu, [join(work, 'out-linux-arm64', 'usr', 'local', 'bin', 'hello'), '--version'], { encoding: 'utf8' });
    expect(arm64.trim()).toBe('hello 1.2.3 linux/arm64');
  });

  it('labels the image from the module and git, runs as non-root with an exec-form entrypoint', async ({ skip }) => {
    if (!ready()) skip();
    // The revision is passed at build time, as the Dockerfile's header says (it is not in the file).
    const revision = execFileSync(git!, ['rev-parse', 'HEAD'], { cwd: module, encoding: 'utf8' }).trim();
    const result = await build('linux/arm64', module, ['-t', 'gocross-test/hello:arm64', '--build-arg', `REVISION=${revision}`]);
    expect(result.exitCode, result.stderr).toBe(0);
    const inspect = await engine!.docker(['image', 'inspect', 'gocross-test/hello:arm64']);
    const [config] = JSON.parse(inspect.stdout) as { Architecture: string; Config: { User: string; Entrypoint: string[]; Labels: Record<string, string> } }[];
    expect(config!.Architecture).toBe('arm64');
    expect(config!.Config.User).toBe('65532:65532');
    expect(config!.Config.Entrypoint).toEqual(['/usr/local/bin/hello']);
    expect(config!.Config.Labels).toMatchObject({
      'org.opencontainers.image.title': 'hello',
      'org.opencontainers.image.source': 'https://github.com/example/hello',
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.licenses': 'MIT',
    });
  }, 600_000);

  it('fails at the in-build check when the binary is not the platform architecture', async ({ skip }) => {
    if (!ready()) skip();
    // The classic bug: GOARCH pinned instead of following TARGETARCH.
    const wrong = join(work, 'wrong-arch');
    cpSync(module, wrong, { recursive: true });
    const dockerfile = readFileSync(join(wrong, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('GOARCH="$TARGETARCH"');
    writeFileSync(join(wrong, 'Dockerfile'), dockerfile.replace('GOARCH="$TARGETARCH"', 'GOARCH=amd64'));
    const result = await build('linux/arm64', wrong, ['-o', `type=local,dest=${join(work, 'out-wrong')}`]);
    timings.push(`wrong-arch build (fails) ${result.seconds.toFixed(1)} s`);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('gocross: /out/hello: ELF machine 62, but arm64 needs 183: the binary was built for another architecture');
    expect(existsSync(join(work, 'out-wrong', 'usr', 'local', 'bin', 'hello'))).toBe(false);
  }, 600_000);

  it('fails at the in-build check when TARGETARCH is forced against the platform being built', async ({ skip }) => {
    if (!ready()) skip();
    // --build-arg overrides TARGETARCH but not TARGETPLATFORM (BuildKit), so the build stage would
    // compile amd64 for an image labelled linux/arm64; the check compares against the platform.
    const result = await build('linux/arm64', module, ['--build-arg', 'TARGETARCH=amd64', '-o', `type=local,dest=${join(work, 'out-forced')}`]);
    timings.push(`forced-TARGETARCH build (fails) ${result.seconds.toFixed(1)} s`);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('gocross: /out/hello: GOARCH amd64 is not the architecture of the platform linux/arm64 being built');
    expect(existsSync(join(work, 'out-forced', 'usr', 'local', 'bin', 'hello'))).toBe(false);
  }, 600_000);
});

describe('the distroless and cgo variants, on stand-in base images (registry images cannot be pulled here)', () => {
  it('distroless: builds linux/arm64 with BASE_IMAGE pointing at a local stand-in, static and non-root', async ({ skip }) => {
    if (!ready()) skip();
    const dir = join(work, 'distroless');
    cpSync(module, dir, { recursive: true });
    rmSync(join(dir, 'Dockerfile'));
    // Its own context, so its build stage is not the scratch build's (cached) one.
    writeFileSync(join(dir, 'run-id'), `distroless-${process.pid}-${Date.now()}\n`);
    const generated = await gocross(['dockerfile', '--no-syntax'], { cwd: dir });
    expect(generated.exitCode, generated.stderr).toBe(0);
    writeFileSync(join(work, 'passwd'), 'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n');
    const base = await standInImage(engine!, 'gocross-test/static-standin:arm64', 'arm64', [[join(work, 'passwd'), 'etc/passwd']]);
    const out = join(work, 'out-distroless');
    const result = await build('linux/arm64', dir, ['--build-arg', `BASE_IMAGE=${base}`, '-o', `type=local,dest=${out}`]);
    timings.push(`distroless linux/arm64 build ${result.seconds.toFixed(1)} s`);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('gocross: /out/hello: ELF class 2, byte order 1, machine 183, static: built for arm64');
    const verify = await gocross(['verify', '--target', 'linux/arm64', '--static', join(out, 'usr', 'local', 'bin', 'hello')]);
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(readFileSync(join(out, 'etc', 'passwd'), 'utf8')).toContain('65532');
  }, 600_000);

  it('cgo: installs the Debian cross compiler in the build stage and ships a dynamic arm64 binary on a glibc stand-in', async ({ skip }) => {
    const libs = '/usr/aarch64-linux-gnu/lib';
    if (!ready() || !requireTool('aarch64-linux-gnu-gcc')) skip();
    const dir = join(work, 'cgo');
    cpSync(module, dir, { recursive: true });
    rmSync(join(dir, 'Dockerfile'));
    const generated = await gocross(['dockerfile', '--no-syntax', '--cgo'], { cwd: dir });
    expect(generated.exitCode, generated.stderr).toBe(0);
    expect(generated.stderr).toContain('so the final stage is debian:bookworm-slim');
    // The arm64 glibc of Debian's libc6-arm64-cross stands in for debian:bookworm-slim.
    const base = await standInImage(engine!, 'gocross-test/glibc-standin:arm64', 'arm64', [
      [join(libs, 'ld-linux-aarch64.so.1'), 'lib/ld-linux-aarch64.so.1'],
      [join(libs, 'libc.so.6'), 'lib/aarch64-linux-gnu/libc.so.6'],
    ]);
    const out = join(work, 'out-cgo');
    // The network is for apt-get in the build stage (the cross compiler from Debian's mirror);
    // later runs find that layer in the engine's cache.
    const started = Date.now();
    const result = await engine!.docker(
      ['build', '--progress', 'plain', '--network', 'host', '--platform', 'linux/arm64', '--build-arg', `GO_IMAGE=${image}`, '--build-arg', `BASE_IMAGE=${base}`, '-o', `type=local,dest=${out}`, '.'],
      { cwd: dir },
    );
    timings.push(`cgo linux/arm64 build ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (result.exitCode !== 0 && /Temporary failure resolving|Could not resolve|Failed to fetch|Unable to locate package/.test(result.stderr)) {
      unavailable(`apt-get in the cgo build stage cannot reach Debian's mirror:\n${result.stderr.split('\n').slice(-8).join('\n')}`);
      skip();
    }
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('gocross: /out/hello: ELF class 2, byte order 1, machine 183, cgo: built for arm64');
    expect(qemuHandlers()).toEqual([]);
    const binary = join(out, 'usr', 'local', 'bin', 'hello');
    const verify = await gocross(['verify', '--target', 'linux/arm64', '--dynamic', '--cgo', binary]);
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(execFileSync(file!, ['-b', binary], { encoding: 'utf8' })).toMatch(/ARM aarch64.*dynamically linked, interpreter \/lib\/ld-linux-aarch64\.so\.1/);
    // After the build, on the host: the binary runs against the image's own glibc.
    const qemu = requireTool('qemu-aarch64');
    if (!qemu) return;
    expect(execFileSync(qemu, ['-L', out, binary], { encoding: 'utf8' }).trim()).toBe('hello from linux/arm64 (cgo: yes, C says 42)');
  }, 600_000);
});

