/**
 * Gathering doctor's snapshot: the env as it is when active (conda's activation run in one POSIX
 * shell, src/activation/simulation/run.ts; on Windows the env's scripts are only read), the go
 * binaries on that PATH (one `go env -json` each, in parallel), the GOROOT in use, the env's
 * records and gocross settings, the shell profiles, the project's Go version, the cross compilers
 * and exec wrappers. The only part of doctor that touches processes and files.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import { simulateActivation } from '../activation/simulation/run.js';
import { findCrossCompilers } from '../compilers/found.js';
import type { CondaEnv } from '../activation/env.js';
import { GO_VARS, readEnvRecords, type EnvRecords } from '../activation/records.js';
import { execWrapperName, planHooks, SAVED_VARS } from '../activation/plan.js';
import { type EnvSettingsFile, readEnvSettings } from '../activation/settings-file.js';
import { findAllExecutables, findExecutable, run } from '../io/process.js';
import { findProjectVersion } from '../toolchain/version-files.js';
import { gorootVersion } from '../toolchain/store.js';
import { hostTarget, isForeign, parseTarget, type TargetInfo } from '../targets/index.js';
import { APPLY_HOOK, fromRecords, fromSimulation, SAVE_HOOK, TRACKED } from './attribution.js';
import type { Activation, ExecWrapper, GocrossHooks, GoOnPath, GorootState, ProfileLine, Snapshot } from './snapshot.js';

const realpath = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** What doctor reads from `go env`: naming them keeps go from computing the costly ones (cgo flags). */
const GO_ENV_KEYS = ['GOVERSION', 'GOROOT', 'GOPATH', 'GOBIN', 'GOFLAGS', 'GOTOOLCHAIN', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'CGO_ENABLED', 'GOMODCACHE', 'GOENV', 'CC'];

async function inspectGo(path: string, env: NodeJS.ProcessEnv): Promise<GoOnPath> {
  const real = realpath(path);
  const base = { path, real, root: dirname(dirname(real)) };
  // From the file system's root: no go.mod there, so no toolchain switch (or download) for `go env`;
  // a GOTOOLCHAIN naming a version would switch too (doctor reads the variable itself then).
  const result = await run(path, ['env', '-json', ...GO_ENV_KEYS], {
    baseEnv: env,
    env: env.GOTOOLCHAIN ? { GOTOOLCHAIN: 'local' } : {},
    cwd: parsePath(resolve('.')).root,
    timeoutMs: 15_000,
  });
  if (result.exitCode !== 0) return { ...base, goEnv: null, error: result.stderr.trim() || `exit ${result.exitCode}` };
  try {
    return { ...base, goEnv: JSON.parse(result.stdout) as Record<string, string>, error: null };
  } catch {
    return { ...base, goEnv: null, error: 'go env -json printed no JSON' };
  }
}

/** Every go on the env's PATH, one `go env` per distinct installation (links to the same binary count once), in parallel. */
function inspectGos(env: NodeJS.ProcessEnv): Promise<GoOnPath[]> {
  const seen = new Set<string>();
  const paths = findAllExecutables('go', env.PATH).filter((p) => {
    const real = realpath(p);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  return Promise.all(paths.map((p) => inspectGo(p, env)));
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
// Any other Go variable exported: export GOFLAGS=…, setenv GOBIN …, set -gx GOARCH ….
const GO_VAR_EXPORT = new RegExp(`^\\s*(?:export\\s+|setenv\\s+|set\\s+(?:-\\w+\\s+)*)(${GO_VARS.filter((v) => v !== 'GOROOT').join('|')})[=\\s]`);

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
      const at = { file, line: index + 1, text: line.trim() };
      if (GOROOT_EXPORT.test(line)) found.push({ ...at, kind: 'goroot', variable: 'GOROOT' });
      else if (GO_FIRST_ON_PATH.test(line)) found.push({ ...at, kind: 'path' });
      else {
        const variable = GO_VAR_EXPORT.exec(line)?.[1];
        if (variable) found.push({ ...at, kind: 'var', variable });
      }
    });
  }
  return found;
}

