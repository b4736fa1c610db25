import { GocrossError } from '../../src/errors.js';

/** The GocrossError that `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): GocrossError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GocrossError) return error;
    throw error;
  }
  throw new Error('expected a GocrossError, but nothing was thrown');
}
