/**
 * The side-effecting half of `gocross build`: run `go build` for a job into a temporary sibling,
 * then (while the next job compiles) verify the output with the verify module, hash it, move it
 * into place, smoke-run it; then write SHA256SUMS and the record of what gocross wrote.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { untilDone } from '../io/cleanup.js';
import { sha256File, writeFileAtomic } from '../io/files.js';
import { type Env, run } from '../io/process.js';
import type { Check } from '../verify/checks.js';
import { foreignFiles, MANIFEST, parseManifest, renderManifest } from './manifest.js';
import type { BuildJob } from './plan.js';
import { firstLine, planSmoke, planWineSmoke, type SmokeFacts, smokeAttempts, type WineFacts } from './smoke.js';
import { renderSums } from './sums.js';

export const SUMS = 'SHA256SUMS';

export type SmokeResult =
  | { ran: true; how: 'native' | 'qemu' | 'wine'; args: string[]; exitCode: number; line: string }
  | { ran: false; reason: string };

export interface JobResult {
  job: BuildJob;
  ok: boolean;
  sha256: string | null;
  size: number | null;
  seconds: number;
  checks: Check[];
  smoke: SmokeResult | null;
  /** What failed, in go's or verify's own words. */
  error: string | null;
  hint: string | null;
}

export interface JobOptions {
  go: string;
  /** Where go runs: the module root. */
  cwd: string;
  baseEnv: Env;
  verify: boolean;
  /** Smoke-run outputs: the user's arguments (undefined: --version, then --help) and the host facts. */
  smoke: { args: string[] | undefined; facts: (job: BuildJob) => SmokeFacts; wine: (job: BuildJob) => WineFacts } | null;
  /** Called between steps, for progress. */
  onStep?: (step: 'build' | 'verify' | 'smoke') => void;
  /** Variables for this job's go process only (not part of the job's own environment), e.g. GOMAXPROCS. */
  processEnv?: Record<string, string>;
}

/** The inspector and the checks load with the first output to verify, not with the command. */
let verifyModules: Promise<[typeof import('../binary/index.js'), typeof import('../verify/checks.js')]> | undefined;

async function verifyOutput(file: string, job: BuildJob): Promise<{ checks: Check[]; error: string | null }> {
  try {
    verifyModules ??= Promise.all([import('../binary/index.js'), import('../verify/checks.js')]);
    const [{ inspectFile }, { runChecks }] = await verifyModules;
    const info = await inspectFile(file);
    if (!info) return { checks: [], error: 'the output is not an ELF, Mach-O or PE binary' };
    const checks = runChecks(info, job.expect);
    const failed = checks.filter((c) => !c.ok);
    return { checks, error: failed.length > 0 ? `verify: ${failed.map((c) => `${c.name}: expected ${c.expected}, got ${c.actual}`).join('; ')}` : null };
  } catch (error) {
    return { checks: [], error: `verify: ${(error as Error).message}` };
  }
}

async function smokeRun(job: BuildJob, options: NonNullable<JobOptions['smoke']>): Promise<SmokeResult> {
  // Windows outputs run under Wine where it is installed; Linux ones natively or under qemu.
  const plan = job.target.goos === 'windows' ? planWineSmoke(job.target, job.output, options.wine(job)) : planSmoke(job.target, job.output, options.facts(job));
  if (!plan.run) return { ran: false, reason: plan.reason };
  let last: SmokeResult = { ran: false, reason: 'not run' };
  for (const args of smokeAttempts(options.args)) {
    // Wine's first start in a fresh WINEPREFIX takes seconds; the program itself, less than one.
    const result = await run(plan.command, [...plan.prefixArgs, ...args], { timeoutMs: 120_000, ...('env' in plan ? { env: plan.env } : {}) });
    last = { ran: true, how: plan.how, args, exitCode: result.exitCode, line: firstLine(result.stdout, result.stderr) };
    if (result.exitCode === 0) break;
  }
  return last;
}

/**
 * Run `go build` for `job`; resolves once go has exited, with the rest of the job (verify, hash,
 * move into place, smoke run) as a function to call: the caller can start the next build first.
 * Neither ever throws: a failure is the job's result.
 */
