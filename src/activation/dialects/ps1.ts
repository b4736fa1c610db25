/** PowerShell: helper functions in the templates, the same calls as sh. */
import { callBodies } from './sh.js';
import { type Dialect, noNewline } from './types.js';

// PowerShell ends a single-quoted string at any of its four single quotes; doubling escapes each.
const quote = (v: string): string => `'${noNewline(v).replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;

export const ps1: Dialect = { quote, bodies: callBodies(quote) };
