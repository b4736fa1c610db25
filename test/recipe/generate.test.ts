import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderMeta as render } from '../../src/recipe/jinja.js';
import { renderTemplate } from '../../src/recipe/jinja-engine/index.js';
import { lintRecipe, variantFor } from '../../src/recipe/lint.js';
import { rattlerJinjaContext } from '../../src/recipe/rattler-context.js';
import { pinningFile } from '../../src/recipe/template.js';
import { DEFAULT_PLATFORMS, type RecipePlan } from '../../src/recipe/plan.js';
import { renderRecipe, templateVersion, yamlScalar } from '../../src/recipe/render.js';
import { thrown } from '../helpers/errors.js';
import { tempDir } from '../helpers/temp.js';
import { copyFixture, planFor, SHA } from './helpers.js';

const root = tempDir('gocross-recipe-gen-');
const hello = copyFixture('hello', root);
const multi = copyFixture('multi', root);
const MULTI_URL = 'https://gitlab.com/example/multi/-/archive/v0.4.0/multi-v0.4.0.tar.gz';

const helloPlan = (): RecipePlan => planFor(hello);
const HELLO_PLATFORMS = helloPlan().platforms;
const multiPlan = (): RecipePlan =>
  planFor(multi, { version: '0.4.0', format: 'both', platforms: ['linux-64', 'linux-aarch64'], maintainers: ['alice', 'bob'], source: { kind: 'url', url: MULTI_URL, sha256: SHA } });
