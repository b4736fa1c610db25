import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHooks } from '../../src/activation/plan.js';
import { HOOK_ROLES, hookFileName, QUOTE, renderHook } from '../../src/activation/render.js';
import { parseTarget } from '../../src/targets/index.js';

const GOLDEN = new URL('./golden/', import.meta.url);
// The same plan as render.test.ts: a foreign target with a PIE-dropping, -modcacherw-adding GOFLAGS rule.
const settings = { goroot: '/home/u/.local/share/gocross/sdk/go1.23.4', target: parseTarget('linux/arm/v7'), foreign: true, cgo: false, modcache: 'env' as const, home: '/home/u/.local/share/gocross' };
const plan = planHooks(settings, '/opt/conda/envs/tools');
const SHELLS = ['nu', 'bat', 'ps1'] as const;

describe('hook rendering for nushell, cmd and PowerShell', () => {
  // PowerShell is not on this machine, and Wine's cmd is a reimplementation: the golden files pin
  // the exact text (set GOCROSS_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and
  // review the diff). nushell and cmd also run for real (nushell.test.ts, cmd.test.ts).
  it.each(SHELLS.flatMap((shell) => HOOK_ROLES.map((role) => [role, shell] as const)))('%s %s matches its golden file', (role, shell) => {
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

  it('writes cmd hooks with CRLF line ends only: cmd can miss a label in a file with bare LFs', () => {
    for (const role of HOOK_ROLES) expect(renderHook(role, 'bat', plan)).not.toMatch(/(^|[^\r])\n/);
  });

  it('saves and restores every variable, and hands each PATH entry and flag to the helpers', () => {
    for (const shell of SHELLS) {
      const save = renderHook('save', shell, plan);
      const restore = renderHook('restore', shell, plan);
      for (const name of plan.saved) {
        expect(save).toMatch(new RegExp(`gocross_save ${name}\\b`));
        expect(restore).toMatch(new RegExp(`gocross_restore ${name}\\b`));
      }
      const apply = renderHook('apply', shell, plan);
      for (const entry of plan.path) expect(apply).toContain(entry);
      expect(apply).toContain('-buildmode=pie');
      expect(apply).toContain('-modcacherw');
    }
  });

  it.each([
    ['ps1', "it's", `'it''s'`],
    ['ps1', 'it’s', `'it’’s'`],
    ['bat', '100%', '100%%'],
    ['bat', 'a"b&c"d', 'a"b^&c"d'],
    ['nu', 'say "hi"', '"say \\"hi\\""'],
    ['nu', 'a\u0001b', '"a\\u{0001}b"'],
  ] as const)('quotes for %s: %s', (shell, value, quoted) => {
    expect(QUOTE[shell](value)).toBe(quoted);
  });

  it('refuses a value with a line break instead of writing a broken hook', () => {
    for (const shell of SHELLS) expect(() => QUOTE[shell]('a\r\nb')).toThrow(/line break/);
  });
});
