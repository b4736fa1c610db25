import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { parseGoVersion } from '../../src/toolchain/go-version.js';
import { archiveFor, parseReleaseIndex } from '../../src/toolchain/release-index.js';
import { findProjectVersion, parseToolVersions } from '../../src/toolchain/version-files.js';
import { chooseRelease, installedFor, parseVersionRequest } from '../../src/toolchain/version-request.js';
import { tempDir } from '../helpers/temp.js';

describe('parseGoVersion', () => {
  it.each([
    ['go1.23.4', 'go1.23.4', '1.23.4'],
    ['1.23.4', 'go1.23.4', '1.23.4'],
    ['go1.20', 'go1.20', '1.20.0'],
    ['go1.22rc1', 'go1.22rc1', '1.22.0-rc.1'],
    ['go1.9beta2', 'go1.9beta2', '1.9.0-beta.2'],
    ['go1.21.0', 'go1.21.0', '1.21.0'],
  ])('%s', (text, name, semver) => {
    expect(parseGoVersion(text)).toMatchObject({ name, semver });
  });

  it.each(['', 'go', '1', 'go1.x', 'v1.2.3', '1.2.3.4', 'go1.22-rc1'])('rejects %j', (text) => {
    expect(parseGoVersion(text)).toBeUndefined();
  });
});

const release = (version: string, stable = true) => ({
  version,
  stable,
  files: [
    { filename: `${version}.linux-amd64.tar.gz`, os: 'linux', arch: 'amd64', version, sha256: 'a'.repeat(64), size: 1, kind: 'archive' },
    { filename: `${version}.linux-armv6l.tar.gz`, os: 'linux', arch: 'armv6l', version, sha256: 'b'.repeat(64), size: 1, kind: 'archive' },
    { filename: `${version}.src.tar.gz`, os: '', arch: '', version, sha256: 'c'.repeat(64), size: 1, kind: 'source' },
  ],
});
const INDEX = parseReleaseIndex(
  [release('go1.23.4'), release('go1.23.3'), release('go1.24rc1', false), release('go1.22.10'), release('go1.20'), { junk: true }],
  'test',
);

describe('version requests against an index', () => {
  it.each([
    ['latest', 'go1.23.4'],
    ['stable', 'go1.23.4'],
    ['1.23', 'go1.23.4'],
    ['go1.23', 'go1.23.4'],
    ['1.23.3', 'go1.23.3'],
    ['go1.23.3', 'go1.23.3'],
    ['1.22', 'go1.22.10'],
    ['go1.24rc1', 'go1.24rc1'],
    ['1.20', 'go1.20'],
  ])('%s → %s', (text, expected) => {
    expect(chooseRelease(parseVersionRequest(text), INDEX, 'test').version.name).toBe(expected);
  });

  it('never picks a prerelease unless named exactly', () => {
    expect(() => chooseRelease(parseVersionRequest('1.24'), INDEX, 'test')).toThrow(/not in the release index/);
  });

  it('suggests the nearest versions for an unknown one', () => {
    let error: unknown;
    try {
      chooseRelease(parseVersionRequest('1.23.9'), INDEX, 'https://mirror/');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GocrossError);
    expect(error).toMatchObject({ kind: 'usage', code: 'sdk.unknown-version' });
    expect((error as GocrossError).message).toContain('https://mirror/');
    expect((error as GocrossError).hint).toContain('go1.23.4');
  });

  it.each(['1', 'one.two', 'go1.2.3.4', 'v1.23'])('rejects the request %j with exit 2', (text) => {
    expect(() => parseVersionRequest(text)).toThrow(GocrossError);
  });

  it('keeps only archive files and maps 32-bit ARM to armv6l', () => {
    const chosen = INDEX.find((r) => r.version.name === 'go1.23.4');
    expect(chosen?.files.map((f) => f.filename)).toEqual(['go1.23.4.linux-amd64.tar.gz', 'go1.23.4.linux-armv6l.tar.gz']);
    expect(chosen && archiveFor(chosen, 'linux', 'arm')?.filename).toBe('go1.23.4.linux-armv6l.tar.gz');
    expect(chosen && archiveFor(chosen, 'darwin', 'arm64')).toBeUndefined();
  });
});

describe('project version files', () => {
  it('reads .tool-versions', () => {
    expect(parseToolVersions('nodejs 20.1.0\ngolang 1.22.5 # pinned\n')).toBe('1.22.5');
    expect(parseToolVersions('nodejs 20\n')).toBeUndefined();
  });

  it('finds the nearest file from a nested directory, go.mod first', () => {
    const root = tempDir();
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(root, '.tool-versions'), 'golang 1.21.3\n');
    writeFileSync(join(root, 'a', '.go-version'), '1.22.1\n');
    writeFileSync(join(root, 'a', 'b', 'go.mod'), 'module m\ngo 1.23\n');
    expect(findProjectVersion(join(root, 'a', 'b', 'c'))).toEqual({ version: '1.23', file: join(root, 'a', 'b', 'go.mod'), via: 'go' });
    expect(findProjectVersion(join(root, 'a'))).toEqual({ version: '1.22.1', file: join(root, 'a', '.go-version'), via: '.go-version' });
    expect(findProjectVersion(root)).toEqual({ version: '1.21.3', file: join(root, '.tool-versions'), via: '.tool-versions' });
  });
});

describe('installedFor: the newest installed SDK a request accepts', () => {
  const installed = ['go1.22.5', 'go1.23.4', 'go1.23.1', 'go1.24rc1'];
  it.each([
    ['1.23.1', {}, 'go1.23.1'],
    ['1.23', {}, 'go1.23.4'],
    ['1.21', {}, undefined],
    ['1.21', { atLeast: true }, 'go1.23.4'],
    ['1.24', {}, undefined],
    ['latest', {}, undefined],
    ['latest', { latest: true }, 'go1.23.4'],
  ] as const)('%s %o → %s', (text, options, expected) => {
    expect(installedFor(parseVersionRequest(text), installed, options)).toBe(expected);
  });
});
