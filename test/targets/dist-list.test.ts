/** The pairs a real Go supports: parsing `go tool dist list`, and running it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { listTargets, parseDistList, parseTarget, readDistList } from '../../src/targets/index.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

/** `go tool dist list` of Debian's Go 1.19.8, as captured. */
const GO_1_19_OUTPUT = `aix/ppc64
android/386
android/amd64
android/arm
android/arm64
darwin/amd64
darwin/arm64
dragonfly/amd64
freebsd/386
freebsd/amd64
freebsd/arm
freebsd/arm64
illumos/amd64
ios/amd64
ios/arm64
js/wasm
linux/386
linux/amd64
linux/arm
linux/arm64
linux/loong64
linux/mips
linux/mips64
linux/mips64le
linux/mipsle
linux/ppc64
linux/ppc64le
linux/riscv64
linux/s390x
netbsd/386
netbsd/amd64
netbsd/arm
netbsd/arm64
openbsd/386
openbsd/amd64
openbsd/arm
openbsd/arm64
openbsd/mips64
plan9/386
plan9/amd64
plan9/arm
solaris/amd64
windows/386
windows/amd64
windows/arm
windows/arm64
`;

describe('parseDistList', () => {
  it("reads Go 1.19's list: 46 pairs, each a valid target under that list", () => {
    const pairs = parseDistList(GO_1_19_OUTPUT);
    expect(pairs).toHaveLength(46);
    expect(pairs[0]).toBe('aix/ppc64');
    expect(pairs).toContain('windows/arm');
    for (const pair of pairs) expect(parseTarget(pair, pairs).target).toBe(pair);
    expect(listTargets(pairs).length).toBe(46 + 6);
  });

  it('keeps goos/goarch lines only (CRLF, blank lines and stray text dropped)', () => {
    expect(parseDistList('aix/ppc64\nlinux/arm64\r\n\nwarning: something\nwindows/amd64\n')).toEqual(['aix/ppc64', 'linux/arm64', 'windows/amd64']);
  });

  it('finds nothing in output that is not a list', () => {
    expect(parseDistList('go tool dist: unknown $GOOS nonsense\n')).toEqual([]);
  });
});

const go = requireTool('go');

describe.skipIf(!go)('readDistList with the real Go', () => {
  const dir = tempDir();

  it('lists the pairs of Go 1.19, and every one of them parses as a target', async () => {
    const pairs = await readDistList(go ?? '');
    expect(pairs).toEqual(expect.arrayContaining(['linux/arm64', 'linux/amd64', 'darwin/arm64', 'windows/arm64', 'linux/loong64']));
    for (const pair of pairs) expect(parseTarget(pair, pairs).target).toBe(pair);
  });

  it('ignores GOOS, GOARCH and GOFLAGS from the environment and from the go env file', async () => {
    const envFile = join(dir, 'go.env');
    // Without GOENV=off, dist reads these through the go command and fails: unknown $GOOS nonsense.
    writeFileSync(envFile, 'GOOS=nonsense\nGOARCH=nonsense\nGOFLAGS=-mod=nonsense\n');
    const names = ['GOOS', 'GOARCH', 'GOFLAGS', 'GOENV'] as const;
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    Object.assign(process.env, { GOOS: 'nonsense', GOARCH: 'nonsense', GOFLAGS: '-mod=nonsense', GOENV: envFile });
    try {
      expect(await readDistList(go ?? '')).toContain('linux/arm64');
    } finally {
      for (const name of names) {
        const value = saved[name];
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('reports a Go that cannot list its pairs as an environment error', async () => {
    const error = await readDistList('/bin/false').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GocrossError);
    expect((error as GocrossError).kind).toBe('environment');
    expect((error as GocrossError).code).toBe('go.dist-list');
  });
});
