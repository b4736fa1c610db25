/**
 * Installing what a version request names, for commands that need a Go before they can work
 * (init, build): an installed SDK that satisfies it is used (offline too), else it is downloaded.
 * The network and archive modules are loaded only when an install happens.
 */
import { GocrossError, isGocrossError } from '../errors.js';
import { hostTarget } from '../targets/index.js';
import type { InstallResult } from './install.js';
import { sdkRoot } from './store.js';
import { requestArgument, type VersionRequest } from './version-request.js';

export async function installRequest(
  request: VersionRequest,
  options: { home: string; mirrors: string[]; onPlanned?: (version: string) => void; onNote?: (note: string) => void },
): Promise<InstallResult> {
  const [{ resolveRequest }, { installPlan }] = await Promise.all([import('./resolve.js'), import('./install.js')]);
  const host = hostTarget();
  const resolution = await resolveRequest(request, { home: options.home, mirrors: options.mirrors, platform: { goos: host.goos, goarch: host.goarch } }).catch((error: unknown) => {
    // These commands take no --sha256: the way out is installing it first.
    if (isGocrossError(error) && error.code === 'sdk.no-checksum') {
      throw new GocrossError(error.kind, error.code, error.message, {
        hint: `install it first with the checksum you trust: gocross install ${requestArgument(request)} --sha256 HEX (or --archive FILE --sha256 HEX), then run this again`,
        cause: error,
      });
    }
    throw error;
  });
  if (resolution.kind === 'installed') {
    if (resolution.note) options.onNote?.(resolution.note);
    return { version: resolution.version, goroot: sdkRoot(options.home, resolution.version), installed: false };
  }
  options.onPlanned?.(resolution.plan.version);
  return installPlan(resolution.plan, options.home);
}
