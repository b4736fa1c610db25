/**
 * Everything a command prints goes through Output: data on stdout, messages on stderr, colour
 * only on a terminal and never with NO_COLOR or --no-color.
 */
import type { JsonReport } from './json.js';

export interface GlobalOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const ANSI = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;
type StyleName = keyof typeof ANSI;

/** The text `--json` prints for `data`. */
export const jsonText = (data: JsonReport): string => `${JSON.stringify(data, null, 2)}\n`;

export function colorWanted(global: Pick<GlobalOptions, 'color'>, env: NodeJS.ProcessEnv, stream: Stream): boolean {
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  if (!global.color || (env.NO_COLOR ?? '') !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export class Output {
  readonly color: boolean;
  /** Progress is drawn for a person: stderr is a terminal (listr animates, downloads show progress). */
  readonly interactive: boolean;

  constructor(
    readonly options: GlobalOptions,
    private readonly stdout: Stream = process.stdout,
    private readonly stderr: Stream = process.stderr,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.color = colorWanted(options, env, stdout);
    this.interactive = stderr.isTTY === true;
  }

  style(name: StyleName, text: string): string {
    if (!this.color) return text;
    const [open, close] = ANSI[name];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }

  /** Data for machines: pretty JSON on stdout, in one of the shapes json.ts declares. */
  json(data: JsonReport): void {
    this.stdout.write(jsonText(data));
  }

  /** A line of the command's result on stdout. */
  line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  /** What was done, one line a file or step ("created: …"), on stdout; silent with --quiet. */
  done(text: string): void {
    if (!this.options.quiet) this.line(text);
  }

  /**
   * A dry run's step, in the one style of every command: `would <verb> <subject>`, then
   * `: <detail>` or ` (<note>)`, then the content of a file it would write, when shown. It is the
   * result on stdout; with --json, where the JSON is the result, a remark on stderr.
   */
  planned(verb: string, subject: string, extra: { detail?: string; note?: string; content?: string } = {}): void {
    const text = `would ${verb} ${subject}${extra.detail ? `: ${extra.detail}` : ''}${extra.note ? ` (${extra.note})` : ''}`;
    const body = extra.content === undefined ? '' : `\n${extra.content.replace(/\n$/, '')}`;
    if (this.options.json) this.info(text);
    else this.line(`${text}${body}`);
  }

  /** Progress and remarks on stderr; silent with --quiet. */
  info(text: string): void {
    if (!this.options.quiet) this.stderr.write(`${text}\n`);
  }

  /** Warnings on stderr; --quiet leaves only errors. */
  warn(text: string): void {
    if (!this.options.quiet) this.stderr.write(`gocross: ${this.style('yellow', 'warning')}: ${text}\n`);
  }

  /** Rows as aligned columns (the last column is not padded). */
  table(header: string[], rows: string[][]): void {
    const all = [header, ...rows];
    const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
    const format = (row: string[]): string =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
    this.line(this.style('bold', format(header)));
    for (const row of rows) this.line(format(row));
  }
}
