/**
 * How to smoke-run an output (pure): natively when the host is the target's OS and
 * architecture, with `qemu-<arch>` otherwise (`-L` the sysroot for a cgo output), or why not.
 */
import type { TargetInfo } from '../targets/index.js';

export type SmokePlan =
  | { run: true; how: 'native' | 'qemu'; command: string; prefixArgs: string[] }
  | { run: false; reason: string };

export interface SmokeFacts {
  host: Pick<TargetInfo, 'goos' | 'goarch'>;
  /** The path of the target's qemu-user binary when it is installed. */
  qemuPath: string | undefined;
  /** The target's libc for a dynamically linked (cgo) output. */
  sysroot: string | null;
  cgo: boolean;
}

export function planSmoke(target: TargetInfo, output: string, facts: SmokeFacts): SmokePlan {
  if (target.goos !== 'linux') return { run: false, reason: `a ${target.goos} binary does not run on this host` };
  if (facts.host.goos === 'linux' && facts.host.goarch === target.goarch) return { run: true, how: 'native', command: output, prefixArgs: [] };
  if (!target.qemu) return { run: false, reason: `no qemu-user emulator is known for ${target.goarch}` };
  if (!facts.qemuPath) return { run: false, reason: `${target.qemu} is not installed (apt-get install qemu-user)` };
  const sysroot = facts.cgo && facts.sysroot ? ['-L', facts.sysroot] : [];
  return { run: true, how: 'qemu', command: facts.qemuPath, prefixArgs: [...sysroot, output] };
}

/** The argument lists to try: the user's, or `--version` then `--help`. */
export const smokeAttempts = (userArgs: readonly string[] | undefined): string[][] =>
  userArgs && userArgs.length > 0 ? [[...userArgs]] : [['--version'], ['--help']];

/** The first non-empty line a program printed: stdout first, else stderr. */
export function firstLine(stdout: string, stderr: string): string {
  const pick = (text: string) => text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim();
  return pick(stdout) ?? pick(stderr) ?? '';
}
