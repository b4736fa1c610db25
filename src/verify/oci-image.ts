/**
 * Reading an OCI image (an image layout folder or tar, or a `docker save` archive in either of
 * its forms) platform by platform: index → manifest → config and layers. Every blob read is
 * hashed and refused unless it matches its descriptor's digest (legacy `docker save` layers:
 * the config's diff_ids). Layers (tar, gzip or zstd) are streamed in order and applied as a
 * container runtime would (whiteouts `.wh.NAME`, opaque directories `.wh..wh..opq`), keeping
 * only the inspection of each binary, so memory stays bounded by the largest binary.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { type BinaryInfo, inspectBuffer } from '../binary/index.js';
import { checkError, isGocrossError } from '../errors.js';
import type { LayoutSource } from '../io/oci-blobs.js';
import { scanTar } from './oci-layer.js';
import { zstdDecompressor } from '../io/zstd-stream.js';

export interface ImagePlatform {
  os: string;
  architecture: string;
  variant: string | null;
}

export interface ImageBinary {
  /** The path in the image's file system, from its root: `/usr/local/bin/tool`. */
  path: string;
  /** The digest of the layer that put it there. */
  layer: string;
  info: BinaryInfo | null;
  error: string | null;
  sha256: string | null;
  buildId?: string | null;
}

export interface PlatformReport {
  /** `linux/arm64`, `linux/arm/v7`. */
  platform: string;
  /** The platform as the index (or, without one, the config) says it. */
  declared: ImagePlatform;
  /** What the config says. */
  config: ImagePlatform;
  manifest: string;
  layers: string[];
  binaries: ImageBinary[];
  /** Entries whose path climbs out of the root (`../`): read through, reported nowhere. */
  outside: string[];
  /** Why the platform could not be checked (its manifest is not in the archive), else null. */
  absent: string | null;
}

/** JSON blobs (index, manifest, config) larger than this are refused: real ones are kilobytes. */
const MAX_JSON = 8 * 1024 * 1024;
/** Binaries larger than this are reported, not inspected. */
export const MAX_IMAGE_MEMBER = 512 * 1024 * 1024;
const MAX_DEPTH = 4;

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

const bad = (source: LayoutSource, why: string) =>
  checkError('image.invalid', `${source.name}: ${why}.`, { hint: 'the image is damaged or was altered after export; export it again from the engine' });

export const platformName = (p: ImagePlatform): string => [p.os, p.architecture, p.variant].filter(Boolean).join('/');

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

function blobPath(source: LayoutSource, digest: unknown): string {
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) throw bad(source, `a descriptor has digest ${JSON.stringify(digest)}, not sha256:<64 hex digits>`);
  return `blobs/sha256/${digest.slice(7)}`;
}

function checkSize(source: LayoutSource, path: string, descriptor: { size?: number; digest: string }, limit: number): number {
  if (!source.has(path)) throw bad(source, `blob ${descriptor.digest} is missing`);
  const size = source.size(path);
  if (descriptor.size !== undefined && (!Number.isSafeInteger(descriptor.size) || descriptor.size < 0)) throw bad(source, `descriptor of ${descriptor.digest} has an impossible size ${descriptor.size}`);
  if (descriptor.size !== undefined && descriptor.size !== size) throw bad(source, `blob ${descriptor.digest} has ${size} bytes but its descriptor says ${descriptor.size} (truncated or replaced)`);
  if (size > limit) throw bad(source, `blob ${descriptor.digest} is ${size} bytes, too large for what it is`);
  return size;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function parseJson(source: LayoutSource, data: Buffer, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(data.toString('utf8')) as unknown;
    if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // below
  }
  throw bad(source, `${what} is not JSON`);
}

/** A JSON blob by descriptor, its digest verified. */
async function jsonBlob(source: LayoutSource, descriptor: Descriptor, what: string): Promise<Record<string, unknown>> {
  const path = blobPath(source, descriptor.digest);
  checkSize(source, path, descriptor, MAX_JSON);
  const data = await readAll(source.stream(path));
  const actual = sha256(data);
  if (actual !== descriptor.digest) throw bad(source, `${what} ${descriptor.digest} does not match its digest (its bytes hash to ${actual})`);
  return parseJson(source, data, `${what} ${descriptor.digest}`);
}

async function plainJson(source: LayoutSource, path: string): Promise<Record<string, unknown> | unknown[]> {
  if (source.size(path) > MAX_JSON) throw bad(source, `${path} is implausibly large`);
  const data = await readAll(source.stream(path));
  try {
    return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw bad(source, `${path} is not JSON`);
  }
}

const platformOf = (value: unknown): ImagePlatform => {
  const p = (value ?? {}) as Record<string, unknown>;
  return { os: String(p.os ?? ''), architecture: String(p.architecture ?? ''), variant: typeof p.variant === 'string' && p.variant ? p.variant : null };
};