const file = (plan: RecipePlan, name: string): string => {
  const found = renderRecipe(plan).find((f) => f.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found.content;
};

/** meta.yaml rendered as conda-build renders it on conda-forge: with the global pinning. */
const renderMeta = (text: string, subdir: string) => render(text, subdir, { variant: variantFor(subdir, { variantFiles: [pinningFile()] }).variant });

/** rattler-build's ${{ }} rendered with its context and the recipe's own context values. */
function renderV1(text: string, subdir: string): Record<string, unknown> {
  const context = (parse(text) as { context: Record<string, string> }).context;
  const rendered = renderTemplate(text, { ...rattlerJinjaContext(subdir), ...context }, { dialect: 'minijinja' }).text;
  return parse(rendered) as Record<string, unknown>;
}

describe('generated meta.yaml, parsed back as conda-build reads it', () => {
  it.each(HELLO_PLATFORMS)('hello (cgo, MIT, root main) on %s: every field', (subdir) => {
    const rendered = renderMeta(file(helloPlan(), 'meta.yaml'), subdir);
    expect(rendered.errors).toEqual([]);
    const win = subdir.startsWith('win');
    expect(rendered.data).toEqual({
      package: { name: 'hello', version: '1.2.3' },
      source: { url: 'https://github.com/example/hello/archive/refs/tags/v1.2.3.tar.gz', sha256: SHA },
      build: { number: '0' },
      // conda-forge's pinning: its compilers and C library versions.
      requirements: { build: [`go-cgo_${subdir}`, win ? `vs2022_${subdir}` : subdir.startsWith('osx') ? `clang_${subdir} 21.*` : `gcc_${subdir} 15.*`, win ? `vs_${subdir}` : subdir.startsWith('osx') ? `macosx_deployment_target_${subdir} 11.0.*` : `sysroot_${subdir} 2.17.*`, 'go-licenses'] },
      test: { commands: ['hello --help', 'hello --version', win ? 'if not exist %LIBRARY_BIN%\\hello.exe exit 1' : 'test -f ${PREFIX}/bin/hello'] },
      about: {
        home: 'https://github.com/example/hello',
        dev_url: 'https://github.com/example/hello',
        license: 'MIT',
        license_family: 'MIT',
        license_file: ['LICENSE', 'library_licenses/'],
        summary: 'A tiny command-line tool that prints its version and the platform it was built for.',
      },
      extra: { 'recipe-maintainers': ['alice'] },
    });
  });

  it('multi (pure Go, Apache-2.0, two commands, two platforms): skipped elsewhere, both binaries tested', () => {
    const meta = file(multiPlan(), 'meta.yaml');
    expect(meta).toContain('url: https://gitlab.com/example/multi/-/archive/v{{ version }}/multi-v{{ version }}.tar.gz');
    for (const subdir of ['linux-64', 'linux-aarch64']) {
      const data = renderMeta(meta, subdir).data as Record<string, Record<string, unknown>>;
      expect(data.build).toEqual({ number: '0' });
      expect(data.requirements).toEqual({ build: [`go-nocgo_${subdir}`, 'go-licenses'] });
      expect(data.test).toEqual({ commands: ['alpha --help', 'beta --help', 'alpha --version', 'beta --version', 'test -f ${PREFIX}/bin/alpha', 'test -f ${PREFIX}/bin/beta'] });
      expect(data.about).toMatchObject({ home: 'https://gitlab.com/example/multi', license: 'Apache-2.0', license_family: 'APACHE', summary: 'Multi ships two small commands, alpha and beta, from one Go module.' });
      expect(data.extra).toEqual({ 'recipe-maintainers': ['alice', 'bob'] });
      expect(data.source).toEqual({ url: MULTI_URL, sha256: SHA });
    }
    for (const subdir of ['osx-64', 'osx-arm64', 'win-64']) {
      expect((renderMeta(meta, subdir).data as { build: unknown }).build).toEqual({ number: '0', skip: true });
    }
  });

  it('build scripts build every main package into $PREFIX/bin (%LIBRARY_BIN%) and save licenses', () => {
    const sh = file(multiPlan(), 'build.sh');
    expect(sh).toContain('go build -trimpath -ldflags "-s -w -X main.version=${PKG_VERSION}" -o "${PREFIX}/bin/alpha" ./cmd/alpha');
    expect(sh).toContain('-o "${PREFIX}/bin/beta" ./cmd/beta');
    expect(sh).toContain('go-licenses save ./cmd/alpha ./cmd/beta --save_path library_licenses');
    expect(sh).toContain('chmod -R u+w "${modcache}"');
    const bat = file(multiPlan(), 'bld.bat');
    expect(bat).toContain('-o "%LIBRARY_BIN%\\alpha.exe" ./cmd/alpha');
    expect(bat).toContain('go-licenses save ./cmd/alpha ./cmd/beta --save_path library_licenses');
    expect(renderRecipe(multiPlan()).find((f) => f.name === 'build.sh')?.mode).toBe(0o755);
  });

  it('conda-forge.yml cross-compiles linux-aarch64 and osx-arm64 on their x86-64 platforms', () => {
    expect(parse(file(helloPlan(), 'conda-forge.yml'))).toEqual({
      build_platform: { linux_aarch64: 'linux_64', linux_ppc64le: 'linux_64', osx_arm64: 'osx_64', win_arm64: 'win_64' },
      conda_forge_output_validation: true,
      test: 'native_and_emulated',
    });
    const v1 = planFor(multi, { format: 'v1', platforms: ['linux-64'], source: { kind: 'url', url: MULTI_URL, sha256: SHA } });
    expect(parse(file(v1, 'conda-forge.yml'))).toEqual({ conda_build_tool: 'rattler-build', conda_forge_output_validation: true, test: 'native_and_emulated' });
    expect(renderRecipe(v1).map((f) => f.name)).toEqual(['recipe.yaml', 'build.sh', 'bld.bat', 'conda-forge.yml']);
  });

  it('a git source has git_url and the tag as git_rev, and no sha256', () => {
    const plan = planFor(hello, { source: { kind: 'git', gitUrl: 'https://github.com/example/hello.git', gitRev: 'v1.2.3' } });
    const data = renderMeta(file(plan, 'meta.yaml'), 'linux-64').data as { source: unknown };
    expect(file(plan, 'meta.yaml')).toContain('git_rev: v{{ version }}');
    expect(data.source).toEqual({ git_url: 'https://github.com/example/hello.git', git_rev: 'v1.2.3' });
  });

  it('generated recipes pass the linter', () => {
    for (const plan of [helloPlan(), multiPlan(), planFor(hello, { cgo: false })]) {
      const files = renderRecipe(plan);
      const findings = lintRecipe({
        meta: files.find((f) => f.name === 'meta.yaml')?.content ?? '',
        scripts: { 'build.sh': files.find((f) => f.name === 'build.sh')?.content, 'bld.bat': files.find((f) => f.name === 'bld.bat')?.content },
        exists: (p) => existsSync(`${hello}/${p}`),
        recipeFiles: files.map((f) => f.name),
        variantFiles: [pinningFile()],
      });
      expect(findings).toEqual([]);
    }
  });

  it('--no-cgo overrides detection; summary text cannot open Jinja or break YAML', () => {
    const plan = planFor(hello, { cgo: false });
    expect(plan.cgoReason).toBe('--no-cgo');
    plan.summary = 'Odd: {{ evil }} # not a comment "quoted"';
    const data = renderMeta(file(plan, 'meta.yaml'), 'linux-64').data as { about: { summary: string }; requirements: { build: string[] } };
    expect(data.about.summary).toBe('Odd: { { evil }} # not a comment "quoted"');
    expect(data.requirements.build).toEqual(['go-nocgo_linux-64', 'go-licenses']);
    expect(DEFAULT_PLATFORMS).toContain('linux-ppc64le');
  });
});

describe('generated recipe.yaml (rattler-build v1)', () => {
  it.each(['linux-64', 'win-64'])('multi on %s: every field', (subdir) => {
    const data = renderV1(file(multiPlan(), 'recipe.yaml'), subdir);
    expect(data).toEqual({
      schema_version: 1,
      context: { name: 'multi', version: '0.4.0' },
      package: { name: 'multi', version: '0.4.0' },
      source: { url: MULTI_URL, sha256: SHA },
      build: { number: 0, skip: ['not (target_platform == "linux-64" or target_platform == "linux-aarch64")'], script: subdir === 'win-64' ? 'bld.bat' : 'build.sh' },
      requirements: { build: [`go-nocgo_${subdir}`, 'go-licenses'] },
      tests: [{ script: ['alpha --help', 'beta --help', 'alpha --version', 'beta --version'] }, { package_contents: { bin: ['alpha', 'beta'] } }],
      about: {
        homepage: 'https://gitlab.com/example/multi',
        repository: 'https://gitlab.com/example/multi',
        license: 'Apache-2.0',
        license_file: ['LICENSE', 'library_licenses/'],
        summary: 'Multi ships two small commands, alpha and beta, from one Go module.',
      },
      extra: { 'recipe-maintainers': ['alice', 'bob'] },
    });
  });
});

describe('golden files', () => {
  // Set GOCROSS_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and review the diff.
  const cases: [string, () => RecipePlan][] = [
    ['hello', helloPlan],
    ['multi', multiPlan],
  ];
  it.each(cases)('%s matches test/recipe/golden/', (name, plan) => {
    for (const f of renderRecipe(plan())) {
      const golden = new URL(`./golden/${name}/${f.name}`, import.meta.url);
      if (process.env.GOCROSS_UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        mkdirSync(new URL(`./golden/${name}/`, import.meta.url), { recursive: true });
        writeFileSync(golden, f.content);
      }
      expect(f.content, f.name).toBe(readFileSync(golden, 'utf8'));
    }
  });
});

describe('plan checks and helpers', () => {
  it('rejects bad names, versions, platforms and handles (exit 2)', () => {
    expect(thrown(() => planFor(hello, { name: 'Bad Name' })).code).toBe('recipe.name');
    expect(thrown(() => planFor(hello, { version: '1.0-rc1' })).code).toBe('recipe.version');
    const platforms = thrown(() => planFor(hello, { platforms: ['linux-64', 'solaris-64'] }));
    expect(platforms.code).toBe('recipe.platforms');
    expect(platforms.message).toContain('solaris-64');
    expect(thrown(() => planFor(hello, { maintainers: ['@alice'] })).exitCode).toBe(2);
  });

  it('a module without a license or without a main package gets no recipe (exit 2)', () => {
    const bare = copyFixture('multi', root, 'bare');
    rmSync(join(bare, 'LICENSE'));
    expect(thrown(() => planFor(bare)).code).toBe('recipe.no-license');
    rmSync(join(bare, 'cmd'), { recursive: true });
    writeFileSync(join(bare, 'LICENSE'), 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy');
    expect(thrown(() => planFor(bare)).code).toBe('recipe.no-main');
  });

  it('an unknown license text becomes LicenseRef- with a warning; no README gives a stated default', () => {
    const odd = copyFixture('hello', root, 'odd');
    writeFileSync(join(odd, 'LICENSE'), 'Acme Source License\n\nLook, do not touch.\n');
    rmSync(join(odd, 'README.md'));
    const plan = planFor(odd, { maintainers: [] });
    expect(plan.license).toMatchObject({ spdx: 'LicenseRef-Acme-Source-License', family: 'OTHER', known: false });
    expect(plan.summary).toBe('The hello command-line tool, written in Go');
    expect(plan.warnings.join('\n')).toMatch(/matches no license.*\n.*no --maintainer.*\n.*no README/);
    const data = renderMeta(file(plan, 'meta.yaml'), 'linux-64').data as { about: { license: string }; extra?: unknown };
    expect(data.about.license).toBe('LicenseRef-Acme-Source-License');
    expect(data.extra).toBeUndefined();
  });

  it('puts {{ version }} only in the path of a URL, and quotes YAML scalars that need it', () => {
    expect(templateVersion('http://127.0.0.1:8000/0.0.1/x-0.0.1.tgz', '0.0.1', '{{ version }}')).toBe('http://127.0.0.1:8000/{{ version }}/x-{{ version }}.tgz');
    expect(yamlScalar('MIT')).toBe('MIT');
    expect(yamlScalar('yes')).toBe('"yes"');
    expect(yamlScalar('1.0')).toBe('"1.0"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
  });
});
