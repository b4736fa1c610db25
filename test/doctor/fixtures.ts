import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Go installations made from a real GOROOT: a copy of its go binary (so it resolves to its own
 * root) with links to the real tree, minus what a test breaks.
 */
export function goTree(realRoot: string, dir: string, options: { without?: ('src/runtime' | 'pkg/tool')[]; version?: string } = {}): string {
  const without = new Set(options.without ?? []);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  copyFileSync(join(realRoot, 'bin', 'go'), join(dir, 'bin', 'go'));
  if (options.version) writeFileSync(join(dir, 'VERSION'), `${options.version}\n`);
  else symlinkSync(join(realRoot, 'VERSION'), join(dir, 'VERSION'));
  if (without.has('src/runtime')) {
    mkdirSync(join(dir, 'src'));
    for (const entry of readdirSync(join(realRoot, 'src'))) if (entry !== 'runtime') symlinkSync(join(realRoot, 'src', entry), join(dir, 'src', entry));
  } else symlinkSync(join(realRoot, 'src'), join(dir, 'src'));
  if (without.has('pkg/tool')) {
    mkdirSync(join(dir, 'pkg'));
    symlinkSync(join(realRoot, 'pkg', 'include'), join(dir, 'pkg', 'include'));
  } else symlinkSync(join(realRoot, 'pkg'), join(dir, 'pkg'));
  return dir;
}

export interface PrefixOptions {
  /** Link bin/go to this go binary. */
  go?: string;
  packages?: { name: string; version: string; build?: string }[];
  activate?: Record<string, string>;
  deactivate?: Record<string, string>;
  envVarsD?: Record<string, Record<string, string>>;
  stateVars?: Record<string, string>;
  binaries?: string[];
  gocrossGoroot?: string;
}

/** A conda-style env prefix. */
export function condaPrefix(dir: string, options: PrefixOptions = {}): string {
  mkdirSync(join(dir, 'conda-meta'), { recursive: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'conda-meta', 'history'), '==> 2026-11-01 <==\n');
  writeFileSync(join(dir, 'conda-meta', 'python-3.11.7-h0.json'), JSON.stringify({ name: 'python', version: '3.11.7', build: 'h0' }));
  if (options.go) symlinkSync(options.go, join(dir, 'bin', 'go'));
  for (const p of options.packages ?? []) {
    writeFileSync(join(dir, 'conda-meta', `${p.name}-${p.version}-${p.build ?? 'h0'}.json`), JSON.stringify({ name: p.name, version: p.version, build: p.build ?? 'h0' }));
  }
  for (const [kind, scripts] of [['activate', options.activate], ['deactivate', options.deactivate]] as const) {
    if (!scripts) continue;
    mkdirSync(join(dir, 'etc', 'conda', `${kind}.d`), { recursive: true });
    for (const [name, text] of Object.entries(scripts)) writeFileSync(join(dir, 'etc', 'conda', `${kind}.d`, name), text);
  }
  if (options.envVarsD) {
    mkdirSync(join(dir, 'etc', 'conda', 'env_vars.d'), { recursive: true });
    for (const [name, vars] of Object.entries(options.envVarsD)) writeFileSync(join(dir, 'etc', 'conda', 'env_vars.d', name), JSON.stringify(vars));
  }
  if (options.stateVars) writeFileSync(join(dir, 'conda-meta', 'state'), JSON.stringify({ env_vars: options.stateVars }));
  for (const name of options.binaries ?? []) {
    writeFileSync(join(dir, 'bin', name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }
  if (options.gocrossGoroot) {
    mkdirSync(join(dir, 'etc', 'gocross'), { recursive: true });
    writeFileSync(join(dir, 'etc', 'gocross', 'env-settings.ini'), `goroot = ${options.gocrossGoroot}\n`);
  }
  return dir;
}
