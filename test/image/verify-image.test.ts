/**
 * `gocross verify` on images a real engine built from gocross's own Dockerfile (`--no-syntax
 * --base scratch`) for linux/arm64 and linux/amd64: the `docker save` archives (Docker 20.10's
 * form, manifest.json), and OCI layouts made from exactly those images — the engine's built-in
 * BuildKit has no `oci` exporter, so the saved layers and configs are rewritten as an OCI
 * layout (gzip for one platform, zstd for the other) with one index over both, as a folder and
 * as an archive. Then made wrong: a layer altered after the export, and the index relabelled so
 * each platform's entry points at the other's manifest.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { type Engine, goImage, startEngine, unavailable } from './engine.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/modules/hello', import.meta.url));
const tar = requireTool('tar');
const goroot = testGoroot();
let engine: Engine | undefined;
let image: string | undefined;

const work = tempDir('gocross-docker-verify-');
const module = join(work, 'hello');

interface Row {
  path: string;
  member: string | null;
  arch: string | null;
  platform: string | null;
  layer: string | null;
  ok: boolean;
  checks: { name: string; expected: string; actual: string; ok: boolean }[];
}

const verify = async (args: string[]) => {
  const result = await gocross(['--json', 'verify', ...args]);
  return { ...result, rows: (result.stdout ? JSON.parse(result.stdout) : []) as Row[] };
};

beforeAll(async () => {
  if (!tar || !goroot) return;
  engine = await startEngine();
  if (!engine) return;
  try {
    image = await goImage(engine, goroot);
  } catch (error) {
    image = unavailable(`the Go build image could not be made: ${(error as Error).message}`);
  }
  cpSync(FIXTURE, module, { recursive: true });
  const generated = await gocross(['dockerfile', '--no-syntax', '--base', 'scratch', '--platforms', 'linux/amd64,linux/arm64'], { cwd: module });
  if (generated.exitCode !== 0) throw new Error(generated.stderr);
}, 900_000);

afterAll(async () => {
  await engine?.stop();
});

const ready = () => engine !== undefined && image !== undefined;

const build = (platform: string, extra: string[]) =>
  engine!.docker(['build', '--progress', 'plain', '--network', 'none', '--platform', platform, '--build-arg', `GO_IMAGE=${image}`, ...extra, '.'], { cwd: module });

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * One OCI layout folder holding the images of the given `docker save` archives under one index:
 * each saved config as the config blob, each saved layer compressed (`compression[i]`) as a
 * layer blob, a manifest per image and the index entry's platform from its config.
 */
function ociFromSaved(saved: string[], compression: ('gzip' | 'zstd')[], dir: string): void {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (data: Buffer) => {
    writeFileSync(join(dir, 'blobs', 'sha256', sha(data)), data);
    return { digest: `sha256:${sha(data)}`, size: data.length };
  };
  const manifests = saved.map((archive, i) => {
    const part = `${archive}.oci-src`;
    mkdirSync(part, { recursive: true });
    execFileSync(tar!, ['-C', part, '-xf', archive]);
    const [entry] = JSON.parse(readFileSync(join(part, 'manifest.json'), 'utf8')) as { Config: string; Layers: string[] }[];
    const configData = readFileSync(join(part, entry!.Config));
    const config = JSON.parse(configData.toString('utf8')) as { os: string; architecture: string; variant?: string };
    const layers = entry!.Layers.map((layer) => {
      const file = join(part, layer);
      const data = compression[i] === 'gzip' ? execFileSync('gzip', ['-n', '-c', file], { maxBuffer: 1 << 30 }) : execFileSync('zstd', ['-q', '-c', file], { maxBuffer: 1 << 30 });
      return { mediaType: `application/vnd.oci.image.layer.v1.tar+${compression[i]}`, ...put(data) };
    });
    const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...put(configData) }, layers };
    const platform = { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) };
    return { mediaType: manifest.mediaType, ...put(Buffer.from(JSON.stringify(manifest))), platform };
  });
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
}

