/** `gocross build [PKG...]`: cross-compile a target matrix, verify every output, write SHA256SUMS. */
import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { describeSource } from '../../config/resolve.js';
import { findCrossCompilers } from '../../compilers/found.js';
import { checkError, usageError } from '../../errors.js';
import { activeEnvSettings } from '../../activation/settings-file.js';
import { findMainPackages, gitChanges, gitTag, locateModule, vcsCheckout } from '../../matrix/gather.js';
import { chooseGo } from '../../toolchain/choice.js';
import { ensureGo } from '../../toolchain/ensure.js';
import { gatherGoFacts, goBinary, goVersionOf } from '../../toolchain/facts.js';
import { type BuildJob, outputName, parseCcFlags, planMatrix } from '../../matrix/plan.js';
import { commandLine, planJson, RESULT_HEADER, resultJson, resultRow, shownPath } from '../../matrix/report.js';
import { compileJob, conflicts, finishOutputs, ignoreInCheckout, type JobOptions, type JobResult, prepareOutputDir } from '../../matrix/runner.js';
import { WINE_CANDIDATES } from '../../matrix/smoke.js';
import { chooseTargets } from '../../matrix/targets.js';
import { releaseVersion } from '../../gomodule/version.js';
import { findExecutable } from '../../io/process.js';
import { hostTarget, parseTarget } from '../../targets/index.js';
import type { Output } from '../output.js';
import type { Context } from '../registry.js';


/** The operands before `--` are packages; the words after it are the smoke run's arguments. */
function splitOperands(args: string[], afterDashes: string[] | undefined): { patterns: string[]; smokeArgs: string[] | undefined } {
  if (afterDashes === undefined) return { patterns: args, smokeArgs: undefined };
  return { patterns: args.slice(0, Math.max(0, args.length - afterDashes.length)), smokeArgs: afterDashes };
}

const isInside = (path: string, dir: string): boolean => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Where each build's GOFLAGS comes from, when there is one, and what was dropped for which target. */
function describeGoflags(current: string | undefined, explicit: string | null, jobs: readonly { target: { target: string }; env: Record<string, string | undefined> }[]): string | undefined {
  if (explicit !== null) return `GOFLAGS "${explicit}" from the env's gocross init --goflags`;
  if (!current?.trim()) return undefined;
  const changed = [...new Set(jobs.filter((j) => j.env.GOFLAGS !== current).map((j) => j.target.target))];
  return `GOFLAGS "${current}" from the environment${changed.length > 0 ? `; without -buildmode=pie for ${changed.join(', ')} (it would make them dynamically linked PIEs without cgo)` : ''}`;
}

async function refuseForeignFiles(outDir: string, names: string[], shown: string): Promise<void> {
  const foreign = await conflicts(outDir, names);
  if (foreign.length === 0) return;
  throw usageError('build.foreign-file', `${shown} holds ${foreign.join(', ')}, which gocross did not write; building would overwrite ${foreign.length === 1 ? 'it' : 'them'}.`, {
    hint: 'remove or move them, choose another --output directory, or pass --force',
  });
}

/** The line of an error worth a task title: go's `# package` header is skipped. */
const headline = (error: string | null): string => (error ?? '').split('\n').find((line) => line.trim() !== '' && !line.startsWith('# ')) ?? '';

/**
 * Runs the jobs' `go build`s `concurrency` at a time; a job's verification, hashing and smoke run
 * happen outside its slot, while the next build compiles. Each go gets an even share of the cores
 * (GOMAXPROCS, unless the environment sets it) so parallel builds do not oversubscribe them: go
 * already compiles a target's packages in parallel.
 */
function jobPool(jobs: readonly BuildJob[], jobOptions: JobOptions, concurrency: number): (job: BuildJob, onStep?: JobOptions['onStep']) => Promise<JobResult> {
  const cores = availableParallelism();
  let running = 0;
  let unstarted = jobs.length;
  const waiting: (() => void)[] = [];
  return async (job, onStep) => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    unstarted -= 1;
    const sharing = Math.max(1, Math.min(concurrency, running + unstarted));
    const processEnv = jobOptions.baseEnv.GOMAXPROCS === undefined && sharing > 1 ? { GOMAXPROCS: String(Math.max(1, Math.floor(cores / sharing))) } : undefined;
    let finish: () => Promise<JobResult>;
    try {
      finish = await compileJob(job, { ...jobOptions, onStep, ...(processEnv ? { processEnv } : {}) });
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
    return finish();
  };
}

