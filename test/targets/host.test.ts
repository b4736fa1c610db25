/** The host as a target (from Node's names) and what is foreign to it. */
import { endianness } from 'node:os';
import { describe, expect, it } from 'vitest';
import { fromNode, hostTarget, isForeign, parseTarget } from '../../src/targets/index.js';
import { thrown } from '../helpers/errors.js';

describe('fromNode', () => {
  it.each([
    ['linux', 'x64', 'LE', 'linux/amd64'],
    ['linux', 'arm64', 'LE', 'linux/arm64'],
    ['linux', 'arm', 'LE', 'linux/arm'],
    ['linux', 'ia32', 'LE', 'linux/386'],
    ['linux', 'ppc64', 'LE', 'linux/ppc64le'],
    ['linux', 'ppc64', 'BE', 'linux/ppc64'],
    ['aix', 'ppc64', 'BE', 'aix/ppc64'],
    ['linux', 's390x', 'BE', 'linux/s390x'],
    ['linux', 'riscv64', 'LE', 'linux/riscv64'],
    ['linux', 'loong64', 'LE', 'linux/loong64'],
    ['linux', 'mipsel', 'LE', 'linux/mipsle'],
    ['darwin', 'arm64', 'LE', 'darwin/arm64'],
    ['darwin', 'x64', 'LE', 'darwin/amd64'],
    ['win32', 'x64', 'LE', 'windows/amd64'],
    ['win32', 'arm64', 'LE', 'windows/arm64'],
    ['freebsd', 'x64', 'LE', 'freebsd/amd64'],
    ['sunos', 'x64', 'LE', 'solaris/amd64'],
    ['android', 'arm64', 'LE', 'android/arm64'],
  ] as const)('Node %s/%s (%s) is %s', (platform, arch, order, expected) => {
    expect(fromNode(platform, arch, order).target).toBe(expected);
  });

  it.each([
    ['haiku', 'x64'],
    ['linux', 'ppc'],
    ['linux', 's390'],
  ])('%s/%s has no Go equivalent: an environment error', (platform, arch) => {
    const error = thrown(() => fromNode(platform, arch, 'LE'));
    expect(error.kind).toBe('environment');
    expect(error.code).toBe('target.host');
    expect(error.hint).toContain('--target');
  });
});

describe('hostTarget', () => {
  it("defaults to this process's platform, arch and byte order", () => {
    expect(hostTarget()).toEqual(fromNode(process.platform, process.arch, endianness()));
  });

  it('takes the values as parameters, for tests and callers that know better', () => {
    expect(hostTarget('darwin', 'arm64', 'LE').target).toBe('darwin/arm64');
  });
});

describe('isForeign', () => {
  it.each([
    ['linux/arm64', 'linux/amd64', true],
    ['windows/amd64', 'linux/amd64', true],
    ['darwin/arm64', 'linux/arm64', true],
    ['linux/amd64', 'linux/amd64', false],
    // A variant alone is no cross-compile: the host's Go builds it natively.
    ['linux/amd64/v3', 'linux/amd64', false],
    ['linux/arm/v6', 'linux/arm/v7', false],
  ])('%s on %s: %s', (target, host, expected) => {
    expect(isForeign(parseTarget(target), parseTarget(host))).toBe(expected);
  });
});
