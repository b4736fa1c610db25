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
  // A project's GOFLAGS or an env-wide GOOS must not change what the tool reports.
  const result = await run(go, ['tool', 'dist', 'list'], {
    env: { GOTOOLCHAIN: 'local', GOFLAGS: undefined, GOOS: undefined, GOARCH: undefined },
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
