/**
 * Every command's `--json` output, as types: the contracts scripts rely on. `Output.json` takes
 * only these, so a command cannot print a shape that is not declared here. Field order is the
 * order of the objects the commands build (the output is pretty JSON in that order).
 */
import type { Override } from '../activation/overrides.js';
import type { Source } from '../config/resolve.js';
import type { DeepResult } from '../doctor/deep.js';
import type { Finding as DoctorFinding } from '../doctor/snapshot.js';
import type { FileAction } from '../io/owned-files.js';
import type { BuildPlanEntry, BuildResultEntry } from '../matrix/report.js';
import type { Finding as RecipeFinding } from '../recipe/lint.js';
import type { SourcePlan } from '../recipe/plan.js';
import type { VerifyEntry } from '../verify/report.js';
import type { inspected } from './commands/doctor.js';
import type { toJson as targetJson } from './commands/targets.js';

/** A file a command wrote, would write (with its content, in a dry run) or removed. */
export interface FileJson {
  path: string;
  action: FileAction | 'removed';
  content?: string;
}

export interface GoJson {
  goroot: string;
  version: string | null;
  why: string;
}

/** `gocross build --dry-run --json` */
export interface BuildPlanJson {
  dryRun: true;
  go: GoJson;
  outputDir: string;
  targets: BuildPlanEntry[];
}

/** `gocross build --json` */
export interface BuildJson {
  targets: BuildResultEntry[];
  go: GoJson;
  outputDir: string;
  sums: string | null;
}

/** `gocross verify --json`: one entry per binary found. */
export type VerifyJson = VerifyEntry[];

/** `gocross init --json` */
export interface InitJson {
  prefix: string;
  goroot: string;
  version: string | null;
  target: string;
  cgo: boolean;
  dryRun: boolean;
  files: FileJson[];
  overrides: Override[];
}

/** `gocross init --remove --json` */
export interface InitRemoveJson {
  prefix: string;
  removed: string[];
  kept: string[];
  dryRun: boolean;
}

/** `gocross env --json`: the variables (null: unset). */
export type EnvJson = Record<string, string | null>;

/** `gocross install --json` */
export interface InstallJson {
  version: string;
  goroot: string;
  /** false: it was already installed and nothing was done. */
  installed: boolean;
}

/** `gocross uninstall --json` */
export interface UninstallJson {
  version: string;
  goroot: string;
  removed: true;
  usedBy: string[];
}

/** `gocross list --json` */
export type ListJson = { version: string; goroot: string; size: number; installedAt: string | null; usedBy: string[] }[];

/** `gocross list --available --json` */
export type ListAvailableJson = { version: string; stable: boolean; installed: boolean; hostArchive: string | null }[];

/** `gocross dockerfile --json` */
export interface DockerfileJson {
  dir: string;
  name: string;
  pkg: string;
  base: string;
  cgo: boolean;
  platforms: string[];
  goImage: string;
  version: string;
  revision: string | null;
  labels: Record<string, string>;
  dryRun: boolean;
  files: FileJson[];
}

/** `gocross recipe --json` */
export interface RecipeJson {
  name: string;
  version: string;
  module: string;
  go: string | null;
  dir: string;
  dryRun: boolean;
  cgo: boolean;
  cgoReason: string;
  source: SourcePlan;
  license: { spdx: string; family: string; file: string };
  binaries: { name: string; package: string }[];
  platforms: readonly string[];
  licensesIgnore: string[];
  files: FileJson[];
  warnings: string[];
  findings: RecipeFinding[];
}

/** `gocross recipe --check --json` */
export interface RecipeCheckJson {
  recipes: { dir: string; ok: boolean; platforms: string[]; platformsFrom: string; findings: RecipeFinding[] }[];
}

/** `gocross doctor --json` */
export interface DoctorJson {
  findings: DoctorFinding[];
  inspected: ReturnType<typeof inspected> & { deep?: DeepResult[] };
}

/** `gocross config --json` */
export interface ConfigJson {
  settings: { key: string; value: unknown; source: Source; env: string | undefined }[];
  files: { project: string | undefined; user: string; userExists: boolean; env: string | null };
}

/** `gocross targets --json` */
export type TargetsJson = ReturnType<typeof targetJson>[];

/** `--json` errors, from any command, on stderr. */
export interface ErrorJson {
  error: { code: string; message: string; hint: string | null };
}

export type JsonReport =
  | BuildPlanJson
  | BuildJson
  | VerifyJson
  | InitJson
  | InitRemoveJson
  | EnvJson
  | InstallJson
  | UninstallJson
  | ListJson
  | ListAvailableJson
  | DockerfileJson
  | RecipeJson
  | RecipeCheckJson
  | DoctorJson
  | ConfigJson
  | TargetsJson;
