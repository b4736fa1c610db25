import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HookPlan, planHooks, SAVED_VARS } from '../../src/activation/plan.js';
import { HOOK_ROLES, hookDirKind, hookFileName, renderHook } from '../../src/activation/render.js';
import { MARKER } from '../../src/marker.js';
import { parseTarget } from '../../src/targets/index.js';
import { activate, activateScriptsAgain, condaDirs, deactivate, dump, parseSet, reactivate, runCmd, set, switchEnv, warmUp, win } from '../helpers/cmd-driver.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const WINE = requireTool('wine64');
const VARS = [...SAVED_VARS];

// cmd cannot hold an empty variable (`set "X="` removes it): a start state is a value or unset.
// Wine's cmd expands a percent sign inside an expanded value again (real cmd does not), so no
// value here holds one.
type StartState = 'unset' | 'other';
const OTHER: Record<string, string> = {
  GOROOT: 'C:\\Program Files\\Go',
  GOPATH: 'C:\\Users\\it\'s me\\go',
  GOBIN: 'C:\\Users\\me\\go\\bin',
  GOMODCACHE: 'D:\\cache & mod',
  GOTOOLCHAIN: 'auto',
  GOOS: 'windows',
  GOARCH: '386',
  GOARM: '6',
  GOAMD64: 'v2',
  CGO_ENABLED: '1',
  GOFLAGS: '-mod=mod',
  CC: 'C:\\Program Files (x86)\\LLVM\\bin\\clang.exe',
  CXX: 'clang++ ^x',
  CGO_CFLAGS: '-O2 -DX=a&b',
  CGO_LDFLAGS: '-L"C:\\lib dir" -lfoo',
};
const START: Record<StartState, Record<string, string | null>> = {
  unset: Object.fromEntries(VARS.map((v) => [v, null])),
  other: OTHER,
};
// PATH must come back exactly, not tidied: with an empty entry and a trailing separator too.
// Wine's CALL of a built-in (`call set`, which the save and restore hooks use to read a variable
// whose name is built at run time) silently does nothing while PATH holds an empty entry; real
// cmd does not care. So only the all-unset start, where nothing is read back, has them.
const START_PATH: Record<StartState, string> = {
  unset: 'C:\\windows\\system32;C:\\windows;;Z:\\opt\\tool\'s (x86) & co;',
  other: 'C:\\windows\\system32;C:\\windows;Z:\\opt\\tool\'s (x86) & co',
};

/** The plan gocross writes on Windows: the same as planHooks gives, with Windows paths. */
function windowsPlan(goroot: string, target: string, foreign: boolean, prefix: string): HookPlan {
  const plan = planHooks({ goroot, target: parseTarget(target), foreign, cgo: false, modcache: 'shared', home: '/home/u/.local/share/gocross' }, prefix);
  const toWin = (v: string): string => (v.startsWith('/') ? win(v) : v);
  return { ...plan, set: plan.set.map((s) => ({ name: s.name, value: toWin(s.value) })), path: plan.path.map(toWin) };
}

/** What `gocross init` writes into an env, for cmd: the four hooks and the PATH entries file. */
function writeEnv(prefix: string, plan: HookPlan, extra: Record<string, string> = {}): void {
  for (const role of HOOK_ROLES) {
    const dir = join(prefix, 'etc', 'conda', `${hookDirKind(role)}.d`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, hookFileName(role, 'bat')), renderHook(role, 'bat', plan));
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(prefix, 'etc', 'conda', name), text);
  mkdirSync(join(prefix, 'etc', 'gocross'), { recursive: true });
  writeFileSync(join(prefix, 'etc', 'gocross', 'path-entries'), [`# ${MARKER}: the PATH entries this env's hooks add, one a line.`, ...plan.path, ''].join('\n'));
}

