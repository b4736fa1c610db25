/**
 * images/check-elf.sh against real binaries (Go 1.19 for several GOARCHes, cgo, C), in
 * dash and bash, both as the file and joined into one command line the way the Dockerfile's RUN
 * joins it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKED_ARCHES, checkScript, checkScriptLines, checkScriptPath } from '../../src/image/check-script.js';
import { ARCHES } from '../../src/targets/index.js';
import { buildFixtures } from '../binary/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { requireTool } from '../helpers/tools.js';

const exec = promisify(execFile);
const go = requireTool('go');
const shells = ['dash', 'bash'].flatMap((name) => {
  const path = requireTool(name);
  return path ? [{ name, path }] : [];
});
const dir = tempDir('gocross-check-elf-');

/** Fixture name → the GOARCH it was built for (Linux ELF ones). */
const BUILT: Record<string, string> = {
  'linux-amd64': 'amd64',
  'linux-arm64-sw': 'arm64',
  'linux-armv7': 'arm',
  'linux-386': '386',
  'linux-riscv64': 'riscv64',
  'linux-ppc64le': 'ppc64le',
  'linux-s390x': 's390x',
  'linux-mips64le': 'mips64le',
};

let built = false;
beforeAll(async () => {
  if (!go) return;
  mkdirSync(dir, { recursive: true });
  await buildFixtures(go, dir);
  built = true;
}, 600_000);

interface Outcome {
  code: number;
  output: string;
}

async function check(shell: string, mode: 'file' | 'joined', binary: string, goarch: string, cgo: '0' | '1', platform?: string): Promise<Outcome> {
  const rest = [binary, goarch, cgo, ...(platform === undefined ? [] : [platform])];
  const args =
    mode === 'file'
      ? [checkScriptPath(), ...rest]
      : ['-c', `set -- "$0" ${rest.slice(1).map((_, i) => `"$${i + 1}"`).join(' ')}; ${checkScriptLines().join(' ')}`, ...rest];
  try {
    const { stdout, stderr } = await exec(shell, args);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the ELF check script', () => {
  it('has a case row for exactly the checked GOARCHes, agreeing with the targets table', () => {
    const rows = [...checkScript().matchAll(/^\s+(\w+)\) want_machine=(\d+) want_class=(\d) want_data=(\d) ;;$/gm)];
    expect(rows.map((r) => r[1])).toEqual([...CHECKED_ARCHES]);
    for (const [, arch, machine, klass, data] of rows) {
      const facts = ARCHES[arch!]!;
      expect({ arch, machine: Number(machine), bits: klass === '2' ? 64 : 32, endian: data === '1' ? 'little' : 'big' }).toEqual({
        arch,
        machine: facts.elf,
        bits: facts.bits,
        endian: facts.endian,
      });
    }
  });

  it('joins into one command: no comment, blank or backslash-continued line is left', () => {
    const lines = checkScriptLines();
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.trim().startsWith('#')).toBe(false);
      expect(line.endsWith('\\')).toBe(false);
    }
  });

  for (const shell of shells) {
    for (const mode of ['file', 'joined'] as const) {
      describe(`in ${shell.name}, as the ${mode === 'file' ? 'script file' : 'joined RUN line'}`, () => {
        it('passes each binary for its own GOARCH and fails it for every other', async ({ skip }) => {
          if (!built) skip();
          for (const [name, arch] of Object.entries(BUILT)) {
            const right = await check(shell.path, mode, join(dir, name), arch, '0');
            expect(right, name).toMatchObject({ code: 0 });
            expect(right.output).toContain(`static: built for ${arch}`);
            for (const other of CHECKED_ARCHES.filter((a) => a !== arch)) {
              const wrong = await check(shell.path, mode, join(dir, name), other, '0');
              expect(wrong.code, `${name} as ${other}`).toBe(1);
              expect(wrong.output).toMatch(/ELF (class|byte order|machine) \d+/);
            }
          }
        }, 300_000);

        it('names the machine mismatch: an amd64 binary is not arm64', async ({ skip }) => {
          if (!built) skip();
          const result = await check(shell.path, mode, join(dir, 'linux-amd64'), 'arm64', '0');
          expect(result.code).toBe(1);
          expect(result.output).toContain('ELF machine 62, but arm64 needs 183');
        });

        it('fails when GOARCH is not the arch of the platform being built (an overridden TARGETARCH)', async ({ skip }) => {
          if (!built) skip();
          // Built and "expected" as amd64, but the image is linux/arm64: both args lie consistently.
          const forced = await check(shell.path, mode, join(dir, 'linux-amd64'), 'amd64', '0', 'linux/arm64');
          expect(forced.code).toBe(1);
          expect(forced.output).toContain('GOARCH amd64 is not the architecture of the platform linux/arm64 being built');
          expect(await check(shell.path, mode, join(dir, 'linux-arm64'), 'arm64', '0', 'linux/arm64')).toMatchObject({ code: 0 });
          expect(await check(shell.path, mode, join(dir, 'linux-armv7'), 'arm', '0', 'linux/arm/v7')).toMatchObject({ code: 0 });
        });

        it('fails a dynamic cgo binary when cgo is off, passes it when cgo is on', async ({ skip }) => {
          if (!built) skip();
          const off = await check(shell.path, mode, join(dir, 'linux-arm64-cgo'), 'arm64', '0');
          expect(off.code).toBe(1);
          expect(off.output).toContain('dynamically linked (it has a PT_INTERP program interpreter)');
          const on = await check(shell.path, mode, join(dir, 'linux-arm64-cgo'), 'arm64', '1');
          expect(on).toMatchObject({ code: 0 });
          const dynamicC = await check(shell.path, mode, join(dir, 'c-dynamic'), 'amd64', '0');
          expect(dynamicC.code).toBe(1);
        });

        it('passes static binaries with cgo off: static cgo and static-pie C', async ({ skip }) => {
          if (!built) skip();
          expect(await check(shell.path, mode, join(dir, 'linux-arm64-cgo-static'), 'arm64', '0')).toMatchObject({ code: 0 });
          expect(await check(shell.path, mode, join(dir, 'c-static-pie'), 'amd64', '0')).toMatchObject({ code: 0 });
        });

        it('refuses non-ELF files, missing files and unknown GOARCHes', async ({ skip }) => {
          if (!built) skip();
          expect((await check(shell.path, mode, join(dir, 'windows-amd64.exe'), 'amd64', '0')).output).toContain('not an ELF file');
          expect((await check(shell.path, mode, join(dir, 'absent'), 'amd64', '0')).output).toContain('no such file');
          const unknown = await check(shell.path, mode, join(dir, 'linux-amd64'), 'wasm', '0');
          expect(unknown.code).toBe(1);
          expect(unknown.output).toContain('no ELF facts for GOARCH wasm');
        });
      });
    }
  }
});
