/**
 * Each conflict class of a conda env's Go set-up, as a pure check over the snapshot. A check
 * returns the findings it makes; ids are stable (scripts and docs refer to them).
 */
import { resolve } from 'node:path';
import { installCommands } from '../conda/compilers.js';
import { compareGoVersions, parseGoVersion } from '../sdk/go-version.js';
import { type Finding, runningVersion, type Snapshot, winningGo } from './snapshot.js';

type Check = (s: Snapshot) => Finding[];

const GOCROSS_HOOK = /^(activate|deactivate)-z90-gocross\./;
const same = (a: string, b: string): boolean => resolve(a) === resolve(b);

const goNotFound: Check = (s) =>
  s.gos.length > 0
    ? []
    : [
        {
          id: 'go.not-found',
          severity: 'error',
          title: 'no go on PATH',
          detail: `No \`go\` executable is on PATH${s.condaEnv.prefix ? ` in the env ${s.condaEnv.prefix}` : ''}, so nothing can be built.`,
          fix: s.condaEnv.prefix ? 'gocross init --target <target>   (installs an official Go and puts it on PATH for this env)' : 'gocross install && gocross init (inside a conda env), or put a Go on PATH',
          evidence: [`PATH=${s.env.PATH ?? ''}`],
        },
      ];

const multipleOnPath: Check = (s) => {
  const roots = [...new Map(s.gos.map((g) => [g.root, g])).values()];
  if (roots.length < 2) return [];
  const [first] = roots;
  return [
    {
      id: 'go.multiple-on-path',
      severity: 'warning',
      title: `${roots.length} different Go installations on PATH`,
      detail: `${first?.path} (${first?.goEnv?.GOVERSION ?? 'version unknown'}) runs because its directory comes first in PATH; the others are shadowed: ${roots
        .slice(1)
        .map((g) => `${g.path} (${g.goEnv?.GOVERSION ?? 'version unknown'})`)
        .join(', ')}. Tools that call a different go (IDEs, Makefiles with absolute paths) will disagree.`,
      fix: 'gocross init puts the env’s SDK first on PATH; remove the others from PATH (shell profile, conda package `go`) if they are not needed',
      evidence: roots.map((g) => `${g.path} → ${g.real}`),
    },
  ];
};

const gorootEnvMismatch: Check = (s) => {
  const go = winningGo(s);
  const goroot = s.env.GOROOT;
  if (!go || !goroot || same(goroot, go.root)) return [];
  return [
    {
      id: 'goroot.env-mismatch',
      severity: 'error',
      title: 'GOROOT points away from the go that runs',
      detail: `GOROOT=${goroot}, but the go on PATH (${go.path}) belongs to ${go.root}. go then uses another installation's standard library and tools: expect "cannot find GOROOT directory" or "compile: version … does not match go tool version …".`,
      fix: `unset GOROOT (go finds its root from its own location); if a shell profile exports it, remove that line; gocross init sets a matching GOROOT for the env`,
      evidence: [`GOROOT=${goroot}`, `${go.path} → ${go.real}`],
    },
  ];
};

const gorootIncomplete: Check = (s) => {
  const root = s.goroot;
  if (!root || (root.exists && root.hasRuntime && root.hasTool)) return [];
  const missing = !root.exists ? ['the directory itself'] : [...(root.hasRuntime ? [] : ['src/runtime']), ...(root.hasTool ? [] : [`pkg/tool/${s.host.goos}_${s.host.goarch}`])];
  return [
    {
      id: 'goroot.incomplete',
      severity: 'error',
      title: `the GOROOT in use is incomplete (${missing.join(', ')} missing)`,
      detail: `${root.path} (from ${root.from === 'env' ? 'the GOROOT variable' : 'the go on PATH'}) lacks ${missing.join(' and ')}; builds fail with "package runtime is not in GOROOT" or "go: no such tool".`,
      fix: root.from === 'env' ? 'unset GOROOT, or point it at a complete SDK (gocross install)' : 'reinstall this Go (gocross install --force VERSION), or use gocross init to switch the env to an official SDK',
      evidence: [root.path],
    },
  ];
};

