/** Finding and reading the configuration files; the merging itself is in resolve.ts. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { environmentError, usageError } from '../errors.js';
import { parseConfigText, type RawSetting } from './parse.js';
import { type EffectiveConfig, resolveConfig } from './resolve.js';

export const PROJECT_FILE = 'gocross.ini';

export interface ConfigFiles {
  /** The nearest gocross.ini from the working directory up, if any. */
  project: string | undefined;
  /** The user's config.ini path (whether or not it exists) and whether it exists. */
  user: string;
  userExists: boolean;
}

export interface LoadedConfig {
  settings: EffectiveConfig;
  files: ConfigFiles;
  get<T = unknown>(key: string): T;
}

export interface LoadOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  flags?: { key: string; raw: string; flag: string }[];
}

export const userConfigPath = (env: NodeJS.ProcessEnv): string =>
  join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'gocross', 'config.ini');

/** The text of `file`, or undefined when it does not exist. */
function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw usageError('config.unreadable', `${file} is a directory, not a config file.`, { hint: 'remove or rename it' });
    throw environmentError('config.unreadable', `cannot read ${file}: ${code ?? (error as Error).message}.`, {
      hint: 'check the file permissions',
    });
  }
}

/** The nearest gocross.ini from `cwd` upwards, with its text. */
export function findProjectConfig(cwd: string): { file: string; text: string } | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, PROJECT_FILE);
    const text = readIfExists(file);
    if (text !== undefined) return { file, text };
    if (dirname(dir) === dir) return undefined;
  }
}

export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const user = userConfigPath(env);
  const userText = readIfExists(user);
  const project = findProjectConfig(cwd);
  const layers = {
    user: userText === undefined ? [] : parseConfigText(userText, user),
    project: project ? parseConfigText(project.text, project.file) : ([] as RawSetting[]),
    env,
    flags: options.flags ?? [],
    cwd,
    home: env.HOME || homedir(),
  };
  const settings = resolveConfig(layers);
  return {
    settings,
    files: { project: project?.file, user, userExists: userText !== undefined },
    get: <T>(key: string): T => settings.get(key)?.value as T,
  };
}
