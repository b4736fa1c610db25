/**
 * The error every inspection problem becomes. A malformed binary is a finding about the
 * artifact (a failed check, exit 1), not a bug in gocross, so it is a GocrossError of kind
 * 'check'; `verify` can also catch it per file and report that file as not ok.
 */
import { GocrossError } from '../errors.js';

export class BinaryFormatError extends GocrossError {
  constructor(message: string) {
    super('check', 'binary.format', message, {
      hint: 'the file is truncated or corrupt, or not the binary it claims to be; rebuild or re-download it',
    });
  }
}

/** Offsets read best in hex, like readelf prints them. */
export const hex = (value: number): string => `0x${value.toString(16)}`;
