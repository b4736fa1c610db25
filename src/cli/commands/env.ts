/** `gocross env [--target T] [--shell S]`: a target's variables as code to eval. */
import { loadConfig } from '../../config/load.js';
import { envFormat, renderEnvScript } from '../../activation/env-script.js';
import { targetVariables } from '../../activation/plan.js';
import { readEnvSettings } from '../../activation/settings-file.js';
import { hostTarget, parseTarget } from '../../targets/index.js';
import type { Context } from '../registry.js';

export async function run({ options, configFlags, output, cwd, env, global }: Context<'env'>): Promise<number> {
  const config = loadConfig({ cwd, env, flags: configFlags });
  // Inside an env set up by `gocross init`, its SDK stays; only the target changes.
  const settings = readEnvSettings(env.CONDA_PREFIX)?.settings ?? {};
  const target = parseTarget(config.get<string | undefined>('target') ?? settings.target ?? hostTarget().target);
  const format = global.json ? 'json' : envFormat(options.shell, env.SHELL);
  const variables = targetVariables(target, config.get<boolean>('cgo'), settings.goroot);
  output.line(renderEnvScript(variables, format).trimEnd());
  return 0;
}
