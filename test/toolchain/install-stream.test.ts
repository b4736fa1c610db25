// Installing while downloading: the archive is hashed and unpacked as it arrives, the partial file
// on disk lets the next run resume, and only a verified tree reaches the store.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoPending } from '../../src/io/cleanup.js';
import { installPlan, placeArchive } from '../../src/toolchain/install.js';
import { planInstall } from '../../src/toolchain/mirrors.js';
import { MARKER, sdkRoot } from '../../src/toolchain/store.js';
import { parseVersionRequest } from '../../src/toolchain/version-request.js';
import { tree } from '../io/tree.js';
import { TestMirror } from '../helpers/mirror.js';
import { sdkTarball } from '../helpers/sdk-tarball.js';
import { tempDir } from '../helpers/temp.js';

const sdk = sdkTarball();
const platform = { goos: 'linux', goarch: 'amd64' };

describe.skipIf(!sdk)('installing while downloading', () => {
  const root = tempDir();
  const mirror = new TestMirror();
  const data = sdk ? readFileSync(sdk.path) : Buffer.alloc(0);
  const version = sdk?.version ?? '';
  const partialOf = (home: string): string => join(home, 'tmp', `${sdk?.filename}.partial`);
  let n = 0;
  const freshHome = (): string => {
    n += 1;
    return join(root, `home${n}`);
  };
  const gnu = join(root, 'gnu');
  beforeAll(async () => {
    // Unpacked before the mirror runs: a blocked event loop would let its keep-alive sockets go stale.
    mkdirSync(gnu);
    execFileSync('tar', ['-C', gnu, '-xzf', sdk?.path ?? '']);
    await mirror.start();
  });
  afterAll(() => mirror.stop());
  const useGenuine = (): void => {
    mirror.files = [{ filename: sdk?.filename ?? '', data, sha256: sdk?.sha256 ?? '', version }];
    mirror.faults.length = 0;
    mirror.requests.length = 0;
    mirror.noChecksums = false;
  };
  const fileRequests = (): typeof mirror.requests => mirror.requests.filter((r) => r.url.endsWith('.tar.gz'));
  const plan = () => planInstall({ request: parseVersionRequest(version), mirrors: [mirror.base], platform });
  const files = (dir: string): string[] => tree(dir).filter((line) => line.startsWith('f ') && !line.includes(` ${MARKER} `));

  it('installs the same files as GNU tar unpacks, and keeps nothing of the download', async () => {
    useGenuine();
    const home = freshHome();
    const result = await installPlan(await plan(), home);
    expect(result.installed).toBe(true);
    expect(files(result.goroot)).toEqual(files(join(gnu, 'go')));
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
    expect(readdirSync(join(home, 'sdk'))).toEqual([version]);
  });

  it('a broken transfer leaves its partial file, and the next run resumes it into a correct install', async () => {
    useGenuine();
    const home = freshHome();
    // The first run: the connection drops half-way, then the mirror answers 404 (final).
    mirror.faults.push('drop-midway', 'http-404');
    await expect(installPlan(await plan(), home)).rejects.toMatchObject({ code: 'download.failed' });
    const kept = statSync(partialOf(home)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(data.length);
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(readdirSync(join(home, 'locks'))).toEqual([]);

    mirror.requests.length = 0;
    const result = await installPlan(await plan(), home);
    expect(result.installed).toBe(true);
    expect(fileRequests()).toEqual([expect.objectContaining({ range: `bytes=${kept}-`, status: 206 })]);
    expect(files(result.goroot)).toEqual(files(join(gnu, 'go')));
    expect(JSON.parse(readFileSync(join(result.goroot, MARKER), 'utf8'))).toMatchObject({ sha256: sdk?.sha256 });
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
  });

  it('a resumed run whose server ignores Range starts the extraction over and installs correctly', async () => {
    useGenuine();
    const home = freshHome();
    mkdirSync(join(home, 'tmp'), { recursive: true });
    writeFileSync(partialOf(home), data.subarray(0, data.length >> 1));
    mirror.faults.push('ignore-range');
    const result = await installPlan(await plan(), home);
    expect(fileRequests().map((r) => r.status)).toEqual([200]);
    expect(files(result.goroot)).toEqual(files(join(gnu, 'go')));
    expect(readdirSync(join(home, 'sdk'))).toEqual([version]);
  });

  it('a whole partial from an earlier run is verified and installed without asking the mirror for more', async () => {
    useGenuine();
    const home = freshHome();
    mkdirSync(join(home, 'tmp'), { recursive: true });
    writeFileSync(partialOf(home), data);
    expect((await installPlan(await plan(), home)).installed).toBe(true);
    expect(fileRequests()).toEqual([]);
  });

  it('a corrupt partial from an earlier run fails the checksum and leaves nothing', async () => {
    useGenuine();
    const home = freshHome();
    mkdirSync(join(home, 'tmp'), { recursive: true });
    const corrupt = Buffer.from(data.subarray(0, data.length >> 1));
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length >> 1) ^ 0xff, corrupt.length >> 1);
    writeFileSync(partialOf(home), corrupt);
    await expect(installPlan(await plan(), home)).rejects.toMatchObject({ code: 'sdk.checksum-mismatch' });
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
  });

  it('a byte corrupted late in the stream fails the checksum after everything was unpacked, and leaves nothing', async () => {
    useGenuine();
    const corrupt = Buffer.from(data);
    // Inside the gzip trailer's CRC: every entry unpacks, only the hash can tell.
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 6) ^ 0xff, corrupt.length - 6);
    mirror.files = [{ filename: sdk?.filename ?? '', data: corrupt, sha256: sdk?.sha256 ?? '', version }];
    const home = freshHome();
    await expect(installPlan(await plan(), home)).rejects.toMatchObject({ code: 'sdk.checksum-mismatch' });
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(readdirSync(join(home, 'tmp'))).toEqual([]);
  });

  it('an interruption mid-download removes the half-extracted tree and installs nothing', async () => {
    useGenuine();
    const home = freshHome();
    let undone: Promise<string[]> | undefined;
    const install = installPlan(await plan(), home, {
      onProgress: ({ received }) => {
        if (received > data.length / 3 && !undone) undone = undoPending();
      },
    });
    await expect(install).rejects.toMatchObject({ kind: 'interrupted' });
    expect(await undone).toEqual(expect.arrayContaining([`the half-extracted ${version} was removed`]));
    expect(readdirSync(join(home, 'sdk'))).toEqual([]);
    expect(readdirSync(join(home, 'locks'))).toEqual([]);
    expect(existsSync(sdkRoot(home, version))).toBe(false);
  });

  it('places a local archive through the same extractor', async () => {
    const home = freshHome();
    mkdirSync(join(home, 'sdk'), { recursive: true });
    const goroot = await placeArchive(sdk?.path ?? '', home, version, { sha256: sdk?.sha256 ?? null, source: 'test', platform, given: true });
    expect(files(goroot)).toEqual(files(join(gnu, 'go')));
    expect(readdirSync(join(home, 'sdk'))).toEqual([version]);
  });
});
