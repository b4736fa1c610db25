/**
 * "Install it, or say it is there": which SDK a version request ends up with. An installed SDK
 * that satisfies the request is used without the network when the request is exact, and when no
 * mirror answers (offline, `1.19`, `go.mod` and `latest` take the newest installed match).
 */
import { isGocrossError } from '../errors.js';
import { planInstall } from './mirrors.js';
import { OFFLINE, type InstallPlan, type Platform } from './plan.js';
import { installedVersions } from './store.js';
import { installedFor, type VersionRequest } from './version-request.js';

export type Resolution = { kind: 'installed'; version: string; note?: string } | { kind: 'plan'; plan: InstallPlan };

export async function resolveRequest(request: VersionRequest, options: { home: string; mirrors: readonly string[]; platform: Platform; sha256?: string; force?: boolean }): Promise<Resolution> {
  const installed = options.force ? [] : installedVersions(options.home);
  if (request.kind === 'exact' && installed.includes(request.version.name)) return { kind: 'installed', version: request.version.name };
  try {
    return { kind: 'plan', plan: await planInstall({ request, mirrors: options.mirrors, platform: options.platform, sha256: options.sha256 }) };
  } catch (error) {
    const match = isGocrossError(error) && error.code === OFFLINE ? installedFor(request, installed, { latest: true }) : undefined;
    if (!match) throw error;
    return { kind: 'installed', version: match, note: `no mirror answered: using ${match}, the newest installed SDK that satisfies it` };
  }
}
