/** `gocross recipe [DIR]`: write a conda-build recipe for a Go module, or lint one with --check. */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { splitList } from '../../config/coerce.js';
import { checkError, usageError } from '../../errors.js';
import { type CheckedRecipe, checkRecipeDir, findRecipeDirs } from '../../recipe/check.js';
import { sha256OfFile, sha256OfUrl } from '../../recipe/checksum.js';
import { originUrl } from '../../io/git.js';
import { latestTag } from '../../recipe/git.js';
import { forgeArchiveUrl, forgeOf } from '../../recipe/forge.js';
import { type Finding, hasErrors, lintRecipe } from '../../recipe/lint.js';
import { lintRecipeV1 } from '../../recipe/lint-v1.js';
import { checkPlanInputs, DEFAULT_PLATFORMS, planRecipe, type RecipeModule, type RecipeFormat, type SourcePlan } from '../../recipe/plan.js';
import { renderRecipe } from '../../recipe/render.js';
import { pinningFile } from '../../recipe/template.js';
import { scanModule } from '../../recipe/scan.js';
import { versionFromTag } from '../../recipe/version.js';
import { applyWrites } from '../../io/owned-files.js';
import { planRecipeWrites } from '../../recipe/write.js';
import type { Output } from '../output.js';
import { reportWrites } from '../file-writes.js';
import type { Context, Options } from '../registry.js';


const FORMATS: RecipeFormat[] = ['meta', 'v1', 'both'];
const SOURCES = ['url', 'path', 'git'] as const;
type SourceKind = (typeof SOURCES)[number];

const isRemote = (url: string): boolean => /^(https?|ftp):\/\//i.test(url);

const LEVELS = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

