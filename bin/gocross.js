#!/usr/bin/env node
// The gocross command. `npm install` (prepare) bundles src/ into dist/cli/ (scripts/bundle.mjs).
import { readFileSync } from 'node:fs';

// `gocross --version` is what scripts call most; answer it without loading the CLI.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}
// `gocross install VERSION [--json]` of an exact version already installed (what scripts and env
// set-ups run again and again): answered from the store without loading the CLI. Anything else,
// or any doubt (a config error, no dist/), goes the full way below.
const words = args.filter((arg) => arg !== '--json');
if (words.length === 2 && words[0] === 'install' && !words[1].startsWith('-')) {
  const answer = await import(new URL('../dist/cli/install.js', import.meta.url).href)
    .then(({ answerInstalled }) => answerInstalled(words[1], { json: args.includes('--json'), cwd: process.cwd(), env: process.env }))
    .catch(() => undefined);
  if (answer !== undefined) {
    process.stdout.write(answer);
    process.exit(0);
  }
}
const entry = new URL('../dist/cli/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('gocross: error: gocross is not built (dist/ is missing).\nhint: run `npm install` (or `npm run build`) in the gocross checkout\n');
    process.exit(3);
  }
  throw error;
}
// Ctrl-C: undo what is half done (a lock, a half-extracted SDK), say what was left, exit 130.
let interrupted = false;
process.on('SIGINT', async () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  const { undoPending } = await import(new URL('../dist/cli/cleanup.js', import.meta.url).href);
  const left = await undoPending();
  process.stderr.write(`gocross: interrupted${left.length > 0 ? `: ${left.join('; ')}` : ''}\n`);
  process.exit(130);
});
// A reader that stops early (`gocross build --help | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await main(process.argv);
