import { describe, expect, it } from 'vitest';
import { chooseGo, satisfies } from '../../src/toolchain/choice.js';
import { foreignFiles, parseManifest, renderManifest } from '../../src/matrix/manifest.js';
import { chooseCompiler, expectationsFor, goBuildFlags, outputName, parseCcFlags, planMatrix, targetEnv } from '../../src/matrix/plan.js';
import { commandLine } from '../../src/matrix/report.js';
import { firstLine, planSmoke, smokeAttempts } from '../../src/matrix/smoke.js';
import { renderSums } from '../../src/matrix/sums.js';
import { chooseTargets } from '../../src/matrix/targets.js';
import type { CrossCompiler } from '../../src/compilers/found.js';
import { parseTarget } from '../../src/targets/index.js';
import { thrown } from '../helpers/errors.js';

const t = (name: string) => parseTarget(name);
const host = t('linux/amd64');
const debianArm64: CrossCompiler = { kind: 'debian', cc: '/usr/bin/aarch64-linux-gnu-gcc', cxx: '/usr/bin/aarch64-linux-gnu-g++', sysroot: '/usr/aarch64-linux-gnu' };

describe('output names', () => {
  it.each([
    ['linux/amd64', 'hello_linux_amd64'],
    ['linux/arm/v7', 'hello_linux_arm_v7'],
    ['linux/amd64/v3', 'hello_linux_amd64_v3'],
    ['windows/amd64', 'hello_windows_amd64.exe'],
    ['windows/arm64', 'hello_windows_arm64.exe'],
    ['darwin/arm64', 'hello_darwin_arm64'],
    // Docker's spelling of the same target gives the same name.
    ['linux/arm64/v8', 'hello_linux_arm64'],
  ])('%s → %s', (target, name) => {
    expect(outputName('hello', t(target))).toBe(name);
  });
});

describe('go build flags', () => {
  it('trims paths, fixes -buildvcs and appends main.version to the linker flags', () => {
    expect(goBuildFlags({ ldflags: '-s -w', version: '1.2.3', vcs: false })).toEqual(['build', '-trimpath', '-buildvcs=false', '-ldflags', '-s -w -X main.version=1.2.3']);
    expect(goBuildFlags({ ldflags: '-s -w', vcs: true, tags: 'netgo,osusergo' })).toEqual(['build', '-trimpath', '-buildvcs=true', '-ldflags', '-s -w', '-tags', 'netgo,osusergo']);
  });
  it('quotes a version with spaces for go, and drops empty linker flags', () => {
    expect(goBuildFlags({ ldflags: '-s -w', version: '1.0 beta', vcs: false })[4]).toBe("-s -w -X 'main.version=1.0 beta'");
    expect(goBuildFlags({ ldflags: '', vcs: false })).toEqual(['build', '-trimpath', '-buildvcs=false']);
    expect(goBuildFlags({ ldflags: '  ', version: 'v2', vcs: false })).toEqual(['build', '-trimpath', '-buildvcs=false', '-ldflags', '-X main.version=v2']);
  });
});

describe('environment per target', () => {
  it('sets GOARM from the variant and unsets GOAMD64, CC and GOFLAGS', () => {
    expect(targetEnv(t('linux/arm/v7'), '/go', false, null)).toEqual({
      GOROOT: '/go', GOOS: 'linux', GOARCH: 'arm', GOARM: '7', GOAMD64: undefined, CGO_ENABLED: '0', CC: undefined, CXX: undefined, GOTOOLCHAIN: 'local', GOFLAGS: undefined,
    });
  });
  it('keeps the environment\'s GOFLAGS less -buildmode=pie for static targets, or takes the env\'s --goflags', () => {
    const forge = { current: '-modcacherw -buildmode=pie -trimpath', explicit: null };
    expect(targetEnv(t('linux/arm64'), '/go', false, null, forge).GOFLAGS).toBe('-modcacherw -trimpath');
    // With cgo, a PIE is linked by the C compiler and runs where the libc is: left as it is.
    expect(targetEnv(t('linux/arm64'), '/go', true, null, forge).GOFLAGS).toBe(forge.current);
    expect(targetEnv(t('windows/amd64'), '/go', false, null, forge).GOFLAGS).toBe(forge.current);
    expect(targetEnv(t('linux/arm64'), '/go', false, null, { current: '-buildmode=pie', explicit: null }).GOFLAGS).toBeUndefined();
    expect(targetEnv(t('linux/arm64'), '/go', false, null, { current: forge.current, explicit: '-mod=vendor' }).GOFLAGS).toBe('-mod=vendor');
  });
  it('sets GOAMD64 and the cgo compilers', () => {
    const env = targetEnv(t('linux/amd64/v3'), '/go', true, { cc: 'cc1', cxx: 'cxx1', sysroot: null, from: 'flag' });
    expect(env).toMatchObject({ GOAMD64: 'v3', GOARM: undefined, CGO_ENABLED: '1', CC: 'cc1', CXX: 'cxx1' });
  });
});

