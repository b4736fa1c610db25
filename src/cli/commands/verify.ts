/** `gocross verify PATH...`: inspect binaries and check them against what they should be. */
import { writeFile } from 'node:fs/promises';
import { runChecks } from '../../verify/checks.js';
import { expectationsFrom, inferFromName, type VerifyOptions } from '../../verify/expect.js';
import { displayName, type Result, toGithub, toJson, toJunit } from '../../verify/report.js';
import { walk } from '../../verify/walk.js';
import type { CommandContext } from '../registry.js';

interface Options extends VerifyOptions {
  infer?: boolean;
  junit?: string;
  github?: boolean;
}

export async function run({ args, options, output, global }: CommandContext): Promise<number> {
  const opts = options as Options;
  const expected = expectationsFrom(opts);
  const results: Result[] = [];
  let skipped = 0;
  for await (const found of walk(args)) {
    if (!found.info && !found.error && !found.named) {
      skipped += 1;
      continue;
    }
    const inferred = opts.infer ? { ...inferFromName(found.path), ...(found.member ? inferFromName(found.member) : {}) } : {};
    const checks = found.info ? runChecks(found.info, { ...inferred, ...expected }) : [];
    const ok = found.info !== null && checks.every((c) => c.ok);
    results.push({ path: found.path, member: found.member, info: found.info, error: found.error ?? (found.info ? null : 'not a binary (no ELF, Mach-O or PE header)'), checks, ok });
  }
  const failed = results.filter((r) => !r.ok).length;
  if (opts.junit) await writeFile(opts.junit, toJunit(results));
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
      output.line(`${displayName(r)}:`);
      if (r.error) output.line(`  ${r.error}`);
      for (const c of r.checks.filter((x) => !x.ok)) output.line(`  ${c.name}: expected ${c.expected}, got ${c.actual}`);
    }
  }
  output.info(`${results.length} binar${results.length === 1 ? 'y' : 'ies'} checked, ${failed} failed${skipped ? `, ${skipped} non-binar${skipped === 1 ? 'y' : 'ies'} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}
