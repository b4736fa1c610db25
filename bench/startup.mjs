// Start-up: `gocross --version` against the floor of any Node program, `node -e 0`.
import { fileURLToPath } from 'node:url';
import { compare, report, timeCommand } from './lib.mjs';

const bin = fileURLToPath(new URL('../bin/gocross.js', import.meta.url));

export function run() {
  const figures = compare({
    ours: () => timeCommand(process.execPath, [bin, '--version']),
    anchor: () => timeCommand(process.execPath, ['-e', '0']),
    runs: 30,
  });
  report('startup', 'gocross --version', 'node -e 0', figures, '<= 1.2x');
  const help = compare({
    ours: () => timeCommand(process.execPath, [bin, 'verify', '--help']),
    anchor: () => timeCommand(process.execPath, ['-e', '0']),
    runs: 15,
  });
  report('startup', 'gocross verify --help', 'node -e 0', help);
}