/** Hashes what passes through; `digest()` once it ended. */
class Hasher extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.push(chunk);
    callback();
  }
  digest(): string {
    return `sha256:${this.hash.digest('hex')}`;
  }
}

/** An entry path as a path from the image's root, or null when it climbs out of it. */
export function rootPath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const under = (path: string, dir: string): boolean => dir === '/' ? path !== '/' : path.startsWith(`${dir}/`);

type Files = Map<string, ImageBinary>;

interface LayerDescriptor {
  digest: string;
  size?: number;
  mediaType?: string;
  /** Legacy docker save: the layer's path in the archive and its expected diff_id. */
  path?: string;
  diffId?: string;
}

/** Apply one layer onto `files` (the binaries of the layers below). */
async function applyLayer(source: LayoutSource, layer: LayerDescriptor, files: Files, outside: string[]): Promise<void> {
  const path = layer.path ?? blobPath(source, layer.digest);
  checkSize(source, path, layer, Number.MAX_SAFE_INTEGER);
  const magic = source.head(path, 4);
  const hasher = new Hasher();
  const decompress: Transform | PassThrough =
    magic[0] === 0x1f && magic[1] === 0x8b ? createGunzip() : magic.readUInt32LE(0) === 0xfd2fb528 ? zstdDecompressor() : new PassThrough();
  const changes = new Map<string, ImageBinary | null>();
  const whiteouts: string[] = [];
  const opaque: string[] = [];
  const tar = new PassThrough();
  const scanning = scanTar(tar, MAX_IMAGE_MEMBER, async (entry) => {
    const at = rootPath(entry.path);
    if (at === null) {
      outside.push(entry.path);
      return;
    }
    const slash = at.lastIndexOf('/');
    const dir = slash <= 0 ? '/' : at.slice(0, slash);
    const base = at.slice(slash + 1);
    if (base === '.wh..wh..opq') return void opaque.push(dir);
    if (base.startsWith('.wh.')) return void whiteouts.push(`${dir === '/' ? '' : dir}/${base.slice(4)}`);
    if (entry.type === 'Link' && entry.linkpath) {
      const target = rootPath(entry.linkpath);
      const linked = target ? changes.get(target) ?? files.get(target) : undefined;
      changes.set(at, linked ? { ...linked, path: at, layer: layer.digest } : null);
      return;
    }
    let record: ImageBinary | null = null;
    if (entry.tooLarge) record = { path: at, layer: layer.digest, info: null, error: `too large to inspect (${entry.size} bytes)`, sha256: null };
    else if (entry.binary) {
      try {
        const info = await inspectBuffer(entry.binary.data);
        if (info) record = { path: at, layer: layer.digest, info, error: null, sha256: entry.binary.sha256, buildId: entry.binary.buildId };
      } catch (error) {
        if (!isGocrossError(error) || error.kind !== 'check') throw error;
        record = { path: at, layer: layer.digest, info: null, error: error.message, sha256: entry.binary.sha256 };
      }
    }
    changes.set(at, record);
  });
  try {
    await Promise.all([pipeline(source.stream(path), hasher, decompress, tar), scanning]);
  } catch (error) {
    if (isGocrossError(error)) throw error;
    throw bad(source, `layer ${layer.digest} cannot be read: ${(error as Error).message}`);
  }
  const digest = hasher.digest();
  const expected = layer.path ? layer.diffId : layer.digest;
  if (expected && digest !== expected) throw bad(source, `layer ${layer.digest} does not match its digest (its bytes hash to ${digest})`);
  // A layer's whiteouts and opaque markers hide what the layers below put there, not its own files.
  for (const dir of opaque) for (const key of [...files.keys()]) if (under(key, dir)) files.delete(key);
  for (const gone of whiteouts) for (const key of [...files.keys()]) if (key === gone || under(key, gone)) files.delete(key);
  for (const [at, record] of changes) {
    // A file (or link, or directory) replacing a path replaces what was there.
    if (record) files.set(at, record);
    else if (files.has(at)) files.delete(at);
  }
}

interface ManifestRef {
  declared: ImagePlatform | null;
  manifest: Descriptor;
}

