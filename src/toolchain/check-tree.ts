/**
 * What an unpacked SDK must be before it is marked installed: the release it claims (its VERSION
 * file), a `go` that is a real executable for the platform it is installed for (read with
 * gocross's own inspector, not trusted by name), and the standard library and tools beside it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inspectFile } from '../binary/index.js';
import { gorootVersion } from './store.js';
import type { Platform } from './plan.js';

/** The problems of the tree at `dir` (empty when it is the SDK it claims to be). */
export async function checkSdkTree(dir: string, expected: { version: string; platform: Platform }): Promise<string[]> {
  const { goos, goarch } = expected.platform;
  const problems: string[] = [];
  const version = gorootVersion(dir);
  if (version !== expected.version) problems.push(version ? `its VERSION file says ${version}, not ${expected.version}` : 'it has no VERSION file');
  const go = join(dir, 'bin', goos === 'windows' ? 'go.exe' : 'go');
  if (!existsSync(go)) problems.push(`it has no bin/${goos === 'windows' ? 'go.exe' : 'go'}`);
  else {
    const info = await inspectFile(go).catch(() => null);
    if (!info) problems.push('its bin/go is not an executable (no ELF, Mach-O or PE header)');
    else if (info.os !== goos || info.arch !== goarch) problems.push(`its bin/go is a ${info.os}/${info.arch} program, not ${goos}/${goarch}`);
  }
  if (!existsSync(join(dir, 'src', 'runtime'))) problems.push('it has no src/runtime');
  if (!existsSync(join(dir, 'pkg', 'tool', `${goos}_${goarch}`))) problems.push(`it has no pkg/tool/${goos}_${goarch}`);
  return problems;
}
