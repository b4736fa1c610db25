/** `gocross verify PATH...`: inspect binaries and check them against what they should be. */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkError, usageError } from '../../errors.js';
import { sha256File, writeFileAtomic } from '../../io/files.js';
import type { PlatformReport } from '../../verify/oci-image.js';
import { type Check, runChecks } from '../../verify/checks.js';
import { type Expectations, expectationsFrom, inferFromName } from '../../verify/expect.js';
import { cleanCheck, duplicateChecks, type Identity, parseSums } from '../../verify/release.js';
import { displayName, type Result, toGithub, toJson, toJunit } from '../../verify/report.js';
import { type Found, walk } from '../../verify/walk.js';
import type { Context } from '../registry.js';


/** A binary checked against nothing is no pass: it fails unless only inspection was asked for. */
const NOTHING_TO_CHECK = 'nothing to check it against: no --target (or --os/--arch) was given and its name names no target';

const claimName = (e: Expectations): string | null =>
  e.goos && e.goarch ? [e.goos, e.goarch, e.goarm ? `v${e.goarm}` : e.goamd64 ?? ''].filter(Boolean).join('/') : null;

/** The expectations for one binary: the command line over what its artifact or name claims. */
function expectationsFor(found: Found, expected: Expectations, infer: boolean): Expectations {
  if (found.claim) {
    // An image platform or conda subdir names the variant; only the build info can show it.
    const claim = { ...found.claim.expect };
    const settings = found.info?.go?.settings ?? {};
    if (settings.GOARM === undefined) delete claim.goarm;
    if (settings.GOAMD64 === undefined) delete claim.goamd64;
    return { ...claim, ...expected };
  }
  // An archive's name speaks for its members; a member's own name, when it has one, more so.
  const inferred = infer ? { ...inferFromName(found.path), ...(found.member ? inferFromName(found.member) : {}) } : {};
  return { ...inferred, ...expected };
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16 * 1024);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The same binary under two targets' names: a file is hashed only when its size is another
 * claim's too, and each file (device and inode: hard links are one) only once.
 */
async function identities(results: Result[], found: Found[], claims: (string | null)[]): Promise<Identity[]> {
  const distinct = new Set(claims.filter(Boolean)).size > 1;
  const stats = results.map((r, i) => (distinct && claims[i] && found[i]!.member === null && r.info ? statSync(found[i]!.path) : null));
  const sizes = new Map<number, Set<string>>();
  stats.forEach((st, i) => {
    if (st) sizes.set(st.size, (sizes.get(st.size) ?? new Set()).add(claims[i]!));
  });
  const hashed = new Map<string, string>();
  const ids: Identity[] = [];
  for (let i = 0; i < results.length; i++) {
    const f = found[i]!;
    let sha256 = f.sha256 ?? null;
    let buildId = f.buildId ?? null;
    const st = stats[i];
    if (st) {
      if (sha256 === null && (sizes.get(st.size)?.size ?? 0) > 1) {
        const key = `${st.dev}:${st.ino}`;
        sha256 = hashed.get(key) ?? (await sha256File(f.path)).sha256;
        hashed.set(key, sha256);
      }
      // The build-ID reader lives with the image code (and its tar library): loaded only here.
      if (results[i]!.info?.go) buildId = (await import('../../verify/oci-layer.js')).goBuildId(readHead(f.path));
    }
    ids.push({ name: displayName(results[i]!), claim: claims[i] ?? null, sha256, buildId: results[i]!.info?.go ? buildId : null });
  }
  return ids;
}

/** `--sums FILE`: every listed file is there and hashes as listed; a row for each that does not. */
async function checkSums(file: string, results: Result[]): Promise<Result[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw usageError('verify.sums', `cannot read the checksum file ${file}.`, { hint: 'give the SHA256SUMS file of the release, e.g. --sums dist/SHA256SUMS' });
  }
  const extra: Result[] = [];
  const dir = dirname(file);
  for (const line of parseSums(text, file)) {
    const path = join(dir, line.name);
    let actual: string;
    try {
      actual = (await sha256File(path)).sha256;
    } catch {
      actual = 'missing';
    }
    const check: Check = { name: 'sha256', expected: line.sha256, actual, ok: actual === line.sha256 };
    const rows = results.filter((r) => resolve(r.path) === resolve(path));
    for (const r of rows) {
      r.checks.push(check);
      r.ok &&= check.ok;
    }
    if (rows.length === 0 && !check.ok) {
      const error = actual === 'missing' ? `listed in ${file} but missing` : `its sha256 is not the one ${file} lists`;
      extra.push({ path: relative('.', path) || path, member: null, info: null, error, checks: [check], ok: false });
    }
  }
  return extra;
}

