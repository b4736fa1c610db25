/**
 * The Dockerfile plan: every decision `gocross dockerfile` makes, from the options and the
 * project's facts, with no I/O — so the same inputs always give the same files.
 */
import { splitList } from '../config/coerce.js';
import { usageError } from '../errors.js';
import { detectLicense } from '../gomodule/license.js';
import { sourceUrl } from '../gomodule/repository.js';
import { commandName } from '../gomodule/text.js';
import { releaseVersion } from '../gomodule/version.js';
import { parseGoVersion } from '../toolchain/go-version.js';
import { debianPackageTriple, parseTarget } from '../targets/index.js';
import { CHECKED_ARCHES } from './check-script.js';
import type { ModuleView } from '../gomodule/facts.js';

/** The module facts a Dockerfile is planned from (gomodule/facts.ts). */
export type ImageModule = ModuleView<'mains' | 'license' | 'git'>;

export const BASES = ['distroless', 'scratch', 'debian', 'conda'] as const;
export type Base = (typeof BASES)[number];

export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
export const IMAGES = {
  distroless: 'gcr.io/distroless/static-debian12:nonroot',
  debian: 'debian:bookworm-slim',
  conda: 'condaforge/miniforge3:latest',
  micromamba: 'mambaorg/micromamba:bookworm-slim',
};

export interface DockerRequest {
  platforms?: string;
  /** The Go version asked for and where it came from (flag, config, env SDK, go.mod). */
  go?: { version: string; source: string };
  base?: string;
  cgo?: boolean;
  pkg?: string;
  /** The Dockerfile's path relative to the module root. */
  dockerfile?: string;
  bake?: boolean;
  syntax?: boolean;
  version?: string;
}

export interface CaseRow {
  pattern: string;
  [field: string]: string;
}

export interface DockerPlan {
  name: string;
  pkg: string;
  base: Base;
  baseDescription: string;
  cgo: boolean;
  syntax: boolean;
  platforms: string[];
  goImage: string;
  goSource: string;
  version: string;
  revision: string;
  labels: { title: string; source: string; licenses: string };
  dockerfile: string;
  bake: boolean;
  binaryPath: string;
  entrypoint: string;
  recipeDir: string;
  packageName: string;
  distrolessImage: string;
  debianImage: string;
  condaImage: string;
  micromambaImage: string;
  crossCompilers: CaseRow[];
  condaSubdirs: CaseRow[];
  /** What the user should know about a choice made for them. */
  notes: string[];
}

/** Linux platforms with a Debian C cross compiler; armel (v5, v6) before the armhf catch-all. */
const CGO_PLATFORMS: [pattern: string, target: string][] = [
  ['386/*', 'linux/386'],
  ['amd64/*', 'linux/amd64'],
  ['arm/v5|arm/v6', 'linux/arm/v6'],
  ['arm/*', 'linux/arm/v7'],
  ['arm64/*', 'linux/arm64'],
  ['mips64le/*', 'linux/mips64le'],
  ['ppc64le/*', 'linux/ppc64le'],
  ['riscv64/*', 'linux/riscv64'],
  ['s390x/*', 'linux/s390x'],
];

const CONDA_PLATFORMS: [pattern: string, target: string][] = [
  ['amd64/*', 'linux/amd64'],
  ['arm64/*', 'linux/arm64'],
  ['ppc64le/*', 'linux/ppc64le'],
  ['s390x/*', 'linux/s390x'],
  ['arm/*', 'linux/arm/v7'],
];

const info = (target: string) => parseTarget(target);

export function crossCompilerRows(): CaseRow[] {
  return CGO_PLATFORMS.map(([pattern, target]) => {
    const t = info(target);
    // Debian spells the package with the triple's underscores as dashes (gcc-x86-64-linux-gnu).
    return { pattern, packages: `gcc-${debianPackageTriple(t.triple!)} libc6-dev-${t.debian}-cross`, cc: `${t.triple}-gcc` };
  });
}

