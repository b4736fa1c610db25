/**
 * `gocross verify IMAGE` on OCI layouts written by hand from real Go binaries: a correct
 * two-platform image (gzip, zstd and plain layers), whiteouts and opaque directories, a layer
 * holding another architecture's binary, a config that contradicts the index, a blob that does
 * not match its digest, a truncated blob, and entries that climb out of the image root.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures } from '../binary/fixtures.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';
import { layersOf, tarLayout, writeLayout } from './oci-fixtures.js';

const GO = requireTool('go');
const TOOLS = ['aarch64-linux-gnu-gcc', 'gcc', 'strip', 'tar', 'gzip', 'zstd', 'python3'].map((t) => requireTool(t));

interface Row {
  path: string;
  member: string | null;
  arch: string | null;
  platform: string | null;
  layer: string | null;
  ok: boolean;
  error: string | null;
  checks: { name: string; expected: string; actual: string; ok: boolean }[];
  [key: string]: unknown;
}

describe.skipIf(!GO || !TOOLS.every(Boolean))('gocross verify on OCI images', () => {
  const root = tempDir('gocross-verify-image-');
  let fx = '';
  const f = (name: string): string => join(fx, name);
  const verify = async (args: string[]) => {
    const result = await gocross(['--json', 'verify', ...args]);
    return { ...result, rows: (result.stdout ? JSON.parse(result.stdout) : []) as Row[] };
  };
  const arm64 = { os: 'linux', architecture: 'arm64' };
  const amd64 = { os: 'linux', architecture: 'amd64' };

  beforeAll(async () => {
    fx = await buildFixtures(GO ?? '', join(root, 'fixtures'));
  }, 600_000);

  it('passes a correct two-platform image, folder and archive alike, a row per binary with its platform and layer', async () => {
    const dir = join(root, 'good');
    const [mArm, mAmd] = writeLayout(dir, [
      { platform: arm64, layers: [{ files: [[f('linux-arm64'), 'usr/local/bin/hello']], compression: 'zstd' }, { files: [[null, 'etc/motd']], compression: 'none' }] },
      { platform: amd64, layers: [{ files: [[f('linux-amd64'), 'usr/local/bin/hello']], compression: 'gzip' }] },
    ]);
    for (const image of [dir, tarLayout(dir, join(root, 'good.tar'))]) {
      const result = await verify([image]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.rows.map((r) => [r.platform, r.member, r.arch, r.ok])).toEqual([
        ['linux/arm64', '/usr/local/bin/hello', 'arm64', true],
        ['linux/amd64', '/usr/local/bin/hello', 'amd64', true],
      ]);
      expect(result.rows[0]!.layer).toBe(layersOf(dir, mArm!)[0]);
      expect(result.rows[1]!.layer).toBe(layersOf(dir, mAmd!)[0]);
      // The fields of the JSON contract stay.
      for (const key of ['path', 'member', 'format', 'os', 'arch', 'bits', 'endian', 'type', 'linkage', 'interpreter', 'needed', 'glibc', 'stripped', 'go', 'checks', 'ok']) expect(result.rows[0]).toHaveProperty(key);
      expect(result.rows[0]!.checks.map((c) => c.name)).toEqual(['os', 'arch', 'image-config']);
    }
    const text = await gocross(['verify', dir]);
    expect(text.stdout).toMatch(/linux\/arm64 \(manifest sha256:[0-9a-f]{12}…, 2 layers\): 1 binary, ok/);
    expect(text.stdout).toMatch(/linux\/amd64 \(manifest sha256:[0-9a-f]{12}…, 1 layer\): 1 binary, ok/);
    // --platform limits the check.
    const only = await verify(['--platform', 'linux/amd64', dir]);
    expect(only.rows.map((r) => r.platform)).toEqual(['linux/amd64']);
    expect((await gocross(['verify', '--platform', 'linux/s390x', dir])).exitCode).toBe(2);
  });

  it('reads an image archive compressed with gzip (docker save | gzip); a release .tar.gz stays an archive', async () => {
    const dir = join(root, 'gzipped');
    writeLayout(dir, [{ platform: arm64, layers: [{ files: [[f('linux-amd64'), 'usr/local/bin/hello']] }] }]);
    const plain = tarLayout(dir, join(root, 'gzipped.tar'));
    execFileSync('gzip', ['-k', plain]);
    const result = await gocross(['verify', `${plain}.gz`]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`${plain}.gz!linux/arm64:/usr/local/bin/hello: (platform linux/arm64, layer sha256:`);
    expect(result.stdout).toContain('arch: expected arm64, got amd64');
    // Damaged on the way: refused, naming the archive given.
    const data = readFileSync(`${plain}.gz`);
    writeFileSync(join(root, 'cut.tar.gz'), data.subarray(0, data.length - 100));
    const cut = await gocross(['verify', join(root, 'cut.tar.gz')]);
    expect(cut.exitCode).toBe(1);
    expect(cut.stderr).toContain(`${join(root, 'cut.tar.gz')} cannot be decompressed`);
    expect(cut.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails a layer holding another architecture’s binary, naming the platform, the layer digest and the path', async () => {
    const dir = join(root, 'wrong-arch');
    const [manifest] = writeLayout(dir, [{ platform: arm64, layers: [{ files: [[f('linux-arm64'), 'bin/ok']] }, { files: [[f('linux-amd64'), 'usr/local/bin/hello']] }] }]);
    const layer = layersOf(dir, manifest!)[1]!;
    const result = await gocross(['verify', dir]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`${dir}!linux/arm64:/usr/local/bin/hello: (platform linux/arm64, layer ${layer})`);
    expect(result.stdout).toContain('arch: expected arm64, got amd64');
    const json = await verify([dir]);
    expect(json.rows.find((r) => !r.ok)).toMatchObject({ member: '/usr/local/bin/hello', platform: 'linux/arm64', layer });
    const github = await gocross(['verify', '--github', dir]);
    expect(github.stdout).toContain(`title=gocross verify linux/arm64 /usr/local/bin/hello::arch: expected arm64, got amd64 (layer ${layer})`);
  });

  it('applies layers in order: whiteouts and opaque directories hide what the layers below put there', async () => {
    const dir = join(root, 'whiteout');
    writeLayout(dir, [{
      platform: arm64,
      layers: [
        { files: [[f('linux-amd64'), 'usr/bin/stale'], [f('linux-amd64'), 'opt/tool/old'], [f('linux-amd64'), 'usr/bin/replaced']] },
        { files: [[null, 'usr/bin/.wh.stale'], [null, 'opt/tool/.wh..wh..opq'], [f('linux-arm64'), 'opt/tool/new'], [f('linux-arm64'), 'usr/bin/replaced']], compression: 'zstd' },
      ],
    }]);
    const result = await verify([dir]);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.rows.map((r) => [r.member, r.arch])).toEqual([['/opt/tool/new', 'arm64'], ['/usr/bin/replaced', 'arm64']]);
  });

  it('checks GOARM for linux/arm/v7 where the build info records it', async () => {
    const dir = join(root, 'armv7');
    writeLayout(dir, [{ platform: { os: 'linux', architecture: 'arm', variant: 'v7' }, layers: [{ files: [[f('linux-armv7'), 'bin/v7'], [f('linux-armv6'), 'bin/v6']] }] }]);
    const result = await verify([dir]);
    expect(result.exitCode).toBe(1);
    expect(result.rows.map((r) => [r.member, r.ok])).toEqual([['/bin/v6', false], ['/bin/v7', true]]);
    expect(result.rows[0]!.checks).toContainEqual({ name: 'goarm', expected: '7', actual: '6', ok: false });
  });

  it('fails a platform the index lists whose manifest is not in the image, and checks the others', async () => {
    const dir = join(root, 'partial');
    const [, amd] = writeLayout(dir, [
      { platform: arm64, layers: [{ files: [[f('linux-arm64'), 'bin/tool']] }] },
      { platform: amd64, layers: [{ files: [[f('linux-amd64'), 'bin/tool']] }] },
    ]);
    rmSync(join(dir, 'blobs', 'sha256', amd!.slice(7)));
    const result = await verify([dir]);
    expect(result.exitCode).toBe(1);
    expect(result.rows.map((r) => [r.platform, r.member, r.ok])).toEqual([['linux/arm64', '/bin/tool', true], ['linux/amd64', null, false]]);
    expect(result.rows[1]!.error).toBe(`the index lists linux/amd64, but its manifest ${amd} is not in the image: not checked`);
    expect((await verify(['--platform', 'linux/arm64', dir])).exitCode).toBe(0);
  });

  it('reads the docker save form of Docker 25 and later: index.json without platforms beside manifest.json', async () => {
    const dir = join(root, 'docker25');
    writeLayout(dir, [{ platform: arm64, layers: [{ files: [[f('linux-arm64'), 'usr/bin/tool']], compression: 'none' }] }]);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: Record<string, unknown>[] };
    for (const m of index.manifests) {
      delete m.platform;
      m.annotations = { 'io.containerd.image.name': 'docker.io/library/tool:latest', 'org.opencontainers.image.ref.name': 'latest' };
    }
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ Config: 'blobs/sha256/0000', RepoTags: ['tool:latest'], Layers: [] }]));
    const result = await verify([tarLayout(dir, join(root, 'docker25.tar'))]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.rows).toMatchObject([{ member: '/usr/bin/tool', platform: 'linux/arm64', arch: 'arm64', ok: true }]);
  });

  it('fails an image whose config contradicts its index entry', async () => {
    const dir = join(root, 'config-lies');
    writeLayout(dir, [{ platform: arm64, config: amd64, layers: [{ files: [[f('linux-arm64'), 'bin/tool']] }] }]);
    const result = await verify([dir]);
    expect(result.exitCode).toBe(1);
    expect(result.rows[0]!.checks).toContainEqual({ name: 'image-config', expected: 'linux/arm64', actual: 'linux/amd64', ok: false });
  });

  it('refuses a blob that does not match its digest, and a truncated one, with a clear error and no stack trace', async () => {
    const dir = join(root, 'tampered');
    const [manifest] = writeLayout(dir, [{ platform: arm64, layers: [{ files: [[f('linux-arm64'), 'bin/tool']], compression: 'none' }] }]);
    const layer = layersOf(dir, manifest!)[0]!;
    const file = join(dir, 'blobs', 'sha256', layer.slice(7));
    const data = readFileSync(file);
    const original = Buffer.from(data);
    data.writeUInt8(data.readUInt8(data.length - 2000) ^ 0xff, data.length - 2000);
    writeFileSync(file, data);
    const tampered = await gocross(['verify', dir]);
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stderr).toContain(`layer ${layer} does not match its digest`);
    expect(tampered.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(file, original);
    truncateSync(file, statSync(file).size - 4096);
    const truncated = await gocross(['verify', dir]);
    expect(truncated.exitCode).toBe(1);
    expect(truncated.stderr).toMatch(/blob sha256:[0-9a-f]{64} has \d+ bytes but its descriptor says \d+/);
    expect(truncated.stderr).not.toMatch(/\n\s+at /);
    // Not an image at all inside: an index that is not JSON.
    writeFileSync(join(dir, 'index.json'), '{nope');
    const garbled = await gocross(['verify', dir]);
    expect(garbled.exitCode).toBe(1);
    expect(garbled.stderr).toContain('index.json is not JSON');
  });

  it('reads entries that climb out of the root but reports nothing outside it; absurd descriptor sizes are refused', async () => {
    const dir = join(root, 'traversal');
    const [manifest] = writeLayout(dir, [{ platform: arm64, layers: [{ files: [[f('linux-arm64'), 'bin/tool']], compression: 'none' }] }]);
    // Replace the layer with one whose second entry is ../../escape (an amd64 binary).
    const layerTar = join(root, 'evil.tar');
    execFileSync('python3', ['-c', 'import sys, tarfile\nwith tarfile.open(sys.argv[1], "w") as t:\n  t.add(sys.argv[2], "bin/tool")\n  t.add(sys.argv[3], "../../escape")', layerTar, f('linux-arm64'), f('linux-amd64')]);
    const { rewriteLayer } = await import('./oci-fixtures-rewrite.js');
    rewriteLayer(dir, manifest!, 0, readFileSync(layerTar));
    const result = await gocross(['verify', dir]);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 entry climbs out of the image root (e.g. ../../escape): not reported');
    expect(result.stdout).not.toContain('escape!');
    const json = await verify([dir]);
    expect(json.rows.map((r) => r.member)).toEqual(['/bin/tool']);
    // A descriptor claiming a petabyte is refused before anything is read.
    const { setLayerSize } = await import('./oci-fixtures-rewrite.js');
    setLayerSize(dir, 0, 2 ** 50);
    const absurd = await gocross(['verify', dir]);
    expect(absurd.exitCode).toBe(1);
    expect(absurd.stderr).toContain('but its descriptor says 1125899906842624');
  });
});
