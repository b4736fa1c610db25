/** listTargets, formatTarget, and the round trip through the parser. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PAIRS, formatTarget, listTargets, parseTarget } from '../../src/targets/index.js';

describe('BUILTIN_PAIRS', () => {
  it("is Go 1.25's dist list: 48 pairs, without the broken ports", () => {
    expect(BUILTIN_PAIRS).toHaveLength(48);
    expect(BUILTIN_PAIRS).toEqual(expect.arrayContaining(['linux/arm64', 'wasip1/wasm', 'openbsd/ppc64', 'openbsd/riscv64', 'freebsd/riscv64']));
    for (const broken of ['windows/arm', 'openbsd/mips64', 'linux/sparc64']) expect(BUILTIN_PAIRS).not.toContain(broken);
    expect([...BUILTIN_PAIRS].sort()).toEqual(BUILTIN_PAIRS);
  });
});

describe('listTargets', () => {
  const all = listTargets(BUILTIN_PAIRS);
  const names = all.map((t) => t.target);

  it('lists every pair once, plus the Linux arm and amd64 variants', () => {
    expect(names.filter((name) => name.split('/').length === 2).sort()).toEqual([...BUILTIN_PAIRS].sort());
    expect(names.filter((name) => name.split('/').length === 3)).toEqual([
      'linux/amd64/v2',
      'linux/amd64/v3',
      'linux/amd64/v4',
      'linux/arm/v5',
      'linux/arm/v6',
      'linux/arm/v7',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('round-trips every listed target: formatTarget(parseTarget(x)) === x, with the same facts', () => {
    for (const info of all) {
      const parsed = parseTarget(info.target);
      expect(formatTarget(parsed)).toBe(info.target);
      expect(parsed).toEqual(info);
    }
  });

  it('skips pairs gocross has no facts for instead of failing', () => {
    expect(listTargets(['linux/amd64', 'linux/sparc64']).map((t) => t.target)).toEqual(['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4']);
  });
});

describe('formatTarget', () => {
  it.each([
    [{ goos: 'linux', goarch: 'arm64', variant: null }, 'linux/arm64'],
    [{ goos: 'linux', goarch: 'arm', variant: 'v7' }, 'linux/arm/v7'],
    [{ goos: 'darwin', goarch: 'amd64', variant: null }, 'darwin/amd64'],
  ])('%o → %s', (info, expected) => {
    expect(formatTarget(info)).toBe(expected);
  });
});
