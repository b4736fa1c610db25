import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { parseDistList, parseTarget, readDistList } from '../../src/targets/index.js';
import { requireTool } from '../helpers/tools.js';

describe('parseDistList', () => {
  it('keeps goos/goarch lines only', () => {
    expect(parseDistList('aix/ppc64\nlinux/arm64\r\n\nwarning: something\nwindows/amd64\n')).toEqual(['aix/ppc64', 'linux/arm64', 'windows/amd64']);
  });
});

const go = requireTool('go');

describe.skipIf(!go)('readDistList with the real Go', () => {
  it('lists the pairs of Go 1.19, and every one of them parses as a target', async () => {
    const pairs = await readDistList(go ?? '');
    expect(pairs).toEqual(expect.arrayContaining(['linux/arm64', 'linux/amd64', 'darwin/arm64', 'windows/arm64', 'linux/loong64']));
    for (const pair of pairs) expect(parseTarget(pair, pairs).target).toBe(pair);
  });

  it('ignores an env-wide GOOS/GOARCH and GOFLAGS', async () => {
    const saved = { GOOS: process.env.GOOS, GOFLAGS: process.env.GOFLAGS };
    process.env.GOOS = 'nonsense';
    process.env.GOFLAGS = '-mod=nonsense';
    try {
      expect((await readDistList(go ?? '')).length).toBeGreaterThan(30);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('reports a Go that cannot list its pairs as an environment error', async () => {
    await expect(readDistList('/bin/false')).rejects.toBeInstanceOf(GocrossError);
  });
});
