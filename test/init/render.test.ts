import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHooks } from '../../src/hooks/plan.js';
import { hookFileName, QUOTE, renderHook, SHELLS } from '../../src/hooks/render.js';
import { parseTarget } from '../../src/targets/index.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const plan = planHooks(
  { goroot: '/home/u/.local/share/gocross/sdk/go1.23.4', target: parseTarget('linux/arm/v7'), cgo: false, modcache: 'env', home: '/home/u/.local/share/gocross' },
  '/opt/conda/envs/tools',
  true,
);

describe('hook rendering', () => {
  // PowerShell, cmd and nushell are not on this machine: their hooks are pinned by golden files
  // (set GOCROSS_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and review the diff).
  it.each(SHELLS.flatMap((shell) => (['activate', 'deactivate'] as const).map((kind) => [kind, shell] as const)))('%s %s matches its golden file', (kind, shell) => {
    const text = renderHook(kind, shell, plan);
    const file = new URL(hookFileName(kind, shell), GOLDEN);
    if (process.env.GOCROSS_UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
    expect(text.split('\n')[0]).toContain('gocross-managed');
    expect(text).not.toContain('@BODY@');
  });

  it('plans the target variables, the module cache choice and the PATH entries', () => {
    expect(Object.fromEntries(plan.set.map((s) => [s.name, s.value]))).toEqual({
      GOROOT: '/home/u/.local/share/gocross/sdk/go1.23.4',
      GOBIN: '/opt/conda/envs/tools/bin',
      GOPATH: '/opt/conda/envs/tools/share/gocross/gopath',
      GOMODCACHE: '/opt/conda/envs/tools/share/gocross/gopath/pkg/mod',
      GOFLAGS: '-modcacherw',
      GOTOOLCHAIN: 'local',
      GOOS: 'linux',
      GOARCH: 'arm',
      GOARM: '7',
      CGO_ENABLED: '0',
    });
    expect(plan.clear).toEqual(['GOAMD64']);
    expect(plan.path).toEqual(['/home/u/.local/share/gocross/sdk/go1.23.4/bin', '/opt/conda/envs/tools/etc/gocross/bin']);
  });

  it.each([
    ['sh', "it's $x", `'it'\\''s $x'`],
    ['csh', "it's !x", `'it'\\''s \\!x'`],
    ['fish', "it's \\x", `'it\\'s \\\\x'`],
    ['ps1', "it's", `'it''s'`],
    ['bat', '100%', '100%%'],
    ['nu', 'say "hi"', '"say \\"hi\\""'],
  ] as const)('quotes for %s', (shell, value, quoted) => {
    expect(QUOTE[shell](value)).toBe(quoted);
  });

  it('refuses a value with a line break instead of writing a broken hook', () => {
    expect(() => QUOTE.sh('a\nb')).toThrow(/line break/);
  });
});
