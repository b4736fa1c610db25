/** `gocross dockerfile`: a multi-stage, cross-compiling Dockerfile (+ .dockerignore, docker-bake.hcl). */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { locateEnv } from '../../activation/env.js';
import { loadConfig } from '../../config/load.js';
import { readImageModule } from '../../image/facts.js';
import { type DockerRequest, planDockerfile } from '../../image/plan.js';
import { renderFiles } from '../../image/render.js';
import { applyWrites, planWrites, refuseForeign } from '../../io/owned-files.js';
import { usageError } from '../../errors.js';
import { readEnvSettings } from '../../activation/settings-file.js';
import { chooseImageGo } from '../../toolchain/choice.js';
import { reportWrites } from '../file-writes.js';
import type { Context } from '../registry.js';


/** The active conda env's Go, as `gocross init` recorded it. */
function envSdkVersion(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  try {
    const prefix = locateEnv({ env, cwd }).prefix;
    return readEnvSettings(prefix)?.settings.version ?? undefined;
  } catch {
    return undefined;
  }
}

export async function run({ args, options, configFlags, output, cwd, env, global }: Context<'dockerfile'>): Promise<number> {
  const opts = options;
  const dir = resolve(cwd, args[0] ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw usageError('dockerfile.dir', `${dir} is not a directory.`, { hint: 'pass the Go module root: gocross dockerfile path/to/module' });
  }
  const facts = await readImageModule(dir);
  if (opts.pkg !== undefined && !existsSync(resolve(dir, opts.pkg))) {
    throw usageError('dockerfile.pkg-missing', `--pkg ${opts.pkg}: ${resolve(dir, opts.pkg)} does not exist.`, { hint: 'pass a main package inside the module, e.g. ./cmd/tool' });
  }

  const config = loadConfig({ cwd: dir, env, flags: configFlags });
  const go: DockerRequest['go'] = chooseImageGo({ value: config.get<string | undefined>('go'), source: opts.go ? '--go' : 'the configuration (go)' }, envSdkVersion(env, cwd));

  const out = opts.out === undefined ? undefined : relative(dir, resolve(cwd, opts.out));
  const plan = planDockerfile(
    { platforms: opts.platforms, go, base: opts.base, cgo: opts.cgo, pkg: opts.pkg, dockerfile: out, bake: opts.bake, syntax: opts.syntax, version: opts.version },
    facts,
  );
  if (plan.base === 'conda' && !existsSync(resolve(dir, plan.recipeDir, 'meta.yaml'))) {
    output.warn(`${plan.recipeDir}/meta.yaml does not exist yet; the conda stage builds from it (write it with gocross recipe)`);
  }
  for (const note of plan.notes) output.info(note);

  const files = renderFiles(plan).map((file) => ({ ...file, path: join(dir, file.path) }));
  const writes = planWrites(files, {
    force: opts.force === true,
    refuse: refuseForeign('dockerfile.foreign-file', 'move it away, write elsewhere with --out, or pass --force to replace it'),
  });
  if (!opts.dryRun) await applyWrites(writes);

  if (global.json) {
    output.json({
      dir,
      name: plan.name,
      pkg: plan.pkg,
      base: plan.base,
      cgo: plan.cgo,
      platforms: plan.platforms,
      goImage: plan.goImage,
      version: plan.version,
      revision: plan.revision || null,
      labels: plan.labels,
      dryRun: opts.dryRun === true,
      files: writes.map((w) => ({ path: w.file.path, action: w.action, ...(opts.dryRun ? { content: w.file.content } : {}) })),
    });
    return 0;
  }
  reportWrites(output, writes, { dryRun: opts.dryRun === true, content: true, note: (w) => (w.action === 'kept' ? 'not written by gocross; left as it is' : undefined) });
  return 0;
}
