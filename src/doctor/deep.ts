/** `doctor --deep`: build a hello-world for each target with the go that would run. */
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
        env: { ...goTargetEnv(target), GOTOOLCHAIN: 'local', GOFLAGS: undefined },
        timeoutMs: 300_000,
      });
      const ok = result.exitCode === 0;
      results.push({ target: target.target, ok, seconds: (Date.now() - started) / 1000 });
      if (!ok) {
        findings.push({
          id: 'cross.build-failed',
          severity: 'error',
          title: `a hello-world does not build for ${target.target}`,
          detail: `\`${go} build\` for ${target.target} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`,
          fix: 'fix the errors above first (run gocross doctor without --deep); gocross init gives the env a complete official SDK',
          evidence: result.stderr.trim().split('\n').slice(0, 10),
        });
      }
    }
    return { results, findings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
