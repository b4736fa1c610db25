#!/usr/bin/env node
// Makes a real Go SDK tarball with the official layout (top dir `go/`) from a local GOROOT
// (default: Debian's Go 1.19), for the loopback mirror of the tests and benchmarks. Links are
// dereferenced; what a build does not need is left out (std .a files, which official archives
// stopped shipping in Go 1.20, the Go test suite, testdata) to keep it small. Cached in
// $TMPDIR/gocross-test-cache. Prints {version, filename, path, sha256, size} as JSON.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const goroot = process.argv[2] ?? '/usr/lib/go-1.19';
const version = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0].trim();
const filename = `${version}.linux-amd64.tar.gz`;
const dir = join(tmpdir(), 'gocross-test-cache');
const path = join(dir, filename);
if (!existsSync(path)) {
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  const name = basename(goroot);
  execFileSync('tar', [
    '-C', dirname(goroot), '--dereference', '--exclude=testdata', '--exclude=*_test.go', `--transform=s,^${name},go,`,
    '-czf', partial, ...['VERSION', 'bin', 'pkg/tool', 'pkg/include', 'src', 'misc/cgo'].map((p) => `${name}/${p}`),
  ]);
  renameSync(partial, path);
}
const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
process.stdout.write(`${JSON.stringify({ version, filename, path, sha256, size: statSync(path).size })}\n`);
