/**
 * Recipes in the shapes of real conda-forge Go feedstocks (test/fixtures/recipes/), each
 * checked as `gocross recipe --check` checks it: no false error, and the real mistakes some of
 * them carry still reported. The source archives they name are put in a temporary source cache
 * under their sha256, so nothing here touches the network.
 */
import { describe, expect, it } from 'vitest';
import { checkFixture, ofSeverity, seededCache, show } from './fixture-helpers.js';

const cache = seededCache();
const check = (name: string) => checkFixture(name, cache);

interface Case {
  name: string;
  errors?: string[];
  warnings?: string[];
  /** Info findings that must be there (others may be). */
  infos?: string[];
}

const CASES: Case[] = [
  // 1. License files from the source archive (folder, hoisted top dir), single-file sources (fn, folder), cp and mkdir in the build.
  { name: 'license-sources' },
  // 1. The same in recipe.yaml: target_directory, file_name, a .zip, a glob, ${{ SRC_DIR }} late-bound.
  { name: 'license-sources-v1' },
  // 1. A real mistake: a license file that is nowhere.
  { name: 'license-not-found', errors: ['license.file-not-found'] },
  // 2. compiler('cgo') / compiler('go') from the pinning, the C compiler on Windows from the recipe's conda_build_config.yaml.
  { name: 'compiler-pinning' },
  { name: 'compiler-pinning-v1' },
  // 3. Jinja2: split()[-1], replace(), os.sep.join(), '%s' %, environ.get, os.environ.get.
  { name: 'jinja2-features' },
  // 3. One Jinja error does not hide the other problems.
  { name: 'jinja-error', errors: ['build.number-missing', 'go-licenses.requirement', 'jinja.invalid', 'schema.unknown-key'] },
  // 4. A key repeated under selectors: the last wins, as conda-build loads it.
  { name: 'duplicate-keys' },
  // 5. Outputs, each checked as a package; one of them really lacks go-licenses.
  { name: 'multi-output', errors: ['go-licenses.requirement'], warnings: ['go-licenses.not-shipped'] },
  { name: 'multi-output-v1' },
  // 6. build.script as a mapping (env, content) and as {file}; licence folders the script writes.
  { name: 'script-mapping-v1' },
  { name: 'script-file-v1' },
  // 7. go-licenses over \ and ^ lines, quoted save paths, --ignore; built by the recipe at a pinned version.
  { name: 'go-licenses-continuation' },
  { name: 'go-licenses-installed' },
  // 7. Real mistakes: go install …@latest, `|| true`, and no go-licenses at all.
  { name: 'go-licenses-latest', errors: ['go-licenses.unpinned'], warnings: ['go-licenses.failure-hidden'] },
  { name: 'go-licenses-none', errors: ['go-licenses.save'] },
  // 8. rattler-build's rules: license_family valid, `is defined`, filters; and its real errors.
  { name: 'rattler-rules-v1' },
  { name: 'rattler-errors-v1', errors: ['jinja.invalid', 'schema.unknown-key'] },
  // 9. Platforms from conda-forge.yml: the mistake is on linux-ppc64le and win-arm64 only.
  { name: 'platforms-forge/recipe', errors: ['go-licenses.requirement'] },
  // 10. Python recipes: the Go rules are skipped, and the check says so.
  { name: 'python-meta', infos: ['go.not-a-go-recipe'] },
  { name: 'python-v1', infos: ['go.not-a-go-recipe'] },
];

describe('recipes in the shapes of conda-forge Go feedstocks', () => {
  it.each(CASES)('$name: no false error, the real ones reported', async ({ name, errors = [], warnings = [], infos = [] }) => {
    const { findings } = await check(name);
    expect(ofSeverity(findings, 'error'), show(findings)).toEqual(errors);
    expect(ofSeverity(findings, 'warning'), show(findings)).toEqual(warnings);
    for (const id of infos) expect(ofSeverity(findings, 'info'), show(findings)).toContain(id);
    // Every license file was checked: the archives are in the cache.
    expect(ofSeverity(findings, 'info').filter((i) => i !== 'go.not-a-go-recipe'), show(findings)).toEqual([]);
  });
});
