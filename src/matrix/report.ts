/** What `gocross build` prints, as data (pure): its JSON (fields fixed: README, build), table rows, the dry-run plan. */
import { basename, relative } from 'node:path';
import type { BuildJob } from './plan.js';
import type { JobResult, SmokeResult } from './runner.js';

const shellQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** The job as one shell line: the variables it sets, then the go command. */
export function commandLine(job: BuildJob, go: string, outDirShown: string): string {
  const vars = Object.entries(job.env)
    .filter(([name, value]) => value !== undefined && name !== 'GOROOT')
    .map(([name, value]) => `${name}=${shellQuote(value ?? '')}`);
  const words = [go, ...job.flags, '-o', `${outDirShown}/${job.fileName}`, job.pkg.pattern];
  return [...vars, ...words.map(shellQuote)].join(' ');
}

export const shownPath = (path: string, cwd: string): string => {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
};

/** One target of `build --dry-run --json`. */
export interface BuildPlanEntry {
  target: string;
  package: string;
  output: string;
  cgo: boolean;
  cc: string | null;
  env: Record<string, string>;
  command: string;
  blocked: BuildJob['blocked'];
}

/** One target of `build --json`. */
export interface BuildResultEntry {
  target: string;
  output: string | null;
  sha256: JobResult['sha256'];
  size: JobResult['size'];
  seconds: number;
  ok: boolean;
  checks: JobResult['checks'];
  smoke: JobResult['smoke'];
  package: string;
  cgo: boolean;
  cc: string | null;
  error: JobResult['error'];
  hint: JobResult['hint'];
}

export function planJson(job: BuildJob, go: string, outDirShown: string): BuildPlanEntry {
  return {
    target: job.target.target,
    package: job.pkg.pattern,
    output: job.output,
    cgo: job.cgo,
    cc: job.compiler?.cc ?? null,
    env: Object.fromEntries(Object.entries(job.env).filter((e): e is [string, string] => e[1] !== undefined)),
    command: commandLine(job, go, outDirShown),
    blocked: job.blocked,
  };
}

export function resultJson(r: JobResult): BuildResultEntry {
  return {
    target: r.job.target.target,
    output: r.ok ? r.job.output : null,
    sha256: r.sha256,
    size: r.size,
    seconds: r.seconds,
    ok: r.ok,
    checks: r.checks,
    smoke: r.smoke,
    package: r.job.pkg.pattern,
    cgo: r.job.cgo,
    cc: r.job.compiler?.cc ?? null,
    error: r.error,
    hint: r.hint,
  };
}

export function smokeText(smoke: SmokeResult | null): string {
  if (!smoke) return '-';
  if (!smoke.ran) return `skipped: ${smoke.reason}`;
  return `${smoke.how} ${smoke.args.join(' ')} → exit ${smoke.exitCode}: ${smoke.line}`;
}

const mib = (bytes: number | null): string => (bytes === null ? '-' : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`);

export function resultRow(r: JobResult): string[] {
  const verified = r.checks.length === 0 ? '-' : r.checks.every((c) => c.ok) ? `ok (${r.checks.map((c) => c.name).join(',')})` : 'FAIL';
  return [r.job.target.target, basename(r.job.output), mib(r.size), `${r.seconds.toFixed(1)} s`, verified, smokeText(r.smoke), r.ok ? 'ok' : 'FAIL'];
}

export const RESULT_HEADER = ['TARGET', 'OUTPUT', 'SIZE', 'TIME', 'VERIFY', 'SMOKE', 'RESULT'];
