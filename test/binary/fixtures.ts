/**
 * Real binaries for the inspector's tests, built with real toolchains into one temp directory:
 * Debian's Go 1.19 for every format and architecture, the aarch64 cross gcc for cgo, and gcc
 * for plain C. Two builds at a time (the test machines have two cores). Go's build cache is
 * shared under the OS temp dir, so later runs only relink.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Fixture {
  /** File name in the fixture directory; also the test name. */
  name: string;
  kind: 'go' | 'c';
  /** GOOS/GOARCH the fixture was built for, for Go fixtures; the host for C. */
  goos: string;
  goarch: string;
  /** Extra environment (GOARM, CGO_ENABLED, CC). */
  env?: Record<string, string>;
  /** Extra `go build` flags, or the C compiler's flags. */
  flags?: string[];
  /** Run `strip` on the output (C). */
  strip?: boolean;
}

const go = (name: string, goos: string, goarch: string, more: Partial<Fixture> = {}): Fixture => ({ name, kind: 'go', goos, goarch, ...more });
const SW = ['-ldflags=-s -w'];
const CGO = { CGO_ENABLED: '1', CC: 'aarch64-linux-gnu-gcc' };

/** The fixture list of the brief, no more. */
export const FIXTURES: Fixture[] = [
  go('linux-arm64', 'linux', 'arm64'),
  go('linux-arm64-sw', 'linux', 'arm64', { flags: SW }),
  go('linux-amd64', 'linux', 'amd64'),
  go('linux-amd64-trimpath', 'linux', 'amd64', { flags: ['-trimpath', '-buildvcs=true'] }),
  go('linux-armv6', 'linux', 'arm', { env: { GOARM: '6' } }),
  go('linux-armv7', 'linux', 'arm', { env: { GOARM: '7' } }),
  go('linux-386', 'linux', '386'),
  go('linux-riscv64', 'linux', 'riscv64'),
  go('linux-ppc64le', 'linux', 'ppc64le'),
  go('linux-s390x', 'linux', 's390x'),
  go('linux-mips64le', 'linux', 'mips64le'),
  go('windows-arm64.exe', 'windows', 'arm64'),
  go('windows-amd64.exe', 'windows', 'amd64'),
  go('windows-amd64-sw.exe', 'windows', 'amd64', { flags: SW }),
  go('darwin-arm64', 'darwin', 'arm64'),
  go('darwin-arm64-sw', 'darwin', 'arm64', { flags: SW }),
  go('darwin-amd64', 'darwin', 'amd64'),
  go('freebsd-arm64', 'freebsd', 'arm64'),
  go('linux-arm64-cgo', 'linux', 'arm64', { env: CGO }),
  go('linux-arm64-cgo-static', 'linux', 'arm64', { env: CGO, flags: ['-ldflags=-linkmode=external -extldflags=-static'] }),
  { name: 'c-static-pie', kind: 'c', goos: 'linux', goarch: 'amd64', flags: ['-static-pie'] },
  { name: 'c-dynamic', kind: 'c', goos: 'linux', goarch: 'amd64' },
  { name: 'c-stripped', kind: 'c', goos: 'linux', goarch: 'amd64', strip: true },
];

const MAIN_GO = `package main

import "fmt"

func main() { fmt.Println("hello") }
`;

/** Only in cgo builds: makes the program really use cgo, so the default link is dynamic. */
const CGO_GO = `//go:build cgo

package main

// static int answer(void) { return 42; }
import "C"

var _ = C.answer()
`;

const HELLO_C = `#include <stdio.h>
int main(void) { puts("hello"); return 0; }
`;

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** A git repository holding the hello module, so builds record vcs.revision. */
async function writeModule(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/hello\n\ngo 1.19\n');
  writeFileSync(join(dir, 'main.go'), MAIN_GO);
  writeFileSync(join(dir, 'cgo.go'), CGO_GO);
  // Fixed identity and dates: the same commit hash every run, so Go's reproducible builds give
  // byte-identical fixtures and a fuzz seed replays the same cases.
  const date = '2024-01-02T03:04:05Z';
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) =>
    exec('git', ['-c', 'user.name=gocross', '-c', 'user.email=gocross@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env });
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'hello');
}

/** Build every fixture into `outDir`; returns it. */
export async function buildFixtures(goBinary: string, outDir: string): Promise<string> {
  const src = join(outDir, 'src');
  await writeModule(src);
  // Outside the module: a .c file in the package directory would join every cgo build.
  const helloC = join(outDir, 'hello.c');
  writeFileSync(helloC, HELLO_C);
  const shared = join(tmpdir(), 'gocross-test-go');
  const baseEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    GOCACHE: join(shared, 'cache'),
    GOPATH: join(shared, 'path'),
    GOTOOLCHAIN: 'local',
    GOFLAGS: '',
    GOPROXY: 'off',
    GO111MODULE: 'on',
    CGO_ENABLED: '0',
  };
  await pool(FIXTURES, 2, async (f) => {
    const out = join(outDir, f.name);
    if (f.kind === 'go') {
      await exec(goBinary, ['build', ...(f.flags ?? []), '-o', out, '.'], {
        cwd: src,
        env: { ...baseEnv, GOOS: f.goos, GOARCH: f.goarch, ...f.env },
      });
    } else {
      await exec('gcc', ['-O1', ...(f.flags ?? []), '-o', out, helloC]);
      if (f.strip) await exec('strip', [out]);
    }
  });
  return outDir;
}