describe('what verify expects', () => {
  it('static linkage for ELF without cgo only', () => {
    expect(expectationsFor(t('linux/arm/v7'), false)).toEqual({ goos: 'linux', goarch: 'arm', goarm: '7', linkage: 'static', cgo: false });
    expect(expectationsFor(t('linux/arm64'), true)).toEqual({ goos: 'linux', goarch: 'arm64', cgo: true });
    expect(expectationsFor(t('darwin/arm64'), false)).toEqual({ goos: 'darwin', goarch: 'arm64', cgo: false });
    expect(expectationsFor(t('windows/amd64'), false)).toEqual({ goos: 'windows', goarch: 'amd64', cgo: false });
    expect(expectationsFor(t('linux/amd64/v2'), false)).toMatchObject({ goamd64: 'v2', linkage: 'static' });
  });
});

describe('cgo compilers', () => {
  const none = new Map<string, string>();
  it('--cc wins, then the first cross compiler found; a native build keeps go default cc', () => {
    const flags = new Map([['linux/arm64', 'my-cc']]);
    expect(chooseCompiler(t('linux/arm64'), { host, flags, found: [debianArm64] }).compiler).toEqual({ cc: 'my-cc', cxx: null, sysroot: '/usr/aarch64-linux-gnu', from: 'flag' });
    expect(chooseCompiler(t('linux/arm64'), { host, flags: none, found: [debianArm64] }).compiler).toEqual({ cc: debianArm64.cc, cxx: debianArm64.cxx, sysroot: debianArm64.sysroot, from: 'debian' });
    expect(chooseCompiler(t('linux/amd64'), { host, flags: none, found: [] })).toEqual({ compiler: null, blocked: null });
  });
  it('a foreign target without one is blocked with the install commands', () => {
    const { compiler, blocked } = chooseCompiler(t('linux/riscv64'), { host, flags: none, found: [] });
    expect(compiler).toBeNull();
    expect(blocked?.message).toBe("cgo for linux/riscv64 needs a C cross compiler (riscv64-linux-gnu-gcc or conda's riscv64-conda-linux-gnu-cc), and none was found.");
    expect(blocked?.hint).toContain('apt-get install gcc-riscv64-linux-gnu g++-riscv64-linux-gnu libc6-dev-riscv64-cross');
    expect(blocked?.hint).toContain('--cc linux/riscv64=CC');
  });
  it('parses --cc TARGET=CC through the target parser', () => {
    expect([...parseCcFlags(['aarch64=/opt/cc', 'linux/arm/v7=arm-cc'], t)]).toEqual([['linux/arm64', '/opt/cc'], ['linux/arm/v7', 'arm-cc']]);
    expect(thrown(() => parseCcFlags(['aarch64-linux-gnu-gcc'], t)).code).toBe('build.cc');
    expect(thrown(() => parseCcFlags(['linux/nope=cc'], t)).exitCode).toBe(2);
  });
});

describe('the matrix', () => {
  it('one job per package and target; cgo only blocks the targets without a compiler', () => {
    const jobs = planMatrix({
      packages: [{ pattern: './cmd/alpha', name: 'alpha' }, { pattern: './cmd/beta', name: 'beta' }],
      targets: [t('linux/arm64'), t('linux/riscv64')],
      outDir: '/out',
      goroot: '/go',
      cgo: true,
      flags: { ldflags: '-s -w', vcs: false },
      compilers: (target) => ({ host, flags: new Map(), found: target.goarch === 'arm64' ? [debianArm64] : [] }),
    });
    expect(jobs.map((j) => [j.output, j.blocked === null, j.env.CC])).toEqual([
      ['/out/alpha_linux_arm64', true, debianArm64.cc],
      ['/out/alpha_linux_riscv64', false, undefined],
      ['/out/beta_linux_arm64', true, debianArm64.cc],
      ['/out/beta_linux_riscv64', false, undefined],
    ]);
    expect(commandLine(jobs[0]!, '/go/bin/go', 'dist')).toBe(
      "GOOS=linux GOARCH=arm64 CGO_ENABLED=1 CC=/usr/bin/aarch64-linux-gnu-gcc CXX=/usr/bin/aarch64-linux-gnu-g++ GOTOOLCHAIN=local /go/bin/go build -trimpath -buildvcs=false -ldflags '-s -w' -o dist/alpha_linux_arm64 ./cmd/alpha",
    );
  });
});

