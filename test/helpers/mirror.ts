import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MirrorFile {
  filename: string;
  data: Buffer;
  /** The checksum the index advertises (default: the real one of `data`). */
  sha256: string;
  version: string;
  os?: string;
  arch?: string;
}

/** Faults a test can ask for, each consumed by the next download of a file. */
export type Fault = 'drop-midway' | 'http-500' | 'http-404' | 'truncate' | 'ignore-range';

export interface RequestRecord {
  url: string;
  range: string | undefined;
  status: number;
}

/**
 * A Go download mirror on 127.0.0.1 with the go.dev/dl layout: `/dl/?mode=json&include=all`,
 * `/dl/<file>` (with Range support) and `/dl/<file>.sha256`; `/bare/` serves files without an
 * index. Faults are injected per request to test retries and resumption.
 */
export class TestMirror {
  readonly requests: RequestRecord[] = [];
  readonly faults: Fault[] = [];
  files: MirrorFile[] = [];
  extraReleases: unknown[] = [];
  /** When true, `<file>.sha256` answers 404 (a mirror that offers no checksums). */
  noChecksums = false;
  private server: Server | undefined;
  port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}/dl/`;
  }

  get bare(): string {
    return `http://127.0.0.1:${this.port}/bare/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  index(): unknown[] {
    const byVersion = new Map<string, MirrorFile[]>();
    for (const file of this.files) byVersion.set(file.version, [...(byVersion.get(file.version) ?? []), file]);
    return [
      ...[...byVersion].map(([version, files]) => ({
        version,
        stable: !/rc|beta/.test(version),
        files: files.map((f) => ({
          filename: f.filename,
          os: f.os ?? 'linux',
          arch: f.arch ?? 'amd64',
          version,
          sha256: f.sha256,
          size: f.data.length,
          kind: 'archive',
        })),
      })),
      ...this.extraReleases,
    ];
  }

  private record(req: IncomingMessage, status: number): void {
    this.requests.push({ url: req.url ?? '', range: req.headers.range, status });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, area, name = ''] = url.pathname.split('/');
    if ((area === 'dl' || area === 'bare') && name === '') {
      if (area === 'bare' || url.searchParams.get('mode') !== 'json') {
        this.record(req, 404);
        res.writeHead(404).end('not found');
        return;
      }
      this.record(req, 200);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.index()));
      return;
    }
    const checksumOf = name.endsWith('.sha256') ? name.slice(0, -'.sha256'.length) : undefined;
    const file = this.files.find((f) => f.filename === (checksumOf ?? name));
    if (!file || (area !== 'dl' && area !== 'bare')) {
      this.record(req, 404);
      res.writeHead(404).end('not found');
      return;
    }
    if (checksumOf && this.noChecksums) {
      this.record(req, 404);
      res.writeHead(404).end('not found');
      return;
    }
    if (checksumOf) {
      this.record(req, 200);
      res.writeHead(200).end(`${file.sha256}\n`);
      return;
    }
    const fault = this.faults.shift();
    if (fault === 'http-500' || fault === 'http-404') {
      const status = fault === 'http-500' ? 500 : 404;
      this.record(req, status);
      res.writeHead(status).end('fault');
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range && fault !== 'ignore-range' ? Number(range[1]) : 0;
    if (start >= file.data.length) {
      this.record(req, 416);
      res.writeHead(416).end();
      return;
    }
    const status = start > 0 ? 206 : 200;
    this.record(req, status);
    res.writeHead(status, {
      'content-length': String(file.data.length - start),
      ...(status === 206 ? { 'content-range': `bytes ${start}-${file.data.length - 1}/${file.data.length}` } : {}),
    });
    const body = file.data.subarray(start);
    if (fault === 'drop-midway' || fault === 'truncate') {
      // Send part of the body, then cut the connection: the client sees a premature close.
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  }
}

export const readBytes = (path: string): Buffer => readFileSync(path);