/** Every job, `concurrency` builds at a time, as one listr task each (none when nothing is shown); results in matrix order. */
async function buildAll(jobs: BuildJob[], jobOptions: JobOptions, view: { concurrency: number; title: string; outShown: string; output: Output }): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const runOne = jobPool(jobs, jobOptions, view.concurrency);
  const order = (list: JobResult[]): JobResult[] => list.sort((a, b) => jobs.indexOf(a.job) - jobs.indexOf(b.job));
  // With --json or --quiet listr would render nothing: the jobs run without it.
  if (view.output.options.json || view.output.options.quiet) return order(await Promise.all(jobs.map((job) => runOne(job))));
  const { runTasks } = await import('../tasks.js');
  // runOne never throws; a failed target's task throws on purpose (listr marks it failed), and
  // every result is already in `results`: nothing is left to learn from listr's rejection.
  await runTasks(
    [
      {
        title: `Build ${jobs.length} output${jobs.length === 1 ? '' : 's'} ${view.title} (${Math.min(view.concurrency, jobs.length)} at a time)`,
        task: (_ctx, parent) =>
          parent.newListr(
            jobs.map((job) => ({
              title: `${job.target.target}: ${job.fileName}`,
              task: async (_c: object, task: { title: string; output: string }) => {
                // Step names help on a terminal; in a plain log, parallel jobs' steps would only interleave.
                const onStep = view.output.interactive ? (step: string) => (task.output = step === 'build' ? 'go build' : step) : undefined;
                const result = await runOne(job, onStep);
                results.push(result);
                // The group's line tells the outcome, not the intent: "Built 1 of 2 outputs …".
                if (results.length === jobs.length) parent.title = `Built ${results.filter((r) => r.ok).length} of ${jobs.length} output${jobs.length === 1 ? '' : 's'} ${view.title}`;
                const time = `${result.seconds.toFixed(1)} s`;
                if (!result.ok) throw new Error(`${job.target.target}: ${job.fileName} failed after ${time}: ${headline(result.error)}`);
                task.title = `${job.target.target}: ${view.outShown}/${job.fileName} (${time})`;
              },
            })),
            // The pool limits the builds; listr starts every task so that finished builds are verified at once.
            { concurrent: true, exitOnError: false },
          ),
      },
    ],
    view.output,
    {},
  ).catch(() => undefined);
  return order(results);
}

