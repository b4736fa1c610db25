/** nushell (mamba, micromamba): helper commands in the templates, the same calls as sh. */
import { callBodies } from './sh.js';
import { type Dialect, noNewline } from './types.js';

// A nu double-quoted string takes JSON's escapes, except that \uXXXX is written \u{XXXX}.
const quote = (v: string): string => JSON.stringify(noNewline(v)).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');

export const nu: Dialect = { quote, bodies: callBodies(quote) };
