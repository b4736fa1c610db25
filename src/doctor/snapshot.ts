/** What doctor looks at, gathered once; every check is a pure function of this snapshot. */
import type { CondaEnv } from '../conda/env.js';
import type { EnvRecords } from '../conda/meta.js';
import type { ProjectVersion } from '../sdk/version-files.js';
import type { TargetInfo } from '../targets/index.js';

export interface GoOnPath {
  /** As found on PATH. */
  path: string;
  /** With links resolved. */
  real: string;
  /** The GOROOT this binary belongs to by its location (<root>/bin/go). */
  root: string;
  /** `go env` of this binary in the current environment; null when it failed. */
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
  kind: 'goroot' | 'path';
}

export interface Snapshot {
  host: TargetInfo;
  /** The Go variables of the current environment, as set (undefined = unset). */
  env: Record<string, string | undefined>;
  /** Distinct go binaries on PATH, in PATH order (the first one runs). */
  gos: GoOnPath[];
  goroot: GorootState | null;
  condaEnv: CondaEnv;
  records: EnvRecords | null;
  profiles: ProfileLine[];
  project: ProjectVersion | undefined;
  /** Targets to check: --target, else the env's GOOS/GOARCH when set. */
  targets: TargetInfo[];
  /** Per target: the cross C compilers found (conda's <triple>-cc in the env, Debian's <triple>-gcc). */
  crossCompilers: Record<string, string[]>;
  /** gocross's own settings in the env, if `gocross init` ran there. */
  hooks: { settingsFile: string; goroot: string | null; gorootOk: boolean } | null;
  /** go_<goos>_<goarch>_exec wrappers on PATH, by target. */
  execWrappers: string[];
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
