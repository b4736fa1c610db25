import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHooks, SAVED_VARS } from '../../src/activation/plan.js';
import { HOOK_ROLES, hookFileName, QUOTE, renderHook } from '../../src/activation/render.js';
import { parseTarget } from '../../src/targets/index.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const settings = { goroot: '/home/u/.local/share/gocross/sdk/go1.23.4', target: parseTarget('linux/arm/v7'), foreign: true, cgo: false, modcache: 'env' as const, home: '/home/u/.local/share/gocross' };
const plan = planHooks(settings, '/opt/conda/envs/tools');

describe('hook rendering', () => {
  // The shells run here are also exercised for real (shells.test.ts); the golden files pin the
  // exact text (set GOCROSS_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and review the diff).
  it.each((['sh', 'csh', 'fish'] as const).flatMap((shell) => HOOK_ROLES.map((role) => [role, shell] as const)))('%s %s matches its golden file', (role, shell) => {
    const text = renderHook(role, shell, plan);
    const file = new URL(hookFileName(role, shell), GOLDEN);
    if (process.env.GOCROSS_UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
    expect(text.split('\n')[0]).toContain('gocross-managed');
    expect(text).not.toContain('@BODY@');
  });

  it('names the hooks so that saving runs before every package hook and restoring after them', () => {
    expect(HOOK_ROLES.map((role) => hookFileName(role, 'sh'))).toEqual(['activate-a00-gocross.sh', 'activate-z90-gocross.sh', 'deactivate-z90-gocross.sh', 'deactivate-a00-gocross.sh']);
    // conda sorts by path: a00 before conda-forge's z61 hooks, z90 after them.
    expect(['activate-z61-go-nocgo_linux-64.sh', 'activate-a00-gocross.sh', 'activate-z90-gocross.sh'].sort()).toEqual(['activate-a00-gocross.sh', 'activate-z61-go-nocgo_linux-64.sh', 'activate-z90-gocross.sh']);
  });

  it('plans the target variables, the module cache choice and the PATH entries', () => {
    expect(Object.fromEntries(plan.set.map((s) => [s.name, s.value]))).toEqual({
      GOROOT: '/home/u/.local/share/gocross/sdk/go1.23.4',
      GOPATH: '/opt/conda/envs/tools/share/gocross/gopath',
      GOMODCACHE: '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod',
      GOTOOLCHAIN: 'local',
      GOOS: 'linux',
      GOARCH: 'arm',
      GOARM: '7',
      CGO_ENABLED: '0',
    });
    // A foreign target: go install refuses cross-compiled binaries while GOBIN is set.
    expect(plan.clear).toEqual(['GOBIN', 'GOAMD64']);
    expect(plan.goflags).toEqual({ kind: 'filter', drop: ['-buildmode=pie', '--buildmode=pie'], add: ['-modcacherw'] });
    expect(plan.path).toEqual(['/home/u/.local/share/gocross/sdk/go1.23.4/bin', '/opt/conda/envs/tools/etc/gocross/bin']);
    // Everything the late hook touches was saved by the early one.
    for (const name of [...plan.set.map((s) => s.name), ...plan.clear, 'GOFLAGS']) expect(SAVED_VARS).toContain(name);
  });

  it('keeps GOBIN and -buildmode=pie where they do no harm, and takes --goflags as given', () => {
    const native = planHooks({ ...settings, target: parseTarget('linux/amd64'), foreign: false, cgo: true, modcache: 'shared' }, '/env');
    expect(native.set.find((s) => s.name === 'GOBIN')?.value).toBe('/env/bin');
    expect(native.goflags).toEqual({ kind: 'filter', drop: [], add: [] });
    expect(native.path).toEqual(['/home/u/.local/share/gocross/sdk/go1.23.4/bin']);
    expect(planHooks({ ...settings, goflags: ' -mod=mod   -race ' }, '/env').goflags).toEqual({ kind: 'set', value: '-mod=mod -race' });
  });

  it.each([
    ['sh', "it's $x", `'it'\\''s $x'`],
    ['csh', "it's !x", `'it'\\''s \\!x'`],
    ['fish', "it's \\x", `'it\\'s \\\\x'`],
  ] as const)('quotes for %s', (shell, value, quoted) => {
    expect(QUOTE[shell](value)).toBe(quoted);
  });

  it('refuses a value with a line break instead of writing a broken hook', () => {
    expect(() => QUOTE.sh('a\nb')).toThrow(/line break/);
  });
});
