/** `gocross install [VERSION]`: an official Go SDK, verified, into the shared store. */
import { loadConfig } from '../../config/load.js';
import { describeSource } from '../../config/resolve.js';
import type { InstallResult } from '../../toolchain/install.js';
import type { InstallPlan } from '../../toolchain/plan.js';
import { readMarker, sdkRoot } from '../../toolchain/store.js';
import type { RequestChoice } from '../../toolchain/choice.js';
import type { Context } from '../registry.js';

/**
 * The store name of an exact version as typed (`1.19.8`, `go1.22rc1`…), spelled the way
 * parseVersionRequest names it; undefined for anything else (`1.19`, `latest`, go.mod).
 */
function exactName(arg: string | undefined): string | undefined {
  const match = /^(?:go)?(\d+)\.(\d+)\.(\d+)((?:rc|beta)\d+)?$/.exec(arg?.trim() ?? '');
  return match ? `go${match[1]}.${match[2]}.${match[3]}${match[4] ?? ''}` : undefined;
}

const describeResult = (result: InstallResult, json: boolean): string =>
  json ? `${JSON.stringify(result, null, 2)}\n` : `${result.version} ${result.installed ? 'installed' : 'is already installed'} at ${result.goroot}\n`;

/**
 * What `gocross install VERSION [--json]` prints when VERSION is exact and already installed, or
 * undefined when there is more to do. bin/gocross.js asks this before loading the CLI (commander
 * and the rest), so that the commonest install — of what is there — costs little more than Node.
 */
export function answerInstalled(arg: string, options: { json: boolean; cwd: string; env: NodeJS.ProcessEnv }): string | undefined {
  const named = exactName(arg);
  if (!named) return undefined;
  const goroot = sdkRoot(loadConfig({ cwd: options.cwd, env: options.env }).get<string>('home'), named);
  return readMarker(goroot) ? describeResult({ version: named, goroot, installed: false }, options.json) : undefined;
}


interface Ctx {
  plan?: InstallPlan;
  result?: InstallResult;
}

export async function run({ args, options, configFlags, output, cwd, env, global }: Context<'install'>): Promise<number> {
  const opts = options;
  const config = loadConfig({ cwd, env, flags: configFlags });
  const home = config.get<string>('home');
  const report = (result: InstallResult): number => {
    if (global.json) output.json(result);
    else output.done(describeResult(result, false).replace(/\n$/, ''));
    return 0;
  };
  // An exact version that is already installed needs no network, nor the modules that speak it,
  // nor even those that parse versions.
  const named = opts.archive || opts.force ? undefined : exactName(args[0]);
  if (named && readMarker(sdkRoot(home, named))) return report({ version: named, goroot: sdkRoot(home, named), installed: false });

  const [{ chooseRequest }, { describeRequest }, { findProjectVersion }, { hostTarget }] = await Promise.all([
    import('../../toolchain/choice.js'),
    import('../../toolchain/version-request.js'),
    import('../../toolchain/version-files.js'),
    import('../../targets/index.js'),
  ]);
  const mirrors = config.get<string[]>('mirror');
  const goSetting = config.settings.get('go');
  const choice: RequestChoice = chooseRequest(
    args[0],
    { value: goSetting?.value as string | undefined, source: goSetting ? describeSource(goSetting.source) : '' },
    () => findProjectVersion(cwd),
  );
  const host = hostTarget();
  const platform = { goos: host.goos, goarch: host.goarch };

  let result: InstallResult;
  // The network, archive and progress modules load only when there is work to do, so that the
  // no-op install of an installed version stays instant.
  if (opts.archive) {
    const { installArchive } = await import('../../toolchain/archive-install.js');
    result = await installArchive({ archive: opts.archive, home, mirrors, sha256: opts.sha256, force: opts.force === true, platform, request: args[0] ? choice.request : undefined });
  } else {
    // An exact version that is already installed needs no network, nor the modules that speak it.
    const exact = choice.request.kind === 'exact' ? choice.request.version.name : undefined;
    if (exact && !opts.force && readMarker(sdkRoot(home, exact))) return report({ version: exact, goroot: sdkRoot(home, exact), installed: false });
    const [{ resolveRequest }, { installPlan }, { formatProgress, progressThrottle, runTasks }] = await Promise.all([
      import('../../toolchain/resolve.js'),
      import('../../toolchain/install.js'),
      import('../tasks.js'),
    ]);
    const ctx = await runTasks<Ctx>(
      [
        {
          title: `Resolve ${describeRequest(choice.request)} (${choice.why})`,
          task: async (ctx, task) => {
            const resolution = await resolveRequest(choice.request, { home, mirrors, platform, sha256: opts.sha256, force: opts.force === true });
            if (resolution.kind === 'installed') {
              ctx.result = { version: resolution.version, goroot: sdkRoot(home, resolution.version), installed: false };
              if (resolution.note) output.warn(resolution.note);
              task.title = `${resolution.version} is installed`;
              return;
            }
            ctx.plan = resolution.plan;
            task.title = `Resolved ${ctx.plan.version}: ${ctx.plan.filename}, checksum from ${ctx.plan.checksumFrom}`;
          },
        },
        {
          title: 'Install',
          skip: (ctx) => ctx.plan === undefined,
          task: async (ctx, task) => {
            const plan = ctx.plan as InstallPlan;
            task.title = `Install ${plan.version} into ${sdkRoot(home, plan.version)}`;
            const started = Date.now();
            const shouldShow = progressThrottle(output.interactive);
            ctx.result = await installPlan(plan, home, {
              force: opts.force === true,
              onPhase: (phase) => {
                task.output = phase === 'download' ? `downloading ${plan.urls[0]}` : phase === 'verify' ? 'verifying sha256' : 'extracting';
              },
              onProgress: ({ received, total }) => {
                if (shouldShow(received, total)) task.output = `downloading ${formatProgress(received, total, started)}`;
              },
              onRetry: (message) => {
                task.output = message;
              },
              onWait: (pid) => {
                task.output = `waiting for another gocross (pid ${pid}) installing the same version`;
              },
            });
            if (!ctx.result.installed) task.skip(`${plan.version} is already installed`);
          },
        },
      ],
      output,
      {},
    );
    result = ctx.result as InstallResult;
  }

  return report(result);
}
