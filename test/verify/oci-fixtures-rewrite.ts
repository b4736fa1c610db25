/** Rewriting a hand-made layout after the fact: a new layer (digests fixed up), a lying size. */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const blobFile = (dir: string, digest: string) => join(dir, 'blobs', 'sha256', digest.slice(7));

interface Index { manifests: { digest: string; size: number }[] }
interface Manifest { config: { digest: string; size: number }; layers: { digest: string; size: number; mediaType: string }[] }

function putJson(dir: string, value: unknown): { digest: string; size: number } {
  const data = Buffer.from(JSON.stringify(value));
  writeFileSync(join(dir, 'blobs', 'sha256', sha(data)), data);
  return { digest: `sha256:${sha(data)}`, size: data.length };
}

/** Replace layer `n` of `manifest` with the uncompressed tar `tar`, fixing every digest up the chain. */
export function rewriteLayer(dir: string, manifest: string, n: number, tar: Buffer): void {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Index;
  const m = JSON.parse(readFileSync(blobFile(dir, manifest), 'utf8')) as Manifest;
  writeFileSync(join(dir, 'blobs', 'sha256', sha(tar)), tar);
  m.layers[n] = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${sha(tar)}`, size: tar.length };
  const config = JSON.parse(readFileSync(blobFile(dir, m.config.digest), 'utf8')) as { rootfs: { diff_ids: string[] } };
  config.rootfs.diff_ids[n] = `sha256:${sha(tar)}`;
  m.config = { ...m.config, ...putJson(dir, config) };
  const entry = index.manifests.find((e) => e.digest === manifest)!;
  Object.assign(entry, putJson(dir, m));
  rmSync(blobFile(dir, manifest), { force: true });
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
}

/** Make the first manifest's layer `n` descriptor claim `size` bytes (digests fixed up above it). */
export function setLayerSize(dir: string, n: number, size: number): void {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Index;
  const entry = index.manifests[0]!;
  const m = JSON.parse(readFileSync(blobFile(dir, entry.digest), 'utf8')) as Manifest;
  m.layers[n]!.size = size;
  Object.assign(entry, putJson(dir, m));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
}
