// Task lists: run without listr2 when nothing is shown (--json, --quiet), with the same outcome as
// listr2 gives when it renders them (plain lines on stderr, captured here).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Output } from '../../src/cli/output.js';
import { runTasks, type Task } from '../../src/cli/tasks.js';

interface Ctx {
  steps: string[];
  skipSecond?: boolean;
}

const sink = { write: (): boolean => true, isTTY: false };
const output = (json: boolean, quiet = false): Output => new Output({ json, quiet, verbose: false, color: false }, sink, sink, {});

/** A list with each kind of task gocross writes: plain, skipped by a flag or a function, disabled, skipping itself, failing. */
function list(fail: boolean): Task<Ctx>[] {
  return [
    {
      title: 'first',
      task: async (ctx, task) => {
        ctx.steps.push('first');
        ctx.skipSecond = true;
        task.title = 'first, done';
        task.output = 'working';
      },
    },
    { title: 'second', skip: (ctx) => ctx.skipSecond === true, task: (ctx) => void ctx.steps.push('second') },
    { title: 'third', skip: true, task: (ctx) => void ctx.steps.push('third') },
    { title: 'fourth', enabled: () => false, task: (ctx) => void ctx.steps.push('fourth') },
    {
      title: 'fifth',
      task: (ctx, task) => {
        ctx.steps.push('fifth');
        task.skip('nothing to do');
      },
    },
    {
      title: 'sixth',
      task: (ctx) => {
        ctx.steps.push('sixth');
        if (fail) throw new Error('sixth failed');
      },
    },
    { title: 'seventh', task: (ctx) => void ctx.steps.push('seventh') },
  ];
}

async function outcome(out: Output, fail: boolean): Promise<{ steps: string[]; error: string | null }> {
  const ctx: Ctx = { steps: [] };
  try {
    await runTasks(list(fail), out, ctx);
    return { steps: ctx.steps, error: null };
  } catch (error) {
    return { steps: ctx.steps, error: (error as Error).message };
  }
}

describe('runTasks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs a silent list in order, honours skip and enabled, and stops at the first failure, as listr2 does', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    for (const fail of [false, true]) {
      const rendered = await outcome(output(false), fail);
      const before = written.length;
      expect(await outcome(output(true), fail)).toEqual(rendered);
      expect(await outcome(output(false, true), fail)).toEqual(rendered);
      // Silent: not a line, while the rendered run wrote its tasks' lines.
      expect(written.length).toBe(before);
    }
    expect(written.join('')).toContain('first, done');
    expect((await outcome(output(true), true)).error).toBe('sixth failed');
    expect((await outcome(output(true), false)).steps).toEqual(['first', 'fifth', 'sixth', 'seventh']);
  });
});
