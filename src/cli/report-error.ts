/** The one place that turns an error into output and an exit code. */
import type { ErrorJson } from './json.js';
import { GocrossError, isGocrossError } from '../errors.js';
import { fileSystemError } from '../io/fs-errors.js';
import type { Output } from './output.js';

interface Stream {
  write(text: string): unknown;
}

export function toGocrossError(error: unknown): GocrossError {
  if (isGocrossError(error)) return error;
  const ordinary = fileSystemError(error);
  if (ordinary) return new GocrossError(ordinary.kind, ordinary.code, ordinary.message, { hint: ordinary.hint, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new GocrossError('internal', 'internal', `internal error: ${message}`, {
    hint: 'this is a bug in gocross; rerun with GOCROSS_DEBUG=1 and report the output',
    cause: error,
  });
}

/** Print `error` to stderr (plain, or JSON with --json) and return its exit code. */
export function reportError(error: unknown, output: Pick<Output, 'options' | 'style'>, stderr: Stream = process.stderr, env = process.env): number {
  const failure = toGocrossError(error);
  if (output.options.json) {
    const report: ErrorJson = { error: { code: failure.code, message: failure.message, hint: failure.hint ?? null } };
    stderr.write(`${JSON.stringify(report)}\n`);
  } else {
    stderr.write(`gocross: ${output.style('red', 'error')}: ${failure.message}\n`);
    if (failure.hint) stderr.write(`hint: ${failure.hint}\n`);
  }
  if (env.GOCROSS_DEBUG === '1') {
    const original = failure.cause instanceof Error ? failure.cause : failure;
    stderr.write(`${original.stack ?? String(original)}\n`);
  }
  return failure.exitCode;
}
