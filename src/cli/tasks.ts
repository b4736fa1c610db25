/**
 * Long work as a list of listr2 tasks on stderr: the animated renderer on a terminal, plain lines
 * otherwise, nothing with --json or --quiet (stdout stays clean for data).
 */
import type { ListrTask } from 'listr2';
import type { Output } from './output.js';

export type Task<Ctx> = ListrTask<Ctx>;

/** A flag of a task (`skip`, `enabled`): given, or a function of the context. */
async function flag<Ctx>(value: boolean | string | ((ctx: Ctx) => boolean | string | Promise<boolean | string>) | undefined, context: Ctx): Promise<boolean | string | undefined> {
  return typeof value === 'function' ? value(context) : value;
}

/**
 * With nothing to render (--json, --quiet) the tasks run here, one after the other: loading
 * listr2 only to show nothing cost an install about 25 ms. It covers what gocross's task lists
 * use: `enabled` and `skip`, a task's `title` and `output` (dropped) and `skip()`; the first
 * failure rejects, as with exitOnError.
 */
async function runSilently<Ctx extends object>(tasks: Task<Ctx>[], context: Ctx): Promise<Ctx> {
  for (const task of tasks) {
    if ((await flag(task.enabled, context)) === false || (await flag(task.skip, context))) continue;
    const shown = { title: '', output: '', skip: (): void => undefined };
    await task.task(context, shown as never);
  }
  return context;
}

export async function runTasks<Ctx extends object>(tasks: Task<Ctx>[], output: Output, context: Ctx): Promise<Ctx> {
  const silent = output.options.json || output.options.quiet;
  if (silent) return runSilently(tasks, context);
  const { Listr, ListrLogger, ProcessOutput } = await import('listr2');
  // Both renderers write to stderr only: stdout is for the command's result.
  const processOutput = new ProcessOutput(process.stderr, process.stderr);
  // The animated renderer colours; without colour (--no-color, NO_COLOR, no terminal) the plain
  // one runs with a logger that colours nothing — nothing is set in process.env for it.
  const animated = output.interactive && output.color;
  const plainLogger = new ListrLogger({ processOutput, color: {} });
  const list = new Listr<Ctx>(tasks, {
    ctx: context,
    exitOnError: true,
    registerSignalListeners: false,
    renderer: animated ? 'default' : 'simple',
    rendererOptions: animated ? { processOutput, logger: new ListrLogger({ processOutput }) } : { logger: plainLogger },
    fallbackRenderer: 'simple',
    fallbackRendererOptions: { logger: plainLogger },
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
