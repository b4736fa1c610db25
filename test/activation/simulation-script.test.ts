import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateActivation } from '../../src/activation/simulation/run.js';
import { activationBase, condaEnvVars, renderActivationScript, UNSET_MARKER } from '../../src/activation/simulation/script.js';
import { varHistory } from '../../src/activation/simulation/trace.js';
import { condaPrefix } from '../doctor/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * The activation simulation run in real shells: conda's order (env_vars.d, conda-meta/state,
 * activate.d A→Z), conda's merge of env vars, only exported values counting, and the deactivation
 * after it. Each shell is the login shell doctor would pick (SHELL).
 */
const SHELLS = ['bash', 'dash', 'zsh'] as const;
const found = Object.fromEntries(SHELLS.map((s) => [s, requireTool(s)])) as Record<(typeof SHELLS)[number], string | undefined>;
const TRACK = ['GOOS', 'GOARCH', 'GOFLAGS', 'GOTOOLCHAIN', 'GOBIN', 'PATH', 'FROM_STATE', 'HIDDEN'];

describe('the activation simulation', () => {
  const root = tempDir('gocross-activation-');
  let n = 0;
  // A space and a quote in the path: every step must quote it.
  const fresh = (): string => join(root, `it's env ${++n}`);

  const env = (extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
    PATH: '/usr/bin:/bin',
    HOME: root,
    GOOS: undefined,
    GOARCH: undefined,
    GOFLAGS: undefined,
    GOTOOLCHAIN: undefined,
    GOBIN: undefined,
    CONDA_PREFIX: undefined,
    CONDA_SHLVL: undefined,
    ...extra,
  });

  for (const shell of SHELLS) {
    describe.skipIf(!found[shell])(shell, () => {
      it('follows conda’s order and merge, and says who set what', async () => {
        const prefix = condaPrefix(fresh(), {
          envVarsD: { 'a.json': { GOTOOLCHAIN: 'local', GOBIN: '/from/a' }, 'b.json': { GOTOOLCHAIN: 'path' } },
          stateVars: { FROM_STATE: 'yes', GOBIN: UNSET_MARKER },
          activate: {
            'activate-z61-go.sh': 'export GOARCH=arm64\nexport GOFLAGS="-buildmode=pie -trimpath"\n',
            'activate-b10-first.sh': 'export GOARCH=riscv64\nHIDDEN=not-exported\n',
            'activate-z70-other.csh': 'setenv GOARCH mips\n',
          },
          deactivate: { 'deactivate-z61-go.sh': 'unset GOARCH\n' },
        });
        const sim = await simulateActivation({ prefix, env: env({ SHELL: found[shell], GOBIN: '/shell/bin' }), cwd: root, watched: [], track: TRACK });
        expect(sim.shell).toBe(found[shell]);
        expect(sim.stderr).toBe('');
        expect(sim.stoppedAt).toBeNull();
        expect(sim.steps.map((s) => `${s.kind} ${s.source.split('/').pop()}`)).toEqual([
          'shell ',
          'conda ',
          'env-vars a.json',
          'env-vars b.json',
          'state state',
          'activate activate-b10-first.sh',
          'activate activate-z61-go.sh',
          'deactivate-path ',
          'deactivate deactivate-z61-go.sh',
          'conda-deactivate ',
        ]);
        const h = (name: string) => varHistory(name, sim.steps, sim.envs, sim.activated);
        // The .sh scripts A→Z: z61 runs after b10 and wins; the .csh one never runs.
        expect(h('GOARCH')).toMatchObject({ base: undefined, value: 'arm64', changes: [{ step: 5, value: 'riscv64' }, { step: 6, value: 'arm64' }], afterDeactivate: undefined });
        // b.json after a.json; ***unset*** in conda-meta/state drops GOBIN altogether: the shell's stays.
        expect(h('GOTOOLCHAIN').value).toBe('path');
        expect(h('GOBIN')).toMatchObject({ value: '/shell/bin', changes: [] });
        expect(h('FROM_STATE')).toMatchObject({ value: 'yes', changes: [{ step: 4, value: 'yes' }] });
        // Set but not exported: go never sees it.
        expect(h('HIDDEN').value).toBeUndefined();
        expect(sim.active?.HIDDEN).toBeUndefined();
        expect(h('PATH').value?.split(':')[0]).toBe(join(prefix, 'bin'));
        // conda deactivate: GOFLAGS stays (nothing restores it), conda "unsets" its env vars with ''.
        expect(h('GOFLAGS').afterDeactivate).toBe('-buildmode=pie -trimpath');
        expect(h('GOTOOLCHAIN').afterDeactivate).toBe('');
        expect(h('PATH').afterDeactivate).toBe('/usr/bin:/bin');
        expect(sim.active?.CONDA_PREFIX).toBe(prefix);
        expect(sim.active?.CONDA_SHLVL).toBe('1');
      });

      it('puts a value conda clobbered back on deactivation, from __CONDA_SHLVL_0_<VAR>', async () => {
        const prefix = condaPrefix(fresh(), { stateVars: { GOFLAGS: '-mod=vendor' } });
        const sim = await simulateActivation({ prefix, env: env({ SHELL: found[shell], GOFLAGS: '-mod=mod' }), cwd: root, watched: [], track: TRACK });
        const h = varHistory('GOFLAGS', sim.steps, sim.envs, sim.activated);
        expect(h).toMatchObject({ base: '-mod=mod', value: '-mod=vendor', afterDeactivate: '-mod=mod' });
      });

      it('stops where a script ends the shell, and keeps what ran before', async () => {
        const prefix = condaPrefix(fresh(), { activate: { 'activate-a.sh': 'export GOOS=linux\n', 'activate-b.sh': 'exit 3\n', 'activate-c.sh': 'export GOARCH=arm64\n' } });
        const sim = await simulateActivation({ prefix, env: env({ SHELL: found[shell] }), cwd: root, watched: [], track: TRACK });
        expect(sim.stoppedAt?.source).toBe(join(prefix, 'etc', 'conda', 'activate.d', 'activate-b.sh'));
        expect(varHistory('GOOS', sim.steps, sim.envs, sim.activated)).toMatchObject({ value: 'linux', afterDeactivate: null });
        expect(sim.active).toBeNull();
      });
    });
  }

  it.skipIf(!found.dash)('survives a script with a syntax error in dash, as conda’s interactive shell does', async () => {
    const prefix = condaPrefix(fresh(), { activate: { 'activate-a.sh': 'export GOOS=linux\nif then\n', 'activate-b.sh': 'export GOARCH=arm64\n' } });
    const sim = await simulateActivation({ prefix, env: env({ SHELL: found.dash }), cwd: root, watched: [], track: TRACK });
    expect(sim.stoppedAt).toBeNull();
    expect(sim.stderr).toMatch(/Syntax error/);
    expect(varHistory('GOARCH', sim.steps, sim.envs, sim.activated).value).toBe('arm64');
  });

  it('starts from the shell with an active env taken out: its bin, hook PATH entries, CONDA_* state, env vars and touched variables', async () => {
    const other = condaPrefix(fresh(), {
      envVarsD: { 'go.json': { GOTOOLCHAIN: 'local' } },
      stateVars: { GOFLAGS: '-mod=vendor' },
      activate: { 'activate-z61-go.sh': 'export GOARCH=arm64\n' },
    });
    mkdirSync(join(other, 'etc', 'gocross'), { recursive: true });
    writeFileSync(join(other, 'etc', 'gocross', 'path-entries'), '# entries\n/sdk/go/bin\n');
    const shell = env({
      PATH: `/sdk/go/bin:${join(other, 'bin')}:/usr/bin:/bin`,
      CONDA_PREFIX: other,
      CONDA_SHLVL: '1',
      CONDA_DEFAULT_ENV: other,
      GOTOOLCHAIN: 'local',
      GOFLAGS: '-mod=vendor',
      __CONDA_SHLVL_0_GOFLAGS: '-trimpath',
      GOARCH: 'arm64',
      GOPATH: '/home/me/go',
      SHELL: found.bash ?? found.dash,
    });
    const prefix = condaPrefix(fresh());
    const sim = await simulateActivation({ prefix, env: shell, cwd: root, watched: ['GOARCH', 'GOPATH'], track: [...TRACK, 'GOPATH', 'CONDA_DEFAULT_ENV'] });
    expect(sim.base).toMatchObject({ PATH: '/usr/bin:/bin', GOFLAGS: '-trimpath', GOTOOLCHAIN: undefined, GOARCH: undefined, GOPATH: '/home/me/go', CONDA_PREFIX: undefined, __CONDA_SHLVL_0_GOFLAGS: undefined });
    expect(sim.baseDescription).toContain(other);
    const h = (name: string) => varHistory(name, sim.steps, sim.envs, sim.activated);
    expect(h('PATH').value).toBe(`${join(prefix, 'bin')}:/usr/bin:/bin`);
    expect(h('GOARCH').value).toBeUndefined();
    expect(h('CONDA_DEFAULT_ENV').value).toBe(prefix);
  });

  it('renders pure text: the merge drops ***unset*** names, and no name outside [A-Za-z_][A-Za-z0-9_]* reaches the shell', () => {
    expect(condaEnvVars([{ file: 'a', vars: { X: '1', 'bad-name': '2' } }], { file: 's', vars: { X: UNSET_MARKER, Y: '3' } })).toEqual({ Y: '3' });
    const { script } = renderActivationScript({
      prefix: '/p',
      defaultEnv: '/p',
      base: { PATH: '/bin' },
      envVarsD: [{ file: '/p/etc/conda/env_vars.d/a.json', vars: { 'bad-name': '$(touch /tmp/x)' } }],
      state: null,
      activate: [],
      deactivate: [],
      track: ['GOOS', 'no;such'],
      envCommand: '/usr/bin/env',
      dot: '.',
    });
    expect(script).not.toContain('bad-name');
    expect(script).not.toContain('no;such');
    expect(activationBase({ PATH: '/a:/b' }, []).description).toBe('the current shell');
  });
});
