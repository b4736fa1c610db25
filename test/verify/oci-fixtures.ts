/**
 * Hand-made OCI image layouts for verify's tests: layers written with tar (gzip, zstd or none),
 * blobs named by their real sha256, an index with a platform per manifest — and ways to make
 * them wrong on purpose (a config that contradicts the index, a blob that does not match).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LayerSpec {
  /** [host file, path in the layer] (or null for an empty file: whiteouts). */
  files: [from: string | null, to: string][];
  compression?: 'gzip' | 'zstd' | 'none';
}

export interface ImageSpec {
  platform: { os: string; architecture: string; variant?: string };
  /** What the config says, when it should differ from the index. */
  config?: { os: string; architecture: string; variant?: string };
  layers: LayerSpec[];
}

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function blob(dir: string, data: Buffer): { digest: string; size: number } {
  const hex = sha(data);
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(dir, 'blobs', 'sha256', hex), data);
  return { digest: `sha256:${hex}`, size: data.length };
}

function layerTar(spec: LayerSpec, work: string): { data: Buffer; diffId: string; mediaType: string } {
  const root = mkdtempSync(join(work, 'layer-'));
  const names: string[] = [];
  for (const [from, to] of spec.files) {
    const at = join(root, to);
    mkdirSync(join(at, '..'), { recursive: true });
    if (from) copyFileSync(from, at);
    else writeFileSync(at, '');
    names.push(to);
  }
  const tarFile = join(work, `${names.length}-${Date.now()}-${Math.random()}.tar`);
  execFileSync('tar', ['-C', root, '--owner=0', '--group=0', '-cf', tarFile, ...names]);
  const tar = readFileSync(tarFile);
  const compression = spec.compression ?? 'gzip';
  let data = tar;
  if (compression === 'gzip') data = execFileSync('gzip', ['-c', '-n', tarFile], { maxBuffer: 1 << 30 });
  if (compression === 'zstd') data = execFileSync('zstd', ['-q', '-c', tarFile], { maxBuffer: 1 << 30 });
  rmSync(root, { recursive: true, force: true });
  rmSync(tarFile, { force: true });
  const mediaType = `application/vnd.oci.image.layer.v1.tar${compression === 'none' ? '' : `+${compression}`}`;
  return { data, diffId: `sha256:${sha(tar)}`, mediaType };
}

/** Writes an OCI layout folder at `dir` holding `images` under one index; returns the manifest digests. */
export function writeLayout(dir: string, images: ImageSpec[]): string[] {
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(dir, '..', 'work-'));
  const manifests = images.map((image) => {
    const layers = image.layers.map((spec) => {
      const layer = layerTar(spec, work);
      return { ...blob(dir, layer.data), mediaType: layer.mediaType, diffId: layer.diffId };
    });
    const config = { ...(image.config ?? image.platform), config: {}, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } };
    const configBlob = blob(dir, Buffer.from(JSON.stringify(config)));
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
      layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    };
    return { mediaType: manifest.mediaType, ...blob(dir, Buffer.from(JSON.stringify(manifest))), platform: image.platform };
  });
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
  rmSync(work, { recursive: true, force: true });
  return manifests.map((m) => m.digest);
}

/** The layout folder as one tar (what `-o type=oci,dest=…` writes). */
export function tarLayout(dir: string, file: string): string {
  execFileSync('tar', ['-C', dir, '-cf', file, '.']);
  return file;
}

/** The digests of a manifest's layers. */
export function layersOf(dir: string, manifest: string): string[] {
  const m = JSON.parse(readFileSync(join(dir, 'blobs', 'sha256', manifest.slice(7)), 'utf8')) as { layers: { digest: string }[] };
  return m.layers.map((l) => l.digest);
}