export function condaSubdirRows(): CaseRow[] {
  return CONDA_PLATFORMS.flatMap(([pattern, target]) => {
    const subdir = info(target).conda;
    return subdir ? [{ pattern, subdir }] : [];
  });
}

const cgoArchMatches = (goarch: string): boolean => CGO_PLATFORMS.some(([pattern]) => pattern.split('|').some((p) => p.split('/')[0] === goarch));

export function parsePlatforms(list: string | undefined, cgo: boolean, base: Base): string[] {
  const raw = list === undefined ? DEFAULT_PLATFORMS : splitList(list);
  if (raw.length === 0) throw usageError('dockerfile.no-platforms', '--platforms is empty.', { hint: 'e.g. --platforms linux/amd64,linux/arm64' });
  const platforms: string[] = [];
  for (const name of raw) {
    const target = parseTarget(name);
    if (target.goos !== 'linux') {
      throw usageError('dockerfile.platform-os', `${name} is not a Linux platform; the generated images are Linux images.`, { hint: 'use linux/… platforms, e.g. linux/amd64,linux/arm64' });
    }
    if (!(CHECKED_ARCHES as readonly string[]).includes(target.goarch)) {
      throw usageError('dockerfile.platform-arch', `${name}: the in-build check has no ELF facts for ${target.goarch}.`, { hint: `use one of: ${CHECKED_ARCHES.map((a) => `linux/${a}`).join(', ')}` });
    }
    if (cgo && base !== 'conda' && !cgoArchMatches(target.goarch)) {
      throw usageError('dockerfile.cgo-arch', `${name}: Debian has no C cross compiler for ${target.goarch}, so --cgo cannot build it.`, { hint: 'drop that platform, or build it without --cgo' });
    }
    if (!platforms.includes(target.target)) platforms.push(target.target);
  }
  return platforms;
}

/** `1.19`, `go1.22.3`, `1.23rc1` → the golang image tag part; anything else is a usage error. */
export function goImageTag(version: string, source: string): string {
  const parsed = parseGoVersion(version);
  if (!parsed) {
    throw usageError('dockerfile.go-version', `${source} asks for Go "${version}", which is not a Go version.`, { hint: 'pass --go 1.23 or --go 1.23.4' });
  }
  return parsed.name.replace(/^go/, '');
}

/** `./cmd/tool` → tool; `.` → the module's command name, as go build names them (skipping a `/vN` major suffix). */
export function binaryName(pkg: string, modulePath: string): string {
  const path = (pkg === '.' ? modulePath : pkg)
    .split('/')
    .filter((p) => p !== '.' && p !== '')
    .join('/');
  return path === '' ? 'app' : commandName(path);
}

/** SPDX's word for a license nobody has identified. */
const UNKNOWN_LICENSE = 'NOASSERTION';

/** The image's licenses label: the SPDX id of a recognised LICENSE text, else NOASSERTION. */
export function licenseLabel(text: string | undefined): string {
  if (text === undefined) return UNKNOWN_LICENSE;
  const detected = detectLicense(text);
  return detected.known ? detected.spdx : UNKNOWN_LICENSE;
}

export function normalizePkg(pkg: string): string {
  const trimmed = pkg.replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.' || trimmed === './') return '.';
  if (trimmed.startsWith('/') || trimmed.split('/').includes('..')) {
    throw usageError('dockerfile.pkg', `--pkg ${pkg} is outside the module.`, { hint: 'pass a package path inside the module, e.g. ./cmd/tool' });
  }
  return trimmed.startsWith('./') ? trimmed : `./${trimmed}`;
}

