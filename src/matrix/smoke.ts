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

/** Where Debian's wine64 is: its loader, else `wine64` on PATH (the caller looks these up). */
export const WINE_CANDIDATES = ['/usr/lib/wine/wine64', 'wine64'] as const;

export type WineSmokePlan =
  | { run: true; how: 'wine'; command: string; prefixArgs: string[]; env: Record<string, string> }
  | { run: false; reason: string };

export interface WineFacts {
  host: Pick<TargetInfo, 'goos' | 'goarch'>;
  /** The wine64 found (see WINE_CANDIDATES), or undefined. */
  winePath: string | undefined;
  /** A WINEPREFIX under a temporary directory: the first start there makes it (~7 s). */
  prefix: string;
}

/**
 * How to smoke-run a windows output under Wine, or why not: wine64 runs windows/amd64 and
 * windows/386 programs on a linux/amd64 host, nothing else. WINEDEBUG=-all keeps Wine's own
 * diagnostics out of the program's first line.
 */
export function planWineSmoke(target: TargetInfo, output: string, facts: WineFacts): WineSmokePlan {
  if (target.goos !== 'windows') return { run: false, reason: `a ${target.goos} binary is not a windows binary` };
  if (facts.host.goos !== 'linux' || facts.host.goarch !== 'amd64') return { run: false, reason: `wine64 runs windows binaries on linux/amd64 hosts only, not on ${facts.host.goos}/${facts.host.goarch}` };
  if (target.goarch !== 'amd64' && target.goarch !== '386') return { run: false, reason: `wine64 cannot run windows/${target.goarch} binaries (only amd64 and 386)` };
  if (!facts.winePath) return { run: false, reason: 'wine64 is not installed (apt-get install wine64)' };
  return { run: true, how: 'wine', command: facts.winePath, prefixArgs: [output], env: { WINEPREFIX: facts.prefix, WINEDEBUG: '-all' } };
}
