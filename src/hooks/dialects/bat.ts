/** bat: placeholder until its hooks are written. */
import { type Dialect, noNewline } from './types.js';

const none = (): string[] => [];
export const bat: Dialect = { quote: noNewline, placeholder: '@REM @BODY@', bodies: { save: none, apply: none, unapply: none, restore: none } };
