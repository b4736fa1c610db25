/** Turning a configuration value's text into its typed value, with errors that say where it came from. */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { isGocrossError, usageError } from '../errors.js';
import { parseTarget } from '../targets/index.js';
import type { KeyDefinition } from './schema.js';

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

export const splitList = (raw: string): string[] =>
  raw
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

export interface CoerceContext {
  /** Where the value came from, for messages: `gocross.ini:3`, `GOCROSS_HOME`, `--target`. */
  where: string;
  /** Relative paths are taken from here (the ini file's directory, or the working directory). */
  baseDir: string;
  home: string;
}

export function expandPath(raw: string, baseDir: string, home: string = homedir()): string {
  if (raw === '~') return home;
  if (raw.startsWith('~/')) return join(home, raw.slice(2));
  return isAbsolute(raw) ? raw : resolve(baseDir, raw);
}

export function coerceValue(definition: KeyDefinition, raw: string, context: CoerceContext): unknown {
  const fail = (what: string, hint: string): never => {
    throw usageError('config.value', `${context.where}: ${definition.key} = "${raw}" is not ${what}.`, { hint });
  };
  const value = raw.trim();
  switch (definition.type) {
    case 'string':
      return value;
    case 'path':
      if (value === '') fail('a path', 'give a directory path');
      return expandPath(value, context.baseDir, context.home);
    case 'list':
      return splitList(value);
    case 'bool': {
      const lower = value.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return fail('a boolean', 'use true or false');
    }
    case 'int': {
      if (!/^\d+$/.test(value) || Number(value) < 1) fail('a positive whole number', 'use a number such as 4');
      return Number(value);
    }
    case 'target':
      return targetOf(value, definition, context);
    case 'targets': {
      const items = splitList(value);
      if (items.length === 0) fail('a list of targets', 'use e.g. linux/amd64,linux/arm64');
      return items.map((item) => targetOf(item, definition, context));
    }
  }
}

function targetOf(text: string, definition: KeyDefinition, context: CoerceContext): string {
  try {
    return parseTarget(text).target;
  } catch (error) {
    if (!isGocrossError(error)) throw error;
    // A flag names the key already (--target); a file's line needs the key said (gocross.ini:3: target).
    const label = context.where.startsWith('-') ? context.where : `${context.where}: ${definition.key}`;
    throw usageError('config.value', `${label}: ${error.message}`, { hint: error.hint });
  }
}