describe.skipIf(!WINE)('cmd hooks in Wine’s cmd, driven the way conda does on Windows', () => {
  const root = tempDir('gocross-cmd-');
  const winePrefix = join(root, 'wine');
  // Spaces, a quote, parentheses and an ampersand: every hook must quote the prefix right.
  const envs = join(root, "it's (x86) & envs");
  const arm = join(envs, 'arm');
  const amd = join(envs, 'amd v3');
  const forge = join(envs, 'with conda-forge go');
  const gorootA = join(root, 'sdk', 'go1.23.4');
  const gorootB = join(root, 'sdk', 'go1.22.0');
  const armPlan = windowsPlan(gorootA, 'linux/arm64', true, arm);

  beforeAll(async () => {
    writeEnv(arm, armPlan);
    writeEnv(amd, windowsPlan(gorootB, 'linux/amd64/v3', false, amd));
    // conda-forge's go-nocgo hook sorts between ours and restores nothing but its own marker.
    writeEnv(forge, windowsPlan(gorootA, 'linux/arm64', true, forge), {
      'activate.d/activate-z61-go-nocgo_win-64.bat': '@set "CONDA_GO_COMPILER=1"\r\n@set "GOARCH=amd64"\r\n@set "CGO_ENABLED=1"\r\n@set "GOFLAGS=-modcacherw -buildmode=pie -trimpath"\r\n',
      'deactivate.d/deactivate-z61-go-nocgo_win-64.bat': '@set "CONDA_GO_COMPILER="\r\n',
    });
    await warmUp(WINE ?? 'wine64', winePrefix);
  });

  const startLines = (state: StartState, path: StartState = state): string[] => [
    `@set "PATH=${START_PATH[path]}"`,
    ...['CONDA_PREFIX', 'CONDA_SHLVL', 'CONDA_PREFIX_1'].map((name) => set(name, null)),
    ...Object.entries(START[state]).map(([k, v]) => set(k, v)),
  ];

  /** Runs the driver; the hooks must print nothing, with echo on. */
  const script = async (lines: (out: (name: string) => string) => string[]) => {
    const dir = join(root, `run-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    const out = (name: string): string => join(dir, name);
    const { read, stdout } = await runCmd(WINE ?? 'wine64', winePrefix, dir, lines(out));
    expect(stdout.trim()).toBe('');
    return (name: string): Record<string, string> => parseSet(read(name));
  };

  const entries = (vars: Record<string, string>): string[] => (vars.PATH ?? '').split(';');

  it.each(['unset', 'other'] as StartState[])('activates linux/arm64 and deactivates back to exactly the start (%s)', async (state) => {
    const read = await script((out) => [...startLines(state), dump(out('before')), ...activate(arm, 1), dump(out('active')), ...deactivate(arm, 1, null), dump(out('after'))]);
    const active = read('active');
    expect(active).toMatchObject({ GOROOT: win(gorootA), GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOPATH: win(join(arm, 'share', 'gocross', 'gopath')) });
    for (const name of ['GOBIN', 'GOARM', 'GOAMD64']) expect(active[name]).toBeUndefined();
    expect(entries(active)).toEqual([win(join(gorootA, 'bin')), win(join(arm, 'etc', 'gocross', 'bin')), ...condaDirs(arm), ...START_PATH[state].split(';')]);
    expect(read('after')).toEqual(read('before'));
    if (state === 'other') expect(read('after')).toMatchObject(OTHER);
  });

  it('drops -buildmode=pie from GOFLAGS, keeps the rest as it was, and puts it back on deactivation', async () => {
    const cases: [string, string | undefined][] = [
      ['-modcacherw -buildmode=pie -trimpath', '-modcacherw -trimpath'],
      ['-buildmode=pie', undefined],
      ['--buildmode=pie  -mod=mod -buildmode=pie', '-mod=mod'],
      ['-buildmode=exe  -mod=mod', '-buildmode=exe  -mod=mod'],
    ];
    const read = await script((out) => [
      ...startLines('unset', 'other'),
      ...cases.flatMap(([start], i) => [set('GOFLAGS', start), dump(out(`before${i}`)), ...activate(arm, 1), dump(out(`active${i}`)), ...deactivate(arm, 1, null), dump(out(`after${i}`))]),
    ]);
    cases.forEach(([start, active], i) => {
      expect(read(`active${i}`).GOFLAGS).toBe(active);
      expect(read(`after${i}`)).toEqual(read(`before${i}`));
      expect(read(`after${i}`).GOFLAGS).toBe(start);
    });
  });

  it('is idempotent: calling the activate scripts twice, or reactivating, changes nothing', async () => {
    const read = await script((out) => [
      ...startLines('other'),
      dump(out('before')),
      ...activate(arm, 1),
      dump(out('once')),
      ...activateScriptsAgain(arm),
      dump(out('twice')),
      ...reactivate(arm),
      dump(out('reactivated')),
      ...deactivate(arm, 1, null),
      dump(out('after')),
    ]);
    expect(read('twice')).toEqual(read('once'));
    expect(read('reactivated')).toEqual(read('once'));
    expect(read('after')).toEqual(read('before'));
  });

  it('switching from one gocross env to another leaves none of the first one’s PATH entries', async () => {
    const read = await script((out) => [
      ...startLines('unset', 'other'),
      dump(out('before')),
      ...activate(arm, 1),
      ...switchEnv(arm, amd, 1),
      dump(out('switched')),
      ...deactivate(amd, 2, arm),
      dump(out('back')),
      ...deactivate(arm, 1, null),
      dump(out('after')),
    ]);
    const switched = read('switched');
    expect(switched).toMatchObject({ GOROOT: win(gorootB), GOARCH: 'amd64', GOAMD64: 'v3', GOBIN: win(join(amd, 'bin')), CONDA_SHLVL: '2' });
    expect(entries(switched)).toEqual([win(join(gorootB, 'bin')), ...condaDirs(amd), ...START_PATH.other.split(';')]);
    const back = read('back');
    expect(back).toMatchObject({ GOROOT: win(gorootA), GOARCH: 'arm64' });
    expect(back.GOAMD64).toBeUndefined();
    expect(entries(back)).toEqual([win(join(gorootA, 'bin')), win(join(arm, 'etc', 'gocross', 'bin')), ...condaDirs(arm), ...START_PATH.other.split(';')]);
    expect(read('after')).toEqual(read('before'));
  });

  it('wins over a conda-forge hook that sets GOARCH and GOFLAGS first, and restores what that hook never does', async () => {
    const read = await script((out) => [...startLines('unset'), dump(out('before')), ...activate(forge, 1), dump(out('active')), ...deactivate(forge, 1, null), dump(out('after'))]);
    expect(read('active')).toMatchObject({ GOARCH: 'arm64', CGO_ENABLED: '0', GOFLAGS: '-modcacherw -trimpath', CONDA_GO_COMPILER: '1' });
    expect(read('after')).toEqual(read('before'));
  });
});
