import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as rawRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER } from '../../src/toolchain/store.js';
import { BIN, gocross } from '../helpers/cli.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';

const sdk = sdkTarball();

describe.skipIf(!sdk)('gocross install (CLI) against a loopback mirror', () => {
  const root = tempDir();
  const mirror = new TestMirror();
  let n = 0;
  const home = (): string => join(root, `home${++n}`);
  const env = (gocrossHome: string, extra: Record<string, string | undefined> = {}) => ({
    GOCROSS_HOME: gocrossHome,
    GOCROSS_GO_MIRROR: mirror.base,
    HTTP_PROXY: undefined,
    http_proxy: undefined,
    NO_PROXY: undefined,
    no_proxy: undefined,
    XDG_CONFIG_HOME: join(root, 'no-config'),
    ...extra,
  });
  const version = sdk?.version ?? '';

  beforeAll(async () => {
    await mirror.start();
    mirror.files = [{ filename: sdk?.filename ?? '', data: readFileSync(sdk?.path ?? ''), sha256: sdk?.sha256 ?? '', version }];
  });
  afterAll(() => mirror.stop());

  it('installs with --json and plain progress on stderr, then is an instant no-op', async () => {
    const store = home();
    const first = await gocross(['install', version, '--json'], { env: env(store) });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ version, goroot: join(store, 'sdk', version), installed: true });
    expect(first.stderr).toBe('');

    const plainHome = home();
    const plain = await gocross(['install', version], { env: env(plainHome) });
    expect(plain.stderr).toContain(`Resolved ${version}`);
    expect(plain.stderr).toContain('verifying sha256');
    expect(plain.stdout).toBe(`${version} installed at ${join(plainHome, 'sdk', version)}`);

    mirror.requests.length = 0;
    const again = await gocross(['install', version, '--json'], { env: env(store) });
    expect(JSON.parse(again.stdout)).toMatchObject({ installed: false });
    expect(mirror.requests).toEqual([]);
  });

  it('resolves go.mod to the newest patch of its go line', async () => {
    const project = join(root, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'go.mod'), `module x\n\ngo ${version.replace(/^go/, '').split('.').slice(0, 2).join('.')}\n`);
    const result = await gocross(['install', 'go.mod', '--json'], { env: env(home()), cwd: project });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version, installed: true });
  });

  it('exits 2 for an unknown version, naming the nearest', async () => {
    const result = await gocross(['install', '1.19.99'], { env: env(home()) });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('go1.19.99 is not in the release index');
    expect(result.stderr).toContain(`nearest available: ${version}`);
  });

  it('exits 3 naming the mirror when the network is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const result = await gocross(['install', 'latest'], { env: env(home(), { GOCROSS_GO_MIRROR: `http://127.0.0.1:${port}/dl/` }) });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain(`http://127.0.0.1:${port}/dl/`);
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it('installs an offline --archive verified by --sha256, and refuses a wrong one', async () => {
    const offline = env(home(), { GOCROSS_GO_MIRROR: 'http://127.0.0.1:9/dl/' });
    const bad = await gocross(['install', '--archive', sdk?.path ?? '', '--sha256', '0'.repeat(64)], { env: offline });
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('Nothing was installed');
    const good = await gocross(['install', '--archive', sdk?.path ?? '', '--sha256', sdk?.sha256 ?? '', '--json'], { env: offline });
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ version, installed: true });
  });

  it('checks what an archive unpacks before it is installed: a mislabelled SDK or a fake go is refused, leaving nothing', async () => {
    const offline = (store: string) => env(store, { GOCROSS_GO_MIRROR: 'http://127.0.0.1:9/dl/' });
    const sdkDir = (store: string): string[] => (existsSync(join(store, 'sdk')) ? readdirSync(join(store, 'sdk')) : []);
    // A real go1.19.8 linux/amd64 SDK under another release's name.
    const misnamed = join(root, 'go1.20.1.linux-arm64.tar.gz');
    writeFileSync(misnamed, readFileSync(sdk?.path ?? ''));
    const store = home();
    const refused = await gocross(['install', '--archive', misnamed, '--sha256', sdk?.sha256 ?? ''], { env: offline(store) });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('go1.20.1.linux-arm64.tar.gz is not go1.20.1 for linux/amd64: its VERSION file says go1.19.8, not go1.20.1. Nothing was installed.');
    expect(sdkDir(store)).toEqual([]);
    // A tarball whose go/bin/go is a text file.
    const fake = join(root, 'fake');
    mkdirSync(join(fake, 'go', 'bin'), { recursive: true });
    writeFileSync(join(fake, 'go', 'bin', 'go'), '#!/bin/sh\necho go version go1.19.8\n', { mode: 0o755 });
    writeFileSync(join(fake, 'go', 'VERSION'), `${version}\n`);
    const tarball = join(root, `${version}.linux-amd64-fake.tar.gz`);
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['-C', fake, '-czf', tarball, 'go']);
    const sum = (await import('node:crypto')).createHash('sha256').update(readFileSync(tarball)).digest('hex');
    const store2 = home();
    const fakeResult = await gocross(['install', version, '--archive', tarball, '--sha256', sum], { env: offline(store2) });
    expect(fakeResult.exitCode).toBe(2);
    expect(fakeResult.stderr).toContain('its bin/go is not an executable (no ELF, Mach-O or PE header); it has no src/runtime; it has no pkg/tool/linux_amd64');
    expect(sdkDir(store2)).toEqual([]);
  });

  it('skips a mirror whose archive fails its checksum for the next one, and stops when two indexes disagree', async () => {
    const corrupt = await new TestMirror().start();
    const other = await new TestMirror().start();
    try {
      const data = readFileSync(sdk?.path ?? '');
      const broken = Buffer.from(data);
      broken[broken.length - 100] = (broken[broken.length - 100] ?? 0) ^ 0xff;
      // The first mirror's index is right, its file is not.
      corrupt.files = [{ filename: sdk?.filename ?? '', data: broken, sha256: sdk?.sha256 ?? '', version }];
      const store = home();
      const result = await gocross(['install', version, '--mirror', corrupt.base, '--mirror', mirror.base, '--json'], { env: env(store) });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ version, installed: true });
      expect(readFileSync(join(store, 'sdk', version, MARKER), 'utf8')).toContain(mirror.base);
      // A second mirror whose own index names another checksum: nothing is installed, both are named.
      other.files = [{ filename: sdk?.filename ?? '', data, sha256: 'f'.repeat(64), version }];
      const store2 = home();
      const conflict = await gocross(['install', version, '--mirror', corrupt.base, '--mirror', other.base], { env: env(store2) });
      expect(conflict.exitCode).toBe(3);
      expect(conflict.stderr).toContain(`the mirrors disagree on the sha256 of ${sdk?.filename}: the release index of ${corrupt.base} says ${sdk?.sha256}, the release index of ${other.base} says ${'f'.repeat(64)}. Nothing was installed.`);
      expect(existsSync(join(store2, 'sdk', version))).toBe(false);
    } finally {
      await corrupt.stop();
      await other.stop();
    }
  });

  it('offline: installed SDKs satisfy 1.19, go.mod and latest; with none, the hint is --archive, and following it works', async () => {
    const offline = (store: string) => env(store, { GOCROSS_GO_MIRROR: 'http://127.0.0.1:9/dl/' });
    const store = home();
    const none = await gocross(['install', 'latest'], { env: offline(store) });
    expect(none.exitCode).toBe(3);
    const hint = /hint: without network, install from an archive downloaded elsewhere: (gocross install --archive \S+ --sha256) /.exec(none.stderr);
    expect(hint, none.stderr).not.toBeNull();
    // The hint, followed with the archive at hand.
    const followed = await gocross(['install', '--archive', sdk?.path ?? '', '--sha256', sdk?.sha256 ?? '', '--json'], { env: offline(store) });
    expect(followed.exitCode, followed.stderr).toBe(0);
    const minor = version.replace(/^go(\d+\.\d+).*$/, '$1');
    for (const request of [minor, 'latest']) {
      const again = await gocross(['install', request, '--json'], { env: offline(store) });
      expect(again.exitCode, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ version, installed: false });
      expect(again.stderr).toContain(`no mirror answered: using ${version}`);
    }
    const project = join(root, 'offline-module');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'go.mod'), `module m\n\ngo ${minor}\n`);
    const fromMod = await gocross(['install', 'go.mod', '--json'], { env: offline(store), cwd: project });
    expect(JSON.parse(fromMod.stdout)).toMatchObject({ version, installed: false });
  });

  it('honours HTTP_PROXY', async () => {
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = rawRequest(req.url ?? '', { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const result = await gocross(['install', version, '--json'], { env: env(home(), { HTTP_PROXY: proxyUrl }) });
      expect(result.exitCode).toBe(0);
      expect(seen).toContain(`GET ${mirror.base}?mode=json&include=all`);
      expect(seen).toContain(`GET ${mirror.base}${sdk?.filename}`);
    } finally {
      proxy.close();
    }
  });

  it('lets two racing installs produce one SDK from one download', async () => {
    const store = home();
    mirror.requests.length = 0;
    const [a, b] = await Promise.all([gocross(['install', version, '--json'], { env: env(store) }), gocross(['install', version, '--json'], { env: env(store) })]);
    expect([a?.exitCode, b?.exitCode]).toEqual([0, 0]);
    expect([JSON.parse(a.stdout).installed, JSON.parse(b.stdout).installed].sort()).toEqual([false, true]);
    expect(mirror.requests.filter((r) => r.url.endsWith('.tar.gz'))).toHaveLength(1);
    expect(readdirSync(join(store, 'sdk'))).toEqual([version]);
  });

  /** Resolves once an install into the store's `sdkDir` has unpacked part of the tree (go/src). */
  const extractionStarted = async (sdkDir: string): Promise<void> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const extracting = existsSync(sdkDir) && readdirSync(sdkDir).find((name) => name.includes('.extract-'));
      if (extracting && existsSync(join(sdkDir, extracting, 'go', 'src'))) return;
      if (Date.now() > deadline) throw new Error('extraction never started');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('recovers from kill -9 during extraction: the half-installed SDK is never used and is cleaned', async () => {
    const store = home();
    const child = spawn(process.execPath, [BIN, 'install', version, '--json'], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(env(store)).filter(([, v]) => v !== undefined)) } as NodeJS.ProcessEnv,
      stdio: 'ignore',
    });
    const sdkDir = join(store, 'sdk');
    // Wait until extraction has written part of the tree, then kill without warning.
    await extractionStarted(sdkDir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(join(sdkDir, version, MARKER))).toBe(false);
    expect(readdirSync(join(store, 'locks')).length).toBe(1);

    const rerun = await gocross(['install', version, '--json'], { env: env(store) });
    expect(rerun.exitCode).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ installed: true });
    expect(readdirSync(sdkDir)).toEqual([version]);
    expect(readdirSync(join(store, 'locks'))).toEqual([]);
  });

  it('Ctrl-C during extraction exits 130, says what was left, and leaves no partial SDK and no lock', async () => {
    const store = home();
    const child = spawn(process.execPath, [BIN, 'install', version], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(env(store)).filter(([, v]) => v !== undefined)) } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const sdkDir = join(store, 'sdk');
    await extractionStarted(sdkDir);
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain(`gocross: interrupted: the half-extracted ${version} was removed; ${version} was not installed (the store is as it was)`);
    expect(readdirSync(sdkDir)).toEqual([]);
    expect(readdirSync(join(store, 'locks'))).toEqual([]);
  });

  it('lists installed SDKs with the envs that use them, and uninstalls only with --force while used', async () => {
    const store = home();
    const userHome = join(root, 'user-home');
    const prefix = join(root, 'envs', 'tools env');
    mkdirSync(join(prefix, 'etc', 'gocross'), { recursive: true });
    mkdirSync(join(userHome, '.conda'), { recursive: true });
    writeFileSync(join(userHome, '.conda', 'environments.txt'), `${prefix}\n`);
    writeFileSync(join(prefix, 'etc', 'gocross', 'env-settings.ini'), `goroot = ${join(store, 'sdk', version)}\n`);
    const e = env(store, { HOME: userHome, CONDA_PREFIX: undefined, CONDA_ROOT: undefined, MAMBA_ROOT_PREFIX: undefined });
    expect((await gocross(['install', version], { env: e })).exitCode).toBe(0);

    const listed = JSON.parse((await gocross(['list', '--json'], { env: e })).stdout) as { version: string; size: number; usedBy: string[] }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ version, usedBy: [prefix] });
    expect(listed[0]?.size).toBeGreaterThan(100 * 1024 * 1024);

    const available = JSON.parse((await gocross(['list', '--available', '--json'], { env: e })).stdout) as { version: string; installed: boolean }[];
    expect(available).toEqual([{ version, stable: true, installed: true, hostArchive: sdk?.filename }]);

    const refused = await gocross(['uninstall', version], { env: e });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`used by the gocross hooks of ${prefix}`);
    expect(existsSync(join(store, 'sdk', version, MARKER))).toBe(true);

    const forced = await gocross(['uninstall', version, '--force'], { env: e });
    expect(forced.exitCode).toBe(0);
    expect(existsSync(join(store, 'sdk', version))).toBe(false);
    expect(JSON.parse((await gocross(['list', '--json'], { env: e })).stdout)).toEqual([]);
    expect((await gocross(['uninstall', version], { env: e })).exitCode).toBe(2);
  });
});
