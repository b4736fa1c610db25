/**
 * Asking the mirrors (HTTP): their release indexes and `<file>.sha256` files, in order, and the
 * install plan they add up to (plan.ts decides it from what they said).
 */
import { GocrossError, usageError } from '../errors.js';
import { httpRequest } from '../io/http.js';
import { checkSha256, fileWithoutIndex, indexUrl, type InstallPlan, mirrorBase, type PlanOptions, planFromIndex, planWithChecksum } from './plan.js';
import { parseReleaseIndex, type Release } from './release-index.js';

/** The release index of `mirror`, or a reason it has none (`unreachable`: no answer at all). */
async function fetchIndex(mirror: string): Promise<{ releases: Release[] } | { failure: string; unreachable: boolean }> {
  try {
    const response = await httpRequest(indexUrl(mirror));
    if (response.status !== 200) return { failure: `HTTP ${response.status} for the index`, unreachable: false };
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { failure: 'no JSON index (the answer is not JSON)', unreachable: false };
    }
    return { releases: parseReleaseIndex(json, mirror) };
  } catch (error) {
    if (error instanceof GocrossError) return { failure: error.message.replace(/\.$/, ''), unreachable: true };
    throw error;
  }
}

/**
 * The releases of the first mirror that has an index, with the failures of those before it;
 * `unreachable` when no mirror answered at all (no network), which no checksum can fix.
 */
export async function firstIndex(mirrors: readonly string[]): Promise<{ releases: Release[]; mirror: string } | { failures: string[]; unreachable: boolean }> {
  const failures: string[] = [];
  let unreachable = true;
  for (const mirror of mirrors) {
    const result = await fetchIndex(mirror);
    if ('releases' in result) return { releases: result.releases, mirror };
    failures.push(`${mirror}: ${result.failure}`);
    unreachable &&= result.unreachable;
  }
  return { failures, unreachable };
}

/** What `mirror` says the sha256 of `filename` is: its index, else `<file>.sha256`; undefined when it says nothing. */
export async function mirrorChecksum(mirror: string, filename: string): Promise<{ sha256: string; from: string } | undefined> {
  const index = await fetchIndex(mirror);
  if ('releases' in index) {
    const listed = index.releases.flatMap((r) => r.files).find((f) => f.filename === filename);
    return listed ? { sha256: listed.sha256.toLowerCase(), from: `the release index of ${mirror}` } : undefined;
  }
  const url = `${mirrorBase(mirror)}${filename}`;
  const sha256 = await checksumFile(url);
  return sha256 ? { sha256, from: `${url}.sha256` } : undefined;
}

async function checksumFile(url: string): Promise<string | undefined> {
  try {
    const response = await httpRequest(`${url}.sha256`);
    if (response.status !== 200) return undefined;
    const hex = (await response.text()).trim().split(/\s+/)[0]?.toLowerCase();
    return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
  } catch (error) {
    if (error instanceof GocrossError) return undefined;
    throw error;
  }
}

export async function planInstall(options: PlanOptions): Promise<InstallPlan> {
  checkSha256(options.sha256);
  if (options.mirrors.length === 0) throw usageError('sdk.no-mirror', 'no download mirror is configured.', { hint: 'pass --mirror URL or set GOCROSS_GO_MIRROR' });
  const index = await firstIndex(options.mirrors);
  if ('releases' in index) return planFromIndex(options, index);
  const file = fileWithoutIndex(options, index);
  for (const url of file.urls) {
    const sha256 = await checksumFile(url);
    if (sha256) return planWithChecksum(options, file, { url, sha256 }, index.failures);
  }
  return planWithChecksum(options, file, undefined, index.failures);
}
