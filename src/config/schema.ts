/**
 * Every configuration key gocross knows: where it lives in an ini file, its GOCROSS_* variable,
 * its type and default. Adding a key here makes it valid in files, env vars and `gocross config`.
 */
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';

export type ValueType = 'string' | 'path' | 'list' | 'bool' | 'int' | 'target' | 'targets';

export interface KeyDefinition {
  /** `key` at the top of an ini file, or `section.key` for a key under `[section]`. */
  key: string;
  env: string;
  type: ValueType;
  description: string;
  /** The default, computed from the environment (XDG dirs, CPU count); undefined = not set. */
  default: (env: NodeJS.ProcessEnv) => unknown;
  /** How help texts name a default that depends on the machine. */
  shown?: string;
}

const dataHome = (env: NodeJS.ProcessEnv): string => env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');

export const KEYS: readonly KeyDefinition[] = [
  {
    key: 'home',
    env: 'GOCROSS_HOME',
    type: 'path',
    description: 'the shared store: SDKs in sdk/goX.Y.Z, one copy for all envs',
    default: (env) => join(dataHome(env), 'gocross'),
  },
  {
    key: 'go',
    env: 'GOCROSS_GO',
    type: 'string',
    description: 'Go to use: a version (1.23.4, 1.23, latest, go.mod) or a GOROOT path',
    default: () => undefined,
  },
  {
    key: 'target',
    env: 'GOCROSS_TARGET',
    type: 'target',
    description: "the env's target, e.g. linux/arm64",
    default: () => undefined,
  },
  {
    key: 'cgo',
    env: 'GOCROSS_CGO',
    type: 'bool',
    description: 'build with cgo (CGO_ENABLED=1) and a cross C compiler',
    default: () => false,
  },
  {
    key: 'mirror',
    env: 'GOCROSS_GO_MIRROR',
    type: 'list',
    description: 'Go download mirrors, tried in order',
    default: () => ['https://go.dev/dl/'],
  },
  {
    key: 'build.targets',
    env: 'GOCROSS_BUILD_TARGETS',
    type: 'targets',
    description: 'targets that `gocross build` builds',
    default: () => ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'],
  },
  {
    key: 'build.output',
    env: 'GOCROSS_BUILD_OUTPUT',
    type: 'path',
    description: 'where `gocross build` writes its outputs',
    default: () => 'dist',
  },
  {
    key: 'build.ldflags',
    env: 'GOCROSS_BUILD_LDFLAGS',
    type: 'string',
    description: 'linker flags for `gocross build`',
    default: () => '-s -w',
  },
  {
    key: 'build.jobs',
    env: 'GOCROSS_BUILD_JOBS',
    type: 'int',
    description: 'how many targets `gocross build` builds at once',
    default: () => availableParallelism(),
    shown: 'the CPU count',
  },
];

export const KEY_BY_NAME: ReadonlyMap<string, KeyDefinition> = new Map(KEYS.map((k) => [k.key, k]));

/** Sections that may appear in an ini file: those that hold at least one key. */
export const SECTIONS: ReadonlySet<string> = new Set(
  KEYS.filter((k) => k.key.includes('.')).map((k) => k.key.slice(0, k.key.indexOf('.'))),
);
