// The build's overlap: a job's go build is one step, its verification and hashing another that
// runs after (while the next job compiles); the go processes get their share of the cores. Real
// builds with Debian's Go 1.19; no timing here.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMatrix } from '../../src/matrix/plan.js';
import { compileJob, runJob } from '../../src/matrix/runner.js';
import { parseTarget } from '../../src/targets/index.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { testGoroot } from '../helpers/tools.js';

const GOROOT = testGoroot();
const HELLO = new URL('../fixtures/modules/hello', import.meta.url).pathname;

describe.skipIf(!GOROOT)('building in two steps', () => {
  const root = tempDir();
  const env = { ...process.env, GOCACHE: join(tmpdir(), 'gocross-test-go', 'cache'), GOPATH: join(root, 'gopath'), GOFLAGS: '', GOPROXY: 'off', CGO_ENABLED: '0' };
  const jobs = (out: string) =>
    planMatrix({
      packages: [{ pattern: '.', name: 'hello' }],
      targets: ['linux/amd64', 'windows/amd64', 'linux/nosuch'].flatMap((t) => {
        try {
          return [parseTarget(t)];
        } catch {
          return [];
        }
      }),
      outDir: out,
      goroot: GOROOT ?? '',
      cgo: false,
      flags: { ldflags: '-s -w', vcs: false },
      compilers: () => ({ host: parseTarget('linux/amd64'), flags: new Map(), found: [] }),
    });

  it('compiles first, then verifies, hashes and moves the output into place', async () => {
    const mod = join(root, 'hello');
    cpSync(HELLO, mod, { recursive: true });
    const out = join(root, 'out');
    const [linux, windows] = jobs(out);
    const options = { go: join(GOROOT ?? '', 'bin', 'go'), cwd: mod, baseEnv: env, verify: true, smoke: null, processEnv: { GOMAXPROCS: '1' } };
    const finishLinux = await compileJob(linux!, options);
    // Built, not yet in place: the temporary output waits for its verification.
    expect(existsSync(linux!.output)).toBe(false);
    const finishWindows = await compileJob(windows!, options);
    const [a, b] = await Promise.all([finishLinux(), finishWindows()]);
    for (const result of [a, b]) {
      expect(result.ok).toBe(true);
      expect(result.checks.length).toBeGreaterThan(0);
      expect(result.checks.every((c) => c.ok)).toBe(true);
      expect(result.sha256).toBe(createHash('sha256').update(readFileSync(result.job.output)).digest('hex'));
    }
    expect(readdirSync(out).sort()).toEqual(['hello_linux_amd64', 'hello_windows_amd64.exe']);
  });

  it('a failed build is a result, and leaves no temporary file', async () => {
    const out = join(root, 'bad');
    const mod = join(root, 'hello');
    const [linux] = jobs(out);
    const result = await runJob({ ...linux!, pkg: { pattern: './nosuchpkg', name: 'x' } }, { go: join(GOROOT ?? '', 'bin', 'go'), cwd: mod, baseEnv: env, verify: true, smoke: null });
    expect(result.ok).toBe(false);
    expect(result.error).toContain('nosuchpkg');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('the dry run and the JSON report stay the same with a GOMAXPROCS of the user', async () => {
    const mod = join(root, 'hello2');
    cpSync(HELLO, mod, { recursive: true });
    const args = ['--json', 'build', '--go', GOROOT ?? '', '--targets', 'linux/amd64,linux/arm64', '-o', join(root, 'o2')];
    const plain = await gocross([...args, '--dry-run'], { cwd: mod, env });
    const withProcs = await gocross([...args, '--dry-run'], { cwd: mod, env: { ...env, GOMAXPROCS: '2' } });
    expect(withProcs.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).targets[0].env.GOMAXPROCS).toBeUndefined();
    const built = await gocross(args, { cwd: mod, env: { ...env, GOMAXPROCS: '2' } });
    expect(built.exitCode).toBe(0);
    expect(JSON.parse(built.stdout).targets.map((t: { ok: boolean }) => t.ok)).toEqual([true, true]);
  });
});