const gorootVersionMismatch: Check = (s) => {
  const version = runningVersion(s);
  const file = s.goroot?.versionFile;
  if (!version || !file || file === version) return [];
  return [
    {
      id: 'goroot.version-mismatch',
      severity: 'error',
      title: `GOROOT holds ${file} but the go that runs is ${version}`,
      detail: `${s.goroot?.path}/VERSION says ${file}; ${winningGo(s)?.path} reports ${version}. Mixing a go command with another release's standard library fails with "compile: version … does not match go tool version …".`,
      fix: 'make GOROOT and the go on PATH the same installation: unset GOROOT, or run gocross init',
      evidence: [`${s.goroot?.path}/VERSION: ${file}`, `go env GOVERSION: ${version}`],
    },
  ];
};

const profileExport: Check = (s) =>
  s.profiles.length === 0
    ? []
    : [
        {
          id: 'goroot.profile-export',
          severity: 'warning',
          title: 'a shell profile sets GOROOT or puts another go first on PATH',
          detail: `Every new shell gets these before conda activates an env, so they can override or shadow the env's Go: ${s.profiles.map((p) => `${p.file}:${p.line}`).join(', ')}.`,
          fix: 'remove those lines (or guard them with `[ -z "$CONDA_PREFIX" ]`); gocross init sets GOROOT and PATH per env',
          evidence: s.profiles.map((p) => `${p.file}:${p.line}: ${p.text}`),
        },
      ];

const condaGoPackage: Check = (s) =>
  (s.records?.packages ?? []).map((p) => {
    const compiler = p.name.startsWith('go-cgo') || p.name.startsWith('go-nocgo');
    return {
      id: 'conda.go-package',
      severity: compiler ? ('warning' as const) : ('info' as const),
      title: `conda package ${p.name} ${p.version} is installed in the env`,
      detail: compiler
        ? `${p.name} exports GOOS, GOARCH, CGO_ENABLED and GOFLAGS (-modcacherw -buildmode=pie -trimpath) for the whole env on activation and does not restore them on deactivate.`
        : `conda-forge's go installs into $PREFIX/go with $PREFIX/bin/go links and sets GOTOOLCHAIN=local through env_vars.d/go.json; its go is what runs unless another comes first on PATH.`,
      fix: compiler
        ? `if the env is not a conda-build env, remove it (conda remove ${p.name}) and let gocross init set the target`
        : 'keep it if you want conda-forge’s Go; otherwise conda remove go and use gocross init with an official SDK',
      evidence: [p.file],
    };
  });

interface Assignment {
  source: string;
  order: number;
  value: string;
}

/** Who sets each Go variable in the env, in the order conda applies them (env vars, then scripts A→Z). */
function assignments(s: Snapshot): Map<string, Assignment[]> {
  const byVar = new Map<string, Assignment[]>();
  const add = (name: string, source: string, order: number, value: string): void => {
    byVar.set(name, [...(byVar.get(name) ?? []), { source, order, value }]);
  };
  const records = s.records;
  if (!records) return byVar;
  for (const [name, value] of Object.entries(records.stateVars)) add(name, 'conda-meta/state (conda env config vars)', 0, value);
  for (const { file, vars } of records.envVarsD) for (const [name, value] of Object.entries(vars)) add(name, file, 1, value);
  records.activate
    .filter((script) => script.name.endsWith('.sh') || !/\.(csh|fish|ps1|bat|nu)$/.test(script.name))
    .forEach((script, i) => {
      for (const [name, value] of Object.entries(script.sets)) add(name, script.path, 2 + i, value);
    });
  return byVar;
}

const foreignGoVars: Check = (s) => {
  const findings: Finding[] = [];
  for (const [name, all] of assignments(s)) {
    const foreign = all.filter((a) => !GOCROSS_HOOK.test(a.source.split('/').pop() ?? ''));
    if (foreign.length === 0 || name === 'GOTOOLCHAIN') continue;
    const winner = [...all].sort((a, b) => a.order - b.order).pop();
    const gocrossWins = winner !== undefined && GOCROSS_HOOK.test(winner.source.split('/').pop() ?? '');
    findings.push({
      id: 'activate.foreign-go-vars',
      severity: gocrossWins ? 'info' : 'warning',
      title: `${name} is set on activation by ${foreign.length === 1 ? 'another script' : `${foreign.length} other sources`}`,
      detail: `${foreign.map((a) => `${a.source} sets ${name}=${a.value}`).join('; ')}. ${winner?.source} runs last and wins${gocrossWins ? ' (gocross’s hook, as intended)' : ''}.`,
      fix: gocrossWins ? 'nothing to do; gocross’s hook sorts after them' : `gocross init writes activate-z90-gocross hooks that run after these; or remove the setting (conda env config vars unset ${name})`,
      evidence: foreign.map((a) => a.source),
    });
  }
  return findings;
};

