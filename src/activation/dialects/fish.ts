/** fish: the same helper calls as sh, in fish's quoting. */
import { callBodies } from './sh.js';
import { type Dialect, noNewline } from './types.js';

const quote = (v: string): string => `'${noNewline(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const fish: Dialect = { quote, bodies: callBodies(quote) };