function printFindings(checked: CheckedRecipe, output: Output, cwd: string): void {
  const where = relative(cwd, checked.dir) || '.';
  if (!checked.findings.some((f) => f.severity !== 'info')) output.line(`${where}: ${output.style('green', 'ok')}`);
  for (const f of checked.findings) {
    const level = output.style(LEVELS[f.severity], f.severity);
    const subdirs = f.subdirs.length > 0 && f.subdirs.length < checked.platforms.length ? ` (${f.subdirs.join(', ')})` : '';
    output.line(`${where}/${f.file}: ${level} [${f.id}] ${f.message}${subdirs}`);
    if (f.hint && f.severity !== 'info') output.line(`  hint: ${f.hint}`);
  }
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

async function check({ args, options, output, cwd, env, global }: Context<'recipe'>): Promise<number> {
  const opts = options;
  // Without a path: the recipe in the working directory, else the recipes under --out.
  const here = ['meta.yaml', 'recipe.yaml'].some((f) => existsSync(join(cwd, f)));
  const target = typeof opts.check === 'string' ? opts.check : here ? cwd : resolve(cwd, opts.out ?? 'recipes');
  const sourceDir = args[0] ? resolve(cwd, args[0]) : undefined;
  const platforms = opts.platforms ? splitList(opts.platforms) : undefined;
  const unknown = (platforms ?? []).filter((p) => !/^[a-z0-9]+-[a-z0-9]+$/.test(p));
  if (unknown.length > 0) throw usageError('recipe.platforms', `--platforms ${unknown.join(', ')} is not a conda subdir.`, { hint: `use conda subdirs such as ${DEFAULT_PLATFORMS.join(', ')}` });
  const results: CheckedRecipe[] = [];
  for (const dir of findRecipeDirs(resolve(cwd, target))) results.push(await checkRecipeDir(dir, { sourceDir, env, offline: opts.offline === true, platforms }));
  if (global.json) {
    output.json({ recipes: results.map((r) => ({ dir: r.dir, ok: !hasErrors(r.findings), platforms: r.platforms, platformsFrom: r.platformsFrom, findings: r.findings })) });
  } else {
    for (const r of results) printFindings(r, output, cwd);
  }
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const notes = all.filter((f) => f.severity === 'info').length;
  const platformsText = results.length === 1 && results[0] ? ` for ${results[0].platforms.join(', ')} (${results[0].platformsFrom})` : '';
  output.info(`${count(results.length, 'recipe')} checked${platformsText}: ${count(errors, 'error')}, ${count(warnings, 'warning')}${notes > 0 ? `, ${count(notes, 'note')}` : ''}`);
  return errors > 0 ? 1 : 0;
}

/** The source section: a URL and its sha256 (downloaded or from a local tarball), or git. */
async function chooseSource(kind: SourceKind, info: RecipeModule, version: string, tagPrefix: string, opts: Options<'recipe'>, cwd: string, output: Output, env: Record<string, string | undefined>): Promise<SourcePlan> {
  const tag = `${tagPrefix}${version}`;
  if (kind === 'git') {
    const forge = forgeOf(info.path);
    const gitUrl = opts.url ?? (await originUrl(info.dir)) ?? (forge ? `${forge.home}.git` : null);
    if (!gitUrl) throw usageError('recipe.git-url', `no git URL for ${info.path}: the checkout has no origin remote and the module is not on GitHub or GitLab.`, { hint: 'pass --url with the repository URL' });
    return { kind: 'git', gitUrl, gitRev: tag };
  }
  if (kind === 'path') {
    if (!opts.url) throw usageError('recipe.tarball', '--source path needs the local tarball: pass --url FILE.tar.gz.', { hint: 'make one with `git archive --prefix=NAME-VERSION/ -o NAME-VERSION.tar.gz TAG`' });
    const file = opts.url.startsWith('file:') ? fileURLToPath(opts.url) : resolve(cwd, opts.url);
    return { kind: 'url', url: pathToFileURL(file).href, sha256: await sha256OfFile(file) };
  }
  const forge = forgeOf(info.path);
  const url = opts.url ?? (forge ? forgeArchiveUrl(forge, tag) : null);
  if (!url) {
    throw usageError('recipe.url', `no source URL for ${info.path}: it is not on GitHub or GitLab, so gocross cannot name its release tarball.`, {
      hint: 'pass --url URL of the release tarball, --source path --url FILE.tar.gz, or --source git',
    });
  }
  if (!isRemote(url)) throw usageError('recipe.url', `--url ${url} is not an http(s) URL.`, { hint: 'for a local tarball use --source path --url FILE.tar.gz' });
  const { runTasks, formatProgress, progressThrottle } = await import('../tasks.js');
  const ctx = await runTasks<{ sha256?: string }>(
    [
      {
        title: `Download ${url} for its sha256`,
        task: async (c, task) => {
          const started = Date.now();
          const show = progressThrottle(output.interactive);
          const result = await sha256OfUrl(
            url,
            (received, total) => {
              if (show(received, total)) task.output = formatProgress(received, total, started);
            },
            env,
          );
          c.sha256 = result.sha256;
          task.title = `sha256 of ${url}: ${result.sha256}`;
        },
      },
    ],
    output,
    {},
  );
  return { kind: 'url', url, sha256: ctx.sha256 as string };
}

async function generate({ args, options, output, cwd, global, env }: Context<'recipe'>): Promise<number> {
  const opts = options;
  const format = (opts.format ?? 'meta') as RecipeFormat;
  if (!FORMATS.includes(format)) throw usageError('recipe.format', `--format ${opts.format} is not meta, v1 or both.`, { hint: 'meta: conda-build meta.yaml; v1: rattler-build recipe.yaml; both' });
  const kind = (opts.source ?? (opts.url && !isRemote(opts.url) ? 'path' : 'url')) as SourceKind;
  if (!SOURCES.includes(kind)) throw usageError('recipe.source', `--source ${opts.source} is not git, url or path.`, { hint: 'url: a release tarball URL (downloaded for its sha256); path: a local tarball; git: git_url and a tag' });

  const info = scanModule(resolve(cwd, args[0] ?? '.'));
  // The version: --version, else the newest git tag.
  let version = opts.version;
  let tagPrefix = 'v';
  const tag = await latestTag(info.dir);
  if (tag) {
    const fromTag = versionFromTag(tag.tag);
    if (fromTag) tagPrefix = fromTag.prefix;
    if (!version && fromTag) {
      version = fromTag.version;
      if (!tag.exact) output.warn(`HEAD is past the tag ${tag.tag}; the recipe is for ${version}, the tagged release`);
    }
  }
  if (!version) {
    throw usageError('recipe.no-version', `no version for ${info.path}: ${tag ? `the tag ${tag.tag} holds no version` : 'the checkout has no git tag'}.`, { hint: 'pass --version 1.2.3, or tag the release (git tag v1.2.3)' });
  }

  const choices = {
    name: opts.name,
    version,
    cgo: opts.cgo,
    format,
    platforms: opts.platforms ? splitList(opts.platforms) : DEFAULT_PLATFORMS,
    maintainers: splitList(opts.maintainer ?? ''),
    licensesIgnore: (opts.licensesIgnore ?? []).flatMap((m) => splitList(m)),
  };
  // Bad input fails before the download.
  checkPlanInputs(info, choices);
  const source = await chooseSource(kind, info, version, tagPrefix, opts, cwd, output, env);
  const plan = planRecipe(info, { ...choices, source });
  const files = renderRecipe(plan);
  const outDir = join(resolve(cwd, opts.out ?? 'recipes'), plan.name);

  // What we write must pass our own linter; a finding here is a gocross bug, not the user's.
  const common = {
    scripts: Object.fromEntries(files.map((f) => [f.name, f.content])),
    exists: (p: string) => existsSync(join(info.dir, p)) || existsSync(join(outDir, p)),
    recipeFiles: files.map((f) => f.name),
    variantFiles: [pinningFile()],
  };
  const meta = files.find((f) => f.name === 'meta.yaml');
  const v1 = files.find((f) => f.name === 'recipe.yaml');
  const findings: Finding[] = [...(meta ? lintRecipe({ meta: meta.content, ...common }) : []), ...(v1 ? lintRecipeV1(v1.content, common) : [])];
  if (hasErrors(findings)) {
    throw checkError('recipe.self-check', `the generated recipe fails its own lint: ${findings.map((f) => `[${f.id}] ${f.message}`).join(' ')}`, { hint: 'this is a bug in gocross; please report it with the module' });
  }

  const writes = planRecipeWrites(outDir, files, opts.force === true, opts.dryRun === true);
  if (!opts.dryRun) await applyWrites(writes);
  for (const warning of plan.warnings) output.warn(warning);
  if (source.kind === 'url' && source.url.startsWith('file:')) {
    output.warn('the source is a file:// URL, fine for local builds; conda-forge needs the public tarball URL (pass --url with it)');
  }

  if (global.json) {
    output.json({
      name: plan.name,
      version: plan.version,
      module: info.path,
      go: info.go,
      dir: outDir,
      dryRun: opts.dryRun === true,
      cgo: plan.cgo,
      cgoReason: plan.cgoReason,
      source: plan.source,
      license: { spdx: plan.license.spdx, family: plan.license.family, file: plan.license.file },
      binaries: plan.mains.map((m) => ({ name: m.binary, package: m.package })),
      platforms: plan.platforms,
      licensesIgnore: plan.licensesIgnore,
      files: writes.map((w) => ({ path: w.file.path, action: w.action, ...(opts.dryRun ? { content: w.file.content } : {}) })),
      warnings: plan.warnings,
      findings,
    });
    return 0;
  }
  reportWrites(output, writes, { dryRun: opts.dryRun === true, content: true, note: (w) => (opts.dryRun && w.action === 'updated' && !opts.force ? 'needs --force' : undefined) });
  output.info(`${plan.name} ${plan.version}: ${plan.mains.map((m) => m.binary).join(', ')}; cgo ${plan.cgo ? 'on' : 'off'} (${plan.cgoReason}); license ${plan.license.spdx}`);
  return 0;
}

export async function run(context: Context<'recipe'>): Promise<number> {
  const opts = context.options;
  return opts.check !== undefined ? check(context) : generate(context);
}
