/**
 * The Go version a project asks for, from its files: the `toolchain` line, else the `go` line, of
 * go.work/go.mod; else `.go-version`; else `.tool-versions` (asdf/mise). Parsing is pure; `find`
 * walks up from a directory.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ProjectVersion {
  /** The version text as written, e.g. `go1.23.4` or `1.22`. */
  version: string;
  file: string;
  /** Which line or file it came from, for messages. */
  via: 'toolchain' | 'go' | '.go-version' | '.tool-versions';
}

/** The `toolchain` and `go` directives of a go.mod or go.work text. */
export function parseGoDirectives(text: string): { toolchain?: string; go?: string } {
  const result: { toolchain?: string; go?: string } = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const match = /^(toolchain|go)\s+(\S+)$/.exec(line);
    if (match?.[1] && match[2] && result[match[1] as 'toolchain' | 'go'] === undefined) {
      result[match[1] as 'toolchain' | 'go'] = match[2];
    }
  }
  // `toolchain default` means "no preference" (Go's own spelling).
  if (result.toolchain === 'default') delete result.toolchain;
  return result;
}

/** The version in a `.tool-versions` text (`golang 1.23.4` or `go 1.23.4`). */
export function parseToolVersions(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*(golang|go)\s+(\S+)/.exec(raw.replace(/#.*$/, ''));
    if (match?.[2]) return match[2];
  }
  return undefined;
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The nearest project version from `cwd` upwards, or undefined. */
export function findProjectVersion(cwd: string): ProjectVersion | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of ['go.work', 'go.mod']) {
      const file = join(dir, name);
      const text = read(file);
      if (text === undefined) continue;
      const { toolchain, go } = parseGoDirectives(text);
      if (toolchain) return { version: toolchain, file, via: 'toolchain' };
      if (go) return { version: go, file, via: 'go' };
    }
    const goVersion = read(join(dir, '.go-version'))?.trim().split(/\s+/)[0];
    if (goVersion) return { version: goVersion, file: join(dir, '.go-version'), via: '.go-version' };
    const toolVersions = read(join(dir, '.tool-versions'));
    const fromTools = toolVersions === undefined ? undefined : parseToolVersions(toolVersions);
    if (fromTools) return { version: fromTools, file: join(dir, '.tool-versions'), via: '.tool-versions' };
    if (dirname(dir) === dir) return undefined;
  }
}
