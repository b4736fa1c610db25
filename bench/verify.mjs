// verify: 2000 binaries (hard links to a static Go binary and a dynamic C program) — `gocross
// verify --json DIR` against `go version -m DIR` and against one `file` call per binary. `file`
// is timed on 200 of them and scaled to 2000 (running it 2000 times would take minutes). The
// floor: a bare Node loop that opens, stats and reads 64 KiB of each of the same 2000 files.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, report, timeCommand } from './lib.mjs';

const bin = fileURLToPath(new URL('../bin/gocross.js', import.meta.url));
const go = '/usr/lib/go-1.19/bin/go';

export function run() {
  const work = mkdtempSync(join(tmpdir(), 'gocross-bench-verify-'));
  try {
    const src = join(work, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'go.mod'), 'module bench\n\ngo 1.19\n');
    writeFileSync(join(src, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');
    const env = { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '', GOCACHE: join(tmpdir(), 'gocross-test-go', 'cache') };
    execFileSync(go, ['build', '-o', join(work, 'static'), '.'], { cwd: src, env });
    writeFileSync(join(work, 'hello.c'), '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n');
    execFileSync('gcc', ['-o', join(work, 'dynamic'), join(work, 'hello.c')]);
    const dir = join(work, 'bins');
    mkdirSync(dir);
    for (let i = 0; i < 2000; i += 1) linkSync(join(work, i % 2 ? 'dynamic' : 'static'), join(dir, `bin${i}`));
    const sample = Array.from({ length: 200 }, (_, i) => join(dir, `bin${i}`));

    const goVersion = compare({
      ours: () => timeCommand(process.execPath, [bin, 'verify', '--json', dir], { okCodes: [0, 1] }),
      anchor: () => timeCommand(go, ['version', '-m', dir], { okCodes: [0, 1] }),
      runs: 5,
      warmup: 1,
    });
    report('verify', 'gocross verify --json (2000 files)', 'go version -m DIR', goVersion, '<= 1.0x');
    const floorScript = `const fs = require('node:fs'); const path = require('node:path'); const dir = process.argv[1]; const buf = Buffer.allocUnsafe(65536);
for (const name of fs.readdirSync(dir).sort()) { const fd = fs.openSync(path.join(dir, name), 'r'); fs.fstatSync(fd); fs.readSync(fd, buf, 0, 65536, 0); fs.closeSync(fd); }`;
    const floor = compare({
      ours: () => timeCommand(process.execPath, [bin, 'verify', '--json', dir], { okCodes: [0, 1] }),
      anchor: () => timeCommand(process.execPath, ['-e', floorScript, dir]),
      runs: 5,
      warmup: 1,
    });
    report('verify', 'gocross verify --json (2000 files)', 'floor: node loop open+fstat+read 64 KiB each', floor);
    const fileOnce = compare({
      ours: () => timeCommand(process.execPath, [bin, 'verify', '--json', dir], { okCodes: [0, 1] }),
      anchor: () => timeCommand('bash', ['-c', 'for f in "$@"; do file "$f"; done > /dev/null', 'x', ...sample]) * 10,
      runs: 3,
      warmup: 1,
    });
    report('verify', 'gocross verify --json (2000 files)', 'file per binary (200 timed, x10)', fileOnce, '<= 0.05x (20x faster)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
