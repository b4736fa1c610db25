/** `gocross doctor`: find the Go conflicts of a conda env and say how to fix each. */
import { findExecutable, run as runProcess } from '../../io/process.js';
import { locateEnv } from '../../activation/env.js';
import { runChecks } from '../../doctor/checks.js';
import { gatherSnapshot } from '../../doctor/gather.js';
import type { Finding, Severity, Snapshot } from '../../doctor/snapshot.js';
import { hostTarget, parseTarget } from '../../targets/index.js';
import type { Context } from '../registry.js';


/** Env paths from `conda info --json`, when conda is on PATH and -n needs them. */
async function condaInfoEnvs(env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  const conda = findExecutable('conda', env.PATH);
  if (!conda) return undefined;
  const result = await runProcess(conda, ['info', '--json'], { baseEnv: env, timeoutMs: 20_000 });
  try {
    return (JSON.parse(result.stdout) as { envs?: string[] }).envs;
  } catch {
    return undefined;
  }
}

/** What doctor's JSON says it inspected (cli/json.ts DoctorJson). */
export const inspected = (s: Snapshot) => ({
  env: { kind: s.condaEnv.kind, prefix: s.condaEnv.prefix, name: s.condaEnv.name, via: s.condaEnv.via, active: s.active, inForce: s.inForce },
  gos: s.gos.map((g) => ({ path: g.path, real: g.real, root: g.root, version: g.goEnv?.GOVERSION ?? null, goroot: g.goEnv?.GOROOT ?? null, error: g.error })),
  variables: Object.fromEntries(Object.entries(s.env).filter(([k]) => k !== 'PATH').map(([k, v]) => [k, v ?? null])),
  goroot: s.goroot,
  hooks: {
    activate: s.records?.activate.map((a) => a.name) ?? [],
    deactivate: s.records?.deactivate.map((a) => a.name) ?? [],
    gocross: s.hooks,
  },
  packages: s.records?.packages.map((p) => `${p.name}-${p.version}-${p.build}`) ?? [],
  project: s.project ?? null,
  targets: s.targets.map((t) => t.target),
  crossCompilers: s.crossCompilers,
  profiles: s.profiles.map((p) => `${p.file}:${p.line}`),
  activation: s.activation
    ? {
        simulated: s.activation.simulated,
        shell: s.activation.shell,
        base: s.activation.base,
        scripts: s.activation.scripts,
        stopped: s.activation.stopped?.source.source ?? null,
        gocross: s.activation.gocross,
        variables: Object.fromEntries(
          Object.entries(s.activation.vars)
            .filter(([name]) => name !== 'PATH')
            .map(([name, v]) => [name, { value: v.value ?? null, source: v.origin.source, restored: v.restored }]),
        ),
      }
    : null,
  wrappers: s.wrappers,
});

const ORDER: Severity[] = ['error', 'warning', 'info'];

export async function run({ options, output, cwd, env, global }: Context<'doctor'>): Promise<number> {
  const opts = options;
  const condaEnv = locateEnv({ prefix: opts.prefix, name: opts.name, env, cwd, condaInfoEnvs: opts.name ? await condaInfoEnvs(env) : undefined });
  const targets = (opts.target ?? []).map((t) => parseTarget(t));
  const snapshot = await gatherSnapshot({ env, cwd, condaEnv, targets });
  const findings: Finding[] = runChecks(snapshot);
  let deep: { target: string; ok: boolean; seconds: number }[] | undefined;
  if (opts.deep) {
    const go = snapshot.gos[0];
    if (go) {
      const host = hostTarget();
      const list = [...snapshot.targets];
      if (!list.some((t) => t.target === host.target)) list.push(host);
      const { deepBuild } = await import('../../doctor/deep.js');
      // Exactly what the activated env gives (this shell's, when the env is the active one).
      const buildEnv = snapshot.inForce === 'activation' && snapshot.activation?.env ? snapshot.activation.env : env;
      const result = await deepBuild(go.path, list, buildEnv);
      deep = result.results;
      const related = [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.id))];
      for (const failed of result.findings) if (related.length > 0) failed.fix = `${failed.fix} (see ${related.join(', ')})`;
      findings.push(...result.findings);
    }
  }
  findings.sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const errors = findings.filter((f) => f.severity === 'error').length;

  if (global.json) {
    output.json({ findings, inspected: { ...inspected(snapshot), ...(deep ? { deep } : {}) } });
    return errors > 0 ? 1 : 0;
  }
  const go = snapshot.gos[0];
  output.line(`env: ${snapshot.condaEnv.prefix ? `${snapshot.condaEnv.kind} ${snapshot.condaEnv.prefix} (${snapshot.condaEnv.via})` : 'none (plain shell)'}`);
  output.line(`go:  ${go ? `${go.path} ${go.goEnv?.GOVERSION ?? '(go env failed)'}, root ${go.root}` : 'none on PATH'}`);
  for (const result of deep ?? []) output.line(`build ${result.target}: ${result.ok ? 'ok' : 'FAILED'} (${result.seconds.toFixed(1)} s)`);
  const style = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
  for (const severity of ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    output.line();
    output.line(output.style('bold', `${severity === 'error' ? 'Errors' : severity === 'warning' ? 'Warnings' : 'Notes'} (${group.length})`));
    for (const finding of group) {
      output.line(`  ${output.style(style[severity], severity)} ${finding.id}: ${finding.title}`);
      output.line(`    ${finding.detail}`);
      output.line(`    fix: ${finding.fix}`);
    }
  }
  output.line();
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  output.line(errors + warnings === 0 ? 'no problems found' : `${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}