export async function run({ args, afterDashes, options, configFlags, output, cwd, env, global }: Context<'build'>): Promise<number> {
  const opts = options;
  const { patterns, smokeArgs } = splitOperands(args, afterDashes);
  if (smokeArgs !== undefined && !opts.smoke) {
    throw usageError('build.smoke-args', `arguments after -- (${smokeArgs.join(' ')}) are for the smoke run, but --smoke is not given.`, { hint: 'add --smoke, e.g. gocross build --smoke -- --version' });
  }
  const config = loadConfig({ cwd, env, flags: configFlags });
  const setting = (key: string) => config.settings.get(key);

  const firstLocal = patterns.find((p) => p.startsWith('.') || p.startsWith('/'));
  const module = locateModule(resolve(cwd, (firstLocal ?? '.').replace(/\/\.\.\.$/, '')));
  const packages = findMainPackages(cwd, patterns, module);
  if (opts.name !== undefined) {
    if (packages.length > 1) throw usageError('build.name', `--name ${opts.name} cannot name ${packages.length} packages' outputs.`, { hint: 'build the packages one at a time, or drop --name' });
    if (!/^[\w.+-]+$/.test(opts.name)) throw usageError('build.name', `--name "${opts.name}" is not a file name.`, { hint: 'use letters, digits, and . _ + -' });
    packages[0] = { pattern: packages[0]?.pattern ?? '.', name: opts.name };
  }

  const matrix = setting('build.targets');
  const configured = setting('target');
  const fromEnv = activeEnvSettings(env);
  const targets = chooseTargets({
    flag: opts.targets,
    matrix: { value: matrix?.value as string[], source: matrix ? describeSource(matrix.source) : 'default', isDefault: matrix?.source.kind === 'default' },
    ...(configured && configured.value !== undefined ? { configured: { value: configured.value as string, source: describeSource(configured.source) } } : {}),
    ...(fromEnv?.target ? { envTarget: { value: fromEnv.target, file: fromEnv.file } } : {}),
  });
  const cgo = config.get<boolean>('cgo');
  const ccFlags = parseCcFlags(opts.cc ?? [], (name) => parseTarget(name));
  const outDir = resolve(cwd, config.get<string>('build.output'));
  const home = config.get<string>('home');
  const goSetting = setting('go');
  const vcs = vcsCheckout(module.root, env.PATH);
  const gitRoot = vcs.tool === 'git' && vcs.root ? vcs.root : undefined;
  // git answers while the Go is chosen.
  const tag = gitRoot && !opts.version ? gitTag(gitRoot) : Promise.resolve(undefined);
  // Before any Go is installed: a build that would clobber someone's file does not start.
  if (!opts.force) await refuseForeignFiles(outDir, packages.flatMap((p) => targets.targets.map((t) => outputName(p.name, t))), shownPath(outDir, cwd));

  const facts = await gatherGoFacts({
    requested: goSetting?.value !== undefined ? { value: goSetting.value as string, source: describeSource(goSetting.source) } : undefined,
    env,
    moduleDir: module.root,
    home,
    settings: fromEnv,
  });
  const choice = chooseGo(facts);
  const { goroot } = await ensureGo(choice, { cwd, home, mirrors: config.get<string[]>('mirror'), dryRun: opts.dryRun === true, info: (m) => output.info(m), warn: (m) => output.warn(m), planned: (verb, subject, note) => output.planned(verb, subject, { note }) });
  // The go on PATH was asked its version already when it is the one chosen.
  const goVersion = facts.pathGo && facts.pathGo.goroot === goroot && facts.pathGo.version ? facts.pathGo.version : existsSync(goroot) ? await goVersionOf(goroot) : null;
  const go = goBinary(goroot);
  // The same version as dockerfile and recipe take: --version, else the tag at HEAD (asked only then).
  const release = releaseVersion(opts.version, await tag);
  const host = hostTarget();
  const prefix = env.CONDA_PREFIX ?? null;

  const jobs = planMatrix({
    packages,
    targets: targets.targets,
    outDir,
    goroot,
    cgo,
    flags: { ldflags: config.get<string>('build.ldflags'), version: release?.version, tags: opts.tags, vcs: vcs.vcs },
    goflags: { current: env.GOFLAGS, explicit: fromEnv?.goflags ?? null },
    compilers: (target) => ({ host, flags: ccFlags, found: findCrossCompilers(target, prefix, env.PATH) }),
  });
  const outShown = shownPath(outDir, cwd);
  const goInfo = { goroot, version: goVersion, why: choice.why };
  output.info(`Go ${goVersion ?? '(to be installed)'} at ${goroot}: ${choice.why}`);
  output.info(`targets: ${targets.targets.map((t) => t.target).join(', ')} (${targets.why}); ${vcs.note}`);
  if (release) output.info(`main.version ${release.version} (${release.from})`);
  const goflagsNote = describeGoflags(env.GOFLAGS, fromEnv?.goflags ?? null, jobs);
  if (goflagsNote) output.info(goflagsNote);

  if (opts.dryRun) {
    if (global.json) output.json({ dryRun: true, go: goInfo, outputDir: outDir, targets: jobs.map((j) => planJson(j, go, outShown)) });
    else {
      for (const job of jobs) {
        if (job.blocked) output.planned('fail', `${job.fileName} (${job.target.target})`, { detail: job.blocked.message });
        else output.planned('build', `${outShown}/${job.fileName}`, { detail: commandLine(job, go, outShown) });
      }
      output.planned('write', `${outShown}/SHA256SUMS`);
    }
    return 0;
  }

  await prepareOutputDir(outDir, jobs.map((j) => j.fileName));
  if (gitRoot && isInside(outDir, gitRoot)) {
    if (await ignoreInCheckout(outDir)) output.info(`wrote ${outShown}/.gitignore: the outputs stay out of the checkout, so they do not make it count as modified`);
    // Asked once the outputs are ignored: what is left really is uncommitted work.
    const changes = await gitChanges(gitRoot);
    if (changes.length > 0) {
      const listed = `${changes.length} uncommitted change${changes.length === 1 ? '' : 's'} (${changes.slice(0, 5).join(', ')}${changes.length > 5 ? ', …' : ''})`;
      if (opts.requireClean) {
        throw checkError('build.dirty', `refusing to build from ${gitRoot}: it has ${listed}, so the outputs would be stamped vcs.modified=true.`, {
          hint: 'commit or stash the changes (git status shows them), or drop --require-clean',
        });
      }
      output.warn(`${gitRoot} has ${listed}: the outputs are stamped vcs.modified=true and differ from a clean checkout's (--require-clean refuses this)`);
    }
  }
  const jobOptions: JobOptions = {
    go,
    cwd: module.root,
    baseEnv: env,
    verify: opts.verify !== false,
    smoke: opts.smoke
      ? {
          args: smokeArgs,
          facts: (job: BuildJob) => ({ host, qemuPath: job.target.qemu ? findExecutable(job.target.qemu, env.PATH) : undefined, sysroot: job.compiler?.sysroot ?? null, cgo: job.cgo }),
          // One WINEPREFIX per user, kept between builds: Wine makes it on the first run (~7 s).
          wine: () => ({ host, winePath: WINE_CANDIDATES.map((c) => findExecutable(c, env.PATH)).find(Boolean), prefix: join(tmpdir(), `gocross-wine-${process.getuid?.() ?? 'user'}`) }),
        }
      : null,
  };
  const concurrency = config.get<number>('build.jobs');
  const results = await buildAll(jobs, jobOptions, { concurrency, title: `with ${goVersion ?? 'go'} into ${outShown}`, outShown, output });
  const { sums } = await finishOutputs(outDir, results);
  const failed = results.filter((r) => !r.ok);

  if (global.json) {
    output.json({ targets: results.map(resultJson), go: goInfo, outputDir: outDir, sums });
  } else {
    output.table(RESULT_HEADER, results.map(resultRow));
    for (const r of failed) {
      output.line(`\n${r.job.fileName} (${r.job.target.target}) failed:`);
      for (const line of (r.error ?? '').split('\n')) output.line(`  ${line}`);
      if (r.hint) output.line(`  hint: ${r.hint}`);
    }
  }
  output.info(`${results.length - failed.length} of ${results.length} built${sums ? `; checksums in ${shownPath(sums, cwd)}` : ''}`);
  return failed.length > 0 ? 1 : 0;
}