export async function run({ args, options: opts, output, global }: Context<'verify'>): Promise<number> {
  const expected = await expectationsFrom(opts);
  // Without a target on the command line, each name says what its binary should be.
  const infer = opts.infer === true || (expected.goos === undefined && expected.goarch === undefined);
  const results: Result[] = [];
  const founds: Found[] = [];
  const claims: (string | null)[] = [];
  const images: { path: string; reports: PlatformReport[] }[] = [];
  let skipped = 0;
  const platforms = opts.platform?.split(',').map((p) => p.trim()).filter(Boolean);
  for await (const found of walk(args, { platforms, onImage: (path, reports) => images.push({ path, reports }) })) {
    if (!found.info && !found.error && !found.named) {
      skipped += 1;
      continue;
    }
    const want = expectationsFor(found, expected, infer);
    const checks = found.info ? [...runChecks(found.info, want), ...(found.extraChecks ?? [])] : [...(found.extraChecks ?? [])];
    if (found.info && opts.requireClean) {
      const clean = cleanCheck(found.info.go?.settings);
      if (clean) checks.push(clean);
    }
    const unchecked = found.info !== null && checks.length === 0 && opts.inspectOnly !== true;
    const ok = found.info !== null && !unchecked && checks.every((c) => c.ok);
    const error = found.error ?? (found.info ? (unchecked ? NOTHING_TO_CHECK : null) : 'not a binary (no ELF, Mach-O or PE header)');
    results.push({ path: found.path, member: found.member, info: found.info, error, checks, ok, platform: found.platform ?? null, layer: found.layer ?? null, sha256: found.sha256 ?? null });
    founds.push(found);
    claims.push(found.info ? claimName(want) : null);
  }
  if (platforms && images.length > 0 && images.every((i) => i.reports.length === 0)) {
    throw usageError('verify.platform', `no image platform is ${platforms.join(' or ')}.`, { hint: 'leave out --platform to see the image\'s platforms' });
  }
  const ids = await identities(results, founds, claims);
  for (const [i, check] of duplicateChecks(ids)) {
    results[i]!.checks.push(check);
    results[i]!.ok = false;
  }
  if (opts.sums) results.push(...(await checkSums(opts.sums, results)));
  const failed = results.filter((r) => !r.ok).length;
  if (opts.junit) await writeFileAtomic(opts.junit, toJunit(results), undefined, { parents: false });
  if (opts.github) for (const line of toGithub(results)) output.line(line);
  if (global.json) {
    output.json(results.map(toJson));
  } else if (!opts.github) {
    output.table(
      ['BINARY', 'FORMAT', 'OS/ARCH', 'LINKAGE', 'GO', 'RESULT'],
      results.map((r) => [
        displayName(r),
        r.info?.format ?? '-',
        r.info ? `${r.info.os}/${r.info.arch}` : '-',
        r.info?.linkage ?? '-',
        r.info?.go ? r.info.go.version ?? 'no build info' : '-',
        r.ok ? 'ok' : 'FAIL',
      ]),
    );
    for (const r of results.filter((x) => !x.ok)) {
      output.line(`${displayName(r)}:${r.layer ? ` (platform ${r.platform}, layer ${r.layer})` : ''}`);
      if (r.error) output.line(`  ${r.error}`);
      for (const c of r.checks.filter((x) => !x.ok)) output.line(`  ${c.name}: expected ${c.expected}, got ${c.actual}`);
    }
    for (const image of images) {
      for (const p of image.reports) {
        if (p.absent) {
          output.line(`${image.path} ${p.platform}: not in the image (manifest ${p.manifest.slice(0, 19)}… absent), not checked`);
          continue;
        }
        const rows = results.filter((r) => r.path === image.path && r.platform === p.platform && r.layer);
        const bad = rows.filter((r) => !r.ok).length;
        output.line(`${image.path} ${p.platform} (manifest ${p.manifest.slice(0, 19)}…, ${p.layers.length} layer${p.layers.length === 1 ? '' : 's'}): ${rows.length} binar${rows.length === 1 ? 'y' : 'ies'}, ${bad ? `${bad} failed` : 'ok'}`);
        if (p.outside.length > 0) output.line(`  ${p.outside.length} entr${p.outside.length === 1 ? 'y climbs' : 'ies climb'} out of the image root (e.g. ${p.outside[0]}): not reported`);
      }
    }
  }
  const verb = opts.inspectOnly ? 'inspected' : 'checked';
  output.info(`${results.length} binar${results.length === 1 ? 'y' : 'ies'} ${verb}, ${failed} failed${skipped ? `, ${skipped} non-binar${skipped === 1 ? 'y' : 'ies'} skipped` : ''}`);
  if (results.some((r) => r.error === NOTHING_TO_CHECK)) {
    output.info('hint: pass --target (e.g. --target linux/arm64), name files for their target (tool_linux_arm64), or --inspect-only to only inspect');
  }
  if (results.length === 0 && !opts.allowEmpty) {
    throw checkError('verify.empty', `no binaries found in ${args.join(', ')}${skipped ? ` (${skipped} other file${skipped === 1 ? '' : 's'})` : ''}: nothing was verified.`, {
      hint: 'check that the build wrote its outputs there; pass --allow-empty where no binary is fine',
    });
  }
  return failed > 0 ? 1 : 0;
}
