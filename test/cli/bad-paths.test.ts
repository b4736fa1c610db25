import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGocrossError } from '../../src/cli/report-error.js';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { testGoroot } from '../helpers/tools.js';

const GOROOT = testGoroot();
const FIXTURES = new URL('../fixtures/modules/', import.meta.url).pathname;

/** One paragraph, an exit code for the kind of mistake, the path named, no stack, no "internal error". */
const ordinary = (result: { exitCode: number; stderr: string }, code: number, path: string): void => {
  expect(result.exitCode).toBe(code);
  expect(result.stderr).toContain(path);
  expect(result.stderr).toMatch(/(^|\n)gocross: error: .+\nhint: .+\n?$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
};

describe.skipIf(!GOROOT)('a path of the wrong kind is an ordinary mistake, not a bug', () => {
  const root = tempDir('gocross-paths-');
  const binary = join(root, 'tool_linux_amd64');
  const env = { GOCROSS_HOME: join(root, 'store'), XDG_CONFIG_HOME: join(root, 'xdg'), CONDA_PREFIX: undefined };
  copyFileSync(join(GOROOT ?? '', 'bin', 'gofmt'), binary);

  it('verify --junit naming a directory, or a file in a folder that does not exist', async () => {
    ordinary(await gocross(['verify', '--junit', root, binary], { env }), 2, `${root} is a directory, where a file is expected`);
    ordinary(await gocross(['verify', '--junit', join(root, 'no', 'such', 'j.xml'), binary], { env }), 2, join(root, 'no', 'such', 'j.xml'));
  });

  it('build -o naming an existing file', async () => {
    const module = join(root, 'hello');
    cpSync(join(FIXTURES, 'hello'), module, { recursive: true });
    writeFileSync(join(module, 'dist'), 'a file\n');
    ordinary(await gocross(['build', '-o', join(module, 'dist'), '--targets', 'linux/amd64', '--go', GOROOT ?? '', '--no-cgo'], { cwd: module, env }), 2, join(module, 'dist'));
  });

  it('dockerfile --out naming a directory leaves no temporary file', async () => {
    const module = join(root, 'hello-docker');
    cpSync(join(FIXTURES, 'hello'), module, { recursive: true });
    const out = join(module, 'out');
    mkdirSync(out);
    ordinary(await gocross(['dockerfile', '--out', out, '--go', '1.19'], { cwd: module, env }), 2, `${out} is a directory`);
    expect(readdirSync(module).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('install --archive naming a directory', async () => {
    ordinary(await gocross(['install', '1.19.8', '--archive', root, '--sha256', 'a'.repeat(64)], { env }), 2, `${root} is not a file`);
  });

  it('a full disk and a place nobody may write are the environment (exit 3), and a device is written to, not replaced', async () => {
    ordinary(await gocross(['verify', '--junit', '/dev/full', binary], { env }), 3, 'no space left on the device while writing /dev/full');
    expect(existsSync('/dev/full')).toBe(true);
    ordinary(await gocross(['verify', '--junit', '/sys/gocross-report.xml', binary], { env }), 3, '/sys/gocross-report.xml');
  });

  it('keeps "internal error" and exit 70 for what really is a bug', () => {
    const bug = toGocrossError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect([bug.exitCode, bug.message]).toEqual([70, "internal error: Cannot read properties of undefined (reading 'x')"]);
    expect(toGocrossError(Object.assign(new Error('EISDIR'), { code: 'EISDIR', path: '/x' })).exitCode).toBe(2);
  });
});
