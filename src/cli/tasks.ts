/**
 * Long work as a list of listr2 tasks on stderr: the animated renderer on a terminal, plain lines
 * otherwise, nothing with --json or --quiet (stdout stays clean for data).
 */
import type { ListrTask } from 'listr2';
import type { Output } from './output.js';

export type Task<Ctx> = ListrTask<Ctx>;

export async function runTasks<Ctx extends object>(tasks: Task<Ctx>[], output: Output, context: Ctx): Promise<Ctx> {
  // colorette (under listr2) decides on colour once, when it is loaded: NO_COLOR is set for that
  // moment only, so it never leaks into the processes a task starts.
  const before = process.env.NO_COLOR;
  if (!output.color) process.env.NO_COLOR = '1';
  const { Listr, ListrLogger, ProcessOutput } = await import('listr2').finally(() => {
    if (before === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = before;
  });
  const silent = output.options.json || output.options.quiet;
  // Both renderers write to stderr only: stdout is for the command's result.
  const processOutput = new ProcessOutput(process.stderr, process.stderr);
  const list = new Listr<Ctx>(tasks, {
    ctx: context,
    exitOnError: true,
    registerSignalListeners: false,
    renderer: silent ? 'silent' : process.stderr.isTTY ? 'default' : 'simple',
    rendererOptions: { processOutput, logger: new ListrLogger({ processOutput }) },
    fallbackRenderer: 'simple',
    fallbackRendererOptions: { logger: new ListrLogger({ processOutput }) },
  } as never);
  return list.run();
}

const MIB = 1024 * 1024;

/** `12.3 MiB / 55.2 MiB (8.1 MiB/s)` */
export function formatProgress(received: number, total: number | undefined, startedAt: number, now = Date.now()): string {
  const rate = received / Math.max((now - startedAt) / 1000, 0.001);
  const of = total ? ` / ${(total / MIB).toFixed(1)} MiB` : '';
  return `${(received / MIB).toFixed(1)} MiB${of} (${(rate / MIB).toFixed(1)} MiB/s)`;
}

/**
 * Limits progress updates: on a terminal at most every 100 ms, otherwise at each quarter of the
 * total so a CI log gets a handful of lines rather than thousands.
 */
export function progressThrottle(tty: boolean): (received: number, total: number | undefined) => boolean {
  let lastTime = 0;
  let lastQuarter = -1;
  return (received, total) => {
    if (tty) {
      const now = Date.now();
      if (now - lastTime < 100 && received !== total) return false;
      lastTime = now;
      return true;
    }
    if (!total) return false;
    const quarter = Math.floor((received / total) * 4);
    if (quarter === lastQuarter) return false;
    lastQuarter = quarter;
    return true;
  };
}