describe('targets', () => {
  const matrix = { value: ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'], source: 'default', isDefault: true };
  const names = (choice: ReturnType<typeof chooseTargets>) => choice.targets.map((x) => x.target);
  it('flag > [build] targets > target setting > env target > default', () => {
    const all = { matrix: { value: ['linux/s390x'], source: 'project config gocross.ini:3', isDefault: false }, configured: { value: 'linux/ppc64le', source: 'env GOCROSS_TARGET' }, envTarget: { value: 'linux/arm64', file: '/env/etc/gocross/env-settings.ini' } };
    expect(names(chooseTargets({ ...all, flag: 'aarch64, x86_64,linux-aarch64' }))).toEqual(['linux/arm64', 'linux/amd64']);
    expect(chooseTargets(all)).toMatchObject({ why: 'from project config gocross.ini:3' });
    expect(names(chooseTargets({ ...all, matrix }))).toEqual(['linux/ppc64le']);
    expect(chooseTargets({ matrix, envTarget: all.envTarget })).toMatchObject({ why: "the env's target (/env/etc/gocross/env-settings.ini)" });
    expect(chooseTargets({ matrix })).toMatchObject({ why: 'the default matrix' });
    expect(names(chooseTargets({ matrix }))).toEqual(matrix.value);
  });
  it('a bad or empty --targets is a usage error naming the target', () => {
    const bad = thrown(() => chooseTargets({ matrix, flag: 'linux/amd64,linux/arm65' }));
    expect(bad.exitCode).toBe(2);
    expect(bad.message).toContain('arm65');
    expect(thrown(() => chooseTargets({ matrix, flag: ' , ' })).code).toBe('build.targets');
  });
});

describe('which Go', () => {
  const base = { installed: [] as string[], home: '/h' };
  const pathGo = { path: '/usr/bin/go', goroot: '/usr/lib/go-1.19', version: 'go1.19.8' };
  const goLine = { version: '1.19', file: '/m/go.mod', via: 'go' };
  it('compares Go versions', () => {
    expect(satisfies('go1.19.8', '1.19')).toBe(true);
    expect(satisfies('go1.19.8', 'go1.21.3')).toBe(false);
    expect(satisfies('go1.22.0', '1.21.13')).toBe(true);
    expect(satisfies(null, '1.19')).toBe(false);
  });
  it('--go first: a GOROOT, a version in the store, or a version to install', () => {
    expect(chooseGo({ ...base, requested: { value: '/opt/go', source: 'flag --go' }, pathGo })).toEqual({ kind: 'goroot', goroot: '/opt/go', why: 'the GOROOT from flag --go' });
    expect(chooseGo({ ...base, installed: ['go1.22.1', 'go1.22.9'], requested: { value: '1.22', source: 'flag --go' } })).toEqual({ kind: 'goroot', goroot: '/h/sdk/go1.22.9', why: 'go1.22.9 from the SDK store, as flag --go asks' });
    expect(chooseGo({ ...base, requested: { value: '1.23.4', source: 'env GOCROSS_GO' }, pathGo })).toMatchObject({ kind: 'install', request: { kind: 'exact' } });
  });
  it("then the env's SDK, then the go on PATH when it satisfies go.mod", () => {
    expect(chooseGo({ ...base, envSdk: { goroot: '/env/sdk', file: '/env/etc/gocross/env-settings.ini' }, pathGo, required: goLine })).toMatchObject({ goroot: '/env/sdk' });
    expect(chooseGo({ ...base, pathGo, required: goLine })).toEqual({ kind: 'goroot', goroot: '/usr/lib/go-1.19', why: 'the go on PATH (go1.19.8) satisfies the go 1.19 line of /m/go.mod' });
    expect(chooseGo({ ...base, pathGo })).toMatchObject({ goroot: '/usr/lib/go-1.19' });
  });
  it('else the store, else an install of what go.mod asks for', () => {
    const toolchain = { version: 'go1.21.3', file: '/m/go.mod', via: 'toolchain' };
    expect(chooseGo({ ...base, installed: ['go1.21.1', 'go1.21.5'], pathGo, required: toolchain })).toEqual({
      kind: 'goroot',
      goroot: '/h/sdk/go1.21.5',
      why: 'go1.21.5 from the SDK store satisfies the toolchain go1.21.3 line of /m/go.mod (the go on PATH is go1.19.8)',
    });
    expect(chooseGo({ ...base, installed: ['go1.21.1'], pathGo, required: toolchain })).toEqual({
      kind: 'install',
      request: expect.objectContaining({ kind: 'exact', text: 'go1.21.3' }),
      why: 'the toolchain go1.21.3 line of /m/go.mod asks for it and the go on PATH is go1.19.8',
    });
    expect(chooseGo({ ...base, required: goLine })).toMatchObject({ kind: 'install', request: { kind: 'minor', major: 1, minor: 19 }, why: expect.stringContaining('no go is on PATH') });
    expect(chooseGo(base)).toMatchObject({ kind: 'install', request: { kind: 'latest' } });
  });
});

describe('SHA256SUMS', () => {
  it('is sha256sum -c format, sorted by name in code point order', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(renderSums([{ name: 'tool_windows_amd64.exe', sha256: a }, { name: 'Tool_linux', sha256: b }, { name: 'tool_linux_amd64', sha256: b }])).toBe(
      `${b}  Tool_linux\n${b}  tool_linux_amd64\n${a}  tool_windows_amd64.exe\n`,
    );
  });
});

