/** `gocross install [VERSION]`: an official Go SDK, verified, into the shared store. */
import { loadConfig } from '../../config/load.js';
import { describeSource } from '../../config/resolve.js';
import type { InstallResult } from '../../toolchain/install.js';
import type { InstallPlan } from '../../toolchain/plan.js';
import { readMarker, sdkRoot } from '../../toolchain/store.js';
import type { RequestChoice } from '../../toolchain/choice.js';
import { jsonText } from '../output.js';
import type { Context } from '../registry.js';

/**
 * The store name of an exact version as typed (`1.19.8`, `go1.22rc1`…), spelled the way
 * parseVersionRequest names it; undefined for anything else (`1.19`, `latest`, go.mod).
 */
function exactName(arg: string | undefined): string | undefined {
  const match = /^(?:go)?(\d+)\.(\d+)\.(\d+)((?:rc|beta)\d+)?$/.exec(arg?.trim() ?? '');
  return match ? `go${match[1]}.${match[2]}.${match[3]}${match[4] ?? ''}` : undefined;
}

const resultLine = (result: InstallResult): string => `${result.version} ${result.installed ? 'installed' : 'is already installed'} at ${result.goroot}`;

/** The answer for an exact version (go1.23.4) the store already has, else undefined. */
function alreadyInstalled(home: string, version: string | undefined): InstallResult | undefined {
  if (version === undefined) return undefined;
  const goroot = sdkRoot(home, version);
  return readMarker(goroot) ? { version, goroot, installed: false } : undefined;
}

/**
 * What `gocross install VERSION [--json]` prints when VERSION is exact and already installed, or
 * undefined when there is more to do. bin/gocross.js asks this before loading the CLI (commander
 * and the rest), so that the commonest install — of what is there — costs little more than Node.
 */
export function answerInstalled(arg: string, options: { json: boolean; cwd: string; env: NodeJS.ProcessEnv }): string | undefined {
  const found = alreadyInstalled(loadConfig({ cwd: options.cwd, env: options.env }).get<string>('home'), exactName(arg));
  if (!found) return undefined;
  return options.json ? jsonText(found) : `${resultLine(found)}\n`;
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
    else output.done(resultLine(result));
    return 0;
  };
  // An exact version that is already installed needs no network, nor the modules that speak it,
  // nor even those that parse versions (bin/gocross.js answers the plainest such call itself).
  const named = opts.archive || opts.force ? undefined : alreadyInstalled(home, exactName(args[0]));
  if (named) return report(named);

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
    // go.mod or the go setting may name an exact version the store has.
    const installed = opts.force || choice.request.kind !== 'exact' ? undefined : alreadyInstalled(home, choice.request.version.name);
    if (installed) return report(installed);
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