function choosePkg(request: DockerRequest, facts: ImageModule): string {
  if (request.pkg !== undefined) return normalizePkg(request.pkg);
  const [first, ...more] = facts.mains;
  if (first?.package === '.') return '.';
  if (first && more.length === 0) return first.package;
  if (first) {
    throw usageError('dockerfile.many-commands', `the module has several commands (${facts.mains.map((m) => m.package).join(', ')}); a Dockerfile ships one.`, {
      hint: `choose one with --pkg, e.g. --pkg ${first.package}`,
    });
  }
  throw usageError('dockerfile.no-main', `no main package in ${facts.dir} or its cmd/ directories.`, { hint: 'pass the main package with --pkg ./path/to/cmd' });
}

function chooseBase(request: DockerRequest, cgo: boolean, notes: string[]): Base {
  const asked = request.base;
  if (asked !== undefined && !(BASES as readonly string[]).includes(asked)) {
    throw usageError('dockerfile.base', `--base ${asked} is not one of ${BASES.join(', ')}.`, { hint: 'distroless (default), scratch, debian (has a libc) or conda' });
  }
  if (cgo && (asked === 'distroless' || asked === 'scratch')) {
    throw usageError('dockerfile.cgo-base', `--cgo binaries link the C library dynamically, which the ${asked} image does not have.`, {
      hint: 'drop --base (cgo picks debian) or pass --base debian',
    });
  }
  if (asked !== undefined) return asked as Base;
  if (cgo) {
    notes.push(`cgo links the C library dynamically, so the final stage is ${IMAGES.debian} (glibc, matching the bookworm cross compilers) instead of distroless static`);
    return 'debian';
  }
  return 'distroless';
}

export function planDockerfile(request: DockerRequest, facts: ImageModule): DockerPlan {
  const notes: string[] = [];
  const cgo = request.cgo === true;
  const base = chooseBase(request, cgo, notes);
  const platforms = parsePlatforms(request.platforms, cgo, base);
  const pkg = choosePkg(request, facts);
  const name = binaryName(pkg, facts.path);
  const goAsked = request.go ?? (facts.toolchain ? { version: facts.toolchain, source: 'go.mod toolchain' } : facts.go ? { version: facts.go, source: 'go.mod' } : undefined);
  const goTag = goAsked ? goImageTag(goAsked.version, goAsked.source) : undefined;
  if (!goAsked) notes.push('no Go version in go.mod or the configuration: the build image is golang:bookworm (the newest Go)');
  const dockerfile = request.dockerfile ?? 'Dockerfile';
  const binaryPath = base === 'conda' ? `/opt/env/bin/${name}` : `/out/${name}`;
  const baseDescription = {
    distroless: `distroless static (${IMAGES.distroless})`,
    scratch: 'scratch (an empty image: no shell, no CA certificates)',
    debian: `Debian (${IMAGES.debian})`,
    conda: `micromamba (${IMAGES.micromamba}) with the conda package installed in /opt/env`,
  }[base];
  return {
    name,
    pkg,
    base,
    baseDescription,
    cgo,
    syntax: request.syntax !== false,
    platforms,
    goImage: goTag ? `golang:${goTag}-bookworm` : 'golang:bookworm',
    goSource: goAsked?.source ?? 'default',
    version: releaseVersion(request.version, facts.git.tag)?.version ?? 'dev',
    revision: facts.git.revision ?? '',
    labels: { title: name, source: sourceUrl(facts.path, facts.git.remote) ?? '', licenses: licenseLabel(facts.license?.text) },
    dockerfile,
    bake: request.bake === true,
    binaryPath,
    entrypoint: base === 'conda' ? binaryPath : `/usr/local/bin/${name}`,
    recipeDir: `recipes/${name}`,
    packageName: name,
    distrolessImage: IMAGES.distroless,
    debianImage: IMAGES.debian,
    condaImage: IMAGES.conda,
    micromambaImage: IMAGES.micromamba,
    crossCompilers: cgo ? crossCompilerRows() : [],
    condaSubdirs: base === 'conda' ? condaSubdirRows() : [],
    notes,
  };
}