describe('smoke runs', () => {
  const facts = { host, qemuPath: '/usr/bin/qemu-aarch64', sysroot: '/usr/aarch64-linux-gnu', cgo: false };
  it('natively, under qemu (-L the sysroot with cgo), or skipped with a reason', () => {
    expect(planSmoke(t('linux/amd64'), '/o/x', facts)).toEqual({ run: true, how: 'native', command: '/o/x', prefixArgs: [] });
    expect(planSmoke(t('linux/arm64'), '/o/x', facts)).toEqual({ run: true, how: 'qemu', command: '/usr/bin/qemu-aarch64', prefixArgs: ['/o/x'] });
    expect(planSmoke(t('linux/arm64'), '/o/x', { ...facts, cgo: true })).toMatchObject({ prefixArgs: ['-L', '/usr/aarch64-linux-gnu', '/o/x'] });
    expect(planSmoke(t('linux/arm64'), '/o/x', { ...facts, qemuPath: undefined })).toEqual({ run: false, reason: 'qemu-aarch64 is not installed (apt-get install qemu-user)' });
    expect(planSmoke(t('windows/amd64'), '/o/x.exe', facts)).toEqual({ run: false, reason: 'a windows binary does not run on this host' });
  });
  it('tries --version then --help unless given arguments', () => {
    expect(smokeAttempts(undefined)).toEqual([['--version'], ['--help']]);
    expect(smokeAttempts([])).toEqual([['--version'], ['--help']]);
    expect(smokeAttempts(['serve', '--dry'])).toEqual([['serve', '--dry']]);
    expect(firstLine('\n  hello 1.0 linux/arm64\nmore\n', 'warn')).toBe('hello 1.0 linux/arm64');
    expect(firstLine('', 'usage: x\n')).toBe('usage: x');
  });
});

describe('the record of written files', () => {
  it('lets gocross replace its own files and names foreign ones', () => {
    const owned = parseManifest(renderManifest(['hello_linux_amd64', 'SHA256SUMS']));
    expect([...owned]).toEqual(['SHA256SUMS', 'hello_linux_amd64']);
    expect(foreignFiles(['hello_linux_amd64', 'hello_linux_arm64', 'SHA256SUMS', 'new'], new Set(['hello_linux_amd64', 'hello_linux_arm64', 'SHA256SUMS']), owned)).toEqual(['hello_linux_arm64']);
    expect([...parseManifest('not json')]).toEqual([]);
    expect([...parseManifest(undefined)]).toEqual([]);
  });
});
