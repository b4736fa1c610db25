/** `gocross init`: write the env's activate.d/deactivate.d hooks for Go cross-compiling. */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { chooseCompiler } from '../../compilers/choice.js';
import { findCrossCompilers, installCommands } from '../../compilers/found.js';
import { locateEnv } from '../../activation/env.js';
import { environmentError, usageError } from '../../errors.js';
import { readEnvRecords } from '../../activation/records.js';
import { overridesOf } from '../../activation/overrides.js';
import { envGocrossDir, type EnvSettings, execWrapperDir, planHooks } from '../../activation/plan.js';
import { activateDir, composeFiles, deactivateDir } from '../../activation/compose.js';
import { applyWrites, ownedFiles, planWrites, removeFiles } from '../../activation/hook-files.js';
import { type StoredSettings } from '../../activation/settings.js';
import { legacySettingsPath, readEnvSettings } from '../../activation/settings-file.js';
import { chooseEnvGo } from '../../toolchain/choice.js';
import { ensureGo } from '../../toolchain/ensure.js';
import { findProjectVersion } from '../../toolchain/version-files.js';
import { hostTarget, isForeign, parseTarget } from '../../targets/index.js';
import { reportWrites } from '../file-writes.js';
import type { Context } from '../registry.js';


/** The env is in force in this shell: the active one, or one stacked under it. */
function isActive(prefix: string, env: NodeJS.ProcessEnv): boolean {
  const active = Object.entries(env)
    .filter(([name, value]) => (name === 'CONDA_PREFIX' || /^CONDA_PREFIX_\d+$/.test(name)) && value)
    .map(([, value]) => resolve(value as string));
  return active.includes(resolve(prefix));
}

