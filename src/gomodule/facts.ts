/**
 * A Go module's facts, in the one shape that build, recipe and dockerfile plan from. Each
 * command asks for the parts it needs (reading every .go file for `import "C"` costs time a
 * Dockerfile does not need), and its type says which parts it has. git's part is read on its own
 * (`readGitFacts`, it runs git), the rest from files.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { usageError } from '../errors.js';
import { exactTag, headRevision, originUrl } from '../io/git.js';
import { licenseFileName } from './license.js';
import { commandDirs, findModuleRoot, goFiles, packageDirs, readText } from './read.js';
import { commandName, goSourceFacts, parseGoMod } from './text.js';

export interface MainPackage {
  /** As go build takes it: "." or "./cmd/alpha". */
  package: string;
  /** The name go build gives its binary. */
  binary: string;
  /** The package's source mentions a --version flag, so a test may run it. */
  hasVersionFlag: boolean;
}

export interface GitFacts {
  revision?: string;
  /** The tag at HEAD, when there is exactly one (`git describe --tags --exact-match`). */
  tag?: string;
  remote?: string;
}

export interface ModuleFacts {
  /** The module root: the directory holding go.mod. */
  dir: string;
  /** go.mod's module path. */
  path: string;
  /** go.mod's `go` and `toolchain` lines. */
  go: string | null;
  toolchain: string | null;
  /** The root when it is a main package, then each `cmd/<name>` holding one, by name. */
  mains: MainPackage[];
  /** Files (relative to dir, `/`-separated) that import "C". */
  cgoFiles: string[];
  /** The LICENSE (or COPYING…) file at the root. */
  license: { file: string; text: string } | null;
  /** The root's README text. */
  readme: string | null;
  /** git's HEAD, exact tag and origin remote; empty outside a git checkout. */
  git: GitFacts;
}

const PARTS = { mains: 'mains', cgo: 'cgoFiles', license: 'license', readme: 'readme', git: 'git' } as const;
export type ModulePart = keyof typeof PARTS;

/** The facts a command asked for: go.mod's always, and the parts named. */
export type ModuleView<P extends ModulePart = never> = Pick<ModuleFacts, 'dir' | 'path' | 'go' | 'toolchain' | (typeof PARTS)[P]>;

/** `"--version"`, `"-version"` or flag.Bool("version", …) in a package's source. */
const VERSION_FLAG = /"-{0,2}version"/;

function mainPackage(root: string, dir: string, modulePath: string): MainPackage {
  const rel = relative(root, dir).split('\\').join('/');
  return {
    package: rel === '' ? '.' : `./${rel}`,
    binary: rel === '' ? commandName(modulePath) : (rel.split('/').pop() as string),
    hasVersionFlag: goFiles(dir).some((file) => VERSION_FLAG.test(readText(file) ?? '')),
  };
}

function cgoFiles(root: string): string[] {
  const files: string[] = [];
  for (const pkg of packageDirs(root)) {
    for (const file of goFiles(pkg)) {
      if (goSourceFacts(readText(file) ?? '').imports.includes('C')) files.push(relative(root, file).split('\\').join('/'));
    }
  }
  return files.sort();
}

export async function readGitFacts(dir: string): Promise<GitFacts> {
  const revision = await headRevision(dir);
  if (revision === undefined) return {};
  const [tag, remote] = await Promise.all([exactTag(dir), originUrl(dir)]);
  return { revision, tag, remote };
}

function readRootFiles(dir: string): { license: ModuleFacts['license']; readme: string | null } {
  const names = readdirSync(dir);
  const licenseName = licenseFileName(names);
  const readmeName = [...names].sort().find((n) => /^readme(\.(md|markdown|txt|rst))?$/i.test(n));
  return {
    license: licenseName ? { file: licenseName, text: readText(join(dir, licenseName)) ?? '' } : null,
    readme: readmeName ? (readText(join(dir, readmeName)) ?? null) : null,
  };
}

/** go.mod's directives; a go.mod without a module line is no module go could build. */
function parseModFile(dir: string, text: string): { module: string; go?: string; toolchain?: string } {
  const goMod = parseGoMod(text);
  if (goMod.module === undefined) throw usageError('gomodule.no-module-line', `${join(dir, 'go.mod')} has no module line.`, { hint: 'go.mod must start with `module example.com/path`' });
  return { ...goMod, module: goMod.module };
}

/** The facts of the module whose root is `dir`, or undefined when `dir` holds no go.mod. */
export function readModuleFacts<P extends Exclude<ModulePart, 'git'> = never>(dir: string, parts: readonly P[] = []): ModuleView<P> | undefined {
  const goModText = readText(join(dir, 'go.mod'));
  if (goModText === undefined) return undefined;
  const goMod = parseModFile(dir, goModText);
  const want = new Set<ModulePart>(parts);
  const facts: Partial<ModuleFacts> = { dir, path: goMod.module, go: goMod.go ?? null, toolchain: goMod.toolchain ?? null };
  if (want.has('mains')) facts.mains = commandDirs(dir).map((main) => mainPackage(dir, main, goMod.module));
  if (want.has('cgo')) facts.cgoFiles = cgoFiles(dir);
  if (want.has('license') || want.has('readme')) {
    const files = readRootFiles(dir);
    if (want.has('license')) facts.license = files.license;
    if (want.has('readme')) facts.readme = files.readme;
  }
  return facts as ModuleView<P>;
}

/** go.mod's facts of the module `from` is in (the nearest go.mod at or above it), or undefined outside one. */
export function findModule(from: string): ModuleView | undefined {
  const root = findModuleRoot(from);
  const text = root === undefined ? undefined : readText(join(root, 'go.mod'));
  if (root === undefined || text === undefined) return undefined;
  const goMod = parseModFile(root, text);
  return { dir: root, path: goMod.module, go: goMod.go ?? null, toolchain: goMod.toolchain ?? null };
}
