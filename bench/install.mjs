// Install: `gocross install` from a loopback mirror against `curl | tee >(sha256sum) | tar xz` of the
// same tarball in the same run (and GNU tar's extraction of the file alone, for scale), and a
// second install of an installed version (a no-op) against `node -e 0`.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report, timeCommandAsync } from './lib.mjs';

const bin = fileURLToPath(new URL('../bin/gocross.js', import.meta.url));
const script = fileURLToPath(new URL('../scripts/make-sdk-tarball.mjs', import.meta.url));

export async function run() {
  const sdk = JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' }));
  const data = readFileSync(sdk.path);
  const index = JSON.stringify([{ version: sdk.version, stable: true, files: [{ filename: sdk.filename, os: 'linux', arch: 'amd64', version: sdk.version, sha256: sdk.sha256, size: sdk.size, kind: 'archive' }] }]);
  const server = createServer((req, res) => {
    if (req.url.startsWith('/dl/?')) return res.end(index);
    if (req.url === `/dl/${sdk.filename}`) return res.writeHead(200, { 'content-length': data.length }).end(data);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/dl/`;
  const work = mkdtempSync(join(tmpdir(), 'gocross-bench-install-'));
  const env = { ...process.env, GOCROSS_GO_MIRROR: base, HTTP_PROXY: '', http_proxy: '' };
  try {
    const ours = [];
    const anchor = [];
    const gnuTar = [];
    for (let i = 0; i < 3; i += 1) {
      const home = join(work, `home${i}`);
      ours.push(await timeCommandAsync(process.execPath, [bin, 'install', sdk.version, '--json'], { env: { ...env, GOCROSS_HOME: home } }));
      const dest = join(work, `curl${i}`);
      execFileSync('mkdir', ['-p', dest]);
      anchor.push(
        await timeCommandAsync('bash', ['-c', `set -o pipefail; curl -sf "${base}${sdk.filename}" | tee >(sha256sum > "${dest}.sha") | tar xz -C "${dest}"`]),
      );
      const untar = join(work, `tar${i}`);
      execFileSync('mkdir', ['-p', untar]);
      gnuTar.push(await timeCommandAsync('tar', ['xzf', sdk.path, '-C', untar]));
      // Nothing is removed until the end: ext4 passes over recently freed inodes on every create,
      // so removing three trees between rounds made whichever side ran next (gocross, always)
      // pay for them (GNU tar alone ranged 1.3-2.3 s with them).
    }
    report('install', `gocross install (${(sdk.size / 1048576).toFixed(0)} MiB SDK)`, 'curl | tee >(sha256sum) | tar xz', { ours: median(ours), anchor: median(anchor) }, '<= 1.0x');
    console.log(`install: GNU tar's extraction alone (tar xzf of the file on disk, median of 3) ${median(gnuTar).toFixed(1)} ms; gocross install is ${(median(ours) / median(gnuTar)).toFixed(2)}x that`);
    const again = [];
    const floor = [];
    for (let i = 0; i < 10; i += 1) {
      again.push(await timeCommandAsync(process.execPath, [bin, 'install', sdk.version, '--json'], { env: { ...env, GOCROSS_HOME: join(work, 'home2') } }));
      floor.push(await timeCommandAsync(process.execPath, ['-e', '0']));
    }
    const noop = { ours: median(again), anchor: median(floor) };
    report('install', 'second install (no-op)', 'node -e 0', noop, { text: '< 300 ms, aim <= 1.5x', met: (ratio, ms) => ms < 300 });
    console.log(`install: no-op aim <= 1.5x ${noop.ours / noop.anchor <= 1.5 ? 'met' : 'missed'}`);
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
