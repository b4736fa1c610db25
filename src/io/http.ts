/**
 * The one HTTP client of gocross: node-fetch with proxies taken from HTTPS_PROXY, HTTP_PROXY,
 * ALL_PROXY and NO_PROXY (lowercase first, like curl and Go), and network failures turned into
 * environment errors that name the URL.
 */
import type { Agent } from 'node:http';
import fetch, { type RequestInit, type Response } from 'node-fetch';
import { getProxyForUrl } from 'proxy-from-env';
import { environmentError } from '../errors.js';

export type { Response } from 'node-fetch';

const agents = new Map<string, Promise<Agent>>();

/**
 * The agent that sends a request for `url` through its proxy, or undefined for a direct one. The
 * proxy agents (and agent-base, debug) load only when a proxy is set: loading them took about
 * 20 ms of every networked command's start.
 */
export function proxyAgentFor(url: URL): Promise<Agent | undefined> {
  const proxy = getProxyForUrl(url.href);
  if (!proxy) return Promise.resolve(undefined);
  const key = `${url.protocol}${proxy}`;
  let agent = agents.get(key);
  if (!agent) {
    // Plain http goes to the proxy as an absolute-URI request; https is tunnelled with CONNECT.
    agent =
      url.protocol === 'https:'
        ? import('https-proxy-agent').then(({ HttpsProxyAgent }) => new HttpsProxyAgent(proxy))
        : import('http-proxy-agent').then(({ HttpProxyAgent }) => new HttpProxyAgent(proxy));
    agents.set(key, agent);
  }
  return agent;
}

export interface HttpOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  method?: string;
}

/** Send a request; any HTTP status is a result, a failure to connect is a GocrossError (exit 3). */
export async function httpRequest(url: string | URL, options: HttpOptions = {}): Promise<Response> {
  const target = new URL(url);
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: { 'user-agent': 'gocross', ...options.headers },
    signal: options.signal as RequestInit['signal'],
    agent: await proxyAgentFor(target),
  };
  try {
    return await fetch(target.href, init);
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    const proxy = getProxyForUrl(target.href);
    const code = (error as { code?: string }).code;
    const reason = (code && NETWORK_REASONS[code]) ?? code ?? (error as Error).message;
    throw environmentError('network.unreachable', `cannot reach ${target.href}${proxy ? ` through proxy ${redact(proxy)}` : ''}: ${reason}.`, {
      hint: proxy
        ? 'check the proxy (HTTPS_PROXY/HTTP_PROXY) or add the host to NO_PROXY'
        : 'check the network, or use another mirror',
      cause: error,
    });
  }
}

/** What a network error code means, in words (the code itself follows in parentheses). */
const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve (no network or no DNS?) (ENOTFOUND)',
  EAI_AGAIN: 'the host name could not be looked up for now (EAI_AGAIN)',
  ECONNREFUSED: 'the connection was refused (ECONNREFUSED)',
  ECONNRESET: 'the connection was reset (ECONNRESET)',
  ETIMEDOUT: 'the connection timed out (ETIMEDOUT)',
  EHOSTUNREACH: 'the host cannot be reached (EHOSTUNREACH)',
  ENETUNREACH: 'the network cannot be reached (ENETUNREACH)',
};

/** A proxy URL without its password, for messages. */
export function redact(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    if (url.password) url.password = '***';
    return url.href.replace(/\/$/, '');
  } catch {
    return proxyUrl;
  }
}
