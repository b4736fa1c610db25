/** `gocross dockerfile` end to end on copies of the fixture modules: files, refusals, flags. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { settingsPath } from '../../src/activation/settings-file.js';
import { renderSettings } from '../../src/activation/settings.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { gocross } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/modules/', import.meta.url));
const root = tempDir('gocross-dockerfile-cli-');
let copies = 0;

/** A fresh copy of a fixture module (never write near the committed one). */
function copy(name: 'hello' | 'multi'): string {
  const dir = join(root, `${name}-${copies++}`);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

// No conda env, no user or project configuration: the Go version comes from go.mod.
const env = { CONDA_PREFIX: undefined, CONDA_DEFAULT_ENV: undefined, PIXI_PROJECT_ROOT: undefined, XDG_CONFIG_HOME: join(root, 'no-config'), GOCROSS_GO: undefined };

/** The content a dry run prints after `would create PATH`, up to the next planned step. */
const dryRunFile = (stdout: string, path: string): string => {
  const start = stdout.indexOf(`would create ${path}\n`);
  expect(start, `no \`would create ${path}\` in the output`).toBeGreaterThanOrEqual(0);
  const body = stdout.slice(start + `would create ${path}\n`.length);
  const next = body.search(/^would /m);
  return next < 0 ? body : body.slice(0, next);
};

describe('gocross dockerfile', () => {
  it('writes the Dockerfile and .dockerignore, then finds them unchanged', async () => {
    const dir = copy('hello');
    const first = await gocross(['dockerfile'], { cwd: dir, env });
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toBe(`created: ${join(dir, 'Dockerfile')}\ncreated: ${join(dir, '.dockerignore')}`);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(text.split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(text).toContain('ARG GO_IMAGE=golang:1.19-bookworm');
    expect(text).toContain('ARG BASE_IMAGE=gcr.io/distroless/static-debian12:nonroot');
    const again = await gocross(['dockerfile'], { cwd: dir, env });
    expect(again.stdout).toBe(`unchanged: ${join(dir, 'Dockerfile')}\nunchanged: ${join(dir, '.dockerignore')}`);
    const changed = await gocross(['dockerfile', '--base', 'scratch'], { cwd: dir, env });
    expect(changed.stdout).toContain(`updated: ${join(dir, 'Dockerfile')}`);
  });

  it('refuses to overwrite a Dockerfile it did not write, unless --force; always keeps a foreign .dockerignore', async () => {
    const dir = copy('hello');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(dir, '.dockerignore'), 'mine\n');
    const refused = await gocross(['dockerfile'], { cwd: dir, env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`gocross: error: ${join(dir, 'Dockerfile')} exists and was not written by gocross; refusing to overwrite it.`);
    expect(refused.stderr).toContain('hint: ');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');

    const forced = await gocross(['dockerfile', '--force', '--no-syntax'], { cwd: dir, env });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('gocross-managed');
    // A .dockerignore the user wrote is theirs, even under --force.
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('mine\n');
    expect(forced.stdout).toBe(`updated: ${join(dir, 'Dockerfile')}\nkept: ${join(dir, '.dockerignore')} (not written by gocross; left as it is)`);

    const kept = copy('hello');
    writeFileSync(join(kept, '.dockerignore'), 'mine\n');
    const keep = await gocross(['dockerfile'], { cwd: kept, env });
    expect(keep.exitCode).toBe(0);
    expect(keep.stdout).toContain(`kept: ${join(kept, '.dockerignore')} (not written by gocross; left as it is)`);
    expect(readFileSync(join(kept, '.dockerignore'), 'utf8')).toBe('mine\n');
  });

  it('--dry-run prints the Dockerfile and writes nothing', async () => {
    const dir = copy('hello');
    const result = await gocross(['dockerfile', '--dry-run', '--no-syntax', '--base', 'debian'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^would create ${join(dir, 'Dockerfile')}\n# gocross-managed`));
    expect(dryRunFile(result.stdout, join(dir, 'Dockerfile'))).toContain('ARG BASE_IMAGE=debian:bookworm-slim');
    expect(result.stdout).toContain(`would create ${join(dir, '.dockerignore')}`);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(false);
  });

  it('--json reports the plan and the files; --bake and --out place the files', async () => {
    const dir = copy('hello');
    const result = await gocross(['dockerfile', dir, '--json', '--bake', '--out', join(dir, 'build', 'Dockerfile'), '--platforms', 'linux/arm64,linux/arm/v7', '--go', '1.23.4'], { cwd: root, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      name: 'hello',
      base: 'distroless',
      platforms: ['linux/arm64', 'linux/arm/v7'],
      goImage: 'golang:1.23.4-bookworm',
      version: 'dev',
      revision: null,
      labels: { title: 'hello', source: 'https://github.com/example/hello', licenses: 'MIT' },
      files: [
        { path: join(dir, 'build', 'Dockerfile'), action: 'created' },
        { path: join(dir, '.dockerignore'), action: 'created' },
        { path: join(dir, 'docker-bake.hcl'), action: 'created' },
      ],
    });
    expect(readFileSync(join(dir, 'docker-bake.hcl'), 'utf8')).toContain('dockerfile = "build/Dockerfile"');
  });

  it("takes the Go image's version from --go, then the configuration, then the active env's Go, then go.mod", async () => {
    const dir = copy('hello');
    const prefix = join(root, 'env-with-go');
    mkdirSync(join(prefix, 'conda-meta'), { recursive: true });
    mkdirSync(join(prefix, 'etc', 'gocross'), { recursive: true });
    writeFileSync(settingsPath(prefix), renderSettings({ goroot: '/sdk/go1.22.5', version: 'go1.22.5', target: 'linux/arm64', cgo: false, cc: null, cxx: null, modcache: 'shared', goflags: null }));
    const image = async (extra: string[], more: Record<string, string | undefined> = {}) => {
      const result = await gocross(['dockerfile', '--json', '--dry-run', ...extra], { cwd: dir, env: { ...env, ...more } });
      expect(result.exitCode, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { goImage: string }).goImage;
    };
    expect(await image([])).toBe('golang:1.19-bookworm');
    expect(await image([], { CONDA_PREFIX: prefix })).toBe('golang:1.22.5-bookworm');
    expect(await image([], { CONDA_PREFIX: prefix, GOCROSS_GO: '1.21' })).toBe('golang:1.21-bookworm');
    expect(await image(['--go', 'go1.23.4'], { CONDA_PREFIX: prefix, GOCROSS_GO: '1.21' })).toBe('golang:1.23.4-bookworm');
  });

  it('--version sets the version label and main.version default (the global --version does not swallow it)', async () => {
    const dir = copy('hello');
    const result = await gocross(['dockerfile', '--version', 'v9.9.9', '--json', '--dry-run'], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { version: string; files: { content: string }[] };
    expect(report.version).toBe('v9.9.9');
    expect(report.files[0]!.content).toContain('ARG VERSION=v9.9.9');
  });

  it('--cgo picks the debian base and says why', async () => {
    const dir = copy('hello');
    const result = await gocross(['dockerfile', '--cgo', '--dry-run'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('cgo links the C library dynamically, so the final stage is debian:bookworm-slim');
    expect(result.stdout).toContain('ARG BASE_IMAGE=debian:bookworm-slim');
    const refused = await gocross(['dockerfile', '--cgo', '--base', 'distroless'], { cwd: dir, env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('hint: drop --base (cgo picks debian) or pass --base debian');
  });

  it('a module with several commands needs --pkg; with it, the binary is named after the command', async () => {
    const dir = copy('multi');
    const refused = await gocross(['dockerfile'], { cwd: dir, env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('several commands (./cmd/alpha, ./cmd/beta)');
    expect(refused.stderr).toContain('hint: choose one with --pkg, e.g. --pkg ./cmd/alpha');
    const alpha = await gocross(['dockerfile', '--pkg', './cmd/alpha', '--dry-run'], { cwd: dir, env });
    expect(alpha.exitCode, alpha.stderr).toBe(0);
    expect(alpha.stdout).toContain('go build -trimpath -ldflags "-s -w -X main.version=$VERSION" -o /out/alpha ./cmd/alpha');
    expect(alpha.stdout).toContain('org.opencontainers.image.licenses="Apache-2.0"');
    expect(alpha.stdout).toContain('org.opencontainers.image.source="https://gitlab.com/example/multi"');
    expect(validate(dryRunFile(alpha.stdout, join(dir, 'Dockerfile')))).toEqual([]);
    const missing = await gocross(['dockerfile', '--pkg', './cmd/gamma'], { cwd: dir, env });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--pkg ./cmd/gamma');
  });

  it('says what is wrong with bad input: no go.mod, a bad platform, a bad base, a bad Go version', async () => {
    const cases: [string[], string][] = [
      [['dockerfile', root], 'holds no go.mod'],
      [['dockerfile', '--platforms', 'windows/amd64'], 'is not a Linux platform'],
      [['dockerfile', '--platforms', 'linux/amd65'], 'amd65'],
      [['dockerfile', '--base', 'alpine'], '--base alpine is not one of distroless, scratch, debian, conda'],
      [['dockerfile', '--go', 'banana'], 'asks for Go "banana"'],
    ];
    const dir = copy('hello');
    for (const [args, message] of cases) {
      const result = await gocross(args, { cwd: dir, env });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('hint:');
    }
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });

  it('the conda base warns when the recipe is not written yet', async () => {
    const dir = copy('hello');
    const result = await gocross(['dockerfile', '--base', 'conda', '--dry-run'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('recipes/hello/meta.yaml does not exist yet');
    expect(result.stdout).toContain('FROM --platform=$BUILDPLATFORM ${CONDA_IMAGE} AS conda-build');
  });

  it('has --help with its options', async () => {
    const result = await gocross(['dockerfile', '--help']);
    expect(result.exitCode).toBe(0);
    for (const flag of ['--platforms', '--go', '--base', '--cgo', '--pkg', '--out', '--bake', '--no-syntax', '--force', '--dry-run']) expect(result.stdout).toContain(flag);
  });
});
