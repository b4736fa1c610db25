/** verify's reports: JSON (the contract of cli/json.ts), a table, JUnit XML and GitHub annotations. */
import type { BinaryInfo } from '../binary/index.js';
import type { Check } from './checks.js';

export interface Result {
  path: string;
  member: string | null;
  info: BinaryInfo | null;
  error: string | null;
  checks: Check[];
  ok: boolean;
  /** The image platform or conda subdir, else null. */
  platform?: string | null;
  /** The image layer digest, else null. */
  layer?: string | null;
  sha256?: string | null;
}

export const displayName = (r: Pick<Result, 'path' | 'member'> & { platform?: string | null; layer?: string | null }): string =>
  r.member ? `${r.path}!${r.layer && r.platform ? `${r.platform}:` : ''}${r.member}` : r.path;

/** One JSON object per binary: the fields scripts read first (path … ok), then the other inspected ones. */
export type VerifyEntry = ReturnType<typeof toJson>;

export function toJson(r: Result) {
  const i = r.info;
  return {
    path: r.path,
    member: r.member,
    format: i?.format ?? null,
    os: i?.os ?? null,
    arch: i?.arch ?? null,
    bits: i?.bits ?? null,
    endian: i?.endian ?? null,
    type: i?.type ?? null,
    linkage: i?.linkage ?? null,
    interpreter: i?.interpreter ?? null,
    needed: i?.needed ?? [],
    glibc: i?.glibc ?? null,
    stripped: i?.stripped ?? null,
    go: i?.go ?? null,
    checks: r.checks,
    ok: r.ok,
    machine: i?.machine ?? null,
    debugInfo: i?.debugInfo ?? null,
    arm: i?.arm ?? null,
    aarch64: i?.aarch64 ?? null,
    slices: i?.slices?.map((s) => ({ arch: s.arch, bits: s.bits, type: s.type, linkage: s.linkage })) ?? null,
    error: r.error,
    platform: r.platform ?? null,
    layer: r.layer ?? null,
    sha256: r.sha256 ?? null,
  };
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One testcase per binary and check (a binary with no checks is one testcase: it was read). */
export function toJunit(results: Result[]): string {
  const cases: string[] = [];
  let failures = 0;
  for (const r of results) {
    const name = displayName(r);
    const checks = r.checks.length > 0 ? r.checks : [{ name: 'inspect', expected: 'a binary', actual: r.error ?? (r.info ? 'a binary' : 'not a binary'), ok: r.ok }];
    for (const c of checks) {
      if (!c.ok) failures += 1;
      const failure = c.ok ? '' : `<failure message="${xml(`expected ${c.expected}, got ${c.actual}`)}"/>`;
      cases.push(`    <testcase classname="${xml(name)}" name="${xml(c.name)}">${failure}</testcase>`);
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="gocross verify" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** `::error file=…::` lines for GitHub Actions, one per failed check. */
export function toGithub(results: Result[]): string[] {
  const escape = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string): string => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return results.flatMap((r) => {
    const failed = r.checks.filter((c) => !c.ok).map((c) => `${c.name}: expected ${c.expected}, got ${c.actual}`);
    if (!r.ok && failed.length === 0) failed.push(r.error ?? 'not a binary');
    const where = r.layer ? ` (layer ${r.layer})` : '';
    return failed.map((message) => `::error file=${property(r.path)},title=${property(`gocross verify ${r.platform && r.layer ? `${r.platform} ` : ''}${r.member ?? ''}`.trim())}::${escape(message + where)}`);
  });
}
