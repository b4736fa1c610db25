/** nu: placeholder until its hooks are written. */
import { type Dialect, noNewline } from './types.js';

const none = (): string[] => [];
export const nu: Dialect = { quote: noNewline, placeholder: '# @BODY@', bodies: { save: none, apply: none, unapply: none, restore: none } };
