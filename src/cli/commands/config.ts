/** `gocross config`: the effective configuration and where each value came from. */
import { loadConfig } from '../../config/load.js';
import { describeSource } from '../../config/resolve.js';
import { withEnvLayer } from '../../config/env-layer.js';
import { KEY_BY_NAME } from '../../config/schema.js';
import { readEnvSettings } from '../../activation/settings-file.js';
import type { Context } from '../registry.js';

const show = (value: unknown): string => {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
};

export async function run({ output, cwd, env, global }: Context<'config'>): Promise<number> {
  const config = loadConfig({ cwd, env });
  const stored = readEnvSettings(env.CONDA_PREFIX);
  const settings = withEnvLayer(config.settings, stored);
  if (global.json) {
    output.json({
      settings: settings.map((s) => ({ key: s.key, value: s.value ?? null, source: s.source, env: KEY_BY_NAME.get(s.key)?.env })),
      files: { ...config.files, env: stored?.file ?? null },
    });
    return 0;
  }
  output.table(
    ['KEY', 'VALUE', 'SOURCE'],
    settings.map((s) => [s.key, show(s.value), describeSource(s.source)]),
  );
  output.line();
  output.line(`project config: ${config.files.project ?? '(none: no gocross.ini in this directory or above)'}`);
  output.line(`user config:    ${config.files.user}${config.files.userExists ? '' : ' (absent)'}`);
  output.line(`active env:     ${stored ? stored.file : env.CONDA_PREFIX ? `${env.CONDA_PREFIX} (not set up by gocross init)` : '(none)'}`);
  output.line('Each key can also be set with its GOCROSS_* variable (e.g. GOCROSS_HOME); flags win over all.');
  return 0;
}