/** gocross's settings in the env and what its hooks do, from the same plan `init` wrote them from. */
function hookFacts(stored: EnvSettingsFile, prefix: string, host: TargetInfo): GocrossHooks {
  const settings = stored.settings;
  const goroot = settings.goroot ?? null;
  let target: TargetInfo | null = null;
  try {
    target = settings.target ? parseTarget(settings.target) : null;
  } catch {
    // A hand-edited settings file: the hooks still say what they do when they run.
  }
  let managed: string[] = [];
  let planned: Record<string, string | null> = {};
  let goflagsDrop: string[] = [];
  if (target && goroot) {
    const plan = planHooks(
      {
        goroot,
        target,
        foreign: isForeign(target, host),
        cgo: settings.cgo ?? false,
        cc: settings.cc ?? undefined,
        cxx: settings.cxx ?? undefined,
        modcache: settings.modcache ?? 'shared',
        home: '',
        goflags: settings.goflags ?? null,
      },
      prefix,
    );
    managed = [...plan.set.map((s) => s.name), ...plan.clear, ...(plan.goflags.kind === 'set' ? ['GOFLAGS'] : [])];
    planned = Object.fromEntries([
      ...plan.set.filter((s) => s.name !== 'GOMODCACHE').map((s) => [s.name, s.value] as const),
      ...plan.clear.map((name) => [name, null] as const),
      ...(plan.goflags.kind === 'set' ? [['GOFLAGS', plan.goflags.value === '' ? null : plan.goflags.value] as const] : []),
    ]);
    goflagsDrop = plan.goflags.kind === 'filter' ? plan.goflags.drop : [];
  }
  const has = (kind: 'activate' | 'deactivate', name: string): boolean => existsSync(join(prefix, 'etc', 'conda', `${kind}.d`, name));
  return {
    settingsFile: stored.file,
    goroot,
    gorootOk: goroot !== null && existsSync(join(goroot, 'bin', 'go')),
    version: settings.version ?? null,
    target: target?.target ?? null,
    cgo: settings.cgo ?? false,
    goflags: settings.goflags ?? null,
    managed,
    planned,
    goflagsDrop,
    files: {
      save: has('activate', SAVE_HOOK),
      apply: has('activate', APPLY_HOOK),
      unapply: has('deactivate', 'deactivate-z90-gocross.sh'),
      restore: has('deactivate', 'deactivate-a00-gocross.sh'),
    },
  };
}

const metaNames = (prefix: string): string[] => {
  try {
    return readdirSync(join(prefix, 'conda-meta')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
};

/** A conda-meta record file `<name>-<version>-<build>.json` of package `name`. */
const isRecordOf = (file: string, name: string): boolean => file.startsWith(`${name}-`) && /^\d/.test(file.slice(name.length + 1));

/**
 * conda-forge's Go compiler packages for every subdir (`go-nocgo_linux-aarch64`, `go-cgo_osx-arm64`):
 * subdir names hold a dash, so they are read here by their record's own name.
 */
function goCompilerPackages(prefix: string, names: string[], known: EnvRecords['packages']): EnvRecords['packages'] {
  const found: EnvRecords['packages'] = [];
  for (const file of names) {
    if (!/^go-(cgo|nocgo)_/.test(file) || known.some((p) => p.file === join(prefix, 'conda-meta', file))) continue;
    try {
      const data = JSON.parse(readFileSync(join(prefix, 'conda-meta', file), 'utf8')) as { name?: unknown; version?: unknown; build?: unknown };
      if (typeof data.name === 'string' && isRecordOf(file, data.name)) found.push({ name: data.name, version: String(data.version ?? ''), build: String(data.build ?? ''), file: join(prefix, 'conda-meta', file) });
    } catch {
      // Not a package record.
    }
  }
  return found;
}

/**
 * The conda package that installs a script or env-var file: conda-forge names its hooks after
 * the package (`activate-z61-go-nocgo_linux-64.sh`, `env_vars.d/go.json`); else the package
 * records that list the file (read only when asked, once).
 */
function packageOwner(prefix: string, names: string[]): (path: string) => string | null {
  let index: { name: string; text: string }[] | undefined;
  return (path) => {
    const file = path.split(sep).pop() ?? '';
    const guess = /^(?:de)?activate-(?:[a-z]?\d+-)?(.+)\.[^.]+$/.exec(file)?.[1] ?? file.replace(/\.json$/, '');
    if (names.some((n) => isRecordOf(n, guess))) return guess;
    if (!index) {
      index = [];
      for (const name of names) {
        try {
          index.push({ name, text: readFileSync(join(prefix, 'conda-meta', name), 'utf8') });
        } catch {
          // Unreadable record: skip it.
        }
      }
    }
    const needle = JSON.stringify(relative(prefix, path).split(sep).join('/'));
    const hit = index.find((r) => r.text.includes(needle));
    if (!hit) return null;
    try {
      const name = (JSON.parse(hit.text) as { name?: unknown }).name;
      return typeof name === 'string' ? name : null;
    } catch {
      return null;
    }
  };
}

/** The target GOOS/GOARCH (+GOARM/GOAMD64) of an environment, when they are set and valid. */
function envTarget(env: Record<string, string | undefined>, host: TargetInfo): TargetInfo | null {
  if (!env.GOOS && !env.GOARCH) return null;
  const goos = env.GOOS || host.goos;
  const goarch = env.GOARCH || host.goarch;
  const armVersion = goarch === 'arm' ? /^(\d)/.exec(env.GOARM ?? '')?.[1] : undefined;
  const variant = armVersion ? `/v${armVersion}` : goarch === 'amd64' && /^v\d$/.test(env.GOAMD64 ?? '') ? `/${env.GOAMD64}` : '';
  try {
    return parseTarget(`${goos}/${goarch}${variant}`);
  } catch {
    try {
      return parseTarget(`${goos}/${goarch}`);
    } catch {
      // An invalid GOOS/GOARCH: go itself will say so.
      return null;
    }
  }
}

function wrapperFacts(target: TargetInfo, pathEnv: string | undefined): ExecWrapper | null {
  const name = execWrapperName(target);
  const path = findExecutable(name, pathEnv);
  if (!path) return null;
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // A binary wrapper: nothing to read.
  }
  return { name, path, sysroot: /\s-L\s/.test(text), qemu: target.qemu, qemuFound: target.qemu !== null && findExecutable(target.qemu, pathEnv) !== undefined };
}

export interface GatherOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  condaEnv: CondaEnv;
  targets: TargetInfo[];
}

