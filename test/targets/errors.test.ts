/** Bad targets: exit 2 with code target.unknown, a reason, and the nearest valid names. */
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/targets/suggest.js';
import { nearestTargets, parseTarget } from '../../src/targets/index.js';
import { thrown } from '../helpers/errors.js';

const failure = (input: string, pairs?: readonly string[]) => thrown(() => parseTarget(input, pairs));

/** The names in a hint's "did you mean a, b, c?". */
const suggested = (hint: string | undefined): string[] => /did you mean (.*)\? run/.exec(hint ?? '')?.[1]?.split(', ') ?? [];

describe('bad targets', () => {
  it.each([
    // input, reason, first suggestion, other suggestions expected among the three
    ['linux/armm64', '"armm64" is no operating system or architecture', 'linux/arm64', []],
    ['linux/arm46', '"arm46"', 'linux/arm64', []],
    ['linux/arm65', '"arm65"', 'linux/arm64', []],
    ['aarch46', '"aarch46"', 'linux/arm64', []],
    ['darwn/arm64', '"darwn"', 'darwin/arm64', ['linux/arm64']],
    ['winodws/amd64', '"winodws"', 'windows/amd64', ['linux/amd64']],
    ['lnux/amd64', '"lnux"', 'linux/amd64', []],
    ['linux/riscv', '"riscv"', 'linux/riscv64', []],
    ['linux/loongarch', '"loongarch"', 'linux/loong64', []],
    ['armv9l', '"armv9l"', 'linux/arm/v7', []],
    ['plan10/z80', '"plan10", "z80" are no operating systems', 'plan9/386', []],
    ['qwerty', '"qwerty"', 'linux/amd64', ['linux/arm64']],
    ['darwin/386', 'darwin/386 is not a GOOS/GOARCH pair Go supports', 'darwin/amd64', ['linux/386']],
    ['macos/386', 'darwin/386 is not a GOOS/GOARCH pair', 'darwin/amd64', ['linux/386']],
    ['freebsd/s390x', 'freebsd/s390x is not a GOOS/GOARCH pair', 'linux/s390x', []],
    // windows/arm is broken since Go 1.24, so not in the built-in list; the variant carries over.
    ['windows/arm/v7', 'windows/arm is not a GOOS/GOARCH pair', 'windows/arm64', ['linux/arm/v7']],
    ['linux/arm/v9', '"v9" is not a variant of arm (valid: v5, v6, v7)', 'linux/arm/v7', ['linux/arm/v6', 'linux/arm/v5']],
    ['linux/amd64/v5', '"v5" is not a variant of amd64 (valid: v1, v2, v3, v4)', 'linux/amd64/v4', ['linux/amd64/v3', 'linux/amd64/v2']],
    ['linux/arm64/v3', '"v3" is not a variant of arm64 (valid: v8)', 'linux/arm64', []],
    ['linux/riscv64/v2', 'riscv64 takes no variant, but "linux/riscv64/v2" gives v2', 'linux/riscv64', []],
    ['linux/armv7/v6', 'names two variants (v7 and v6)', 'linux/arm/v7', []],
    ['linux/arm64/amd64', 'names two architectures (arm64 and amd64)', 'linux/amd64', ['linux/arm64']],
    ['linux/windows/arm64', 'names two operating systems (linux and windows)', 'linux/arm64', ['windows/arm64']],
    ['linux', '"linux" names no architecture', 'linux/amd64', ['linux/arm64']],
  ] as const)('%j: %s; hint starts with %s', (input, reason, first, others) => {
    const error = failure(input);
    expect(error.kind).toBe('usage');
    expect(error.code).toBe('target.unknown');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(reason);
    expect(error.hint).toContain('run `gocross targets` for the list');
    const names = suggested(error.hint);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(3);
    expect(names[0]).toBe(first);
    for (const other of others) expect(names).toContain(other);
    // Every suggestion is itself a valid target.
    for (const name of names) expect(parseTarget(name).target).toBe(name);
  });

  it.each(['', '   '])('%j is a usage error asking for a target', (input) => {
    const error = failure(input);
    expect(error.kind).toBe('usage');
    expect(error.code).toBe('target.unknown');
    expect(error.message).toBe('the target is empty.');
    expect(error.hint).toContain('linux/arm64');
  });

  it('validates against the pair list it is given, and suggests from it', () => {
    const error = failure('windows/arm', ['linux/amd64', 'windows/amd64']);
    expect(error.message).toContain('windows/arm is not a GOOS/GOARCH pair');
    expect(suggested(error.hint)).toEqual(['windows/amd64', 'linux/amd64']);
    expect(parseTarget('windows/arm', ['windows/arm']).target).toBe('windows/arm');
  });

  it('says so when Go lists an architecture gocross has no facts for', () => {
    const error = failure('linux/sparc64', ['linux/amd64', 'linux/sparc64']);
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('gocross does not know the sparc64 architecture of linux/sparc64 yet.');
  });
});

describe('nearestTargets', () => {
  it.each([
    ['aarch64-linux-gnux', 'linux/arm64'],
    ['osx-aarch46', 'darwin/arm64'],
    ['win-arm46', 'windows/arm64'],
    ['linux-armv7', 'linux/arm/v7'],
  ])('%s → %s first', (input, expected) => {
    expect(nearestTargets(input)[0]).toBe(expected);
  });

  it('names both of two equally near targets', () => {
    // "amr64" is one letter from amd64 and one swap from arm64.
    expect(nearestTargets('linux/amr64').slice(0, 2).sort()).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('suggests from the pairs it is given', () => {
    expect(nearestTargets('linux/arm64', ['darwin/arm64', 'windows/amd64'])).toEqual(['darwin/arm64', 'windows/amd64']);
  });
});

describe('editDistance', () => {
  it.each([
    ['arm64', 'arm64', 0],
    ['arm46', 'arm64', 1],
    ['aarch46', 'aarch64', 1],
    ['darwn', 'darwin', 1],
    ['arm46', 'armv6', 1],
    ['z80', '386', 2],
    ['', 'abc', 3],
    ['qwerty', 'arm', 5],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