const shellWord = (value: string): string => (/^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

export async function run({ options, configFlags, output, cwd, env, global }: Context<'init'>): Promise<number> {
  const opts = options;
  const condaEnv = locateEnv({ prefix: opts.prefix, name: opts.name, env, cwd });
  if (!condaEnv.prefix) throw usageError('init.no-env', 'no conda env active; pass --prefix or -n NAME.', { hint: 'conda activate ENV first, or name the env' });
  const prefix = condaEnv.prefix;
  const dirs = [activateDir(prefix), deactivateDir(prefix), execWrapperDir(prefix)];

  if (opts.remove) {
    const owned = [...(await ownedFiles(dirs)), ...(existsSync(envGocrossDir(prefix)) ? [envGocrossDir(prefix)] : [])];
    // In an env that is active now, the next `conda deactivate` needs the deactivate hooks to
    // give the shell back its GOROOT, PATH and Go variables: they stay until then.
    const active = isActive(prefix, env);
    const kept = active ? owned.filter((path) => path.startsWith(deactivateDir(prefix))) : [];
    const removed = owned.filter((path) => !kept.includes(path));
    if (!opts.dryRun) await removeFiles(removed);
    if (global.json) output.json({ prefix, removed, kept, dryRun: opts.dryRun === true });
    else {
      for (const path of removed) opts.dryRun ? output.planned('remove', path) : output.done(`removed: ${path}`);
      for (const path of kept) opts.dryRun ? output.planned('keep', path) : output.done(`kept: ${path}`);
      if (kept.length > 0) {
        output.info(
          `the env is active: its deactivate hooks stay so that \`conda deactivate\` restores GOROOT, PATH and the Go variables; after deactivating, run \`gocross init --remove --prefix ${shellWord(prefix)}\` again to remove them`,
        );
      }
    }
    return 0;
  }

  const previous = readEnvSettings(prefix)?.settings ?? {};
  const config = loadConfig({ cwd, env, flags: configFlags });
  const home = config.get<string>('home');
  const host = hostTarget();
  const target = parseTarget(opts.target ?? previous.target ?? config.get<string | undefined>('target') ?? host.target);
  const foreign = isForeign(target, host);
  const cgo = opts.cgo ?? (previous.cgo || config.get<boolean>('cgo'));
  const modcache = (opts.modcache ?? previous.modcache ?? 'shared') as 'shared' | 'env';
  // --goflags auto goes back to keeping the env's GOFLAGS less what breaks the target.
  const goflags = opts.goflags === 'auto' ? null : opts.goflags ?? previous.goflags ?? null;
  if (modcache !== 'shared' && modcache !== 'env') throw usageError('init.modcache', `--modcache ${modcache} is not shared or env.`, { hint: 'use --modcache shared (one cache for all envs) or env' });

  // The SDK: a GOROOT to adopt, or a version from the shared store (installed first when missing).
  const choice = chooseEnvGo({
    flag: opts.go,
    recorded: { goroot: previous.goroot, gorootExists: previous.goroot !== undefined && existsSync(previous.goroot), version: previous.version },
    configured: config.get<string | undefined>('go'),
    project: () => findProjectVersion(cwd),
  });
  const ensured = await ensureGo(choice, { cwd, home, mirrors: config.get<string[]>('mirror'), dryRun: opts.dryRun === true, info: (m) => output.info(m), warn: (m) => output.warn(m), planned: (verb, subject, note) => output.planned(verb, subject, { note }) });
  const { goroot } = ensured;
  const version = ensured.version;

  // cgo needs a C compiler for the target: the same choice as build's (--cc, else the first
  // cross compiler found: conda's, then Debian's; a native target uses go's default).
  let cc: string | null = null;
  let cxx: string | null = null;
  let sysroot: string | null = null;
  if (cgo) {
    const remembered = previous.target === target.target ? previous.cc : null;
    const flagged = opts.cc ?? remembered;
    const { compiler, blocked } = chooseCompiler(target, { host, flags: new Map(flagged ? [[target.target, flagged]] : []), found: findCrossCompilers(target, prefix, env.PATH) });
    if (blocked) {
      throw environmentError('init.no-cross-cc', blocked.message, { hint: `${installCommands(target).length > 0 ? `install one: ${installCommands(target).join(', or ')}; ` : ''}or pass --cc, or --no-cgo` });
    }
    cc = compiler?.cc ?? null;
    // A compiler given by hand comes without its C++ twin; one remembered keeps the one recorded.
    cxx = compiler?.from === 'flag' ? (opts.cc ? null : previous.cxx ?? null) : compiler?.cxx ?? null;
    sysroot = compiler?.sysroot ?? null;
  }

  const stored: StoredSettings = { goroot, version, target: target.target, cgo, cc: cgo ? cc : null, cxx: cgo ? cxx : null, modcache, goflags };
  const settings: EnvSettings = { goroot, target, foreign, cgo, cc: cc ?? undefined, cxx: cxx ?? undefined, modcache, home, goflags };
  const files = composeFiles(prefix, settings, stored, sysroot);
  const writes = planWrites(files, opts.force === true);
  const planned = new Set(files.map((f) => f.path));
  // What an earlier init wrote that this one does not: another target's exec wrapper, the
  // settings under their old name.
  const stale = [...(await ownedFiles([execWrapperDir(prefix)], () => true)), ...(await ownedFiles([envGocrossDir(prefix)], (name) => name === basename(legacySettingsPath(prefix))))].filter(
    (path) => !planned.has(path),
  );
  if (!opts.dryRun) {
    await applyWrites(writes);
    await removeFiles(stale);
  }
  const overrides = overridesOf(readEnvRecords(prefix), planHooks(settings, prefix), target);

  if (global.json) {
    output.json({
      prefix,
      goroot,
      version,
      target: target.target,
      cgo,
      dryRun: opts.dryRun === true,
      files: [...writes.map((w) => ({ path: w.file.path, action: w.action })), ...stale.map((path) => ({ path, action: 'removed' as const }))],
      overrides,
    });
    return 0;
  }
  reportWrites(output, writes, { dryRun: opts.dryRun === true, content: global.verbose });
  for (const path of stale) opts.dryRun ? output.planned('remove', path) : output.done(`removed: ${path}`);
  for (const o of overrides) {
    if (o.action === 'filtered') output.info(`GOFLAGS from ${o.source} ("${o.value}"): drops ${o.why}`);
    else if (o.action === 'overridden') output.info(`${o.variable}=${o.value} from ${o.source} is overridden: ${o.why}`);
    else if (o.action === 'wins') output.warn(`${o.variable}=${o.value} from ${o.source} wins over gocross: ${o.why}`);
  }
  output.info(`env ${prefix}: Go ${version ?? goroot} for ${target.target}, cgo ${cgo ? 'on' : 'off'}; reactivate the env to apply`);
  if (condaEnv.kind === 'pixi') {
    output.line('\npixi runs activate.d .sh scripts but never deactivate.d; to make them part of the workspace, add to pixi.toml:');
    output.line(`[activation]\nscripts = [${JSON.stringify(join(activateDir(prefix), 'activate-z90-gocross.sh'))}]`);
  }
  return 0;
}