const noRestore: Check = (s) => {
  const records = s.records;
  if (!records) return [];
  const restored = new Set(records.deactivate.flatMap((d) => d.mentions));
  return records.activate
    .filter((a) => !GOCROSS_HOOK.test(a.name))
    .flatMap((a) => {
      const lost = Object.keys(a.sets).filter((name) => !restored.has(name));
      if (lost.length === 0) return [];
      return [
        {
          id: 'activate.no-restore',
          severity: 'warning' as const,
          title: `${a.name} sets ${lost.join(', ')} and nothing restores them on deactivate`,
          detail: `After \`conda deactivate\` the shell keeps ${lost.join(', ')} from this env, so Go in the next env or the base shell builds for the wrong target or uses the wrong root.`,
          fix: 'gocross init writes matching deactivate hooks that restore every variable; or add a deactivate.d script for these',
          evidence: [a.path],
        },
      ];
    });
};

const toolchainAuto: Check = (s) => {
  const running = parseGoVersion(runningVersion(s) ?? '');
  const wanted = parseGoVersion(s.project?.version ?? '');
  if (!running || !wanted || !s.project || compareGoVersions(wanted, running) >= 0) return [];
  // Only Go 1.21 and newer switch toolchains; older ones refuse to build instead.
  const switches = running.major > 1 || running.minor >= 21;
  const setting = s.env.GOTOOLCHAIN ?? winningGo(s)?.goEnv?.GOTOOLCHAIN ?? 'auto';
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
      fix: `gocross init --go ${wanted.name.replace(/^go/, '')}   (an SDK that satisfies the module, with GOTOOLCHAIN=local)`,
      evidence: [`${s.project.file}: ${s.project.via} ${s.project.version}`, `go: ${running.name}`, `GOTOOLCHAIN=${setting}`],
    },
  ];
};

const goarchEnvWide: Check = (s) => {
  const goos = s.env.GOOS;
  const goarch = s.env.GOARCH;
  if ((!goos || goos === s.host.goos) && (!goarch || goarch === s.host.goarch)) return [];
  const target = `${goos ?? s.host.goos}/${goarch ?? s.host.goarch}`;
  const wrapped = s.execWrappers.includes(`go_${goos ?? s.host.goos}_${goarch ?? s.host.goarch}_exec`);
  return [
    {
      id: 'goarch.env-wide',
      severity: wrapped ? 'info' : 'warning',
      title: `GOOS/GOARCH are set for the whole shell to ${target}`,
      detail: `Every go command in this shell builds for ${target}: \`go run\`, \`go test\` and \`go generate\` helpers then build programs this machine cannot run ("exec format error")${wrapped ? '; an exec wrapper on PATH runs them under emulation' : ''}.`,
      fix: wrapped ? 'nothing to do' : 'set the target per build (gocross build, or `eval "$(gocross env --target …)"` in one shell), or gocross init, which adds a qemu exec wrapper',
      evidence: [`GOOS=${goos ?? '(unset)'}`, `GOARCH=${goarch ?? '(unset)'}`],
    },
  ];
};

const gopathShared: Check = (s) => {
  const prefix = s.condaEnv.prefix;
  if (!prefix) return [];
  const gopath = s.env.GOPATH ?? winningGo(s)?.goEnv?.GOPATH;
  if (!gopath || gopath.split(':').every((p) => resolve(p).startsWith(resolve(prefix)))) return [];
  return [
    {
      id: 'gopath.shared',
      severity: 'info',
      title: 'GOPATH is shared with every other env',
      detail: `GOPATH=${gopath} is outside the env, so \`go install\` puts binaries in ${gopath.split(':')[0]}/bin for all envs and one env's tools shadow another's.`,
      fix: 'gocross init sets GOPATH and GOBIN inside the env',
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
  if (!hooks || hooks.gorootOk) return [];
  return [
    {
      id: 'gocross.hooks-stale',
      severity: 'error',
      title: 'the env’s gocross hooks point at an SDK that is gone',
      detail: `${hooks.settingsFile} records goroot = ${hooks.goroot ?? '(none)'}, which has no bin/go; activating the env puts a missing Go first on PATH.`,
      fix: 'gocross init (reinstalls or re-points the SDK), or gocross init --remove',
      evidence: [hooks.settingsFile],
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
  gopathShared,
  cgoNoCrossCc,
  hooksStale,
];

export const runChecks = (snapshot: Snapshot): Finding[] => CHECKS.flatMap((check) => check(snapshot));
