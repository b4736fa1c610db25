/**
 * Each conflict class of a conda env's Go set-up, as a pure check over the snapshot. A check
 * returns the findings it makes; ids are stable (scripts and docs refer to them). Every fix is
 * one that works for where the value comes from (src/doctor/attribution.ts), and none is a fix
 * that is already applied: once gocross's hooks are in force, "gocross init" is not offered for
 * what they already do.
 */
import { dirname, resolve, sep } from 'node:path';
import { installCommands } from '../compilers/found.js';
import { GO_VARS } from '../activation/records.js';
import { compareGoVersions, parseGoVersion } from '../toolchain/go-version.js';
import { buildsStatic, PIE_FLAGS } from '../targets/goflags.js';
import { isForeign, parseTarget, type TargetInfo } from '../targets/index.js';
import { APPLY_HOOK, SAVE_HOOK, shellSource } from './attribution.js';
import { type Finding, type GoOnPath, runningVersion, type Snapshot, type VarSource, type VarTrace, winningGo } from './snapshot.js';

type Check = (s: Snapshot) => Finding[];

const same = (a: string, b: string): boolean => resolve(a) === resolve(b);
const shellWord = (value: string): string => (/^[\w./:@%+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
const empty = (value: string | undefined): boolean => value === undefined || value === '';

// ---------------------------------------------------------------------------------------------
// Where values come from, and what fixes each source.

const traceOf = (s: Snapshot, name: string): VarTrace | undefined => s.activation?.vars[name];

/** Who gives `name` the value in force: the activation's record, or the shell. */
function originOf(s: Snapshot, name: string): VarSource {
  const trace = traceOf(s, name);
  if (!trace) return shellSource(s.condaEnv.prefix ? 'the shell conda activates the env in' : 'this shell');
  // The env is active, and the shell's value is not what activation gives: it was set by hand, or before a change to the env.
  if (s.inForce === 'shell' && s.activation?.simulated && (trace.value ?? '') !== (s.env[name] ?? '')) return shellSource('this shell (not what activating the env gives now)');
  return trace.origin;
}

/** GOFLAGS, GOBIN…: the environment's value, else the one go reads from its env file (`go env -w`). */
function goSetting(s: Snapshot, name: string): { value: string; origin: VarSource } | null {
  if (!empty(s.env[name])) return { value: s.env[name] as string, origin: originOf(s, name) };
  const value = winningGo(s)?.goEnv?.[name];
  if (empty(value)) return null;
  const file = winningGo(s)?.goEnv?.GOENV || 'go’s env file';
  return { value: value as string, origin: { ...shellSource(file), kind: 'go-env', name: file } };
}

/**
 * Where gocross stands in the env: none (never initialized), stale (settings whose SDK is gone or
 * whose hooks are missing), blocked (activation stops before its hook), pending (the env is active
 * and the shell has not been reactivated since), in-force.
 */
type GocrossState = 'none' | 'stale' | 'blocked' | 'pending' | 'in-force';

function gocrossState(s: Snapshot): GocrossState {
  const hooks = s.hooks;
  if (!hooks) return 'none';
  const files = hooks.files;
  if (!hooks.gorootOk || !files.save || !files.apply || !files.unapply || !files.restore) return 'stale';
  if (s.activation?.simulated && !s.activation.gocross.apply) return 'blocked';
  if (s.active && s.activation?.simulated && hooks.managed.some((name) => (s.env[name] ?? '') !== (s.activation?.vars[name]?.value ?? ''))) return 'pending';
  return 'in-force';
}

const prefixFlag = (s: Snapshot): string => (s.condaEnv.prefix && !s.active ? ` -p ${shellWord(s.condaEnv.prefix)}` : '');
const condaPrefixFlag = (s: Snapshot): string => (s.condaEnv.prefix ? ` -p ${shellWord(s.condaEnv.prefix)}` : '');

/** The target to name in a `gocross init --target` fix. */
const initTarget = (s: Snapshot): string => s.hooks?.target ?? envTarget(s)?.target ?? s.targets[0]?.target ?? s.host.target;

/**
 * What `gocross init` would still do for the env, as a fix (`does` says what it does for this
 * finding), or null when its hooks already do it.
 */
function initAdvice(s: Snapshot, does: string): string | null {
  switch (gocrossState(s)) {
    case 'none':
      return `gocross init${prefixFlag(s)} --target ${initTarget(s)} (${does})`;
    case 'stale':
      return `gocross init${prefixFlag(s)} (rewrites the env’s hooks and re-points its SDK; then ${does})`;
    case 'pending':
      return `reactivate the env (conda activate ${shellWord(s.condaEnv.prefix ?? '')}): gocross’s hooks, written since it was activated, apply on activation`;
    case 'blocked':
      return s.activation?.stopped ? `fix ${s.activation.stopped.source.source} first: activation stops there, before gocross’s hook runs` : null;
    case 'in-force':
      return null;
  }
}

/** `; or <what gocross init still does>`, or nothing when its hooks already do it. */
const orInit = (s: Snapshot, does: string, joiner = '; or '): string => {
  const advice = initAdvice(s, does);
  return advice ? `${joiner}${advice}` : '';
};

const profileLinesFor = (s: Snapshot, name: string) => s.profiles.filter((p) => p.variable === name);

/** What removes `name`'s value at its source: the one fix that works for that source. */
function fixAtSource(s: Snapshot, name: string, source: VarSource): string {
  switch (source.kind) {
    case 'state':
      return `conda env config vars unset ${name}${condaPrefixFlag(s)}, then reactivate the env`;
    case 'env-vars':
      return `${source.package ? `the package ${source.package}` : 'a package'} ships ${source.source}, which conda applies on every activation: override it with \`conda env config vars set ${name}=<value>${condaPrefixFlag(s)}\` (conda-meta/state wins over env_vars.d) or in an activate.d script`;
    case 'go-env':
      return `go env -u ${name} (go reads it from ${source.source}, written by \`go env -w\`)`;
    case 'conda':
      return `conda sets ${name} itself`;
    case 'shell': {
      const lines = profileLinesFor(s, name);
      if (lines.length > 0) return `remove or guard (\`[ -z "$CONDA_PREFIX" ] && …\`) ${lines.map((p) => `${p.file}:${p.line} (${p.text})`).join(', ')}, and unset ${name} in this shell`;
      return `unset ${name} in the shell before activating the env (or where your shell profile sets it)`;
    }
    case 'script': {
      if (source.gocross) return `gocross init${prefixFlag(s)} (rewrites gocross’s hooks for this env)`;
      const remove = source.package ? `conda remove${condaPrefixFlag(s)} ${source.package} (it installs ${source.name})` : `remove ${source.source}`;
      if (source.afterGocross) return `${source.name} runs after gocross’s ${APPLY_HOOK}, so no gocross setting overrides it: ${remove}, or rename it to sort before ${APPLY_HOOK}`;
      return remove;
    }
  }
}

/**
 * The fixes for a value from `source` that gocross's late hook would override (`does` says how):
 * `gocross init` when its hooks are not in force yet and the source runs before them, and the
 * fix at the source.
 */
function fixes(s: Snapshot, name: string, source: VarSource, does: string | null): string {
  const parts: string[] = [];
  const managed = does !== null && !source.afterGocross && source.kind !== 'go-env';
  const advice = managed ? initAdvice(s, does) : null;
  if (advice) parts.push(advice);
  parts.push(fixAtSource(s, name, source));
  return parts.join('; or ');
}

/** A source in a few words, for "runs after …". */
const label = (source: VarSource): string =>
  source.kind === 'script' ? source.name : source.kind === 'state' ? 'conda env config vars' : source.kind === 'env-vars' ? `env_vars.d/${source.name}` : source.kind === 'shell' ? 'the shell’s value' : source.source;

const describe = (source: VarSource): string => (source.kind === 'shell' ? source.source : source.source + (source.package ? ` (package ${source.package})` : ''));
const valueText = (value: string | undefined): string => (value === undefined ? '(unset)' : value === '' ? "''" : value);

// ---------------------------------------------------------------------------------------------
// Targets.

/** The target GOOS/GOARCH(+GOARM/GOAMD64) in force give, or the host's when unset. */
function envTarget(s: Snapshot): TargetInfo | null {
  const goos = s.env.GOOS || s.host.goos;
  const goarch = s.env.GOARCH || s.host.goarch;
  const arm = goarch === 'arm' ? /^(\d)/.exec(s.env.GOARM ?? '')?.[1] : undefined;
  const variant = arm ? `/v${arm}` : goarch === 'amd64' && /^v\d$/.test(s.env.GOAMD64 ?? '') ? `/${s.env.GOAMD64}` : '';
  for (const text of [`${goos}/${goarch}${variant}`, `${goos}/${goarch}`]) {
    try {
      return parseTarget(text);
    } catch {
      // Try without the variant, then give up: go reports an invalid GOOS/GOARCH itself.
    }
  }
  return null;
}

const foreignEnv = (s: Snapshot): boolean => (!empty(s.env.GOOS) && s.env.GOOS !== s.host.goos) || (!empty(s.env.GOARCH) && s.env.GOARCH !== s.host.goarch);

/** cgo is on for builds for `target` in this environment (go's default: on for the host when a C compiler is there). */
function cgoOn(s: Snapshot, target: TargetInfo): boolean {
  if (!empty(s.env.CGO_ENABLED)) return s.env.CGO_ENABLED === '1';
  return !isForeign(target, s.host) && winningGo(s)?.goEnv?.CGO_ENABLED === '1';
}

const LOADERS: Record<string, string> = {
  amd64: '/lib64/ld-linux-x86-64.so.2',
  arm64: '/lib/ld-linux-aarch64.so.1',
  arm: '/lib/ld-linux-armhf.so.3',
  '386': '/lib/ld-linux.so.2',
  ppc64le: '/lib64/ld64.so.2',
  s390x: '/lib/ld64.so.1',
  riscv64: '/lib/ld-linux-riscv64-lp64d.so.1',
};
const loaderOf = (t: TargetInfo): string => (t.goos === 'linux' && LOADERS[t.goarch] ? LOADERS[t.goarch] as string : 'the target’s dynamic loader');

const pieWords = (goflags: string): string[] => goflags.split(/\s+/).filter((w) => PIE_FLAGS.includes(w));

/** The source that put -buildmode=pie in GOFLAGS: the first of the last run of setters whose value has it. */
function pieSource(s: Snapshot): VarSource {
  const setting = goSetting(s, 'GOFLAGS');
  if (!setting) return shellSource();
  if (setting.origin.kind === 'go-env' || setting.origin.kind === 'shell') return setting.origin;
  const sets = traceOf(s, 'GOFLAGS')?.sets ?? [];
  let at = sets.length - 1;
  while (at > 0 && pieWords(sets[at - 1]?.value ?? '').length > 0) at -= 1;
  const introduced = sets[at];
  if (!introduced) return setting.origin;
  // The run starts with a value the shell already had: the shell is where it comes from.
  if (at === 0 && pieWords(traceOf(s, 'GOFLAGS')?.before ?? '').length > 0) return shellSource();
  return introduced.source;
}

// ---------------------------------------------------------------------------------------------
// The checks.

const goNotFound: Check = (s) => {
  if (s.gos.length > 0) return [];
  let fix = 'gocross install && gocross init (inside a conda env), or put a Go on PATH';
  if (s.condaEnv.prefix) {
    const path = originOf(s, 'PATH');
    fix =
      initAdvice(s, 'installs an official Go and puts it first on PATH for this env') ??
      (path.kind === 'script' && !path.gocross ? `a script after gocross’s hook rewrites PATH: ${fixAtSource(s, 'PATH', path)}` : `gocross init${prefixFlag(s)} --go <version> (an official Go for the env)`);
  }
  return [
    {
      id: 'go.not-found',
      severity: 'error',
      title: 'no go on PATH',
      detail: `No \`go\` executable is on PATH${s.condaEnv.prefix ? ` in the env ${s.condaEnv.prefix}${s.inForce === 'activation' ? ' once it is activated' : ''}` : ''}, so nothing can be built.`,
      fix,
      evidence: [`PATH=${s.env.PATH ?? ''}`],
    },
  ];
};

const isGocrossSdk = (s: Snapshot, go: GoOnPath | undefined): boolean => Boolean(go && s.hooks?.goroot && same(go.root, s.hooks.goroot));

const multipleOnPath: Check = (s) => {
  const roots = [...new Map(s.gos.map((g) => [g.root, g])).values()];
  if (roots.length < 2) return [];
  const [first] = roots;
  const ours = isGocrossSdk(s, first) && gocrossState(s) === 'in-force';
  const prefix = s.condaEnv.prefix;
  const removals = roots.slice(1).map((g) => {
    if (prefix && same(dirname(g.path), resolve(prefix, 'bin')) && s.records?.packages.some((p) => p.name === 'go')) return `conda remove${condaPrefixFlag(s)} go (conda-forge’s go, ${g.path})`;
    return `take ${dirname(g.path)} off PATH (your shell profile) if nothing needs ${g.path}`;
  });
  const advice = ours ? null : initAdvice(s, 'puts the env’s SDK first on PATH');
  return [
    {
      id: 'go.multiple-on-path',
      severity: ours ? 'info' : 'warning',
      title: `${roots.length} different Go installations on PATH`,
      detail: `${first?.path} (${first?.goEnv?.GOVERSION ?? 'version unknown'}) runs because its directory comes first in PATH${ours ? ' (gocross’s SDK for this env)' : ''}; the others are shadowed: ${roots
        .slice(1)
        .map((g) => `${g.path} (${g.goEnv?.GOVERSION ?? 'version unknown'})`)
        .join(', ')}. Tools that call a different go (IDEs, Makefiles with absolute paths) will disagree.`,
      fix: [...(advice ? [advice] : []), ...removals].join('; '),
      evidence: roots.map((g) => `${g.path} → ${g.real}`),
    },
  ];
};

const gorootEnvMismatch: Check = (s) => {
  const go = winningGo(s);
  const goroot = s.env.GOROOT;
  if (!go || !goroot || same(goroot, go.root)) return [];
  const origin = originOf(s, 'GOROOT');
  let fix: string;
  if (origin.gocross) {
    const path = originOf(s, 'PATH');
    fix = `gocross’s hook sets GOROOT=${goroot} and puts its bin first on PATH, but ${path.kind === 'script' && !path.gocross ? `${path.name} (after it) puts ${go.path} first: ${fixAtSource(s, 'PATH', path)}` : `${go.path} comes first on PATH: take ${dirname(go.path)} off PATH`}`;
  } else if (origin.kind === 'shell') {
    const lines = profileLinesFor(s, 'GOROOT');
    fix = `unset GOROOT in the shell before activating the env (go finds its root from its own location)${lines.length > 0 ? `; it comes from ${lines.map((p) => `${p.file}:${p.line}`).join(', ')}: remove or guard that line` : ''}${orInit(s, 'sets a matching GOROOT for the env')}`;
  } else fix = fixes(s, 'GOROOT', origin, 'sets a matching GOROOT for the env');
  return [
    {
      id: 'goroot.env-mismatch',
      severity: 'error',
      title: 'GOROOT points away from the go that runs',
      detail: `GOROOT=${goroot} (from ${describe(origin)}), but the go on PATH (${go.path}) belongs to ${go.root}. go then uses another installation's standard library and tools: expect "cannot find GOROOT directory" or "compile: version … does not match go tool version …".`,
      fix,
      evidence: [`GOROOT=${goroot}`, `${go.path} → ${go.real}`],
    },
  ];
};

const gorootIncomplete: Check = (s) => {
  const root = s.goroot;
  if (!root || (root.exists && root.hasRuntime && root.hasTool)) return [];
  const missing = !root.exists ? ['the directory itself'] : [...(root.hasRuntime ? [] : ['src/runtime']), ...(root.hasTool ? [] : [`pkg/tool/${s.host.goos}_${s.host.goarch}`])];
  const version = s.hooks?.goroot && same(root.path, s.hooks.goroot) ? root.versionFile : null;
  let fix: string;
  if (root.from === 'env') fix = `point GOROOT at a complete SDK, or unset it: ${fixes(s, 'GOROOT', originOf(s, 'GOROOT'), 'sets GOROOT to a complete official SDK')}`;
  else if (version) fix = `reinstall the env’s SDK: gocross install --force ${version.replace(/^go/, '')}`;
  else fix = `reinstall this Go (gocross install --force VERSION)${orInit(s, 'switches the env to a complete official SDK', ', or ')}`;
  return [
    {
      id: 'goroot.incomplete',
      severity: 'error',
      title: `the GOROOT in use is incomplete (${missing.join(', ')} missing)`,
      detail: `${root.path} (from ${root.from === 'env' ? 'the GOROOT variable' : 'the go on PATH'}) lacks ${missing.join(' and ')}; builds fail with "package runtime is not in GOROOT" or "go: no such tool".`,
      fix,
      evidence: [root.path],
    },
  ];
};

const gorootVersionMismatch: Check = (s) => {
  const version = runningVersion(s);
  const file = s.goroot?.versionFile;
  if (!version || !file || file === version) return [];
  const fromEnv = s.goroot?.from === 'env';
  return [
    {
      id: 'goroot.version-mismatch',
      severity: 'error',
      title: `GOROOT holds ${file} but the go that runs is ${version}`,
      detail: `${s.goroot?.path}/VERSION says ${file}; ${winningGo(s)?.path} reports ${version}. Mixing a go command with another release's standard library fails with "compile: version … does not match go tool version …".`,
      fix: fromEnv
        ? `make GOROOT and the go on PATH the same installation (unset GOROOT: go finds its root from its own location): ${fixes(s, 'GOROOT', originOf(s, 'GOROOT'), 'sets a matching GOROOT for the env')}`
        : `reinstall this Go (gocross install --force VERSION)${orInit(s, 'switches the env to an official SDK', ', or ')}`,
      evidence: [`${s.goroot?.path}/VERSION: ${file}`, `go env GOVERSION: ${version}`],
    },
  ];
};

const profileExport: Check = (s) => {
  const lines = s.profiles.filter((p) => p.kind === 'goroot' || p.kind === 'path');
  if (lines.length === 0) return [];
  const handled = gocrossState(s) === 'in-force';
  return [
    {
      id: 'goroot.profile-export',
      severity: handled ? 'info' : 'warning',
      title: 'a shell profile sets GOROOT or puts another go first on PATH',
      detail: `Every new shell gets these before conda activates an env, so they can override or shadow the env's Go${handled ? ' (in this env gocross’s hook sets GOROOT and puts its SDK first on PATH after them; other envs and the base shell still get them)' : ''}: ${lines.map((p) => `${p.file}:${p.line}`).join(', ')}.`,
      fix: `remove those lines (or guard them with \`[ -z "$CONDA_PREFIX" ]\`)${handled ? '' : orInit(s, 'sets GOROOT and PATH for the env on activation')}`,
      evidence: lines.map((p) => `${p.file}:${p.line}: ${p.text}`),
    },
  ];
};

const condaGoPackage: Check = (s) =>
  (s.records?.packages ?? []).map((p) => {
    const compiler = p.name.startsWith('go-cgo') || p.name.startsWith('go-nocgo');
    const state = gocrossState(s);
    const handled = state === 'in-force';
    const go = winningGo(s);
    if (compiler) {
      const script = s.activation?.scripts.find((path) => path.split(sep).pop()?.includes(p.name));
      const sets = GO_VARS.map((name) => ({ name, set: traceOf(s, name)?.sets.find((x) => x.source.source === script) })).filter((x) => x.set !== undefined);
      const what = sets.length > 0 ? sets.map((x) => `${x.name}=${valueText(x.set?.value)}`).join(', ') : 'GOOS, GOARCH, CGO_ENABLED and GOFLAGS (-modcacherw -buildmode=pie -trimpath)';
      const advice = initAdvice(s, 'its hooks override GOOS, GOARCH and CGO_ENABLED, drop -buildmode=pie where it breaks the target, and restore every variable on deactivate');
      return {
        id: 'conda.go-package',
        severity: handled ? ('info' as const) : ('warning' as const),
        title: `conda package ${p.name} ${p.version} is installed in the env`,
        detail: handled
          ? `${p.name} exports ${what} for the whole env on activation; gocross’s ${APPLY_HOOK} runs after it and sets what the env’s target needs, and gocross’s deactivate hooks put everything back.`
          : `${p.name} exports GOOS, GOARCH, CGO_ENABLED and GOFLAGS for the whole env on activation (${what}) and does not restore them on deactivate.`,
        fix: handled
          ? `nothing to do for this env; conda remove${condaPrefixFlag(s)} ${p.name} if nothing builds conda packages here`
          : [...(advice ? [advice] : []), `conda remove${condaPrefixFlag(s)} ${p.name} if the env is not a conda-build env`].join('; or '),
        evidence: [p.file],
      };
    }
    const ours = isGocrossSdk(s, go);
    return {
      id: 'conda.go-package',
      severity: 'info' as const,
      title: `conda package ${p.name} ${p.version} is installed in the env`,
      detail: `conda-forge's go installs into $PREFIX/go with $PREFIX/bin/go links and sets GOTOOLCHAIN=local through env_vars.d/go.json; ${
        go ? `the go that runs is ${go.path} (${go.goEnv?.GOVERSION ?? 'version unknown'})${ours ? ', gocross’s SDK, first on PATH' : ''}` : 'no go runs'
      }.`,
      fix: ours
        ? `nothing to do; conda remove${condaPrefixFlag(s)} go if nothing else in the env needs conda-forge’s Go`
        : `keep it if you want conda-forge’s Go; otherwise conda remove${condaPrefixFlag(s)} go and ${initAdvice(s, 'an official SDK first on PATH') ?? 'use gocross’s SDK'}`,
      evidence: [p.file],
    };
  });

/** What gocross's late hook does to `name`, for messages. */
function gocrossDoes(s: Snapshot, name: string, trace: VarTrace): string {
  if (name === 'GOFLAGS' && s.hooks?.goflags === null) {
    const at = trace.sets.findIndex((a) => a.source.gocross);
    const words = (v: string | undefined): string[] => (v ?? '').split(/\s+/).filter(Boolean);
    const after = words(trace.sets[at]?.value);
    const dropped = words(at > 0 ? trace.sets[at - 1]?.value : trace.before).filter((w) => !after.includes(w));
    const added = after.filter((w) => !words(at > 0 ? trace.sets[at - 1]?.value : trace.before).includes(w));
    return [...(dropped.length > 0 ? [`drops ${dropped.join(' ')}`] : []), ...(added.length > 0 ? [`adds ${added.join(' ')}`] : [])].join(' and ') || 'keeps it';
  }
  const planned = s.hooks?.planned[name];
  if (planned === null) return 'unsets it';
  return planned === undefined ? `sets ${name}` : `sets ${name}=${planned}`;
}

/** GOOS or GOARCH set to this machine's own value changes nothing for go. */
const harmless = (s: Snapshot, name: string, value: string | undefined): boolean =>
  (name === 'GOOS' && value === s.host.goos) || (name === 'GOARCH' && value === s.host.goarch);

const foreignGoVars: Check = (s) => {
  const findings: Finding[] = [];
  const state = gocrossState(s);
  for (const name of GO_VARS) {
    const trace = traceOf(s, name);
    if (!trace) continue;
    const foreign = trace.sets.filter((a) => !a.source.gocross && a.source.kind !== 'shell' && a.source.kind !== 'conda');
    if (foreign.length === 0) continue;
    // GOTOOLCHAIN=local (conda-forge's go.json) is what gocross wants too: not a conflict.
    if (name === 'GOTOOLCHAIN' && (trace.value === 'local' || foreign.every((a) => a.value === 'local'))) continue;
    const winner = trace.origin;
    const applyRan = s.activation?.gocross.apply === true && state !== 'stale';
    // gocross's hook ran after the winner and left GOFLAGS as it was: it checked it and keeps it.
    const keptByGocross = name === 'GOFLAGS' && applyRan && !winner.gocross && !winner.afterGocross && winner.kind !== 'shell';
    const gocrossWins = winner.gocross || keptByGocross;
    const settersText = foreign.map((a) => `${describe(a.source)} sets ${name}=${valueText(a.value)}`).join('; ');
    let outcome: string;
    const them = foreign.length === 1 ? 'it' : 'them';
    if (winner.gocross) outcome = `gocross’s ${winner.name} runs after ${them} and ${gocrossDoes(s, name, trace)}: ${name}=${valueText(trace.value)} is what the env gets.`;
    else if (keptByGocross) outcome = `gocross’s ${APPLY_HOOK} runs after ${them} and keeps it (nothing in it breaks the target): ${name}=${valueText(trace.value)} is what the env gets.`;
    else if (winner.kind === 'script') outcome = `${winner.source} runs last and wins: ${name}=${valueText(trace.value)} is what the env gets${winner.afterGocross && applyRan ? `, over gocross’s ${APPLY_HOOK}` : ''}.`;
    else outcome = `${describe(winner)} is applied last and wins: ${name}=${valueText(trace.value)} is what the env gets.`;
    findings.push({
      id: 'activate.foreign-go-vars',
      severity: gocrossWins || harmless(s, name, trace.value) ? 'info' : 'warning',
      title: `${name} is set on activation by ${foreign.length > 1 ? `${foreign.length} other sources` : foreign[0]?.source.kind === 'state' ? 'conda env config vars' : foreign[0]?.source.kind === 'env-vars' ? 'a package’s env_vars.d' : 'another script'}`,
      detail: `${settersText}. ${outcome}`,
      fix: gocrossWins ? `nothing to do; gocross’s ${APPLY_HOOK} sorts after ${them}` : fixes(s, name, winner, `its ${APPLY_HOOK} runs after ${label(winner)} and ${name === 'GOFLAGS' ? 'drops what breaks the env’s target from GOFLAGS' : `sets ${name} for the env’s target`}`),
      evidence: foreign.map((a) => a.source.source),
    });
  }
  return findings;
};

const noRestore: Check = (s) => {
  const activation = s.activation;
  const records = s.records;
  // pixi runs no deactivate.d scripts at all: its shells end instead.
  if (!activation || !records || s.condaEnv.kind === 'pixi') return [];
  if (!activation.simulated) {
    // Read, not run: a variable counts as restored when a deactivate script mentions it.
    const restored = new Set(records.deactivate.flatMap((d) => d.mentions));
    return records.activate
      .filter((a) => !/^(de)?activate-(a00|z90)-gocross\./.test(a.name))
      .flatMap((a) => {
        const lost = Object.keys(a.sets).filter((name) => !restored.has(name));
        if (lost.length === 0) return [];
        return [
          {
            id: 'activate.no-restore',
            severity: 'warning' as const,
            title: `${a.name} sets ${lost.join(', ')} and nothing restores them on deactivate`,
            detail: `After \`conda deactivate\` the shell keeps ${lost.join(', ')} from this env, so Go in the next env or the base shell builds for the wrong target or uses the wrong root.`,
            fix: initAdvice(s, 'writes deactivate hooks that put every variable back') ?? 'add a deactivate.d script that puts these back',
            evidence: [a.path],
          },
        ];
      });
  }
  // Simulated: `conda deactivate` ran after the activation; what differs from before is lost.
  const lostBy = new Map<string, { source: VarSource; names: string[] }>();
  for (const name of GO_VARS) {
    const trace = activation.vars[name];
    if (!trace || trace.restored !== false) continue;
    const setters = trace.sets.filter((a) => a.source.kind === 'script');
    const culprits = setters.length > 0 ? setters.map((a) => a.source) : trace.deactivatedBy;
    for (const source of culprits) {
      const entry = lostBy.get(source.source) ?? { source, names: [] };
      if (!entry.names.includes(name)) entry.names.push(name);
      lostBy.set(source.source, entry);
    }
  }
  const saveRan = activation.gocross.save && activation.gocross.restore;
  return [...lostBy.values()].map(({ source, names }) => {
    const after = names.map((n) => `${n}=${valueText(activation.vars[n]?.value)}`).join(', ');
    let fix: string;
    if (source.gocross) fix = `gocross init${prefixFlag(s)} (rewrites its hooks)`;
    else if (saveRan && source.beforeSave) fix = `${source.name} runs before gocross’s ${SAVE_HOOK} saves the shell’s variables, so its values are what gets restored: rename it to sort after ${SAVE_HOOK}, or ${fixAtSource(s, names[0] ?? '', source)}`;
    else fix = initAdvice(s, 'its activate-a00 hook saves every Go variable first and its deactivate-a00 hook puts them back') ?? `add a deactivate.d script that puts ${names.join(', ')} back, or ${fixAtSource(s, names[0] ?? '', source)}`;
    return {
      id: 'activate.no-restore',
      severity: 'warning' as const,
      title: `${source.name} sets ${names.join(', ')} and nothing restores them on deactivate`,
      detail: `After \`conda deactivate\` the shell keeps ${names.join(', ')} from this env (${after}; before activation: ${names.map((n) => valueText(activation.vars[n]?.before)).join(', ')}), so Go in the next env or the base shell builds for the wrong target or uses the wrong root.`,
      fix,
      evidence: [source.source],
    };
  });
};

const toolchainAuto: Check = (s) => {
  const running = parseGoVersion(runningVersion(s) ?? '');
  const wanted = parseGoVersion(s.project?.version ?? '');
  if (!running || !wanted || !s.project || compareGoVersions(wanted, running) >= 0) return [];
  // Only Go 1.21 and newer switch toolchains; older ones refuse to build instead.
  const switches = running.major > 1 || running.minor >= 21;
  const setting = s.env.GOTOOLCHAIN || winningGo(s)?.goEnv?.GOTOOLCHAIN || 'auto';
  const downloads = switches && setting !== 'local' && !setting.endsWith('+path') && setting !== 'path';
  if (switches && !downloads) return [];
  return [
    {
      id: switches ? 'gotoolchain.auto' : 'go.too-old',
      severity: switches ? 'warning' : 'error',
      title: switches ? `go will download ${wanted.name} from outside the env` : `${s.project.file} needs ${wanted.name}, but the go in use is ${running.name}`,
      detail: switches
        ? `The ${s.project.via} line of ${s.project.file} asks for ${wanted.name}, newer than ${running.name}, and GOTOOLCHAIN=${setting} lets go fetch that toolchain from the network into the module cache, unnoticed and outside the env.`
        : `Go ${running.name} cannot switch toolchains; building fails with "go.mod requires go >= ${wanted.name.replace(/^go/, '')}".`,
      // Outside a conda env there is no env for init to set up: install it and use it, or forbid the download.
      fix: s.condaEnv.prefix
        ? `gocross init${prefixFlag(s)} --go ${wanted.name.replace(/^go/, '')}   (an SDK that satisfies the module, with GOTOOLCHAIN=local)`
        : `gocross install ${wanted.name.replace(/^go/, '')} and put its bin first on PATH (gocross install --json prints its goroot), or export GOTOOLCHAIN=local to forbid the download`,
      evidence: [`${s.project.file}: ${s.project.via} ${s.project.version}`, `go: ${running.name}`, `GOTOOLCHAIN=${setting}`],
    },
  ];
};

/** Whether programs go builds for `target` here run through its exec wrapper, and why not. */
function wrapperRuns(s: Snapshot, target: TargetInfo): { runs: boolean; why: string } {
  const name = `go_${target.goos}_${target.goarch}_exec`;
  const wrapper = s.wrappers.find((w) => w.name === name);
  if (!wrapper) return { runs: false, why: `no ${name} is on PATH` };
  if (!wrapper.qemuFound) return { runs: false, why: `${wrapper.path} runs ${wrapper.qemu ?? 'qemu-user'}, which is not on PATH` };
  const goflags = goSetting(s, 'GOFLAGS')?.value ?? '';
  const cgo = cgoOn(s, target);
  const staticBuild = buildsStatic(target, cgo) && pieWords(goflags).length === 0;
  if (staticBuild) return { runs: true, why: `${wrapper.path} runs them under ${wrapper.qemu}` };
  if (wrapper.sysroot) return { runs: true, why: `${wrapper.path} runs them under ${wrapper.qemu} with the target’s sysroot` };
  return {
    runs: false,
    why: `${wrapper.path} runs them under ${wrapper.qemu} without a sysroot, but they are dynamically linked here (${cgo ? 'CGO_ENABLED=1' : `GOFLAGS=${goflags}`}) and need ${loaderOf(target)}`,
  };
}

const goarchEnvWide: Check = (s) => {
  if (!foreignEnv(s)) return [];
  const goos = s.env.GOOS || s.host.goos;
  const goarch = s.env.GOARCH || s.host.goarch;
  const target = envTarget(s);
  const { runs, why } = target ? wrapperRuns(s, target) : { runs: false, why: 'the target is not valid' };
  const origin = !empty(s.env.GOARCH) && s.env.GOARCH !== s.host.goarch ? originOf(s, 'GOARCH') : originOf(s, 'GOOS');
  // The env's own target, set by gocross's hook, with a wrapper that runs its programs: as intended.
  if (runs && origin.gocross && gocrossState(s) === 'in-force') return [];
  let fix: string;
  if (runs) fix = 'nothing to do';
  else if (origin.gocross && gocrossState(s) === 'in-force') {
    fix = s.wrappers.some((w) => w.name === `go_${goos}_${goarch}_exec`) && !why.includes('not on PATH')
      ? 'make the binaries static: see goflags.pie (GOFLAGS without -buildmode=pie), or build with cgo and a sysroot (gocross init --cgo)'
      : target?.qemu
        ? `install ${target.qemu} (apt-get install qemu-user, or conda install${condaPrefixFlag(s)} -c conda-forge qemu)`
        : `set the target per build instead (gocross build, or \`eval "$(gocross env --target …)"\` in one shell): ${goos}/${goarch} programs cannot run here`;
  } else {
    const advice = initAdvice(s, `sets the target for the env and adds a qemu exec wrapper${target?.qemu ? '' : ' where qemu-user can run the target'}`);
    fix = [
      ...(advice ? [advice] : []),
      'set the target per build (gocross build, or `eval "$(gocross env --target …)"` in one shell)',
      ...(!origin.gocross && (origin.kind !== 'shell' || profileLinesFor(s, 'GOARCH').length > 0) ? [fixAtSource(s, origin.kind === 'shell' ? 'GOARCH' : !empty(s.env.GOARCH) ? 'GOARCH' : 'GOOS', origin)] : []),
    ].join('; or ');
  }
  return [
    {
      id: 'goarch.env-wide',
      severity: runs ? 'info' : 'warning',
      title: `GOOS/GOARCH are set for the whole shell to ${goos}/${goarch}`,
      detail: `Every go command in this shell builds for ${goos}/${goarch} (set by ${describe(origin)}): \`go run\`, \`go test\` and \`go generate\` helpers then build programs this machine cannot run ("exec format error") unless an exec wrapper runs them; ${why}.`,
      fix,
      evidence: [`GOOS=${s.env.GOOS ?? '(unset)'}`, `GOARCH=${s.env.GOARCH ?? '(unset)'}`, ...s.wrappers.map((w) => `${w.name}: ${w.path}`)],
    },
  ];
};

const goflagsPie: Check = (s) => {
  const setting = goSetting(s, 'GOFLAGS');
  if (!setting) return [];
  const pie = pieWords(setting.value);
  if (pie.length === 0) return [];
  const own = envTarget(s);
  const list = [...(own ? [own] : []), ...s.targets].filter((t, i, all) => all.findIndex((u) => u.target === t.target) === i);
  const hit = list.filter((t) => buildsStatic(t, false) && !cgoOn(s, t));
  if (hit.length === 0) return [];
  const source = pieSource(s);
  const state = gocrossState(s);
  const without = setting.value.split(/\s+/).filter((w) => w && !PIE_FLAGS.includes(w)).join(' ');
  const arm = hit.some((t) => t.goarch === 'arm' && t.goos === 'linux');
  const foreign = hit.some((t) => isForeign(t, s.host));
  const explicit = `gocross init${prefixFlag(s)} --goflags ${shellWord(without)} (GOFLAGS exactly that for the env, whatever sets it before gocross’s hook)`;
  const parts: string[] = [];
  if (source.gocross) parts.push(`gocross init${prefixFlag(s)} --goflags ${shellWord(without)}, or --goflags auto: the flags given to gocross init put ${pie.join(' ')} there`);
  else if ((state === 'none' || state === 'stale') && !source.afterGocross && source.kind !== 'go-env') {
    parts.push(`gocross init${prefixFlag(s)}${state === 'none' ? ` --target ${initTarget(s)}` : ''} (its ${APPLY_HOOK} drops ${pie.join(' ')} from GOFLAGS for targets built without cgo)`);
    parts.push(fixAtSource(s, 'GOFLAGS', source));
  } else if (state === 'pending' && !source.afterGocross) parts.push(initAdvice(s, '') ?? '');
  else {
    if (!source.afterGocross && source.kind !== 'go-env' && state !== 'blocked') parts.push(explicit);
    if (state === 'blocked') parts.push(initAdvice(s, '') ?? '');
    parts.push(fixAtSource(s, 'GOFLAGS', source));
  }
  const targetsText = hit.map((t) => t.target).join(', ');
  return [
    {
      id: 'goflags.pie',
      severity: arm ? 'error' : foreign ? 'warning' : 'info',
      title: `GOFLAGS has ${pie.join(' ')} for ${targetsText} built without cgo`,
      detail: `GOFLAGS=${setting.value} (${pie.join(' ')} from ${describe(source)}) is in force. Without cgo it makes ${hit
        .map((t) => `${t.target} binaries dynamically linked PIEs that need ${loaderOf(t)}`)
        .join('; ')}: \`go run\` and \`go test\` through a qemu exec wrapper fail without a sysroot, and the binaries cannot run in scratch or distroless-static images${
        arm ? '; for linux/arm it needs external linking, so `go build` fails unless cgo and a C cross compiler are on' : ''
      }.`,
      fix: parts.filter(Boolean).join('; or '),
      evidence: [`GOFLAGS=${setting.value}`, `CGO_ENABLED=${s.env.CGO_ENABLED ?? '(unset)'}`, source.source],
    },
  ];
};

const gobinForeign: Check = (s) => {
  if (!foreignEnv(s)) return [];
  const setting = goSetting(s, 'GOBIN');
  if (!setting) return [];
  const goos = s.env.GOOS || s.host.goos;
  const goarch = s.env.GOARCH || s.host.goarch;
  const gopath = (s.env.GOPATH || winningGo(s)?.goEnv?.GOPATH || '$GOPATH').split(':')[0];
  return [
    {
      id: 'gobin.foreign-target',
      severity: 'warning',
      title: `GOBIN is set while GOOS/GOARCH is ${goos}/${goarch}`,
      detail: `GOBIN=${setting.value} (from ${describe(setting.origin)}): \`go install\` fails with "go: cannot install cross-compiled binaries when GOBIN is set" as long as the target is not this machine's (${s.host.goos}/${s.host.goarch}). Without GOBIN it installs them to ${gopath}/bin/${goos}_${goarch}.`,
      fix: fixes(s, 'GOBIN', setting.origin, `unsets GOBIN for a foreign target; binaries then go to $GOPATH/bin/${goos}_${goarch}`),
      evidence: [`GOBIN=${setting.value}`, `GOOS=${goos}`, `GOARCH=${goarch}`],
    },
  ];
};

const gopathShared: Check = (s) => {
  const prefix = s.condaEnv.prefix;
  if (!prefix) return [];
  const gopath = s.env.GOPATH || winningGo(s)?.goEnv?.GOPATH;
  if (!gopath || gopath.split(':').every((p) => resolve(p).startsWith(resolve(prefix)))) return [];
  const origin = empty(s.env.GOPATH) ? null : originOf(s, 'GOPATH');
  const does = 'sets GOPATH inside the env (and, for a target that is this machine’s, GOBIN)';
  return [
    {
      id: 'gopath.shared',
      severity: 'info',
      title: 'GOPATH is shared with every other env',
      detail: `GOPATH=${gopath}${origin ? ` (from ${describe(origin)})` : ' (go’s default)'} is outside the env, so \`go install\` puts binaries in ${gopath.split(':')[0]}/bin for all envs and one env's tools shadow another's.`,
      fix: origin ? fixes(s, 'GOPATH', origin, does) : initAdvice(s, does) ?? `conda env config vars set GOPATH=${shellWord(`${prefix}/gopath`)}${condaPrefixFlag(s)}`,
      evidence: [`GOPATH=${gopath}`],
    },
  ];
};

const cgoNoCrossCc: Check = (s) => {
  if (s.env.CGO_ENABLED !== '1' || s.env.CC) return [];
  return s.targets
    .filter((t) => (t.goos !== s.host.goos || t.goarch !== s.host.goarch) && (s.crossCompilers[t.target] ?? []).length === 0)
    .map((t) => ({
      id: 'cgo.no-cross-cc',
      severity: 'error' as const,
      title: `CGO_ENABLED=1 for ${t.target} but no C cross compiler for it`,
      detail: `cgo needs a C compiler for ${t.target}; neither ${t.condaTriple ? `${t.condaTriple}-cc in the env` : 'a conda cross compiler'} nor ${t.triple ? `${t.triple}-gcc` : 'a Debian cross gcc'} was found, so builds fail with "gcc: error: unrecognized command-line option".`,
      fix: [...installCommands(t), 'CGO_ENABLED=0 for a pure-Go build'].join(', or '),
      evidence: [`CGO_ENABLED=1`, `target ${t.target}`],
    }));
};

const hooksStale: Check = (s) => {
  const hooks = s.hooks;
  if (!hooks) return [];
  const missing = Object.entries(hooks.files)
    .filter(([, present]) => !present)
    .map(([role]) => ({ save: SAVE_HOOK, apply: APPLY_HOOK, unapply: 'deactivate-z90-gocross.sh', restore: 'deactivate-a00-gocross.sh' })[role as 'save']);
  if (hooks.gorootOk && missing.length === 0) return [];
  return [
    {
      id: 'gocross.hooks-stale',
      severity: 'error',
      title: hooks.gorootOk ? 'some of the env’s gocross hooks are missing' : 'the env’s gocross hooks point at an SDK that is gone',
      detail: hooks.gorootOk
        ? `${hooks.settingsFile} says gocross set the env up, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in etc/conda/activate.d or deactivate.d: activation does not do what gocross init set.`
        : `${hooks.settingsFile} records goroot = ${hooks.goroot ?? '(none)'}, which has no bin/go; activating the env puts a missing Go first on PATH.`,
      fix: hooks.gorootOk
        ? `gocross init${prefixFlag(s)} (rewrites the hooks, with the SDK it recorded), or gocross init${prefixFlag(s)} --remove`
        : `gocross init${prefixFlag(s)}${hooks.version ? ` (installs ${hooks.version} again, the version it recorded, and rewrites the hooks)` : ' --go <version> (the SDK it recorded is gone and its version unknown)'}, or gocross init${prefixFlag(s)} --remove`,
      evidence: [hooks.settingsFile],
    },
  ];
};

const scriptStops: Check = (s) => {
  const stopped = s.activation?.stopped;
  if (!stopped) return [];
  const tail = stopped.stderr.split('\n').filter(Boolean).slice(-5);
  return [
    {
      id: 'activate.script-exits',
      severity: 'error',
      title: `activating the env stops in ${stopped.source.name || stopped.source.source}`,
      detail: `conda sources ${stopped.source.source} in the shell it activates the env in; in ${s.activation?.shell ?? 'sh'} it ended the shell${tail.length > 0 ? ` (${tail.join(' / ')})` : ''}. With conda that closes the terminal or leaves the activation half done; doctor reports what the scripts before it did.`,
      fix: stopped.source.kind === 'script' ? `fix or ${fixAtSource(s, '', { ...stopped.source, afterGocross: false })}` : 'fix the file conda stops at',
      evidence: [stopped.source.source, ...tail],
    },
  ];
};

const staleShell: Check = (s) => {
  if (!s.active || !s.activation?.simulated) return [];
  const differs = GO_VARS.filter((name) => (s.env[name] ?? '') !== (s.activation?.vars[name]?.value ?? ''));
  if (differs.length === 0) return [];
  return [
    {
      id: 'activate.stale-shell',
      severity: 'warning',
      title: `this shell’s ${differs.join(', ')} ${differs.length === 1 ? 'is' : 'are'} not what activating the env gives now`,
      detail: `${differs
        .map((name) => `${name}=${valueText(s.env[name])} here, activation gives ${valueText(s.activation?.vars[name]?.value)} (from ${describe(s.activation?.vars[name]?.origin ?? shellSource())})`)
        .join('; ')}: the env changed since it was activated (gocross init, conda install) or the shell changed them by hand. Findings above are about this shell as it is.`,
      fix: `reactivate the env: conda activate ${shellWord(s.condaEnv.prefix ?? '')}`,
      evidence: differs.map((name) => `${name}=${valueText(s.env[name])}`),
    },
  ];
};

const noEnv: Check = (s) =>
  s.condaEnv.prefix
    ? []
    : [
        {
          id: 'env.none',
          severity: 'info',
          title: 'no conda env is active',
          detail: 'doctor checked the plain shell: PATH, GOROOT and the Go variables, and the shell profiles.',
          fix: 'activate an env, or pass --prefix or -n NAME, to check an env',
          evidence: [],
        },
      ];

export const CHECKS: readonly Check[] = [
  noEnv,
  scriptStops,
  staleShell,
  goNotFound,
  multipleOnPath,
  gorootEnvMismatch,
  gorootIncomplete,
  gorootVersionMismatch,
  profileExport,
  condaGoPackage,
  foreignGoVars,
  noRestore,
  toolchainAuto,
  goarchEnvWide,
  goflagsPie,
  gobinForeign,
  gopathShared,
  cgoNoCrossCc,
  hooksStale,
];

export const runChecks = (snapshot: Snapshot): Finding[] => CHECKS.flatMap((check) => check(snapshot));