/** The variables an active env's scripts make their own (see activationBase). */
const WATCHED = [...new Set<string>([...GO_VARS, ...SAVED_VARS])];

export async function gatherSnapshot(options: GatherOptions): Promise<Snapshot> {
  const { env: shellEnv, condaEnv } = options;
  const host = hostTarget();
  const prefix = condaEnv.prefix;
  const active = prefix !== null && Boolean(shellEnv.CONDA_PREFIX) && resolve(shellEnv.CONDA_PREFIX ?? '') === resolve(prefix);
  // Started first: the shell runs while the records are read.
  const simulation = prefix && process.platform !== 'win32' ? simulateActivation({ prefix, env: shellEnv, cwd: options.cwd, watched: WATCHED, track: TRACKED }) : null;
  // The env in force is this shell's when the env is active (or there is none): its gos need not wait for the shell.
  const early = active || prefix === null ? inspectGos(shellEnv) : null;
  // Its failure (a go that cannot start) is reported where it is awaited, below.
  early?.catch(() => undefined);
  const names = prefix ? metaNames(prefix) : [];
  const records = prefix ? readEnvRecords(prefix) : null;
  if (records && prefix) records.packages.push(...goCompilerPackages(prefix, names, records.packages));
  const stored = readEnvSettings(prefix);
  const hooks = stored && prefix ? hookFacts(stored, prefix, host) : null;
  const profiles = scanProfiles(shellEnv.HOME || homedir());
  const project = findProjectVersion(options.cwd);
  const owner = prefix ? packageOwner(prefix, names) : () => null;

  let activation: Activation | null = null;
  const sim = simulation ? await simulation : null;
  if (sim && sim.envs.length > 0) activation = fromSimulation(sim, hooks, owner);
  else if (records) activation = fromRecords(records, hooks, owner);
  if (activation && sim && sim.envs.length === 0) activation.base = `not simulated (the shell ${sim.shell} printed nothing: ${sim.stderr || 'no output'}); the env’s scripts were read, not run`;
  const inForceEnv: NodeJS.ProcessEnv = !active && activation?.env ? activation.env : shellEnv;
  const inForce = inForceEnv === shellEnv ? 'shell' : 'activation';

  const gos = await (inForceEnv === shellEnv && early ? early : inspectGos(inForceEnv));
  const rootPath = inForceEnv.GOROOT || gos[0]?.root;
  const targets = [...options.targets];
  const own = envTarget(inForceEnv, host);
  if (targets.length === 0 && own) targets.push(own);
  const wrapped = [...targets, ...(own && !targets.some((t) => t.target === own.target) ? [own] : [])];
  const wrappers = wrapped.map((t) => wrapperFacts(t, inForceEnv.PATH)).filter((w): w is ExecWrapper => w !== null);
  return {
    host,
    env: Object.fromEntries([...GO_VARS, 'PATH', 'CC', 'CXX'].map((name) => [name, inForceEnv[name]])),
    gos,
    goroot: rootPath ? gorootState(rootPath, inForceEnv.GOROOT ? 'env' : 'go', host) : null,
    condaEnv,
    active,
    inForce,
    records,
    activation,
    profiles,
    project,
    targets,
    crossCompilers: Object.fromEntries(targets.map((t) => [t.target, findCrossCompilers(t, prefix, inForceEnv.PATH).map((c) => c.cc)])),
    hooks,
    execWrappers: [...new Set(wrappers.map((w) => w.name))],
    wrappers,
  };
}
