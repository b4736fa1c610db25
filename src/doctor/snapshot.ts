/** What doctor looks at, gathered once; every check is a pure function of this snapshot. */
import type { CondaEnv } from '../activation/env.js';
import type { EnvRecords } from '../activation/records.js';
import type { ProjectVersion } from '../toolchain/version-files.js';
import type { TargetInfo } from '../targets/index.js';

export interface GoOnPath {
  /** As found on PATH. */
  path: string;
  /** With links resolved. */
  real: string;
  /** The GOROOT this binary belongs to by its location (<root>/bin/go). */
  root: string;
  /** `go env` of this binary in the environment in force; null when it failed. */
  goEnv: Record<string, string> | null;
  /** go's own error text when `go env` failed. */
  error: string | null;
}

export interface GorootState {
  path: string;
  /** Where this GOROOT comes from: the GOROOT variable or the go that runs. */
  from: 'env' | 'go';
  exists: boolean;
  hasRuntime: boolean;
  /** pkg/tool/<host> exists. */
  hasTool: boolean;
  /** First line of $GOROOT/VERSION, if any. */
  versionFile: string | null;
}

export interface ProfileLine {
  file: string;
  line: number;
  text: string;
  /** goroot: exports GOROOT; path: puts a go first on PATH; var: exports another Go variable. */
  kind: 'goroot' | 'path' | 'var';
  /** The variable a `var` line sets. */
  variable?: string;
}

/** Who gives an env's variable its value. */
export interface VarSource {
  /**
   * shell: inherited from the shell conda activates in; env-vars: an etc/conda/env_vars.d file;
   * state: `conda env config vars` (conda-meta/state); conda: conda itself (PATH, CONDA_*);
   * script: an activate.d (or deactivate.d) script; go-env: go's own env file (`go env -w`).
   */
  kind: 'shell' | 'conda' | 'env-vars' | 'state' | 'script' | 'go-env';
  /** A path (or, for the shell, a description) to name in messages. */
  source: string;
  /** The file name of a script or env-var file; '' otherwise. */
  name: string;
  /** One of gocross's own hooks. */
  gocross: boolean;
  /** A script that conda runs after gocross's activate-z90-gocross.sh: gocross cannot override it. */
  afterGocross: boolean;
  /** A script that conda runs before gocross's activate-a00-gocross.sh saves the shell's variables. */
  beforeSave: boolean;
  /** The conda package that installs the script or file, when known. */
  package: string | null;
}

export interface VarTrace {
  /** Once the env is active: simulated, or (static scan) the text a script assigns; undefined = unset. */
  value: string | undefined;
  /** Who gave it that value: the last to set it in conda's order, or the shell. */
  origin: VarSource;
  /** Every source that set it during activation, in conda's order, the shell excluded. */
  sets: { source: VarSource; value: string | undefined }[];
  /** After the simulated `conda deactivate`, it is back to the shell's value (null: not simulated). */
  restored: boolean | null;
  /** Its value in the shell activation starts from (simulated only). */
  before: string | undefined;
  /** The deactivate scripts that changed it, in the order they ran. */
  deactivatedBy: VarSource[];
}

export interface Activation {
  /** true: conda's activation was run in a POSIX shell; false: the scripts were only read (Windows). */
  simulated: boolean;
  shell: string | null;
  /** The shell the activation starts from, described. */
  base: string;
  /** The activate scripts conda runs, in order (paths). */
  scripts: string[];
  /** The Go variables (and PATH, CC, CXX), each with its history. */
  vars: Record<string, VarTrace>;
  /** The whole environment once the env is active (simulated only). */
  env: Record<string, string> | null;
  /** The script that did not return (it exits, or fails fatally), with the shell's error output. */
  stopped: { source: VarSource; stderr: string } | null;
  /** Which of gocross's POSIX hooks ran: save (activate-a00), apply (activate-z90), unapply, restore. */
  gocross: { save: boolean; apply: boolean; unapply: boolean; restore: boolean };
}

export interface GocrossHooks {
  settingsFile: string;
  goroot: string | null;
  gorootOk: boolean;
  /** The Go version `gocross init` recorded (go1.22.5), which a rerun of init installs again. */
  version: string | null;
  /** The target `gocross init` set, when the settings name a valid one. */
  target: string | null;
  cgo: boolean;
  /** `init --goflags` (GOFLAGS exactly this), or null: keep GOFLAGS less what breaks the target. */
  goflags: string | null;
  /** Variables the late hook sets or unsets whatever they were. */
  managed: string[];
  /** What it sets them to (null: unsets; GOMODCACHE's value depends on GOCROSS_HOME and is left out). */
  planned: Record<string, string | null>;
  /** GOFLAGS words the late hook drops. */
  goflagsDrop: string[];
  /** gocross's POSIX hook files in the env. */
  files: { save: boolean; apply: boolean; unapply: boolean; restore: boolean };
}

export interface ExecWrapper {
  /** go_<goos>_<goarch>_exec */
  name: string;
  path: string;
  /** Passes `-L <sysroot>` to qemu, so dynamically linked programs find their loader and libc. */
  sysroot: boolean;
  /** The qemu-user binary it runs, and whether that is on PATH. */
  qemu: string | null;
  qemuFound: boolean;
}

export interface Snapshot {
  host: TargetInfo;
  /** The Go variables in force (undefined = unset): this shell's when the env is the active one, else the activated env's. */
  env: Record<string, string | undefined>;
  /** Distinct go binaries on PATH, in PATH order (the first one runs). */
  gos: GoOnPath[];
  goroot: GorootState | null;
  condaEnv: CondaEnv;
  /** The inspected env is the one active in the shell doctor runs in. */
  active: boolean;
  /** Where `env`, PATH and the go binaries come from. */
  inForce: 'shell' | 'activation';
  records: EnvRecords | null;
  /** What activating the env does to each variable; null without an env. */
  activation: Activation | null;
  profiles: ProfileLine[];
  project: ProjectVersion | undefined;
  /** Targets to check: --target, else the env's GOOS/GOARCH when set. */
  targets: TargetInfo[];
  /** Per target: the cross C compilers found (conda's <triple>-cc in the env, Debian's <triple>-gcc). */
  crossCompilers: Record<string, string[]>;
  /** gocross's own settings in the env, if `gocross init` ran there. */
  hooks: GocrossHooks | null;
  /** go_<goos>_<goarch>_exec wrappers on PATH, by target. */
  execWrappers: string[];
  wrappers: ExecWrapper[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  fix: string;
  evidence: string[];
}

/** The go that runs: the first on PATH. */
export const winningGo = (snapshot: Snapshot): GoOnPath | undefined => snapshot.gos[0];

/** The version the running go reports (go1.19.8), if known. */
export const runningVersion = (snapshot: Snapshot): string | undefined => winningGo(snapshot)?.goEnv?.GOVERSION;
