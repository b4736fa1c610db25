/**
 * `doctor --deep`: build a hello-world for each target with the go that would run, in exactly the
 * environment the activated env gives (its hooks, other packages' hooks, env_vars.d): only the
 * target's GOOS/GOARCH/GOARM/GOAMD64 change, so a build fails here where `go build` would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../io/process.js';
import { goTargetEnv, type TargetInfo } from '../targets/index.js';
import type { Finding } from './snapshot.js';

export interface DeepResult {
  target: string;
  ok: boolean;
  seconds: number;
}

/** The variables of `env` a build depends on, for the finding's evidence. */
const SHOWN = ['GOFLAGS', 'CGO_ENABLED', 'CC', 'GOROOT', 'GOTOOLCHAIN'];

export async function deepBuild(go: string, targets: TargetInfo[], env: NodeJS.ProcessEnv): Promise<{ results: DeepResult[]; findings: Finding[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'gocross-doctor-'));
  try {
    await writeFile(join(dir, 'go.mod'), 'module gocross.doctor/hello\n\ngo 1.17\n');
    await writeFile(join(dir, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n');
    const results: DeepResult[] = [];
    const findings: Finding[] = [];
    // One at a time: they share the build cache, and parallel builds would only fight for 2 cores.
    for (const target of targets) {
      const started = Date.now();
      const result = await run(go, ['build', '-o', join(dir, `hello-${target.goos}-${target.goarch}`), '.'], {
        cwd: dir,
        baseEnv: env,
        env: goTargetEnv(target),
        timeoutMs: 300_000,
      });
      const ok = result.exitCode === 0;
      results.push({ target: target.target, ok, seconds: (Date.now() - started) / 1000 });
      if (!ok) {
        const used = SHOWN.filter((name) => env[name]).map((name) => `${name}=${env[name]}`);
        findings.push({
          id: 'cross.build-failed',
          severity: 'error',
          title: `a hello-world does not build for ${target.target}`,
          detail: `\`${go} build\` for ${target.target}, in the environment the env gives${used.length > 0 ? ` (${used.join(', ')})` : ''}, failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`,
          fix: 'fix what go reports above: the other findings name where each variable of the env comes from and what removes it there',
          evidence: [...used, ...result.stderr.trim().split('\n').slice(0, 10)],
        });
      }
    }
    return { results, findings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