export async function compileJob(job: BuildJob, options: JobOptions): Promise<() => Promise<JobResult>> {
  const started = performance.now();
  const result = (fields: Partial<JobResult>): JobResult => ({
    job,
    ok: false,
    sha256: null,
    size: null,
    checks: [],
    smoke: null,
    error: null,
    hint: null,
    ...fields,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  });
  if (job.blocked) {
    const blocked = result({ error: job.blocked.message, hint: job.blocked.hint });
    return async () => blocked;
  }

  // go writes the output itself (and copies it across file systems): build beside it, then
  // rename, so the output is never half-written and a failed build leaves the old one alone.
  const temp = join(dirname(job.output), `.${basename(job.output)}.${randomBytes(4).toString('hex')}.tmp`);
  // Ctrl-C: go is killed with us; its half-written output goes, the last good one stays.
  const done = untilDone(`${basename(job.output)} was not rebuilt (an earlier one, if any, is as it was)`, () => rm(temp, { force: true }));
  const settle = async (): Promise<void> => {
    await rm(temp, { force: true });
    done();
  };
  const failed = async (fields: Partial<JobResult>): Promise<() => Promise<JobResult>> => {
    await settle();
    const failure = result(fields);
    return async () => failure;
  };
  try {
    options.onStep?.('build');
    const built = await run(options.go, [...job.flags, '-o', temp, job.pkg.pattern], { cwd: options.cwd, baseEnv: options.baseEnv, env: { ...options.processEnv, ...job.env } });
    if (built.exitCode !== 0) {
      return await failed({ error: built.stderr.trim() || built.stdout.trim() || `go build exited ${built.exitCode}` });
    }
  } catch (error) {
    // A go that cannot start, a full disk: this job fails with the reason, the others go on.
    return await failed({ error: (error as Error).message, hint: (error as { hint?: string }).hint ?? null });
  }
  return async () => {
    try {
      let checks: Check[] = [];
      if (options.verify) {
        options.onStep?.('verify');
        const verified = await verifyOutput(temp, job);
        checks = verified.checks;
        if (verified.error) return result({ checks, error: verified.error });
      }
      const { sha256, size } = await sha256File(temp);
      await rename(temp, job.output);
      let smoke: SmokeResult | null = null;
      if (options.smoke) {
        options.onStep?.('smoke');
        smoke = await smokeRun(job, options.smoke);
        if (smoke.ran && smoke.exitCode !== 0) {
          return result({ sha256, size, checks, smoke, error: `smoke run \`${basename(job.output)} ${smoke.args.join(' ')}\` exited ${smoke.exitCode}: ${smoke.line}` });
        }
      }
      return result({ ok: true, sha256, size, checks, smoke });
    } catch (error) {
      return result({ error: (error as Error).message, hint: (error as { hint?: string }).hint ?? null });
    } finally {
      await settle();
    }
  };
}

/** One job from start to end: build, verify, hash, move into place, smoke-run. */
export async function runJob(job: BuildJob, options: JobOptions): Promise<JobResult> {
  return (await compileJob(job, options))();
}

/** What the output directory holds now and which of it gocross wrote. */
export async function readOutputDir(dir: string): Promise<{ existing: Set<string>; owned: Set<string> }> {
  const existing = new Set(await readdir(dir).catch(() => [] as string[]));
  const owned = parseManifest(await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined));
  return { existing, owned };
}

/** Names the build would overwrite though gocross did not write them. */
export async function conflicts(dir: string, names: readonly string[]): Promise<string[]> {
  const { existing, owned } = await readOutputDir(dir);
  return foreignFiles([...names, SUMS], existing, owned);
}

/**
 * In a checkout, the output directory ignores itself (`*` in its own .gitignore): untracked
 * outputs would make the checkout count as modified, and go build would stamp the next outputs
 * vcs.modified=true — so two builds in a row would differ. A .gitignore already there is kept.
 */
export async function ignoreInCheckout(dir: string): Promise<boolean> {
  const file = join(dir, '.gitignore');
  if (existsSync(file)) return false;
  await writeFileAtomic(file, "# gocross-managed: gocross build's outputs stay out of the checkout, so they do not make it count as modified.\n*\n");
  return true;
}

/** Create the directory, and drop the temporary outputs an interrupted build left for these names. */
export async function prepareOutputDir(dir: string, names: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const planned = new Set(names);
  for (const entry of await readdir(dir)) {
    const leftover = /^\.(.+)\.[0-9a-f]{8}\.tmp$/.exec(entry);
    if (leftover?.[1] && planned.has(leftover[1])) await rm(join(dir, entry), { force: true });
  }
}

/**
 * After every job: SHA256SUMS of the outputs built (sorted by name), the old output of a failed
 * job removed (so no stale binary sits beside fresh ones), and the record of gocross's files.
 */
export async function finishOutputs(dir: string, results: readonly JobResult[]): Promise<{ sums: string | null }> {
  const { owned } = await readOutputDir(dir);
  const built = results.filter((r) => r.ok && r.sha256);
  for (const failed of results.filter((r) => !r.ok)) {
    const name = basename(failed.job.output);
    // Ours from an earlier run, or placed by this one before its smoke run failed.
    if (owned.has(name) || failed.sha256 !== null) {
      await rm(failed.job.output, { force: true });
      owned.delete(name);
    }
  }
  for (const r of built) owned.add(basename(r.job.output));
  let sums: string | null = null;
  if (built.length > 0) {
    sums = join(dir, SUMS);
    await writeFileAtomic(sums, renderSums(built.map((r) => ({ name: basename(r.job.output), sha256: r.sha256 ?? '' }))));
    owned.add(SUMS);
  } else if (owned.has(SUMS)) {
    // Nothing was built: an old SHA256SUMS would vouch for files that are gone.
    await rm(join(dir, SUMS), { force: true });
    owned.delete(SUMS);
  }
  await writeFileAtomic(join(dir, MANIFEST), renderManifest(owned));
  return { sums };
}
