/** `gocross verify PATH...`: inspect binaries and check them against what they should be. */
import { checkError } from '../../errors.js';
import { writeFileAtomic } from '../../io/files.js';
import { runChecks } from '../../verify/checks.js';
import { expectationsFrom, inferFromName, type VerifyOptions } from '../../verify/expect.js';
import { displayName, type Result, toGithub, toJson, toJunit } from '../../verify/report.js';
import { walk } from '../../verify/walk.js';
import type { CommandContext } from '../registry.js';

interface Options extends VerifyOptions {
  infer?: boolean;
  inspectOnly?: boolean;
  allowEmpty?: boolean;
  junit?: string;
  github?: boolean;
}

/** A binary checked against nothing is no pass: it fails unless only inspection was asked for. */
const NOTHING_TO_CHECK = 'nothing to check it against: no --target (or --os/--arch) was given and its name names no target';

export async function run({ args, options, output, global }: CommandContext): Promise<number> {
  const opts = options as Options;
  const expected = expectationsFrom(opts);
  // Without a target on the command line, each name says what its binary should be.
  const infer = opts.infer === true || (expected.goos === undefined && expected.goarch === undefined);
  const results: Result[] = [];
  let skipped = 0;
  for await (const found of walk(args)) {
    if (!found.info && !found.error && !found.named) {
      skipped += 1;
      continue;
    }
    // An archive's name speaks for its members; a member's own name, when it has one, more so.
    const inferred = infer ? { ...inferFromName(found.path), ...(found.member ? inferFromName(found.member) : {}) } : {};
    const checks = found.info ? runChecks(found.info, { ...inferred, ...expected }) : [];
    const unchecked = found.info !== null && checks.length === 0 && opts.inspectOnly !== true;
    const ok = found.info !== null && !unchecked && checks.every((c) => c.ok);
    const error = found.error ?? (found.info ? (unchecked ? NOTHING_TO_CHECK : null) : 'not a binary (no ELF, Mach-O or PE header)');
    results.push({ path: found.path, member: found.member, info: found.info, error, checks, ok });
  }
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
      output.line(`${displayName(r)}:`);
      if (r.error) output.line(`  ${r.error}`);
      for (const c of r.checks.filter((x) => !x.ok)) output.line(`  ${c.name}: expected ${c.expected}, got ${c.actual}`);
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
