/** `gocross list [--available]`: the SDKs in the store, or the versions a mirror offers. */
import { loadConfig } from '../../config/load.js';
import { hostTarget } from '../../targets/index.js';
import { installedVersions, sdkRoot, directorySize, readMarker } from '../../toolchain/store.js';
import { knownEnvs } from '../../activation/env.js';
import { envsUsing } from '../../toolchain/usage.js';
import type { CommandContext, Context } from '../registry.js';

const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;

export async function run({ options, output, cwd, env, global }: Context<'list'>): Promise<number> {
  const config = loadConfig({ cwd, env });
  const home = config.get<string>('home');
  if (options.available === true) return listAvailable(config.get<string[]>('mirror'), home, { output, json: global.json });

  const prefixes = knownEnvs(env);
  const sdks = await Promise.all(
    installedVersions(home).map(async (version) => {
      const goroot = sdkRoot(home, version);
      return { version, goroot, size: await directorySize(goroot), installedAt: readMarker(goroot)?.installedAt ?? null, usedBy: envsUsing(goroot, prefixes) };
    }),
  );
  if (global.json) {
    output.json(sdks);
    return 0;
  }
  if (sdks.length === 0) {
    output.info(`no SDKs in ${home}/sdk yet; install one with \`gocross install\``);
    return 0;
  }
  output.table(['VERSION', 'SIZE', 'USED BY', 'GOROOT'], sdks.map((s) => [s.version, mib(s.size), s.usedBy.length > 0 ? s.usedBy.join(',') : '-', s.goroot]));
  return 0;
}

async function listAvailable(mirrors: string[], home: string, { output, json }: { output: CommandContext['output']; json: boolean }): Promise<number> {
  const [{ firstIndex }, { archiveFor }, { environmentError }] = await Promise.all([
    import('../../toolchain/mirrors.js'),
    import('../../toolchain/release-index.js'),
    import('../../errors.js'),
  ]);
  const index = await firstIndex(mirrors);
  if (!('releases' in index)) {
    throw environmentError('sdk.no-index', `no mirror served a release index: ${index.failures.join('; ')}.`, { hint: 'check the network and the mirror list (--mirror, GOCROSS_GO_MIRROR)' });
  }
  const host = hostTarget();
  const installed = new Set(installedVersions(home));
  const rows = index.releases.map((r) => ({
    version: r.version.name,
    stable: r.stable,
    installed: installed.has(r.version.name),
    hostArchive: archiveFor(r, host.goos, host.goarch)?.filename ?? null,
  }));
  if (json) output.json(rows);
  else output.table(['VERSION', 'STABLE', 'INSTALLED', `ARCHIVE FOR ${host.target}`], rows.map((r) => [r.version, r.stable ? 'yes' : 'no', r.installed ? 'yes' : '-', r.hostArchive ?? '(none)']));
  return 0;
}
