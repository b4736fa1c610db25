/** An env's gocross settings, `$PREFIX/etc/gocross/env-settings.ini`: what `init` chose, re-read on the next run. */
import { parse } from 'ini';
import { MARKER } from '../marker.js';

export interface StoredSettings {
  goroot: string;
  version: string | null;
  target: string;
  cgo: boolean;
  cc: string | null;
  cxx: string | null;
  modcache: 'shared' | 'env';
  /** `init --goflags`: GOFLAGS exactly this; null keeps what is there, less what breaks the target. */
  goflags: string | null;
}

export function parseSettings(text: string): Partial<StoredSettings> {
  const raw = parse(text) as Record<string, unknown>;
  const str = (key: string): string | undefined => (typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : undefined);
  return {
    goroot: str('goroot'),
    version: str('version') ?? null,
    target: str('target'),
    cgo: raw.cgo === true || raw.cgo === 'true',
    cc: str('cc') ?? null,
    cxx: str('cxx') ?? null,
    modcache: str('modcache') === 'env' ? 'env' : 'shared',
    // An explicit empty GOFLAGS is a setting too: the key is there with "".
    goflags: typeof raw.goflags === 'string' ? raw.goflags : null,
  };
}

/** The settings file's text; keys in a fixed order so the same settings give the same bytes. */
export function renderSettings(settings: StoredSettings): string {
  // Values are quoted so that ini keeps paths with ; # = or spaces intact.
  const q = (value: string | null): string => (value === null ? '' : JSON.stringify(value));
  return [
    `; ${MARKER}: settings of this env's Go hooks, written by \`gocross init\`.`,
    `goroot = ${q(settings.goroot)}`,
    `version = ${q(settings.version)}`,
    `target = ${settings.target}`,
    `cgo = ${settings.cgo}`,
    `cc = ${q(settings.cc)}`,
    `cxx = ${q(settings.cxx)}`,
    `modcache = ${settings.modcache}`,
    ...(settings.goflags === null ? [] : [`goflags = ${q(settings.goflags)}`]),
    '',
  ].join('\n');
}
