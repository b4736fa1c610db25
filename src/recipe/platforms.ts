/**
 * Which conda platforms a recipe is built for, as conda-smithy decides from conda-forge.yml:
 * linux_64, osx_64 and win_64 have a CI provider by default, the others none; a target is built
 * when the platform that builds it (build_platform, itself by default) has a provider. Pure.
 */
import { parse } from 'yaml';

/** conda subdirs gocross writes recipes for, their selector, and the conda-forge platform that cross-compiles each. */
export const PLATFORMS: Readonly<Record<string, { selector: string; buildPlatform: string | null }>> = {
  'linux-64': { selector: 'linux64', buildPlatform: null },
  'linux-aarch64': { selector: '(linux and aarch64)', buildPlatform: 'linux-64' },
  'linux-ppc64le': { selector: '(linux and ppc64le)', buildPlatform: 'linux-64' },
  'osx-64': { selector: '(osx and x86_64)', buildPlatform: null },
  'osx-arm64': { selector: '(osx and arm64)', buildPlatform: 'osx-64' },
  'win-64': { selector: 'win64', buildPlatform: null },
  'win-arm64': { selector: '(win and arm64)', buildPlatform: 'win-64' },
};

/** The subdirs a recipe is written and checked for when nothing else says: every one conda-forge builds Go tools for. */
export const DEFAULT_PLATFORMS: readonly string[] = Object.keys(PLATFORMS);

const toSubdir = (key: string): string => key.replace('_', '-');
const toKey = (subdir: string): string => subdir.replace('-', '_');
const ALIASES: Record<string, string> = { linux: 'linux_64', osx: 'osx_64', win: 'win_64' };
const SMITHY_PLATFORMS = ['linux_64', 'linux_aarch64', 'linux_ppc64le', 'osx_64', 'osx_arm64', 'win_64', 'win_arm64'];

const enabled = (v: unknown): boolean => !(v === null || v === undefined || v === false || (typeof v === 'string' && /^(none|false|null|off|)$/i.test(v.trim())));

export interface ForgePlatforms {
  subdirs: string[];
  /** target subdir → the subdir it is built on, for cross builds. */
  buildPlatforms: Record<string, string>;
}

export interface ForgeConfigProblem {
  message: string;
}

/** The platforms a conda-forge.yml builds; a file that is not a mapping is a problem, not an exception. */
export function forgePlatforms(text: string): { platforms: ForgePlatforms; problems: ForgeConfigProblem[] } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { platforms: { subdirs: [...DEFAULT_PLATFORMS], buildPlatforms: {} }, problems: [{ message: `conda-forge.yml is not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const config = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const asMap = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const provider: Record<string, unknown> = { linux_64: 'default', osx_64: 'default', win_64: 'default' };
  for (const [k, v] of Object.entries(asMap(config.provider))) provider[ALIASES[k] ?? k] = v;
  const buildPlatform: Record<string, string> = {};
  for (const [k, v] of Object.entries(asMap(config.build_platform))) if (typeof v === 'string') buildPlatform[k] = v;
  const targets = [...new Set([...SMITHY_PLATFORMS, ...Object.keys(buildPlatform), ...Object.keys(asMap(config.provider)).filter((k) => !(k in ALIASES))])];
  const subdirs: string[] = [];
  const builds: Record<string, string> = {};
  for (const target of targets) {
    const build = buildPlatform[target] ?? target;
    if (!enabled(provider[build])) continue;
    subdirs.push(toSubdir(target));
    if (build !== target) builds[toSubdir(target)] = toSubdir(build);
  }
  return { platforms: { subdirs: subdirs.sort((a, b) => order(a) - order(b)), buildPlatforms: builds }, problems: [] };
}

const order = (subdir: string): number => {
  const i = DEFAULT_PLATFORMS.indexOf(subdir);
  return i < 0 ? DEFAULT_PLATFORMS.length : i;
};

/** The conda-forge.yml lines for cross-compiling `platforms`: target → the x86-64 platform of its OS. */
export const crossBuilds = (platforms: readonly string[]): { target: string; build: string }[] =>
  platforms.map((p) => ({ target: toKey(p), build: PLATFORMS[p]?.buildPlatform ? toKey(PLATFORMS[p]?.buildPlatform as string) : '' })).filter((c) => c.build !== '');
