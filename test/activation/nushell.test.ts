import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAVED_VARS } from '../../src/activation/plan.js';
import { gocross } from '../helpers/cli.js';
import { activate, activateScriptsAgain, deactivate, dump, envTo, parseDump, reactivate, runNu, set, switchEnv } from '../helpers/nu-driver.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool, testGoroot } from '../helpers/tools.js';
import { condaPrefix } from '../doctor/fixtures.js';

const GOROOT = testGoroot();
const NU = requireTool('nu');
const VARS = [...SAVED_VARS];

type StartState = 'unset' | 'empty' | 'other';
const OTHER: Record<string, string> = {
  GOROOT: '/opt/other go',
  GOPATH: '/tmp/other gopath',
  GOBIN: '/x',
  GOMODCACHE: '/y',
  GOTOOLCHAIN: 'auto',
  GOOS: 'windows',
  GOARCH: '386',
  GOARM: '6',
  GOAMD64: 'v2',
  CGO_ENABLED: '1',
  GOFLAGS: '-mod=mod',
  CC: 'cc "quoted"',
  CXX: 'c++',
  CGO_CFLAGS: '-O2 -g',
  CGO_LDFLAGS: '-L/opt/it\'s lib',
};
const START: Record<StartState, Record<string, string | null>> = {
  unset: Object.fromEntries(VARS.map((v) => [v, null])),
  empty: Object.fromEntries(VARS.map((v) => [v, ''])),
  other: OTHER,
};
const startLines = (state: StartState): string[] => Object.entries(START[state]).map(([k, v]) => set(k, v));

describe.skipIf(!GOROOT || !NU)('gocross init hooks in nushell, driven the way mamba does', () => {
  const root = tempDir('gocross-nu-');
  // Spaces, quotes, a dollar sign and parentheses: every hook must quote the prefix right.
  const envs = join(root, `it's a "$HOME" (env)`);
  const home = join(root, 'home');
  let arm = '';
  let amd = '';
  let otherGoroot = '';

  const init = async (prefix: string, target: string, go: string): Promise<void> => {
    const result = await gocross(['init', '--prefix', prefix, '--go', go, '--target', target], { env: { GOCROSS_HOME: join(root, 'store'), HOME: home } });
    expect(result.stderr).not.toContain('error');
    expect(result.exitCode).toBe(0);
  };

  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    arm = condaPrefix(join(envs, 'arm'));
    amd = condaPrefix(join(envs, 'amd v3'));
    // A second GOROOT path, so that the envs' PATH entries differ.
    otherGoroot = join(root, 'other-go');
    symlinkSync(GOROOT ?? '', otherGoroot);
    await init(arm, 'linux/arm64', GOROOT ?? '');
    await init(amd, 'linux/amd64/v3', otherGoroot);
  });

  const script = async (lines: (out: (name: string) => string) => string[]) => {
    const dir = join(root, `run-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    const out = (name: string): string => join(dir, name);
    return runNu(NU ?? 'nu', dir, lines(out), { PATH: '/usr/bin:/bin', HOME: home, GOCACHE: join(root, 'gocache'), LANG: 'C' });
  };

  it.each(['unset', 'empty', 'other'] as StartState[])('activates linux/arm64 and deactivates back to exactly the start (%s)', async (state) => {
    const read = await script((out) => [...startLines(state), envTo(out('before')), ...activate(arm, 1), dump(VARS, out('active')), ...deactivate(arm, 1, null), envTo(out('after'))]);
    const active = parseDump(read('active'));
    expect(active.vars).toMatchObject({ GOROOT, GOOS: 'linux', GOARCH: 'arm64', GOARM: null, GOAMD64: null, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOBIN: null, GOPATH: join(arm, 'share', 'gocross', 'gopath') });
    expect(active.path.slice(0, 4)).toEqual([join(GOROOT ?? '', 'bin'), join(arm, 'etc', 'gocross', 'bin'), join(arm, 'bin'), '/usr/bin']);
    expect(read('after')).toBe(read('before'));
  });

  it('drops -buildmode=pie from a conda-forge GOFLAGS and puts it back on deactivation', async () => {
    const read = await script((out) => [set('GOFLAGS', '-modcacherw -buildmode=pie -trimpath'), envTo(out('before')), ...activate(arm, 1), dump(['GOFLAGS'], out('active')), ...deactivate(arm, 1, null), envTo(out('after'))]);
    expect(parseDump(read('active')).vars.GOFLAGS).toBe('-modcacherw -trimpath');
    expect(read('after')).toBe(read('before'));
    expect(read('after')).toContain('GOFLAGS=-modcacherw -buildmode=pie -trimpath\n');
  });

  it('is idempotent: sourcing the activate scripts twice, or reactivating, changes nothing', async () => {
    const read = await script((out) => [
      ...startLines('other'),
      envTo(out('before')),
      ...activate(arm, 1),
      envTo(out('once')),
      ...activateScriptsAgain(arm),
      envTo(out('twice')),
      ...reactivate(arm),
      envTo(out('reactivated')),
      ...deactivate(arm, 1, null),
      envTo(out('after')),
    ]);
    expect(read('twice')).toBe(read('once'));
    expect(read('reactivated')).toBe(read('once'));
    expect(read('after')).toBe(read('before'));
  });

  it('switching from one gocross env to another leaves none of the first one’s PATH entries', async () => {
    const read = await script((out) => [
      ...startLines('empty'),
      envTo(out('before')),
      ...activate(arm, 1),
      ...switchEnv(arm, amd, 1),
      dump(VARS, out('switched')),
      ...deactivate(amd, 2, arm),
      dump(VARS, out('back')),
      ...deactivate(arm, 1, null),
      envTo(out('after')),
    ]);
    const switched = parseDump(read('switched'));
    expect(switched.vars).toMatchObject({ GOROOT: otherGoroot, GOARCH: 'amd64', GOAMD64: 'v3', GOBIN: join(amd, 'bin') });
    expect(switched.path).toEqual([join(otherGoroot, 'bin'), join(amd, 'bin'), '/usr/bin', '/bin']);
    const back = parseDump(read('back'));
    expect(back.vars).toMatchObject({ GOROOT, GOARCH: 'arm64', GOAMD64: null, GOBIN: null });
    expect(back.path).toEqual([join(GOROOT ?? '', 'bin'), join(arm, 'etc', 'gocross', 'bin'), join(arm, 'bin'), '/usr/bin', '/bin']);
    expect(read('after')).toBe(read('before'));
  });

  it('gives the real go the env’s settings', async () => {
    const read = await script((out) => [...startLines('unset'), ...activate(arm, 1), `^go env GOROOT GOARCH CGO_ENABLED | save -f ${JSON.stringify(out('goenv'))}`]);
    expect(read('goenv').trim().split('\n')).toEqual([GOROOT, 'arm64', '0']);
  });
});
