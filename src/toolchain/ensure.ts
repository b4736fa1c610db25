/**
 * "Install it, or say what a dry run would install": a Go choice (choice.ts) made real, for the
 * commands that need a Go before they can work (build, init). A GOROOT is checked to be a whole
 * Go installation; a version comes from the store, else is installed (the network and archive
 * modules load only then), and a dry run only says what it would install.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expandPath } from '../config/coerce.js';
import { usageError } from '../errors.js';
import type { GoChoice } from './choice.js';
import { gorootVersion, readMarker, sdkRoot } from './store.js';
import { describeRequest } from './version-request.js';

export interface EnsuredGo {
  goroot: string;
  /** From the GOROOT's VERSION file or the store; null when unknown or not installed yet (dry run). */
  version: string | null;
  /** Installed by this run. */
  installed: boolean;
}

export interface EnsureContext {
  cwd: string;
  home: string;
  mirrors: string[];
  dryRun: boolean;
  info: (message: string) => void;
  warn: (message: string) => void;
  /** A dry run's step: `would install <what> (<why>)`. */
  planned: (verb: string, subject: string, note: string) => void;
}

/** A GOROOT to use must be a whole Go installation. */
function checkGoroot(path: string, why: string): string {
  const root = resolve(path);
  const missing = ['bin/go', 'src/runtime', 'pkg/tool'].filter((p) => !existsSync(join(root, p)));
  if (missing.length > 0) {
    throw usageError('go.goroot', `${root} is not a complete Go installation (missing ${missing.join(', ')}); it is ${why}.`, {
      hint: 'pass --go with a Go version, or the root of a Go SDK (the directory holding bin/go)',
    });
  }
  return root;
}

export async function ensureGo(choice: GoChoice, ctx: EnsureContext): Promise<EnsuredGo> {
  if (choice.kind === 'goroot') {
    const goroot = checkGoroot(expandPath(choice.goroot, ctx.cwd), choice.why);
    return { goroot, version: gorootVersion(goroot), installed: false };
  }
  const { request } = choice;
  const exact = request.kind === 'exact' ? request.version.name : undefined;
  if (exact && readMarker(sdkRoot(ctx.home, exact))) return { goroot: sdkRoot(ctx.home, exact), version: exact, installed: false };
  if (ctx.dryRun) {
    ctx.planned('install', `${describeRequest(request)} into the SDK store`, choice.why);
    const name = exact ?? (request.kind === 'minor' ? `go${request.text.replace(/^go/, '')}` : 'latest');
    return { goroot: sdkRoot(ctx.home, name), version: exact ?? null, installed: false };
  }
  const { installRequest } = await import('./install-request.js');
  const result = await installRequest(request, {
    home: ctx.home,
    mirrors: ctx.mirrors,
    onPlanned: (version) => ctx.info(`installing ${version} into the SDK store (${choice.why})`),
    onNote: ctx.warn,
  });
  return { goroot: result.goroot, version: result.version, installed: result.installed };
}
