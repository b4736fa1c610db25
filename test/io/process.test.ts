import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { findAllExecutables, findExecutable, mergeEnv, run } from '../../src/io/process.js';
import { tempDir } from '../helpers/temp.js';

describe('run', () => {
  it('returns exit code and output of a failing program without throwing', async () => {
    const result = await run('sh', ['-c', 'echo "out:$GREETING"; echo err >&2; exit 3'], { env: { GREETING: 'hi there' } });
    expect(result).toMatchObject({ exitCode: 3, stdout: 'out:hi there', stderr: 'err', timedOut: false });
  });

  it('removes a variable that is set to undefined', async () => {
    const result = await run('sh', ['-c', 'echo "${GOARCH-unset}"'], { baseEnv: { PATH: process.env.PATH, GOARCH: 'arm64' }, env: { GOARCH: undefined } });
    expect(result.stdout).toBe('unset');
  });

  it('passes standard input', async () => {
    expect((await run('cat', [], { input: 'a\nb' })).stdout).toBe('a\nb');
  });

  it('reports a missing program as an environment error with the install hint', async () => {
    const error = await run('gocross-no-such-tool', [], { installHint: 'apt-get install nothing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GocrossError);
    expect(error).toMatchObject({ kind: 'environment', code: 'tool.missing', hint: 'apt-get install nothing' });
    expect((error as GocrossError).exitCode).toBe(3);
  });

  it('stops a program at its timeout', async () => {
    const result = await run('sleep', ['5'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).not.toBe(0);
  });
});

describe('findAllExecutables', () => {
  const root = tempDir();
  const first = join(root, 'first bin');
  const second = join(root, 'second');
  const third = join(root, 'third');
  for (const dir of [first, second, third]) mkdirSync(dir);
  for (const dir of [first, second]) {
    writeFileSync(join(dir, 'go'), '#!/bin/sh\n');
    chmodSync(join(dir, 'go'), 0o755);
  }
  writeFileSync(join(third, 'go'), 'not executable');
  const path = [first, '', second, first, third].join(':');

  it('lists every executable in PATH order, skipping repeats and non-executables', () => {
    expect(findAllExecutables('go', path)).toEqual([join(first, 'go'), join(second, 'go')]);
    expect(findExecutable('go', path)).toBe(join(first, 'go'));
    expect(findExecutable('go', third)).toBeUndefined();
  });
});

describe('mergeEnv', () => {
  it('overrides and unsets', () => {
    expect(mergeEnv({ A: '1', B: '2' }, { B: undefined, C: '' })).toEqual({ A: '1', C: '' });
  });
});
