/** The fixture recipes' findings in detail: messages, subdirs, and what the recipes render to. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecipeDir } from '../../src/recipe/check.js';
import { condaJinjaContext, renderMeta } from '../../src/recipe/jinja.js';
import { renderTemplate } from '../../src/recipe/jinja-engine/index.js';
import { variantFor } from '../../src/recipe/lint.js';
import { DEFAULT_PLATFORMS } from '../../src/recipe/platforms.js';
import { pinningFile } from '../../src/recipe/template.js';
import { tempDir } from '../helpers/temp.js';
import { ARCHIVES, checkFixture, ofSeverity, RECIPES, seededCache, show } from './fixture-helpers.js';

const cache = seededCache();
const emptyCache = tempDir('gocross-fixture-nocache-');
const check = (name: string, options: { cache?: string; platforms?: string[] } = {}) => checkFixture(name, options.cache ?? cache, options);

describe('the findings, in detail', () => {
  it('1: a license file from the archive is "not checked" offline without a cached copy, never an error', async () => {
    for (const name of ['license-sources', 'license-sources-v1']) {
      const { findings } = await check(name, { cache: emptyCache });
      expect(ofSeverity(findings, 'error'), show(findings)).toEqual([]);
      const notChecked = findings.filter((f) => f.id === 'license.not-checked').map((f) => f.message).join('\n');
      expect(notChecked).toMatch(/LICENSE not checked: the source archive is not in the cache and --offline keeps gocross off the network/);
      // The single-file sources need no download.
      expect(notChecked).not.toMatch(/LICENSE-xz|LICENSE-magic|xz-license/);
    }
  });

  it('1: a local (file://) source archive is read where it is; one whose sha256 is not the recipe\'s is an error', async () => {
    const dir = join(tempDir('gocross-fixture-local-'), 'recipe');
    cpSync(join(RECIPES, 'license-not-found'), dir, { recursive: true });
    const meta = join(dir, 'meta.yaml');
    const url = pathToFileURL(join(ARCHIVES, 'tool-1.0.0.tar.gz')).href;
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/url: .*/, `url: ${url}`).replace('    - COPYING\n', ''));
    const env = { XDG_CACHE_HOME: emptyCache };
    expect((await checkRecipeDir(dir, { offline: true, env })).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/sha256: .*/, `sha256: ${'0'.repeat(64)}`));
    const bad = (await checkRecipeDir(dir, { offline: true, env })).findings;
    expect(ofSeverity(bad, 'error'), show(bad)).toEqual(['source.sha256-mismatch']);
    expect(bad.find((f) => f.id === 'license.not-checked')?.message).toContain('has sha256 f3951b7b');
  });

  it("3: conda-build's os has no path since 25.4, and the message says so", () => {
    const render = (text: string) => renderTemplate(text, condaJinjaContext('linux-64'), { dialect: 'jinja2' }).text;
    expect(render("{{ os.sep.join(['a', 'b']) }} {{ os.environ.get('NOPE', 'd') }} {{ os.getenv('NOPE', 'e') }}")).toBe('a/b d e');
    expect(() => render("{{ os.path.join('a', 'b') }}")).toThrow("conda-build's os (environ, getenv, pathsep and sep only, since conda-build 25.4) has no attribute 'path'");
  });

  it('1: the missing one is named', async () => {
    const { findings } = await check('license-not-found');
    expect(findings.find((f) => f.id === 'license.file-not-found')?.message).toBe('about/license_file COPYING is not on disk (not in the recipe nor in its source) and no build script writes it.');
  });

  it("2: compiler() and stdlib() render to the pinning's packages, and to the recipe's own on Windows", () => {
    const cbc = { name: 'conda_build_config.yaml', text: readFileSync(join(RECIPES, 'compiler-pinning/conda_build_config.yaml'), 'utf8') };
    const meta = readFileSync(join(RECIPES, 'compiler-pinning/meta.yaml'), 'utf8');
    const render = (subdir: string) => renderMeta(meta, subdir, { variant: variantFor(subdir, { variantFiles: [pinningFile(), cbc] }).variant }).data as { requirements: { build: string[] }; build: { script: string[] } };
    expect(render('linux-aarch64').requirements.build).toEqual(['go-cgo_linux-aarch64', 'gcc_linux-aarch64 15.*', 'sysroot_linux-aarch64 2.17.*', 'go-licenses']);
    expect(render('osx-arm64').requirements.build).toEqual(['go-cgo_osx-arm64', 'clang_osx-arm64 21.*', 'macosx_deployment_target_osx-arm64 11.0.*', 'go-licenses']);
    expect(render('win-64').requirements.build).toEqual(['go-cgo_win-64', 'gcc_win-64 14.*', 'm2w64-sysroot_win-64 12.*', 'go-licenses']);
    expect(render('win-64').build.script[0]).toBe('go build -v -o %PREFIX%\\bin\\tool.exe ./cmd/tool');
    expect(render('linux-64').build.script[0]).toBe('go build -v -o ${PREFIX}/bin/tool ./cmd/tool');
  });

  it('3: the Jinja error is reported with its line, and its echoes are not', async () => {
    const { findings } = await check('jinja-error');
    expect(findings.find((f) => f.id === 'jinja.invalid')?.message).toBe("Jinja (line 6): 'verison' is undefined");
    expect(findings.some((f) => f.id === 'package.version')).toBe(false);
    expect(findings.find((f) => f.id === 'schema.unknown-key')?.message).toContain('build/numbr');
  });

  it('4: the last of the repeated keys wins', () => {
    const meta = readFileSync(join(RECIPES, 'duplicate-keys/meta.yaml'), 'utf8');
    const data = (subdir: string) => renderMeta(meta, subdir).data as { build: { number: string }; test: { commands: string[] } };
    expect(data('linux-64').build.number).toBe('1');
    expect(data('osx-64').build.number).toBe('0');
    expect(data('osx-64').test.commands).toEqual(['tool --help', 'tool version']);
  });

  it('5: the output that lacks go-licenses is the one named', async () => {
    const { findings } = await check('multi-output');
    expect(findings.find((f) => f.id === 'go-licenses.requirement')?.message).toBe('output tool-server: go-licenses is not in requirements/build.');
    expect(findings.find((f) => f.id === 'go-licenses.not-shipped')?.message).toContain('output tool-server: go-licenses saves into server_licenses');
  });

  it('7: go install …@latest and || true are said; no go-licenses at all too', async () => {
    const { findings } = await check('go-licenses-latest');
    expect(findings.find((f) => f.id === 'go-licenses.unpinned')?.message).toContain('`go install github.com/google/go-licenses@latest`');
    expect(findings.find((f) => f.id === 'go-licenses.failure-hidden')?.message).toContain('`|| true`');
    const none = await check('go-licenses-none');
    expect(none.findings.find((f) => f.id === 'go-licenses.save')?.message).toMatch(/^no go-licenses at all/);
  });

  it('8: rattler-build rejects license_url and a Python method, and stops on an undefined name', async () => {
    const { findings } = await check('rattler-errors-v1');
    const messages = findings.filter((f) => f.severity === 'error').map((f) => f.message);
    expect(messages).toContainEqual('unknown key about/license_url: rattler-build rejects it (its about section has no license_url).');
    expect(messages).toContainEqual(expect.stringMatching(/^unknown key build\/binary_relocation/));
    expect(messages).toContainEqual('Jinja (context/name): unknown method: string has no method named split');
    expect(messages).toContainEqual("Jinja (package/version): 'build_suffix' is undefined");
    // license_family is rattler-build's too.
    expect((await check('rattler-rules-v1')).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('9: platforms come from --platforms, else conda-forge.yml, else all seven', async () => {
    const env = { XDG_CACHE_HOME: cache };
    const forge = await checkRecipeDir(join(RECIPES, 'platforms-forge/recipe'), { offline: true, env });
    expect(forge.platformsFrom).toBe('conda-forge.yml');
    expect(forge.platforms).toEqual(['linux-64', 'linux-aarch64', 'linux-ppc64le', 'osx-64', 'osx-arm64', 'win-64', 'win-arm64']);
    expect(forge.findings.find((f) => f.id === 'go-licenses.requirement')?.subdirs).toEqual(['linux-ppc64le', 'win-arm64']);
    const given = await checkRecipeDir(join(RECIPES, 'platforms-forge/recipe'), { offline: true, env, platforms: ['linux-64', 'osx-arm64'] });
    expect(given.platformsFrom).toBe('--platforms');
    expect(given.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const defaults = await checkRecipeDir(join(RECIPES, 'go-licenses-none'), { offline: true, env });
    expect(defaults.platformsFrom).toBe('defaults');
    expect(defaults.platforms).toEqual([...DEFAULT_PLATFORMS]);
    expect(defaults.platforms).toEqual(expect.arrayContaining(['linux-ppc64le', 'win-arm64']));
  });

  it('10: a Python recipe renders {{ PYTHON }} as a path on Windows, and says the Go rules were skipped', async () => {
    const meta = readFileSync(join(RECIPES, 'python-meta/meta.yaml'), 'utf8');
    const win = renderMeta(meta, 'win-64', { variant: variantFor('win-64', { variantFiles: [pinningFile()] }).variant });
    expect(win.errors).toEqual([]);
    expect((win.data as { build: { script: string } }).build.script).toMatch(/^C:\\\\bld\\\\_h_env\\\\python\.exe -m pip install/);
    const { findings } = await check('python-meta');
    expect(findings.find((f) => f.id === 'go.not-a-go-recipe')?.message).toContain('noarch: python');
  });
});
