/**
 * What `gocross dockerfile` reads from the project: go.mod, where the main packages are, the
 * LICENSE text, the conda recipe, and git's HEAD, exact tag and origin remote. The only module
 * of src/image that touches files and processes (writing goes through io/owned-files).
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { usageError } from '../errors.js';
import { licenseFileName } from '../gomodule/license.js';
import { commandDirs, readText as read } from '../gomodule/read.js';
import { parseGoMod } from '../gomodule/text.js';
import { exactTag, headRevision, originUrl } from '../io/git.js';

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

async function gitFacts(dir: string): Promise<GitFacts> {
  const revision = await headRevision(dir);
  if (revision === undefined) return {};
  const [tag, remote] = await Promise.all([exactTag(dir), originUrl(dir)]);
  return { revision, tag, remote };
}

export async function readProjectFacts(dir: string): Promise<ProjectFacts> {
  const goMod = read(join(dir, 'go.mod'));
  if (goMod === undefined) {
    throw usageError('dockerfile.no-module', `${dir} holds no go.mod, so it is not a Go module's root.`, {
      hint: 'run gocross dockerfile in the module root, or pass it: gocross dockerfile path/to/module',
    });
  }
  const { module: modulePath, go, toolchain } = parseGoMod(goMod);
  if (modulePath === undefined) {
    throw usageError('dockerfile.bad-module', `${join(dir, 'go.mod')} has no module line.`, { hint: 'start go.mod with `module example.com/name`' });
  }
  const mains = commandDirs(dir);
  const licenseName = licenseFileName(readdirSync(dir));
  return {
    dir,
    modulePath,
    ...(go === undefined ? {} : { go }),
    ...(toolchain === undefined ? {} : { toolchain }),
    rootIsMain: mains.includes(dir),
    commands: mains.filter((main) => main !== dir).map((main) => basename(main)),
    licenseText: licenseName === undefined ? undefined : read(join(dir, licenseName)),
    git: await gitFacts(dir),
  };
}
