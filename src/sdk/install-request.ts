/**
 * Installing what a version request names, for commands that need a Go before they can work
 * (init, build). The network and archive modules are loaded only when an install happens.
 */
import { hostTarget } from '../targets/index.js';
import type { InstallResult } from './install.js';
import type { VersionRequest } from './version-request.js';

export async function installRequest(
  request: VersionRequest,
  options: { home: string; mirrors: string[]; onPlanned?: (version: string) => void },
): Promise<InstallResult> {
  const [{ planInstall }, { installPlan }] = await Promise.all([import('./plan.js'), import('./install.js')]);
  const host = hostTarget();
  const plan = await planInstall({ request, mirrors: options.mirrors, platform: { goos: host.goos, goarch: host.goarch } });
  options.onPlanned?.(plan.version);
  return installPlan(plan, options.home);
}
