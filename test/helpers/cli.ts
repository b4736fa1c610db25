import { fileURLToPath } from 'node:url';
import { run, type RunResult } from '../../src/io/process.js';

export const BIN = fileURLToPath(new URL('../../bin/gocross.js', import.meta.url));

/** Runs the built gocross CLI (npm test builds dist/ first) with a controlled environment. */
export function gocross(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<RunResult> {
  return run(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { NO_COLOR: undefined, FORCE_COLOR: undefined, GOCROSS_DEBUG: undefined, ...options.env },
  });
}
