/**
 * What `gocross dockerfile` reads from the project: go.mod, where the main packages are, the
 * LICENSE text, the conda recipe, and git's HEAD, exact tag and origin remote. The only module
 * of src/docker that touches files and processes (besides writing, in write.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { run } from '../io/process.js';
import { parseGoDirectives } from '../sdk/version-files.js';

export interface GitFacts {
  revision?: string;
  /** The tag at HEAD, when there is exactly one (`git describe --tags --exact-match`). */
  tag?: string;
  remote?: string;
}

export interface ProjectFacts {
  dir: string;
  modulePath: string;
  /** go.mod's `go` and `toolchain` lines. */
  go?: string;
  toolchain?: string;
  /** The module root holds a main package. */
  rootIsMain: boolean;
  /** `cmd/<name>` directories holding a main package, sorted. */
  commands: string[];
  licenseText?: string;
  git: GitFacts;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** A directory holds a main package when one of its non-test .go files says so. */
export function isMainPackage(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((name) => name.endsWith('.go') && !name.endsWith('_test.go') && /^package\s+main\b/m.test(read(join(dir, name)) ?? ''));
}

export function parseModulePath(goMod: string): string | undefined {
  for (const raw of goMod.split(/\r?\n/)) {
    const match = /^module\s+"?([^"\s]+)"?/.exec(raw.replace(/\/\/.*$/, '').trim());
    if (match?.[1]) return match[1];
  }
  return undefined;
}

const LICENSE_NAMES = ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'LICENCE', 'COPYING'];

async function gitFacts(dir: string): Promise<GitFacts> {
  const git = async (...args: string[]): Promise<string | undefined> => {
    try {
      const result = await run('git', ['-C', dir, ...args], { env: { GIT_TERMINAL_PROMPT: '0' } });
      return result.exitCode === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
    } catch {
      return undefined; // no git installed: no git facts
    }
  };
  const revision = await git('rev-parse', '--verify', '--quiet', 'HEAD');
  if (revision === undefined) return {};
  const [tag, remote] = await Promise.all([git('describe', '--tags', '--exact-match', 'HEAD'), git('remote', 'get-url', 'origin')]);
  return { revision, tag, remote };
}

export async function readProjectFacts(dir: string): Promise<ProjectFacts> {
  const goMod = read(join(dir, 'go.mod'));
  if (goMod === undefined) {
    throw usageError('dockerfile.no-module', `${dir} holds no go.mod, so it is not a Go module's root.`, {
      hint: 'run gocross dockerfile in the module root, or pass it: gocross dockerfile path/to/module',
    });
  }
  const modulePath = parseModulePath(goMod);
  if (modulePath === undefined) {
    throw usageError('dockerfile.bad-module', `${join(dir, 'go.mod')} has no module line.`, { hint: 'start go.mod with `module example.com/name`' });
  }
  const cmdDir = join(dir, 'cmd');
  const commands = existsSync(cmdDir)
    ? readdirSync(cmdDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && isMainPackage(join(cmdDir, entry.name)))
        .map((entry) => entry.name)
        .sort()
    : [];
  const licenseName = LICENSE_NAMES.find((name) => existsSync(join(dir, name)));
  return {
    dir,
    modulePath,
    ...parseGoDirectives(goMod),
    rootIsMain: isMainPackage(dir),
    commands,
    licenseText: licenseName === undefined ? undefined : read(join(dir, licenseName)),
    git: await gitFacts(dir),
  };
}
