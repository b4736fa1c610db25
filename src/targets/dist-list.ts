/** The GOOS/GOARCH pairs a real Go supports, from `go tool dist list`. */
import { environmentError } from '../errors.js';

/** Pairs from dist list's output: one `goos/goarch` a line. */
export const parseDistList = (stdout: string): string[] =>
  stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[a-z0-9]+\/[a-z0-9]+$/.test(line));

export async function readDistList(go: string): Promise<string[]> {
  // Loaded here, not at the top: every command parses targets, few run Go (execa is not free).
  const { run } = await import('../io/process.js');
  // What this Go supports, whatever the environment says. dist validates GOOS/GOARCH even
  // for `list`, so one it does not know, env-wide (conda's go-nocgo packages export them) or
  // from `go env -w` in the go env file, makes it fail with "unknown $GOOS"; GOENV=off skips
  // that file, and GOTOOLCHAIN=local keeps a go.mod toolchain line from switching Go. GOROOT is left alone: a go.exe kept
  // apart from its tree needs it, and a stale one is doctor's to report.
  const result = await run(go, ['tool', 'dist', 'list'], {
    env: { GOTOOLCHAIN: 'local', GOENV: 'off', GOFLAGS: undefined, GOOS: undefined, GOARCH: undefined },
    timeoutMs: 30_000,
  });
  const pairs = parseDistList(result.stdout);
  if (result.exitCode !== 0 || pairs.length === 0) {
    throw environmentError('go.dist-list', `\`${go} tool dist list\` failed: ${result.stderr.trim() || `exit ${result.exitCode}`}.`, {
      hint: 'check that this Go installation is complete (run `gocross doctor`)',
    });
  }
  return pairs;
}