describe('gocross verify on images built from gocross’s Dockerfile', () => {
  const saved: Record<string, string> = {};

  for (const platform of ['linux/arm64', 'linux/amd64']) {
    it(`verifies the ${platform} image as docker save writes it`, async ({ skip }) => {
      if (!ready()) skip();
      const tag = `gocross-test/hello-verify:${platform.split('/')[1]}`;
      const built = await build(platform, ['-t', tag]);
      expect(built.exitCode, built.stderr).toBe(0);
      const archive = join(work, `${platform.replace('/', '-')}.saved.tar`);
      const save = await engine!.docker(['save', '-o', archive, tag]);
      expect(save.exitCode, save.stderr).toBe(0);
      saved[platform] = archive;
      const result = await verify([archive]);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.rows).toMatchObject([{ member: '/usr/local/bin/hello', arch: platform.split('/')[1], platform, ok: true }]);
      expect(result.rows[0]!.layer).toMatch(/^sha256:[0-9a-f]{64}$/);
    }, 600_000);
  }

  it('refuses a saved image whose layer was altered after the export', async ({ skip }) => {
    if (!ready() || !saved['linux/arm64']) skip();
    const dir = join(work, 'altered.d');
    mkdirSync(dir);
    execFileSync(tar!, ['-C', dir, '-xf', saved['linux/arm64']!]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
    const layerFile = join(dir, manifest[0]!.Layers.at(-1)!);
    const data = readFileSync(layerFile);
    data.writeUInt8(data.readUInt8(data.length - 5000) ^ 0x01, data.length - 5000);
    writeFileSync(layerFile, data);
    const altered = join(work, 'altered.tar');
    execFileSync(tar!, ['-C', dir, '-cf', altered, '.']);
    const refused = await gocross(['verify', altered]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/layer sha256:[0-9a-f]{64} does not match its digest/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('verifies a two-platform OCI layout of both built images, as a folder and as an archive; --platform limits it', async ({ skip }) => {
    if (!ready() || !saved['linux/arm64'] || !saved['linux/amd64'] || !requireTool('zstd')) skip();
    const dir = join(work, 'multi');
    ociFromSaved([saved['linux/arm64']!, saved['linux/amd64']!], ['zstd', 'gzip'], dir);
    const multiTar = join(work, 'multi.oci.tar');
    execFileSync(tar!, ['-C', dir, '-cf', multiTar, '.']);
    for (const target of [dir, multiTar]) {
      const result = await verify([target]);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.rows.map((r) => [r.platform, r.member, r.arch])).toEqual([
        ['linux/arm64', '/usr/local/bin/hello', 'arm64'],
        ['linux/amd64', '/usr/local/bin/hello', 'amd64'],
      ]);
    }
    const text = await gocross(['verify', dir]);
    expect(text.stdout).toMatch(/linux\/arm64 \(manifest sha256:[0-9a-f]{12}…, \d+ layers?\): 1 binary, ok/);
    expect(text.stdout).toMatch(/linux\/amd64 \(manifest sha256:[0-9a-f]{12}…, \d+ layers?\): 1 binary, ok/);
    expect((await verify(['--platform', 'linux/arm64', multiTar])).rows.map((r) => r.platform)).toEqual(['linux/arm64']);

    // Made wrong: each index entry points at the other platform's manifest.
    const wrong = join(work, 'swapped');
    cpSync(dir, wrong, { recursive: true });
    const index = JSON.parse(readFileSync(join(wrong, 'index.json'), 'utf8')) as { manifests: { platform: unknown }[] };
    const [a, b] = index.manifests;
    [a!.platform, b!.platform] = [b!.platform, a!.platform];
    writeFileSync(join(wrong, 'index.json'), JSON.stringify(index));
    const swapped = await verify([wrong]);
    expect(swapped.exitCode).toBe(1);
    for (const row of swapped.rows) expect(row.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['arch', 'image-config']);
    const said = await gocross(['verify', wrong]);
    expect(said.stdout).toMatch(/!linux\/amd64:\/usr\/local\/bin\/hello: \(platform linux\/amd64, layer sha256:[0-9a-f]{64}\)\n {2}arch: expected amd64, got arm64/);
  }, 600_000);
});
