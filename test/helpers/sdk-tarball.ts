import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testGoroot } from './tools.js';

export interface SdkTarball {
  version: string;
  filename: string;
  path: string;
  sha256: string;
  size: number;
}

/**
 * A real Go SDK tarball with the official layout (top dir `go/`), made from Debian's Go 1.19 with
 * links dereferenced. Leaves out what a build does not need (the precompiled std packages, which
 * official archives stopped shipping in Go 1.20, the Go test suite, testdata) to keep it small.
 * Cached under the temp dir across test runs; undefined when Go is not installed.
 */
export function sdkTarball(): SdkTarball | undefined {
  const goroot = testGoroot();
  if (!goroot) return undefined;
  const version = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]?.trim() ?? 'go1.19';
  const filename = `${version}.linux-amd64.tar.gz`;
  const dir = join(tmpdir(), 'gocross-test-cache');
  const path = join(dir, filename);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${path}.${process.pid}.tmp`;
    execFileSync('tar', [
      '-C', join(goroot, '..'),
      '--dereference', '--exclude=testdata', '--exclude=*_test.go', `--transform=s,^${goroot.split('/').pop()},go,`,
      '-czf', partial,
      ...['VERSION', 'bin', 'pkg/tool', 'pkg/include', 'src', 'misc/cgo'].map((p) => `${goroot.split('/').pop()}/${p}`),
    ]);
    renameSync(partial, path);
  }
  const data = readFileSync(path);
  return { version, filename, path, sha256: createHash('sha256').update(data).digest('hex'), size: statSync(path).size };
}
