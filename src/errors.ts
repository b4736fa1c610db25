/**
 * The one error type of gocross. Domain code throws it; only the CLI entry turns it into
 * output and an exit code (the codes: ARCHITECTURE.md).
 */

/** What kind of failure it is; decides the exit code. */
export type ErrorKind =
  /** The check ran and found problems (doctor errors, verify mismatches, failed builds). */
  | 'check'
  /** The user asked for something invalid: bad flag, target, version, malformed config. */
  | 'usage'
  /** The machine is in the way: network, missing tool, permission, disk. */
  | 'environment'
  /** The user interrupted the run. */
  | 'interrupted'
  /** A bug in gocross (EX_SOFTWARE), never a user's mistake. */
  | 'internal';

export const EXIT_CODES: Readonly<Record<ErrorKind, number>> = {
  check: 1,
  usage: 2,
  environment: 3,
  interrupted: 130,
  internal: 70,
};

export interface GocrossErrorOptions {
  /** How to fix it, shown as a `hint:` line. */
  hint?: string;
  cause?: unknown;
}

export class GocrossError extends Error {
  override readonly name = 'GocrossError';
  readonly hint: string | undefined;

  /**
   * @param kind decides the exit code
   * @param code a stable, dotted, machine-readable id such as `target.unknown` or `config.key`
   * @param message one paragraph saying what was wrong
   */
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    options: GocrossErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }
}

export const usageError = (code: string, message: string, options?: GocrossErrorOptions): GocrossError =>
  new GocrossError('usage', code, message, options);

export const environmentError = (code: string, message: string, options?: GocrossErrorOptions): GocrossError =>
  new GocrossError('environment', code, message, options);

export const checkError = (code: string, message: string, options?: GocrossErrorOptions): GocrossError =>
  new GocrossError('check', code, message, options);

export const isGocrossError = (value: unknown): value is GocrossError => value instanceof GocrossError;
