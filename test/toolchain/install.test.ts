import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { run } from '../../src/io/process.js';
import { installPlan } from '../../src/toolchain/install.js';
import { planInstall } from '../../src/toolchain/mirrors.js';
import { MARKER, sdkRoot } from '../../src/toolchain/store.js';
import { parseVersionRequest } from '../../src/toolchain/version-request.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';
import { makeTarGz } from '../helpers/ustar.js';

const sdk = sdkTarball();
const platform = { goos: 'linux', goarch: 'amd64' };
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe.skipIf(!sdk)('installing an SDK from a loopback mirror', () => {
  const root = tempDir();
  const mirror = new TestMirror();
  const data = sdk ? readFileSync(sdk.path) : Buffer.alloc(0);
  let n = 0;
  const freshHome = (): string => {
    n += 1;
    return join(root, `home${n}`);
  };
  const fileRequests = (): typeof mirror.requests => mirror.requests.filter((r) => r.url.endsWith('.tar.gz'));

  beforeAll(async () => {
    await mirror.start();
  });
  afterAll(() => mirror.stop());

  const useGenuine = (): void => {
    mirror.files = [{ filename: sdk?.filename ?? '', data, sha256: sdk?.sha256 ?? '', version: sdk?.version ?? '' }];
    mirror.faults.length = 0;
    mirror.requests.length = 0;
    mirror.noChecksums = false;
  };

  const plan = (text = sdk?.version ?? '', mirrors = [mirror.base]) => planInstall({ request: parseVersionRequest(text), mirrors, platform });

  it('installs, runs `go version`, builds a program, and is a no-op the second time', async () => {
    useGenuine();
    const home = freshHome();
    const result = await installPlan(await plan('latest'), home);
    expect(result).toEqual({ version: sdk?.version, goroot: sdkRoot(home, sdk?.version ?? ''), installed: true });
    expect(JSON.parse(readFileSync(join(result.goroot, MARKER), 'utf8'))).toMatchObject({ version: sdk?.version, sha256: sdk?.sha256 });
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
    expect(readdirSync(join(home, 'sdk'))).toEqual([sdk?.version]);

    const go = join(result.goroot, 'bin', 'go');
    const version = await run(go, ['version'], { env: { GOTOOLCHAIN: 'local', GOROOT: undefined } });
    expect(version.stdout).toBe(`go version ${sdk?.version} linux/amd64`);

    const project = join(root, 'hello');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'go.mod'), 'module hello\ngo 1.19\n');
    writeFileSync(join(project, 'main.go'), 'package main\nimport "fmt"\nfunc main() { fmt.Println("hello from the store") }\n');
    const env = { GOTOOLCHAIN: 'local', GOROOT: undefined, GOFLAGS: undefined, GOCACHE: join(root, 'gocache'), GOPATH: join(root, 'gopath'), CGO_ENABLED: '0' };
    const build = await run(go, ['build', '-o', 'hello', '.'], { cwd: project, env });
    expect(build.stderr).toBe('');
    expect((await run(join(project, 'hello'), [])).stdout).toBe('hello from the store');

    mirror.requests.length = 0;
    expect(await installPlan(await plan(), home)).toMatchObject({ installed: false });
    expect(fileRequests()).toEqual([]);
  });

  it('refuses an archive whose sha256 does not match, installing nothing', async () => {
    useGenuine();
    const corrupt = Buffer.from(data);
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length >> 1) ^ 0xff, corrupt.length >> 1);
    mirror.files = [{ filename: sdk?.filename ?? '', data: corrupt, sha256: sdk?.sha256 ?? '', version: sdk?.version ?? '' }];
    const home = freshHome();
    const error = await installPlan(await plan(), home).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GocrossError);
    expect(error).toMatchObject({ kind: 'environment', code: 'sdk.checksum-mismatch' });
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
  });

  it('resumes with Range after the connection drops mid-way', async () => {
    useGenuine();
    mirror.faults.push('drop-midway');
    const home = freshHome();
    expect(await installPlan(await plan(), home)).toMatchObject({ installed: true });
    const requests = fileRequests();
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ range: undefined, status: 200 });
    expect(requests[1]?.range).toMatch(/^bytes=\d+-$/);
    expect(requests[1]?.status).toBe(206);
  });

  it('starts over cleanly when the server ignores Range after a drop', async () => {
    useGenuine();
    mirror.faults.push('drop-midway', 'ignore-range');
    const home = freshHome();
    expect(await installPlan(await plan(), home)).toMatchObject({ installed: true });
    expect(fileRequests().map((r) => r.status)).toEqual([200, 200]);
  });

  it('retries a 500 and then succeeds', async () => {
    useGenuine();
    mirror.faults.push('http-500');
    const home = freshHome();
    expect(await installPlan(await plan(), home)).toMatchObject({ installed: true });
    expect(fileRequests().map((r) => r.status)).toEqual([500, 200]);
  });

  it('does not retry a 404 but moves on to the next mirror', async () => {
    useGenuine();
    mirror.faults.push('http-404');
    const home = freshHome();
    expect(await installPlan(await plan(sdk?.version, [mirror.base, mirror.bare]), home)).toMatchObject({ installed: true });
    expect(fileRequests().map((r) => `${r.status} ${r.url.split('/')[1]}`)).toEqual(['404 dl', '200 bare']);
  });

  it('fails with the status when no mirror has the file', async () => {
    useGenuine();
    mirror.faults.push('http-404');
    const error = await installPlan(await plan(), freshHome()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'environment', code: 'download.failed' });
    expect((error as Error).message).toContain('HTTP 404');
  });

  it('uses <file>.sha256 from a mirror without an index, for an exact version only', async () => {
    useGenuine();
    const exact = await plan(sdk?.version, [mirror.bare]);
    expect(exact).toMatchObject({ sha256: sdk?.sha256, checksumFrom: `${mirror.bare}${sdk?.filename}.sha256` });
    await expect(plan('latest', [mirror.bare])).rejects.toMatchObject({ code: 'sdk.no-index' });
  });

  it('refuses to install without any checksum unless --sha256 is given', async () => {
    useGenuine();
    mirror.noChecksums = true;
    await expect(plan(sdk?.version, [mirror.bare])).rejects.toMatchObject({ kind: 'environment', code: 'sdk.no-checksum' });
    const vouched = await planInstall({ request: parseVersionRequest(sdk?.version ?? ''), mirrors: [mirror.bare], platform, sha256: sdk?.sha256 });
    expect(vouched.checksumFrom).toBe('--sha256');
  });

  it.each([
    ['a ../ entry', { name: 'go/../../../escaped-by-sdk', body: 'x' }],
    ['an absolute entry', { name: '/tmp/escaped-absolute-by-sdk', body: 'x' }],
    ['a symlink out of the tree', { name: 'go/bin/gofmt', type: 'symlink' as const, linkname: '/etc/passwd' }],
  ])('refuses an archive with %s and writes nothing outside the store', async (_name, bad) => {
    useGenuine();
    const hostile = makeTarGz([{ name: 'go/', type: 'dir' }, { name: 'go/bin/', type: 'dir' }, { name: 'go/bin/go', body: '#!/bin/sh\n', mode: 0o755 }, bad]);
    mirror.files = [{ filename: sdk?.filename ?? '', data: hostile, sha256: sha(hostile), version: sdk?.version ?? '' }];
    const home = freshHome();
    const error = await installPlan(await plan(), home).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'environment', code: 'archive.unsafe' });
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(existsSync(join(root, 'escaped-by-sdk'))).toBe(false);
    expect(existsSync(join(home, 'escaped-by-sdk'))).toBe(false);
    expect(existsSync('/tmp/escaped-absolute-by-sdk')).toBe(false);
  });

  it('cleans what an interrupted install left and installs', async () => {
    useGenuine();
    const home = freshHome();
    const version = sdk?.version ?? '';
    mkdirSync(join(home, 'sdk', version, 'bin'), { recursive: true });
    writeFileSync(join(home, 'sdk', version, 'bin', 'go'), 'half written');
    mkdirSync(join(home, 'sdk', `.${version}.extract-dead`, 'go'), { recursive: true });
    expect(await installPlan(await plan(), home)).toMatchObject({ installed: true });
    expect(readdirSync(join(home, 'sdk'))).toEqual([version]);
    expect(readFileSync(join(home, 'sdk', version, 'bin', 'go')).length).toBeGreaterThan(1000);
  });

  it('lets two concurrent installs of one version produce one SDK', async () => {
    useGenuine();
    const home = freshHome();
    const results = await Promise.all([installPlan(await plan(), home), installPlan(await plan(), home)]);
    expect(results.map((r) => r.installed).sort()).toEqual([false, true]);
    expect(fileRequests()).toHaveLength(1);
  });
});
