// Timing helpers shared by the benchmarks: interleaved runs of two commands, medians, a ratio.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function timeCommand(command, args, options = {}) {
  const start = performance.now();
  const { okCodes = [0], ...spawnOptions } = options;
  const result = spawnSync(command, args, { stdio: 'ignore', ...spawnOptions });
  const ms = performance.now() - start;
  if (!okCodes.includes(result.status)) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return ms;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `ours` and `anchor` alternately `runs` times (after warm-ups) and returns the medians. */
export function compare({ ours, anchor, runs = 20, warmup = 3 }) {
  for (let i = 0; i < warmup; i += 1) {
    ours();
    anchor();
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i += 1) {
    a.push(ours());
    b.push(anchor());
  }
  return { ours: median(a), anchor: median(b) };
}

/**
 * One line: our time, the anchor's, their ratio, and the goal with whether this run meets it.
 * `goal` is text ("<= 1.0x"), or { text, met(ratio, ours) } for goals that are not a plain ratio.
 */
export function report(name, oursLabel, anchorLabel, { ours, anchor }, goal) {
  const ratio = ours / anchor;
  console.log(`${name}: ${oursLabel} ${ours.toFixed(1)} ms | ${anchorLabel} ${anchor.toFixed(1)} ms | ratio ${ratio.toFixed(2)}x${goalText(goal, ratio, ours)}`);
  return ratio;
}

/** ` (goal <= 1.0x: met)` for a ratio goal written as `<= N x` or `< N x`, or an object goal. */
export function goalText(goal, ratio, ours) {
  if (!goal) return '';
  if (typeof goal === 'object') return ` (goal ${goal.text}: ${goal.met(ratio, ours) ? 'met' : 'missed'})`;
  const m = /^(<=?)\s*([\d.]+)x$/.exec(goal.trim());
  if (!m) return ` (goal ${goal})`;
  const limit = Number(m[2]);
  return ` (goal ${goal}: ${(m[1] === '<' ? ratio < limit : ratio <= limit) ? 'met' : 'missed'})`;
}

/** Like timeCommand, but leaves the event loop free (for benchmarks that serve HTTP in-process). */
export async function timeCommandAsync(command, args, options = {}) {
  const { spawn } = await import('node:child_process');
  const start = performance.now();
  const status = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const ms = performance.now() - start;
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${status}`);
  return ms;
}
