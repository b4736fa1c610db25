/**
 * The one way gocross runs other programs (go, compilers, qemu, shells). Built on execa so that
 * quoting, signals and Windows shims are handled once.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { environmentError } from '../errors.js';

export type Env = Record<string, string | undefined>;

export interface RunOptions {
  cwd?: string;
  /** Variables to set on top of the base environment; `undefined` removes a variable. */
  env?: Env;
  /** The environment to start from (default: this process's). */
  baseEnv?: Env;
  timeoutMs?: number;
  input?: string;
  /** The name of the tool in error messages and the package that provides it. */
  installHint?: string;
}

export interface RunResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Merge `overrides` onto `base`; a key set to undefined is removed, so "unset" can be expressed. */
export function mergeEnv(base: Env, overrides: Env = {}): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, ...overrides })) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

let execaModule: Promise<typeof import('execa')> | undefined;

/**
 * Run `file` with `args` and return its exit code and output; a non-zero exit is a result,
 * not an exception. A program that cannot be started is an environment error (exit 3).
 */
export async function run(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  // execa loads with the first program run, not with every module that looks one up on PATH.
  execaModule ??= import('execa');
  const { execa } = await execaModule;
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: mergeEnv(options.baseEnv ?? process.env, options.env),
    extendEnv: false,
    reject: false,
    timeout: options.timeoutMs,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : 'pipe',
    encoding: 'utf8',
    windowsHide: true,
  });
  const spawnCode = (result as { code?: string }).code;
  if (result.exitCode === undefined && !result.timedOut) {
    if (spawnCode === 'ENOENT') {
      throw environmentError('tool.missing', `cannot run ${file}: it was not found.`, {
        hint: options.installHint ?? `install ${file} or put it on PATH`,
      });
    }
    if (spawnCode === 'EACCES') {
      throw environmentError('tool.permission', `cannot run ${file}: permission denied.`, {
        hint: `make ${file} executable (chmod +x) or use another copy`,
      });
    }
    if (result.signal === undefined) {
      throw environmentError('tool.failed', `cannot run ${file}: ${result.shortMessage}`);
    }
  }
  return {
    command: result.command,
    exitCode: result.exitCode ?? (result.signal ? 128 : 1),
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    timedOut: result.timedOut,
  };
}

const isExecutableFile = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Every executable named `name` on `pathEnv`, in PATH order (like `which -a`). */
export function findAllExecutables(name: string, pathEnv: string | undefined = process.env.PATH): string[] {
  if (isAbsolute(name)) return isExecutableFile(name) ? [name] : [];
  const seen = new Set<string>();
  const found: string[] = [];
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) found.push(candidate);
  }
  return found;
}

/** The executable that a shell would run for `name`, or undefined. */
export function findExecutable(name: string, pathEnv: string | undefined = process.env.PATH): string | undefined {
  return findAllExecutables(name, pathEnv)[0];
}
