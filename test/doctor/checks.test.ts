import { describe, expect, it } from 'vitest';
import { scanScript } from '../../src/activation/records.js';
import { fromRecords } from '../../src/doctor/attribution.js';
import { runChecks } from '../../src/doctor/checks.js';
import type { Snapshot } from '../../src/doctor/snapshot.js';
import { parseTarget } from '../../src/targets/index.js';

/**
 * gotoolchain.auto needs a Go of 1.21 or newer, which this machine does not have (Debian's Go
 * is 1.19); the check is pure, so it is tested here on snapshots as gather.ts makes them.
 */
const snapshot = (goversion: string, gotoolchain: string | undefined, project: string): Snapshot => ({
  host: parseTarget('linux/amd64'),
  env: { GOTOOLCHAIN: gotoolchain },
  gos: [{ path: '/env/bin/go', real: '/sdk/go/bin/go', root: '/sdk/go', goEnv: { GOVERSION: goversion, GOTOOLCHAIN: gotoolchain ?? 'auto', GOPATH: '/env/gopath' }, error: null }],
  goroot: { path: '/sdk/go', from: 'go', exists: true, hasRuntime: true, hasTool: true, versionFile: goversion },
  condaEnv: { kind: 'conda', prefix: '/env', name: 'env', via: '--prefix' },
  active: false,
  inForce: 'shell',
  activation: null,
  records: { packages: [], stateVars: {}, envVarsD: [], activate: [], deactivate: [] },
  profiles: [],
  project: { version: project, file: '/work/go.mod', via: 'toolchain' },
  targets: [],
  crossCompilers: {},
  hooks: null,
  execWrappers: [],
  wrappers: [],
});

const ids = (s: Snapshot): string[] => runChecks(s).map((f) => f.id);

describe('gotoolchain.auto', () => {
  it('fires when go.mod wants a newer Go and GOTOOLCHAIN allows downloads', () => {
    for (const setting of [undefined, 'auto', 'go1.22.0+auto', 'local+auto']) {
      const finding = runChecks(snapshot('go1.22.0', setting, 'go1.23.4')).find((f) => f.id === 'gotoolchain.auto');
      expect(finding?.title).toBe('go will download go1.23.4 from outside the env');
    }
  });

  it('is quiet with GOTOOLCHAIN=local or path, or when the SDK is new enough', () => {
    expect(ids(snapshot('go1.22.0', 'local', 'go1.23.4'))).not.toContain('gotoolchain.auto');
    expect(ids(snapshot('go1.22.0', 'path', 'go1.23.4'))).not.toContain('gotoolchain.auto');
    expect(ids(snapshot('go1.23.4', undefined, 'go1.23.4'))).not.toContain('gotoolchain.auto');
    expect(ids(snapshot('go1.23.4', undefined, '1.22'))).not.toContain('gotoolchain.auto');
  });

  it('a clean snapshot has no findings at all', () => {
    expect(runChecks(snapshot('go1.23.4', 'local', 'go1.23.4'))).toEqual([]);
  });
});

describe('scanScript', () => {
  it.each([
    ['export GOARCH=arm64', { GOARCH: 'arm64' }],
    ['GOOS="linux"', { GOOS: 'linux' }],
    ['setenv CGO_ENABLED 0', { CGO_ENABLED: '0' }],
    ['set -gx GOFLAGS "-trimpath"', { GOFLAGS: '-trimpath' }],
    ['$env:GOROOT = "C:\\go"', { GOROOT: 'C:\\go' }],
    ['@set "GOARCH=arm64"', { GOARCH: 'arm64' }],
    ['# export GOARCH=arm64', {}],
    ['export JAVA_HOME=/x', {}],
  ])('%s', (line, sets) => {
    expect(scanScript(line).sets).toEqual(sets);
  });

  it('lists the Go variables a script mentions (restores count)', () => {
    expect(scanScript('if [ -n "$_OLD_GOARCH" ]; then export GOARCH="$_OLD_GOARCH"; else unset GOARCH; fi').mentions).toEqual(['GOARCH']);
  });
});

describe('without a POSIX shell (Windows): the env’s scripts are read, not run', () => {
  const records = {
    packages: [],
    stateVars: { GOFLAGS: '-mod=vendor', GOBIN: '***unset***' },
    envVarsD: [{ file: '/env/etc/conda/env_vars.d/x.json', vars: { GOFLAGS: '-mod=mod', GOBIN: '/x' } }],
    activate: [
      { name: 'activate-z61-go.sh', path: '/env/etc/conda/activate.d/activate-z61-go.sh', ...scanScript('export GOARCH=arm64\n') },
      { name: 'activate-z61-go.bat', path: '/env/etc/conda/activate.d/activate-z61-go.bat', ...scanScript('set "GOOS=windows"\n') },
    ],
    deactivate: [],
  };
  const s: Snapshot = { ...snapshot('go1.23.4', 'local', 'go1.23.4'), records, activation: fromRecords(records, null, () => null) };

  it('orders conda’s sources as conda does: env_vars.d, then conda-meta/state (whose ***unset*** drops the name altogether)', () => {
    expect(s.activation?.vars.GOFLAGS?.origin.kind).toBe('state');
    expect(s.activation?.vars.GOFLAGS?.value).toBe('-mod=vendor');
    expect(s.activation?.vars.GOBIN).toMatchObject({ value: undefined, sets: [], origin: { kind: 'shell' } });
    expect(s.activation?.simulated).toBe(false);
  });

  it('keeps today’s findings: who sets what, and no restore when no deactivate script mentions it', () => {
    const findings = runChecks(s);
    expect(findings.find((f) => f.id === 'activate.foreign-go-vars' && f.title.startsWith('GOARCH'))?.detail).toContain('activate-z61-go.sh runs last and wins');
    expect(findings.find((f) => f.id === 'activate.foreign-go-vars' && f.title.startsWith('GOFLAGS'))?.fix).toContain('conda env config vars unset GOFLAGS -p /env');
    expect(findings.find((f) => f.id === 'activate.no-restore')?.title).toBe('activate-z61-go.sh sets GOARCH and nothing restores them on deactivate');
    // .bat scripts are not scanned on this path (as before).
    expect(findings.some((f) => f.title.startsWith('GOOS'))).toBe(false);
  });
});
