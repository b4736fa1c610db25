// build: 4 targets of the hello sample module — `gocross build` against a bash loop of `go build`
// with the same flags and environment, in the same run, each side with its own fresh GOCACHE
// (cold) and then with a warm one. Wall time, and CPU time (user+sys of every process below the
// command, from bash's `times`), with their ratios; the goals: warm wall <= 1.0x and CPU <= 1.1x
// the loop, cold wall <= 1.0x and CPU <= 1.05x, and a fixed cost (--dry-run) of at most 0.2 s.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const bin = fileURLToPath(new URL('../bin/gocross.js', import.meta.url));
const fixture = fileURLToPath(new URL('../test/fixtures/modules/hello', import.meta.url));
const goroot = '/usr/lib/go-1.19';
const TARGETS = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];

const seconds = (text) => {
  const [, m, s] = /^(\d+)m([\d.]+)s$/.exec(text) ?? [];
  return Number(m) * 60 + Number(s);
};

/** Runs `script` in bash; returns wall and children's CPU seconds (bash's own `times`, second line). */
function measure(script, env, cwd) {
  const start = performance.now();
  const result = spawnSync('bash', ['-c', `${script}\ntimes`], { cwd, env, encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`bench command failed (${result.status}): ${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  const [user, sys] = (lines[lines.length - 1] ?? '').split(/\s+/).map(seconds);
  return { wall, cpu: user + sys };
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

function oursScript(out) {
  return `${q(process.execPath)} ${q(bin)} -q build --go ${goroot} --targets ${TARGETS.join(',')} -o ${q(out)} >/dev/null`;
}

function loopScript(out) {
  return `set -e
for t in ${TARGETS.join(' ')}; do
  os=\${t%/*}; arch=\${t#*/}; ext=; [ "$os" = windows ] && ext=.exe
  GOOS=$os GOARCH=$arch CGO_ENABLED=0 GOTOOLCHAIN=local ${goroot}/bin/go build -trimpath -buildvcs=false -ldflags '-s -w' -o ${q(out)}/hello_\${os}_\${arch}$ext .
done`;
}

function line(name, ours, loop, goals) {
  const f = (x) => x.toFixed(2);
  const wall = ours.wall / loop.wall;
  const cpu = ours.cpu / loop.cpu;
  const met = (ok) => (ok ? 'met' : 'missed');
  console.log(
    `build ${name}: gocross build wall ${f(ours.wall)} s, CPU ${f(ours.cpu)} s | bash loop of go build wall ${f(loop.wall)} s, CPU ${f(loop.cpu)} s | ` +
      `wall ratio ${wall.toFixed(2)}x (goal <= ${goals.wall}x: ${met(wall <= goals.wall)}), CPU ratio ${cpu.toFixed(2)}x (goal <= ${goals.cpu}x: ${met(cpu <= goals.cpu)})`,
  );
}

export function run() {
  const work = mkdtempSync(join(tmpdir(), 'gocross-bench-build-'));
  try {
    const mod = join(work, 'hello');
    cpSync(fixture, mod, { recursive: true });
    const base = { ...process.env, GOPATH: join(work, 'gopath'), GOPROXY: 'off', GOFLAGS: '', CGO_ENABLED: '0', NO_COLOR: '1' };
    let n = 0;
    const out = () => join(work, `out${++n}`);

    // Cold: each side with an empty build cache of its own, alternating, twice.
    const cold = { ours: [], loop: [] };
    for (let round = 0; round < 2; round += 1) {
      cold.ours.push(measure(oursScript(out()), { ...base, GOCACHE: join(work, `cache-ours-${round}`) }, mod));
      cold.loop.push(measure(`mkdir -p ${q(join(work, `loop${round}`))}\n${loopScript(join(work, `loop${round}`))}`, { ...base, GOCACHE: join(work, `cache-loop-${round}`) }, mod));
    }
    // Warm: one cache both sides filled already; fresh output directories, so every run links.
    const warmEnv = { ...base, GOCACHE: join(work, 'cache-ours-0') };
    const warm = { ours: [], loop: [] };
    for (let i = 0; i < 6; i += 1) {
      warm.ours.push(measure(oursScript(out()), warmEnv, mod));
      const dir = out();
      warm.loop.push(measure(`mkdir -p ${q(dir)}\n${loopScript(dir)}`, warmEnv, mod));
    }
    // gocross's fixed cost, with nothing built: node, the CLI's modules, planning (--dry-run).
    const fixed = [];
    for (let i = 0; i < 6; i += 1) fixed.push(measure(`${oursScript(out())} --dry-run`, warmEnv, mod));
    const med = (runs) => ({ wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) });
    line('cold (median of 2)', med(cold.ours), med(cold.loop), { wall: 1.0, cpu: 1.05 });
    line('warm (median of 6)', med(warm.ours), med(warm.loop), { wall: 1.0, cpu: 1.1 });
    const f = med(fixed);
    console.log(`build fixed cost (gocross build --dry-run, median of 6): wall ${f.wall.toFixed(2)} s, CPU ${f.cpu.toFixed(2)} s (goal <= 0.2 s: ${f.wall <= 0.2 ? 'met' : 'missed'})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
