/**
 * The facts a build is planned from, read from the file system and PATH: the main packages, the
 * module and whether it is in a VCS checkout (the Go's facts: toolchain/facts.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { usageError } from '../errors.js';
import { findModule, type ModuleView } from '../gomodule/facts.js';
import { packageDirs, packageOf } from '../gomodule/read.js';
import { commandName } from '../gomodule/text.js';
import { askGit, exactTag } from '../io/git.js';
import { findExecutable } from '../io/process.js';
import type { MainPackage } from './plan.js';

/** Where go runs and what module it builds: the module `cwd` is in, or none (go runs in the directory itself). */
export interface BuildModule {
  root: string;
  module: ModuleView | undefined;
}

export function locateModule(from: string): BuildModule {
  const module = findModule(from);
  return { root: module?.dir ?? resolve(from), module };
}

/** Directories from `dir` down holding a main package, as `./...` matches them. */
const walkMains = (dir: string): string[] => packageDirs(dir).filter((d) => packageOf(d) === 'main');

const isLocal = (pattern: string): boolean => pattern === '.' || pattern === '..' || pattern.startsWith('./') || pattern.startsWith('../') || isAbsolute(pattern);

function localPackage(dir: string, { root, module }: BuildModule): MainPackage {
  const rel = relative(root, dir);
  const inside = !rel.startsWith('..') && !isAbsolute(rel);
  const name = rel === '' && module ? commandName(module.path) : basename(dir);
  return { pattern: rel === '' ? '.' : inside ? `./${rel.split(sep).join('/')}` : dir, name };
}

/**
 * The main packages to build. No pattern: `.` when it is a main package, else every main
 * package under `cmd/`. `./x/...` expands like go's pattern; an import path is passed through.
 */
export function findMainPackages(cwd: string, patterns: readonly string[], module: BuildModule): MainPackage[] {
  if (patterns.length === 0) {
    if (packageOf(cwd) === 'main') return [localPackage(cwd, module)];
    const commands = walkMains(join(cwd, 'cmd'));
    if (commands.length > 0) return commands.map((dir) => localPackage(dir, module));
    throw usageError('build.no-main', `${cwd} holds no main package, and neither does any directory under cmd/.`, {
      hint: 'name the main package to build, e.g. gocross build ./cmd/tool, or run it in the module with package main',
    });
  }
  const packages: MainPackage[] = [];
  for (const pattern of patterns) {
    if (!isLocal(pattern)) {
      packages.push({ pattern, name: commandName(pattern.replace(/\/\.\.\.$/, '')) });
      continue;
    }
    if (pattern.endsWith('/...')) {
      const base = resolve(cwd, pattern.slice(0, -4));
      const mains = walkMains(base);
      if (mains.length === 0) throw usageError('build.no-main', `${pattern} matches no main package.`, { hint: 'name a directory that holds package main' });
      packages.push(...mains.map((dir) => localPackage(dir, module)));
      continue;
    }
    const dir = resolve(cwd, pattern);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError('build.no-package', `${pattern} is not a directory.`, { hint: 'name the directory of a main package, e.g. ./cmd/tool' });
    const clause = packageOf(dir);
    if (clause !== 'main') {
      throw usageError('build.not-main', clause ? `${pattern} is package ${clause}, not a main package.` : `${pattern} holds no Go files.`, {
        hint: 'name a directory that holds package main',
      });
    }
    packages.push(localPackage(dir, module));
  }
  const seen = new Set<string>();
  return packages.filter((p) => (seen.has(p.pattern) ? false : (seen.add(p.pattern), true)));
}

/** The VCS checkouts go stamps into binaries, and the tool each needs. */
const VCS_MARKERS: [string, string][] = [
  ['.git', 'git'],
  ['.hg', 'hg'],
  ['.svn', 'svn'],
  ['.bzr', 'bzr'],
  ['.fslckout', 'fossil'],
  ['_FOSSIL_', 'fossil'],
];

/** Whether `dir` is inside a checkout whose VCS tool is installed (go needs it to stamp the revision). */
export function vcsCheckout(dir: string, pathEnv: string | undefined): { vcs: boolean; note: string; root?: string; tool?: string } {
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const [marker, tool] of VCS_MARKERS) {
      if (!existsSync(join(d, marker))) continue;
      if (findExecutable(tool, pathEnv)) return { vcs: true, note: `a ${tool} checkout (${d}): the revision is stamped with -buildvcs`, root: d, tool };
      return { vcs: false, note: `a ${tool} checkout (${d}), but ${tool} is not on PATH: built with -buildvcs=false` };
    }
    if (dirname(d) === d) return { vcs: false, note: 'not in a VCS checkout: built with -buildvcs=false' };
  }
}

/** The tag at HEAD of a git checkout, for the release version. */
export const gitTag = (root: string): Promise<string | undefined> => exactTag(root);

/**
 * What go build reads of a git checkout besides its revision and tag: the paths with uncommitted
 * changes (`git status --porcelain`, untracked files included, as go counts them).
 */
export async function gitChanges(root: string): Promise<string[]> {
  const status = await askGit(root, ['status', '--porcelain']);
  // "XY path", where X or Y may be a space (the first line's lost to trimming).
  return (status ?? '').split('\n').filter(Boolean).map((line) => line.replace(/^[ MADRCUT?!]{1,2} /, ''));
}
