/**
 * The generated files, byte for byte: one golden file per variant (GOCROSS_UPDATE_GOLDEN=1
 * rewrites them after a deliberate change — review the diff), each Dockerfile validated by
 * dockerfile-utils, and the plan's decisions (platforms, package, base, Go image, labels).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import type { ImageModule } from '../../src/image/plan.js';
import { binaryName, type DockerRequest, goImageTag, licenseLabel, planDockerfile } from '../../src/image/plan.js';
import { dockerQuote, hclQuote, renderBake, renderDockerfile, renderDockerignore, renderFiles } from '../../src/image/render.js';
import { httpsFromRemote, repositoryOf, sourceUrl } from '../../src/gomodule/repository.js';
import { thrown } from '../helpers/errors.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const MIT = readFileSync(new URL('../fixtures/modules/hello/LICENSE', import.meta.url), 'utf8');
const APACHE = readFileSync(new URL('../fixtures/modules/multi/LICENSE', import.meta.url), 'utf8');
const BSD_2 = readFileSync(new URL('../recipe/data/licenses/BSD-2-Clause.txt', import.meta.url), 'utf8');
const CUSTOM = readFileSync(new URL('../recipe/data/licenses/Custom.txt', import.meta.url), 'utf8');

const hello: ImageModule = {
  dir: '/src/hello',
  path: 'github.com/example/hello',
  go: '1.19',
  toolchain: null,
  mains: [{ package: '.', binary: 'hello', hasVersionFlag: true }],
  license: { file: 'LICENSE', text: MIT },
  git: { revision: '0123456789abcdef0123456789abcdef01234567', tag: 'v1.2.3', remote: 'git@github.com:example/hello.git' },
};

const VARIANTS: Record<string, DockerRequest> = {
  distroless: {},
  scratch: { base: 'scratch' },
  debian: { base: 'debian' },
  conda: { base: 'conda' },
  cgo: { cgo: true },
  'no-syntax': { base: 'scratch', syntax: false },
  bake: { bake: true, platforms: 'linux/amd64,linux/arm64,linux/arm/v7' },
};

function golden(name: string, text: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env.GOCROSS_UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${name} is missing; run with GOCROSS_UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const problems = (text: string) => validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message} (severity ${d.severity})`);

describe('Dockerfile variants', () => {
  for (const [variant, request] of Object.entries(VARIANTS)) {
    it(`${variant}: matches its golden file and validates without problems`, () => {
      const text = renderDockerfile(planDockerfile(request, hello));
      golden(`Dockerfile.${variant}`, text);
      expect(problems(text)).toEqual([]);
      expect(text.split('\n', 4).some((line) => line.includes('gocross-managed'))).toBe(true);
      expect(text).toMatch(/^USER 65532:65532$/m);
      expect(text).toMatch(/^ENTRYPOINT \["\/[^"]+"\]$/m);
      // Every stage that runs a command runs on the build platform: no emulation anywhere.
      const stages = text.split('\n').filter((line) => line.startsWith('FROM '));
      const blocks = text.split(/^FROM /m).slice(1);
      blocks.forEach((block, i) => {
        if (/^RUN /m.test(block)) expect(stages[i]).toMatch(/^FROM --platform=\$BUILDPLATFORM /);
      });
      expect(blocks.at(-1)).not.toMatch(/^RUN /m);
    });
  }

  it('every stage declares the platform arguments it uses (an undeclared one is empty, silently)', () => {
    for (const request of Object.values(VARIANTS)) {
      const text = renderDockerfile(planDockerfile(request, hello));
      // Stages start at FROM; ARG lines before the first FROM only serve FROM lines.
      for (const stage of text.split(/^FROM /m).slice(1)) {
        const declared = new Set([...stage.matchAll(/^ARG (.+)$/gm)].flatMap((m) => m[1]!.split(/\s+/).map((w) => w.split('=')[0]!)));
        const used = new Set([...stage.matchAll(/\$\{?(TARGET[A-Z]+)/g)].map((m) => m[1]!));
        for (const name of used) expect(declared, `${name} in stage ${stage.split('\n')[0]}`).toContain(name);
      }
    }
  });

  it('same inputs give identical bytes', () => {
    for (const request of Object.values(VARIANTS)) {
      expect(renderDockerfile(planDockerfile(request, hello))).toBe(renderDockerfile(planDockerfile({ ...request }, structuredClone(hello))));
    }
  });

  it('the validator does report a broken Dockerfile (so "no problems" means something)', () => {
    expect(problems('FROM scratch\nCOPY\nENTRYPOINT\n').length).toBeGreaterThan(0);
  });

  it('has the syntax line by default, first, and leaves it out with syntax: false', () => {
    expect(renderDockerfile(planDockerfile({}, hello)).split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(renderDockerfile(planDockerfile({ syntax: false }, hello))).not.toContain('# syntax=');
  });

  it('the cgo build installs the Debian cross compiler per TARGETARCH and sets CC', () => {
    const text = renderDockerfile(planDockerfile({ cgo: true }, hello));
    expect(text).toContain('arm64/*) packages="gcc-aarch64-linux-gnu libc6-dev-arm64-cross" cc=aarch64-linux-gnu-gcc ;;');
    expect(text).toContain('amd64/*) packages="gcc-x86-64-linux-gnu libc6-dev-amd64-cross" cc=x86_64-linux-gnu-gcc ;;');
    expect(text).toContain('arm/v5|arm/v6) packages="gcc-arm-linux-gnueabi libc6-dev-armel-cross"');
    expect(text).toContain('export CC="$(cat /etc/gocross-cc)"');
    expect(text).toContain('CGO_ENABLED=1');
    expect(text).toContain('RUN set -- /out/hello "$TARGETARCH" 1 "$TARGETPLATFORM";');
    expect(text).toMatch(/^ARG BASE_IMAGE=debian:bookworm-slim$/m);
    expect(text).toMatch(/^FROM \$\{BASE_IMAGE\}$/m);
  });

  it('the conda variant builds the recipe with conda-build and installs it with micromamba', () => {
    const text = renderDockerfile(planDockerfile({ base: 'conda' }, hello));
    expect(text).toContain('--output-folder /pkgs recipes/hello');
    expect(text).toContain('arm64/*) subdir=linux-aarch64 ;;');
    expect(text).toContain('micromamba create --yes --prefix /opt/env --platform "$(cat /pkgs/target-subdir)"');
    expect(text).toContain('RUN set -- /opt/env/bin/hello "$TARGETARCH" 0 "$TARGETPLATFORM";');
    expect(text).toMatch(/^ENTRYPOINT \["\/opt\/env\/bin\/hello"\]$/m);
  });
});

describe('docker-bake.hcl and .dockerignore', () => {
  it('bake: matches its golden file, with the platforms and the Dockerfile path', () => {
    const plan = planDockerfile({ bake: true, platforms: 'linux/amd64,linux/arm64,linux/arm/v7', dockerfile: 'build/Dockerfile' }, hello);
    const text = renderBake(plan);
    golden('docker-bake.hcl', text);
    expect(text).toContain('platforms  = ["linux/amd64", "linux/arm64", "linux/arm/v7"]');
    expect(text).toContain('dockerfile = "build/Dockerfile"');
  });

  it('.dockerignore: matches its golden file, keeps go.mod, sources and recipes in the context', () => {
    const text = renderDockerignore();
    golden('dockerignore', text);
    for (const kept of ['go.mod', 'go.sum', 'recipes', 'main.go']) expect(text.split('\n')).not.toContain(kept);
    expect(text.split('\n')).toContain('.git');
  });

  it('writes the bake file only with --bake', () => {
    expect(renderFiles(planDockerfile({}, hello)).map((f) => f.path)).toEqual(['Dockerfile', '.dockerignore']);
    expect(renderFiles(planDockerfile({ bake: true }, hello)).map((f) => f.path)).toEqual(['Dockerfile', '.dockerignore', 'docker-bake.hcl']);
  });

  it('quotes values for Dockerfile and HCL', () => {
    expect(dockerQuote('a "b" $HOME \\')).toBe('"a \\"b\\" \\$HOME \\\\"');
    expect(hclQuote('x ${y} %{z} "q"')).toBe('"x $${y} %%{z} \\"q\\""');
  });
});

describe('the plan', () => {
  it('defaults: linux/amd64 and linux/arm64, distroless, the Go of go.mod, labels from module and git', () => {
    const plan = planDockerfile({}, hello);
    expect(plan).toMatchObject({
      platforms: ['linux/amd64', 'linux/arm64'],
      base: 'distroless',
      goImage: 'golang:1.19-bookworm',
      name: 'hello',
      pkg: '.',
      // The tag's version, as build stamps it and the recipe packages it.
      version: '1.2.3',
      revision: hello.git.revision,
      labels: { title: 'hello', source: 'https://github.com/example/hello', licenses: 'MIT' },
      notes: [],
    });
  });

  it('keeps the revision out of the Dockerfile: it comes from build arguments, so the file is the same at every commit', () => {
    const files = (revision: string) => renderFiles(planDockerfile({ bake: true }, { ...hello, git: { ...hello.git, revision } }));
    expect(files('1'.repeat(40))).toEqual(files('2'.repeat(40)));
  });

  it('takes the Go version from the request, else the go.mod toolchain line, else the go line', () => {
    expect(planDockerfile({ go: { version: '1.23.4', source: '--go' } }, hello).goImage).toBe('golang:1.23.4-bookworm');
    expect(planDockerfile({}, { ...hello, toolchain: 'go1.22.3' }).goImage).toBe('golang:1.22.3-bookworm');
    expect(planDockerfile({}, { ...hello, go: null }).goImage).toBe('golang:bookworm');
    expect(thrown(() => goImageTag('banana', '--go')).code).toBe('dockerfile.go-version');
  });

  it('cgo picks the debian base and says so; refuses a base without a libc', () => {
    const plan = planDockerfile({ cgo: true }, hello);
    expect(plan.base).toBe('debian');
    expect(plan.notes.join(' ')).toContain('cgo links the C library dynamically');
    expect(thrown(() => planDockerfile({ cgo: true, base: 'scratch' }, hello)).code).toBe('dockerfile.cgo-base');
    expect(planDockerfile({ cgo: true, base: 'conda' }, hello).base).toBe('conda');
  });

  it('canonicalizes and dedupes platforms; refuses non-Linux, unchecked and cgo-less ones', () => {
    expect(planDockerfile({ platforms: 'linux/arm64, aarch64,linux-64,linux/arm/v7' }, hello).platforms).toEqual(['linux/arm64', 'linux/amd64', 'linux/arm/v7']);
    expect(thrown(() => planDockerfile({ platforms: 'windows/amd64' }, hello)).code).toBe('dockerfile.platform-os');
    expect(thrown(() => planDockerfile({ platforms: 'linux/mips' }, hello)).code).toBe('dockerfile.platform-arch');
    expect(thrown(() => planDockerfile({ platforms: 'linux/loong64', cgo: true }, hello)).code).toBe('dockerfile.cgo-arch');
    expect(thrown(() => planDockerfile({ platforms: 'linux/bogus' }, hello)).kind).toBe('usage');
    expect(thrown(() => planDockerfile({ platforms: ' , ' }, hello)).code).toBe('dockerfile.no-platforms');
  });

  it('finds the main package: the root, the only cmd/*, or asks for --pkg', () => {
    const cmd = (name: string) => ({ package: `./cmd/${name}`, binary: name, hasVersionFlag: false });
    const multi: ImageModule = { ...hello, path: 'gitlab.com/example/multi', mains: [cmd('alpha'), cmd('beta')], license: { file: 'LICENSE', text: APACHE }, git: {} };
    expect(thrown(() => planDockerfile({}, multi)).code).toBe('dockerfile.many-commands');
    const alpha = planDockerfile({ pkg: 'cmd/alpha/' }, multi);
    expect(alpha).toMatchObject({ pkg: './cmd/alpha', name: 'alpha', version: 'dev', revision: '', labels: { source: 'https://gitlab.com/example/multi', licenses: 'Apache-2.0' } });
    expect(planDockerfile({}, { ...multi, mains: [cmd('beta')] }).pkg).toBe('./cmd/beta');
    expect(thrown(() => planDockerfile({}, { ...multi, mains: [] })).code).toBe('dockerfile.no-main');
    expect(thrown(() => planDockerfile({ pkg: '../elsewhere' }, multi)).code).toBe('dockerfile.pkg');
    expect(thrown(() => planDockerfile({ base: 'alpine' }, hello)).code).toBe('dockerfile.base');
  });

  it('names the binary after the package or the module, skipping a major-version suffix', () => {
    expect(binaryName('.', 'github.com/example/tool/v2')).toBe('tool');
    expect(binaryName('./cmd/x', 'github.com/example/tool')).toBe('x');
    expect(binaryName('.', 'hello')).toBe('hello');
  });
});

describe('labels', () => {
  it('labels the SPDX id of a recognised license and says NOASSERTION otherwise', () => {
    expect(licenseLabel(MIT)).toBe('MIT');
    expect(licenseLabel(APACHE)).toBe('Apache-2.0');
    expect(licenseLabel(BSD_2)).toBe('BSD-2-Clause');
    // A text no rule knows: the recipe's LicenseRef- id is no label.
    expect(licenseLabel(CUSTOM)).toBe('NOASSERTION');
    expect(licenseLabel('All rights reserved.')).toBe('NOASSERTION');
    expect(licenseLabel(undefined)).toBe('NOASSERTION');
  });

  it('turns git remotes and module paths into https source URLs', () => {
    expect(httpsFromRemote('git@github.com:example/hello.git')).toBe('https://github.com/example/hello');
    expect(httpsFromRemote('ssh://git@gitlab.com:2222/group/sub/proj.git')).toBe('https://gitlab.com/group/sub/proj');
    expect(httpsFromRemote('https://token@github.com/example/hello.git')).toBe('https://github.com/example/hello');
    expect(httpsFromRemote('/local/path')).toBeUndefined();
    expect(repositoryOf('github.com/example/hello/v2')?.home).toBe('https://github.com/example/hello');
    expect(repositoryOf('example.com/hello')).toBeNull();
    expect(sourceUrl('example.com/hello', 'https://git.example.com/team/hello.git')).toBe('https://git.example.com/team/hello');
  });
});
