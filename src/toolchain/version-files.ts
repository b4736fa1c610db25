/**
 * The Go version a project asks for, from its files: the `toolchain` line, else the `go` line, of
 * go.work/go.mod; else `.go-version`; else `.tool-versions` (asdf/mise). Parsing is pure; `find`
 * walks up from a directory.
 */
import { dirname, join, resolve } from 'node:path';
import { readText as read } from '../gomodule/read.js';
import { parseGoMod } from '../gomodule/text.js';

export interface ProjectVersion {
  /** The version text as written, e.g. `go1.23.4` or `1.22`. */
  version: string;
  file: string;
  /** Which line or file it came from, for messages. */
  via: 'toolchain' | 'go' | '.go-version' | '.tool-versions';
}

/** The version in a `.tool-versions` text (`golang 1.23.4` or `go 1.23.4`). */
export function parseToolVersions(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*(golang|go)\s+(\S+)/.exec(raw.replace(/#.*$/, ''));
    if (match?.[2]) return match[2];
  }
  return undefined;
}

/** The nearest project version from `cwd` upwards, or undefined. */
export function findProjectVersion(cwd: string): ProjectVersion | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of ['go.work', 'go.mod']) {
      const file = join(dir, name);
      const text = read(file);
      if (text === undefined) continue;
      const { toolchain, go } = parseGoMod(text);
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