/** The image manifests an index lists (nested indexes followed), attestations left out. */
async function manifestsOf(source: LayoutSource, index: Record<string, unknown>, depth: number): Promise<ManifestRef[]> {
  if (depth > MAX_DEPTH) throw bad(source, 'image indexes nest too deeply');
  const list = index.manifests;
  if (!Array.isArray(list)) throw bad(source, 'an image index has no manifests list');
  const refs: ManifestRef[] = [];
  for (const entry of list as Descriptor[]) {
    if (entry === null || typeof entry !== 'object') throw bad(source, 'an image index holds a descriptor that is not an object');
    if (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
    if (entry.platform?.os === 'unknown') continue;
    if (entry.mediaType && INDEX_TYPES.has(entry.mediaType)) {
      refs.push(...(await manifestsOf(source, await jsonBlob(source, entry, 'image index'), depth + 1)));
      continue;
    }
    refs.push({ declared: entry.platform ? platformOf(entry.platform) : null, manifest: entry });
  }
  // docker save lists one manifest per tag: the same manifest twice is one image.
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.manifest.digest) && seen.add(r.manifest.digest));
}

export interface ReadImageOptions {
  /** Keep only the platforms for which this says yes. */
  want?: (platform: string) => boolean;
}

/** Every platform of the image at `source`, its binaries as the final file system holds them. */
export async function readImage(source: LayoutSource, options: ReadImageOptions = {}): Promise<PlatformReport[]> {
  const reports: PlatformReport[] = [];
  if (source.has('index.json')) {
    const index = (await plainJson(source, 'index.json')) as Record<string, unknown>;
    for (const ref of await manifestsOf(source, index, 0)) {
      // `docker save` of one platform of a multi-platform image keeps the whole index but only
      // that platform's blobs: the others are named, not checked (and so fail).
      if (ref.declared && !source.has(blobPath(source, ref.manifest.digest))) {
        const platform = platformName(ref.declared);
        if (options.want && !options.want(platform)) continue;
        reports.push({ platform, declared: ref.declared, config: ref.declared, manifest: ref.manifest.digest, layers: [], binaries: [], outside: [], absent: `the index lists ${platform}, but its manifest ${ref.manifest.digest} is not in the image: not checked` });
        continue;
      }
      const manifest = await jsonBlob(source, ref.manifest, 'manifest');
      if (manifest.mediaType && INDEX_TYPES.has(String(manifest.mediaType))) throw bad(source, `manifest ${ref.manifest.digest} is an index, but the index calls it a manifest`);
      const configRef = manifest.config as Descriptor | undefined;
      if (!configRef || typeof configRef !== 'object') throw bad(source, `manifest ${ref.manifest.digest} has no config`);
      const config = platformOf(await jsonBlob(source, configRef, 'image config'));
      const declared = ref.declared ?? config;
      const platform = platformName(declared);
      if (options.want && !options.want(platform)) continue;
      const layers = manifest.layers;
      if (!Array.isArray(layers)) throw bad(source, `manifest ${ref.manifest.digest} has no layers list`);
      reports.push(await applyLayers(source, platform, declared, config, ref.manifest.digest, layers as LayerDescriptor[]));
    }
    return reports;
  }
  const legacy = await plainJson(source, 'manifest.json');
  if (!Array.isArray(legacy)) throw bad(source, 'manifest.json is not a list of images');
  for (const entry of legacy as { Config?: string; Layers?: string[] }[]) {
    if (typeof entry?.Config !== 'string' || !Array.isArray(entry.Layers)) throw bad(source, 'a manifest.json entry has no Config or Layers');
    const configData = await readAll(source.stream(entry.Config));
    const configDigest = sha256(configData);
    const named = /([0-9a-f]{64})(?:\.json)?$/.exec(entry.Config)?.[1];
    if (named && `sha256:${named}` !== configDigest) throw bad(source, `config ${entry.Config} does not match its digest (its bytes hash to ${configDigest})`);
    const configJson = parseJson(source, configData, `config ${entry.Config}`);
    const config = platformOf(configJson);
    const platform = platformName(config);
    if (options.want && !options.want(platform)) continue;
    const diffIds = ((configJson.rootfs as { diff_ids?: string[] } | undefined)?.diff_ids ?? []) as string[];
    if (diffIds.length !== entry.Layers.length) throw bad(source, `config ${entry.Config} lists ${diffIds.length} layers but manifest.json ${entry.Layers.length}`);
    const layers = entry.Layers.map((path, i) => ({ digest: diffIds[i]!, path, diffId: diffIds[i]! }));
    reports.push(await applyLayers(source, platform, config, config, configDigest, layers));
  }
  return reports;
}

async function applyLayers(source: LayoutSource, platform: string, declared: ImagePlatform, config: ImagePlatform, manifest: string, layers: LayerDescriptor[]): Promise<PlatformReport> {
  const files: Files = new Map();
  const outside: string[] = [];
  for (const layer of layers) {
    if (layer === null || typeof layer !== 'object') throw bad(source, `manifest ${manifest} lists a layer that is not a descriptor`);
    await applyLayer(source, layer, files, outside);
  }
  const binaries = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { platform, declared, config, manifest, layers: layers.map((l) => l.digest), binaries, outside, absent: null };
}
