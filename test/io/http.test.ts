import { createServer, request as httpRequestRaw, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { httpRequest, redact } from '../../src/io/http.js';

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
const saved = Object.fromEntries(PROXY_VARS.map((name) => [name, process.env[name]]));
const clearProxyEnv = (): void => {
  for (const name of PROXY_VARS) delete process.env[name];
};

describe('httpRequest against loopback servers', () => {
  let originPort = 0;
  let proxyPort = 0;
  const proxied: string[] = [];
  const origin = createServer((req, res) => {
    res.setHeader('x-path', req.url ?? '');
    res.end(`hello ${req.url}`);
  });
  // A minimal forward proxy: absolute-URI requests are relayed, CONNECT is recorded and refused.
  const proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const upstream = httpRequestRaw(req.url ?? '', { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });

  beforeAll(async () => {
    originPort = await listen(origin);
    proxyPort = await listen(proxy);
  });
  afterAll(() => {
    origin.close();
    proxy.close();
    Object.assign(process.env, saved);
    for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  });
  afterEach(() => {
    clearProxyEnv();
    proxied.length = 0;
  });

  it('fetches directly when no proxy is set', async () => {
    clearProxyEnv();
    const response = await httpRequest(`http://127.0.0.1:${originPort}/dl/?mode=json`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello /dl/?mode=json');
    expect(proxied).toEqual([]);
  });

  it('sends plain http through HTTP_PROXY', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`;
    const response = await httpRequest(`http://127.0.0.1:${originPort}/file.tar.gz`);
    expect(await response.text()).toBe('hello /file.tar.gz');
    expect(proxied).toEqual([`GET http://127.0.0.1:${originPort}/file.tar.gz`]);
  });

  it('prefers lowercase http_proxy over HTTP_PROXY', async () => {
    const dead = createServer();
    const deadPort = await listen(dead);
    dead.close();
    process.env.HTTP_PROXY = `http://127.0.0.1:${deadPort}`;
    process.env.http_proxy = `http://127.0.0.1:${proxyPort}`;
    expect((await httpRequest(`http://127.0.0.1:${originPort}/x`)).status).toBe(200);
    expect(proxied).toHaveLength(1);
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`;
    process.env.NO_PROXY = 'example.invalid,127.0.0.1';
    expect((await httpRequest(`http://127.0.0.1:${originPort}/y`)).status).toBe(200);
    expect(proxied).toEqual([]);
  });

  it('tunnels https through HTTPS_PROXY with CONNECT', async () => {
    process.env.HTTPS_PROXY = `http://127.0.0.1:${proxyPort}`;
    // The proxy refuses the tunnel; https-proxy-agent hands its answer back as the response.
    const response = await httpRequest('https://127.0.0.1:9/dl/');
    expect(proxied).toEqual(['CONNECT 127.0.0.1:9']);
    expect(response.status).toBe(403);
  });

  it('turns a refused connection into an environment error naming the URL', async () => {
    const closed = createServer();
    const port = await listen(closed);
    closed.close();
    const error = await httpRequest(`http://127.0.0.1:${port}/dl/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GocrossError);
    expect(error).toMatchObject({ kind: 'environment', code: 'network.unreachable' });
    expect((error as GocrossError).message).toContain(`http://127.0.0.1:${port}/dl/`);
    expect((error as GocrossError).message).toContain('ECONNREFUSED');
  });
});

describe('redact', () => {
  it('hides a proxy password', () => {
    expect(redact('http://user:secret@proxy:3128')).toBe('http://user:***@proxy:3128');
    expect(redact('http://proxy:3128/')).toBe('http://proxy:3128');
  });
});
