// Doctor latency (goal: under 0.5 s without --deep, aim at most 2x) against the floor it cannot
// beat: one `go env -json` of the same go, which doctor runs once per installation on PATH.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, report, timeCommand } from './lib.mjs';

const bin = fileURLToPath(new URL('../bin/gocross.js', import.meta.url));
const go = '/usr/lib/go-1.19/bin/go';

export function run() {
  const prefix = mkdtempSync(join(tmpdir(), 'gocross-bench-doctor-'));
  try {
    mkdirSync(join(prefix, 'conda-meta'));
    mkdirSync(join(prefix, 'bin'));
    mkdirSync(join(prefix, 'etc', 'conda', 'activate.d'), { recursive: true });
    writeFileSync(join(prefix, 'conda-meta', 'history'), '');
    writeFileSync(join(prefix, 'etc', 'conda', 'activate.d', 'activate-z61-go.sh'), 'export GOARCH=arm64\n');
    symlinkSync(go, join(prefix, 'bin', 'go'));
    const env = { ...process.env, PATH: `${join(prefix, 'bin')}:/usr/bin:/bin` };
    const figures = compare({
      ours: () => timeCommand(process.execPath, [bin, 'doctor', '--json', '--prefix', prefix], { env, okCodes: [0, 1] }),
      anchor: () => timeCommand(go, ['env', '-json'], { env }),
      runs: 15,
    });
    report('doctor', 'gocross doctor --json', 'go env -json', figures, { text: '< 500 ms, aim <= 2x', met: (ratio, ours) => ours < 500 });
    console.log(`doctor: aim <= 2x ${figures.ours / figures.anchor <= 2 ? 'met' : 'missed'}`);
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}
