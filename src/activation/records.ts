/** Reading an env's records (pure parsers plus one reader): packages, env vars, activation scripts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GO_VARS = ['GOROOT', 'GOPATH', 'GOBIN', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'CGO_ENABLED', 'GOFLAGS', 'GOTOOLCHAIN', 'GOMODCACHE'] as const;

export interface PackageRecord {
  name: string;
  version: string;
  build: string;
  file: string;
}

export interface ScriptInfo {
  name: string;
  path: string;
  /** Go variables the script assigns, with the value text as written. */
  sets: Record<string, string>;
  /** Go variables the script mentions at all (restores, unsets). */
  mentions: string[];
}

export interface EnvRecords {
  packages: PackageRecord[];
  /** `conda env config vars` from conda-meta/state. */
  stateVars: Record<string, string>;
  /** etc/conda/env_vars.d/*.json, file → vars. */
  envVarsD: { file: string; vars: Record<string, string> }[];
  activate: ScriptInfo[];
  deactivate: ScriptInfo[];
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** conda's marker for "unset this variable" in `conda env config vars`. */
export const UNSET_MARKER = '***unset***';

/** `conda env config vars` as conda-meta/state records them (an unset marker is kept: it hides a package's value). */
export const parseStateVars = (json: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(record(record(json).env_vars)).map(([k, v]) => [k, String(v)]));


export const parseEnvVarsJson = (json: unknown): Record<string, string> => Object.fromEntries(Object.entries(record(json)).map(([k, v]) => [k, String(v)]));

const ASSIGN = [
  /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/, // sh
  /^\s*setenv\s+([A-Z_][A-Z0-9_]*)\s+(.*)$/, // csh
  /^\s*set\s+(?:-[a-zA-Z]*x[a-zA-Z]*\s+|-x\s+-g\s+|-g\s+-x\s+)([A-Z_][A-Z0-9_]*)\s+(.*)$/, // fish
  /^\s*\$env:([A-Z_][A-Z0-9_]*)\s*=\s*(.*)$/, // PowerShell
  /^\s*@?set\s+"?([A-Z_][A-Z0-9_]*)=(.*?)"?$/i, // cmd
];

/** Which Go variables a script sets and mentions (a textual scan; scripts are not run). */
export function scanScript(text: string): Pick<ScriptInfo, 'sets' | 'mentions'> {
  const sets: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (/^\s*(#|::|rem\s)/i.test(line)) continue;
    for (const pattern of ASSIGN) {
      const match = pattern.exec(line);
      if (match?.[1] && (GO_VARS as readonly string[]).includes(match[1])) sets[match[1]] = (match[2] ?? '').trim().replace(/^["']|["']$/g, '');
    }
  }
  const mentions = GO_VARS.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  return { sets, mentions };
}

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
};

const list = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** Go-related packages, variables and scripts of the env at `prefix`. */
export function readEnvRecords(prefix: string): EnvRecords {
  const packages: PackageRecord[] = [];
  for (const file of list(join(prefix, 'conda-meta'))) {
    // Only Go packages matter here; skip parsing the (large) records of everything else.
    // go-1.26.0-h…, go-nocgo_linux-aarch64-1.26.0-h…: the subdir itself holds a '-'.
    if (!/^go(-(cgo|nocgo)_[a-z0-9]+-[a-z0-9_]+)?-\d/.test(file) || !file.endsWith('.json')) continue;
    const data = record(readJson(join(prefix, 'conda-meta', file)));
    if (typeof data.name === 'string') packages.push({ name: data.name, version: String(data.version ?? ''), build: String(data.build ?? ''), file: join(prefix, 'conda-meta', file) });
  }
  const scripts = (kind: 'activate' | 'deactivate'): ScriptInfo[] =>
    list(join(prefix, 'etc', 'conda', `${kind}.d`)).map((name) => {
      const path = join(prefix, 'etc', 'conda', `${kind}.d`, name);
      let text = '';
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        // A directory or unreadable file: nothing to scan.
      }
      return { name, path, ...scanScript(text) };
    });
  return {
    packages,
    stateVars: parseStateVars(readJson(join(prefix, 'conda-meta', 'state'))),
    // conda reads every file there, whatever its name.
    envVarsD: list(join(prefix, 'etc', 'conda', 'env_vars.d'))
      .map((f) => ({ file: join(prefix, 'etc', 'conda', 'env_vars.d', f), vars: parseEnvVarsJson(readJson(join(prefix, 'etc', 'conda', 'env_vars.d', f))) })),
    activate: scripts('activate'),
    deactivate: scripts('deactivate'),
  };
}
