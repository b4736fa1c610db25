import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/registry.js';
import { KEY_BY_NAME } from '../../src/config/schema.js';
import { run } from '../../src/io/process.js';
import { BIN, gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { testGoroot } from '../helpers/tools.js';

const GOROOT = testGoroot();

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('the gocross command line', () => {
  it('prints its version', async () => {
    const result = await gocross(['--version']);
    expect(result).toMatchObject({ exitCode: 0, stdout: pkg.version });
  });

  it('ends quietly when its reader closes the pipe early', async () => {
    // `true` exits without reading, so every write gets EPIPE; that must not become a crash.
    const result = await run('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" build --help | true`]);
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.exitCode).toBe(0);
  });

  it('lists every command of the design in --help', async () => {
    const result = await gocross(['--help']);
    expect(result.exitCode).toBe(0);
    for (const name of ['doctor', 'install', 'list', 'uninstall', 'init', 'env', 'build', 'verify', 'recipe', 'dockerfile', 'config', 'targets']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(result.stdout).toContain('Exit codes: 0 ok, 1 problems found, 2 usage, 3 environment, 70 internal error (a bug), 130 interrupted');
  });

  it.skipIf(!GOROOT)('binds flags only to configuration keys that exist, and a flag given wins over the environment', async () => {
    const bound = COMMANDS.flatMap((c) => c.options.filter((o) => o.config !== undefined).map((o) => o.config as string));
    expect(bound.length).toBeGreaterThan(5);
    for (const key of bound) expect(KEY_BY_NAME.has(key), key).toBe(true);
    const dir = tempDir('gocross-flags-');
    writeFileSync(join(dir, 'go.mod'), 'module example.com/tool\n\ngo 1.19\n');
    writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
    const env = { GOCROSS_BUILD_OUTPUT: 'from-env', GOCROSS_BUILD_LDFLAGS: '-w', GOCROSS_HOME: join(dir, 'home') };
    const plan = await gocross(['--json', 'build', '--dry-run', '--targets', 'linux/amd64', '-o', 'from-flag', '--go', GOROOT ?? ''], { cwd: dir, env });
    expect(plan.exitCode, plan.stderr).toBe(0);
    const report = JSON.parse(plan.stdout) as { outputDir: string; targets: { command: string }[] };
    expect(report.outputDir).toBe(join(dir, 'from-flag'));
    expect(JSON.stringify(report.targets)).toContain("-ldflags -w");
    const help = await gocross(['build', '--help']);
    expect(help.stdout).toMatch(/--output <dir>\s+output directory \(default: dist\)/);
  });

  it.each(COMMANDS.map((c) => c.name))('has --help with examples and the global options for %s', async (name) => {
    const result = await gocross([name, '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Usage: gocross ${name}`);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--json');
    expect(result.stdout).toContain('--no-color');
  });

  it('rejects an unknown command with exit 2 and a suggestion', async () => {
    const result = await gocross(['doctr']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("gocross: error: unknown command 'doctr'.\nhint: did you mean doctor? see `gocross --help`");
  });

  it('rejects an unknown flag with exit 2 and a suggestion', async () => {
    const result = await gocross(['verify', '--statik', 'x']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown option '--statik'");
    expect(result.stderr).toContain('hint: did you mean --static?');
  });

  it('rejects a missing argument and extra arguments with exit 2', async () => {
    expect((await gocross(['verify'])).exitCode).toBe(2);
    expect((await gocross(['uninstall', '1.22', '1.23'])).exitCode).toBe(2);
  });

  it('prints errors as JSON with --json, on stderr, with no stack trace', async () => {
    const result = await gocross(['--json', 'targets', 'plan10/z80']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const parsed = JSON.parse(result.stderr) as { error: { code: string; message: string; hint: string } };
    expect(parsed.error.code).toBe('target.unknown');
    expect(parsed.error.message).toContain('plan10/z80');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace only with GOCROSS_DEBUG=1', async () => {
    const plain = await gocross(['targets', 'plan10/z80']);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await gocross(['targets', 'plan10/z80'], { env: { GOCROSS_DEBUG: '1' } });
    expect(debug.exitCode).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('never colours output that is not a terminal, and honours NO_COLOR', async () => {
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const result = await gocross(['targets', 'nonsense-target'], { env });
      expect(result.stderr).not.toContain('\u001b[');
    }
  });
});

describe('configuration errors through the command line', () => {
  const root = tempDir();
  const home = join(root, 'home');
  mkdirSync(home);
  const env = { HOME: home, XDG_CONFIG_HOME: join(root, 'xdg'), XDG_DATA_HOME: join(root, 'data') };

  it('exits 2 naming the file, line and key of an unknown key', async () => {
    const project = join(root, 'unknown-key');
    mkdirSync(project);
    writeFileSync(join(project, 'gocross.ini'), 'home = /x\ntargte = linux/arm64\n');
    const result = await gocross(['config'], { cwd: project, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${join(project, 'gocross.ini')}:2: unknown key "targte"`);
    expect(result.stderr).toContain('did you mean "target"');
  });

  it('exits 2 naming the file and line of a malformed line', async () => {
    const project = join(root, 'malformed');
    mkdirSync(project);
    writeFileSync(join(project, 'gocross.ini'), '[build]\ntargets linux/arm64\n');
    const result = await gocross(['config'], { cwd: project, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${join(project, 'gocross.ini')}:2: cannot read line 2`);
  });

  it('exits 2 for a bad target in a GOCROSS_* variable', async () => {
    const result = await gocross(['config'], { cwd: root, env: { ...env, GOCROSS_TARGET: 'linux/arm65' } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('GOCROSS_TARGET');
  });

  it('shows each effective value with its source', async () => {
    const project = join(root, 'sources');
    mkdirSync(project);
    writeFileSync(join(project, 'gocross.ini'), 'target = aarch64\n[build]\njobs = 2\n');
    const result = await gocross(['--json', 'config'], { cwd: project, env: { ...env, GOCROSS_CGO: 'true' } });
    expect(result.exitCode).toBe(0);
    const data = JSON.parse(result.stdout) as { settings: { key: string; value: unknown; source: { kind: string } }[]; files: { project: string } };
    const byKey = Object.fromEntries(data.settings.map((s) => [s.key, s]));
    expect(byKey.target).toMatchObject({ value: 'linux/arm64', source: { kind: 'project', line: 1 } });
    expect(byKey['build.jobs']).toMatchObject({ value: 2, source: { kind: 'project', line: 3 } });
    expect(byKey.cgo).toMatchObject({ value: true, source: { kind: 'env', name: 'GOCROSS_CGO' } });
    expect(byKey.home).toMatchObject({ value: join(root, 'data', 'gocross'), source: { kind: 'default' } });
    expect(data.files.project).toBe(join(project, 'gocross.ini'));

    const human = await gocross(['config'], { cwd: project, env });
    expect(human.stdout).toMatch(/^target\s+linux\/arm64\s+project config .*gocross\.ini:1$/m);
  });

  it('shows the active env\'s gocross init settings as a layer over the defaults, as build uses them', async () => {
    const prefix = join(root, 'env with init');
    mkdirSync(join(prefix, 'conda-meta'), { recursive: true });
    mkdirSync(join(prefix, 'etc', 'gocross'), { recursive: true });
    writeFileSync(join(prefix, 'etc', 'gocross', 'env-settings.ini'), 'goroot = "/sdk/go1.22.5"\nversion = "go1.22.5"\ntarget = linux/arm64\ncgo = false\nmodcache = shared\n');
    const result = await gocross(['--json', 'config'], { cwd: root, env: { ...env, CONDA_PREFIX: prefix } });
    const data = JSON.parse(result.stdout) as { settings: { key: string; value: unknown; source: { kind: string; file?: string } }[] };
    const byKey = Object.fromEntries(data.settings.map((s) => [s.key, s]));
    const source = { kind: 'conda-env', file: join(prefix, 'etc', 'gocross', 'env-settings.ini') };
    expect(byKey.target).toMatchObject({ value: 'linux/arm64', source });
    expect(byKey['build.targets']).toMatchObject({ value: ['linux/arm64'], source });
    expect(byKey.go).toMatchObject({ value: '/sdk/go1.22.5', source });
    // A configured value still wins over the env's.
    const configured = JSON.parse((await gocross(['--json', 'config'], { cwd: root, env: { ...env, CONDA_PREFIX: prefix, GOCROSS_TARGET: 'linux/amd64' } })).stdout) as typeof data;
    expect(configured.settings.find((s) => s.key === 'build.targets')?.source.kind).toBe('default');
    const human = await gocross(['config'], { cwd: root, env: { ...env, CONDA_PREFIX: prefix } });
    expect(human.stdout).toMatch(/^target\s+linux\/arm64\s+the active env's gocross init \(.*env-settings\.ini\)$/m);
  });

  it('says once where a config error is, in words a person reads', async () => {
    const project = join(root, 'typo-section');
    mkdirSync(project);
    writeFileSync(join(project, 'gocross.ini'), '[biuld]\ntargets = linux/amd64\n');
    const section = await gocross(['config'], { cwd: project, env });
    expect(section.stderr.split(join(project, 'gocross.ini')).length - 1).toBe(1);
    const flag = await gocross(['env', '--target', 'bogus/x'], { cwd: root, env });
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toMatch(/^gocross: error: --target: unknown target "bogus\/x"/);
  });
});
