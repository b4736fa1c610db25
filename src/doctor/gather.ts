/**
 * Gathering doctor's snapshot: the go binaries on PATH (one `go env -json` each, in parallel),
 * the GOROOT in use, the env's records, the shell profiles, the project's Go version, the cross
 * compilers. The only part of doctor that touches processes and files.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { findCrossCompilers } from '../conda/compilers.js';
import type { CondaEnv } from '../conda/env.js';
import { GO_VARS, readEnvRecords } from '../conda/meta.js';
import { findAllExecutables, findExecutable, run } from '../io/process.js';
import { findProjectVersion } from '../sdk/version-files.js';
import { gorootVersion } from '../sdk/store.js';
import { readEnvSettings } from '../init/stored.js';
import { hostTarget, type TargetInfo } from '../targets/index.js';
import type { GoOnPath, GorootState, ProfileLine, Snapshot } from './snapshot.js';

const realpath = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

async function inspectGo(path: string, env: NodeJS.ProcessEnv): Promise<GoOnPath> {
  const real = realpath(path);
  const base = { path, real, root: dirname(dirname(real)) };
  const result = await run(path, ['env', '-json'], { baseEnv: env, timeoutMs: 15_000 });
  if (result.exitCode !== 0) return { ...base, goEnv: null, error: result.stderr.trim() || `exit ${result.exitCode}` };
  try {
    return { ...base, goEnv: JSON.parse(result.stdout) as Record<string, string>, error: null };
  } catch {
    return { ...base, goEnv: null, error: 'go env -json printed no JSON' };
  }
}

function gorootState(path: string, from: 'env' | 'go', host: TargetInfo): GorootState {
  const versionFile = gorootVersion(path);
  return {
    path,
    from,
    exists: existsSync(path),
    hasRuntime: existsSync(join(path, 'src', 'runtime')),
    hasTool: existsSync(join(path, 'pkg', 'tool', `${host.goos}_${host.goarch}`)),
    versionFile,
  };
}

const PROFILES = ['.bashrc', '.bash_profile', '.profile', '.zshrc', '.zprofile', join('.config', 'fish', 'config.fish')];
const GOROOT_EXPORT = /^\s*(export\s+GOROOT=|GOROOT=.*;\s*export\s+GOROOT|setenv\s+GOROOT\s|set\s+(-\w+\s+)*GOROOT\s)/;
// PATH assignments whose first entry is a Go bin directory: PATH=/usr/local/go/bin:$PATH, fish_add_path …/go/bin.
const GO_FIRST_ON_PATH = /^\s*(export\s+)?PATH=["']?[^:"'$]*\/go[^/:"']*\/bin[:"']|^\s*(set\s+(-\w+\s+)*PATH\s+\S*\/go[^/\s]*\/bin\s|fish_add_path\s+\S*\/go[^/\s]*\/bin)/;

function scanProfiles(home: string): ProfileLine[] {
  const found: ProfileLine[] = [];
  for (const name of PROFILES) {
    const file = join(home, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    text.split('\n').forEach((line, index) => {
      if (/^\s*#/.test(line)) return;
      if (GOROOT_EXPORT.test(line)) found.push({ file, line: index + 1, text: line.trim(), kind: 'goroot' });
      else if (GO_FIRST_ON_PATH.test(line)) found.push({ file, line: index + 1, text: line.trim(), kind: 'path' });
    });
  }
  return found;
}

export interface GatherOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  condaEnv: CondaEnv;
  targets: TargetInfo[];
}

export async function gatherSnapshot(options: GatherOptions): Promise<Snapshot> {
  const { env, condaEnv } = options;
  const host = hostTarget();
  // One `go env` per distinct installation: links to the same binary count once.
  const seen = new Set<string>();
  const paths = findAllExecutables('go', env.PATH).filter((p) => {
    const real = realpath(p);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  const gos = await Promise.all(paths.map((p) => inspectGo(p, env)));
  const rootPath = env.GOROOT || gos[0]?.root;
  const stored = readEnvSettings(condaEnv.prefix);
  let hooks: Snapshot['hooks'] = null;
  if (stored) {
    const goroot = stored.settings.goroot ?? null;
    hooks = { settingsFile: stored.file, goroot, gorootOk: goroot !== null && existsSync(join(goroot, 'bin', 'go')) };
  }
  const targets = [...options.targets];
  if (targets.length === 0 && (env.GOOS || env.GOARCH)) {
    const { parseTarget } = await import('../targets/index.js');
    try {
      targets.push(parseTarget(`${env.GOOS || host.goos}/${env.GOARCH || host.goarch}`));
    } catch {
      // An invalid GOOS/GOARCH in the environment: go itself will say so.
    }
  }
  return {
    host,
    env: Object.fromEntries([...GO_VARS, 'PATH', 'CC'].map((name) => [name, env[name]])),
    gos,
    goroot: rootPath ? gorootState(rootPath, env.GOROOT ? 'env' : 'go', host) : null,
    condaEnv,
    records: condaEnv.prefix ? readEnvRecords(condaEnv.prefix) : null,
    profiles: scanProfiles(env.HOME || homedir()),
    project: findProjectVersion(options.cwd),
    targets,
    crossCompilers: Object.fromEntries(targets.map((t) => [t.target, findCrossCompilers(t, condaEnv.prefix, env.PATH).map((c) => c.cc)])),
    hooks,
    execWrappers: targets.map((t) => `go_${t.goos}_${t.goarch}_exec`).filter((name) => findExecutable(name, env.PATH)),
  };
}
