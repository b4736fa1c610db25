/**
 * The gocross entry: parse the command line with commander, run the chosen command, and map
 * every failure to one error report and exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { usageError, GocrossError } from '../errors.js';
import { type GlobalOptions, Output } from './output.js';
import { KEY_BY_NAME } from '../config/schema.js';
import { COMMANDS, type CommandSpec } from './registry.js';
import { reportError } from './report-error.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const argvHas = (flag: string): boolean => process.argv.includes(flag);

/** Commander's own messages ("error: unknown option '--x'\n(Did you mean --y?)") as a usage error. */
function fromCommander(error: CommanderError, command: string | undefined): GocrossError {
  const [first = '', ...rest] = error.message.replace(/^error:\s*/, '').split('\n');
  const suggestion = rest.join(' ').match(/\(Did you mean (.+)\?\)/)?.[1];
  const help = command ? `gocross ${command} --help` : 'gocross --help';
  const hint = suggestion ? `did you mean ${suggestion}? see \`${help}\`` : `see \`${help}\``;
  return usageError(error.code.replace(/^commander\./, 'usage.'), `${first.trim()}.`.replace(/\.\.$/, '.'), { hint });
}

function globalOptions(program: Command | undefined): GlobalOptions {
  if (!program) return { json: argvHas('--json'), quiet: false, verbose: false, color: !argvHas('--no-color') };
  const opts = program.opts<{ json?: boolean; quiet?: boolean; verbose?: boolean; color?: boolean }>();
  return { json: opts.json === true, quiet: opts.quiet === true, verbose: opts.verbose === true, color: opts.color !== false };
}

/** The help's "(default: …)" of an option bound to a config key, from the schema. */
function configDefault(key: string | undefined): string {
  const definition = key === undefined ? undefined : KEY_BY_NAME.get(key);
  if (!definition || definition.type === 'bool') return '';
  if (definition.shown) return ` (default: ${definition.shown})`;
  const value = definition.default(process.env);
  if (value === undefined) return '';
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return ` (default: ${/\s/.test(text) ? JSON.stringify(text) : text})`;
}

/** The given flags that set config keys, as the config's flag layer takes them. */
function configFlags(spec: CommandSpec, command: Command): { key: string; raw: string; flag: string }[] {
  const flags: { key: string; raw: string; flag: string }[] = [];
  for (const option of spec.options) {
    if (!option.config) continue;
    const built = new Option(option.flags);
    const name = built.attributeName();
    const value: unknown = command.getOptionValue(name);
    if (command.getOptionValueSource(name) !== 'cli' || (built.negate && value !== false) || (built.isBoolean() && !built.negate && value !== true)) continue;
    flags.push({ key: option.config, raw: Array.isArray(value) ? value.join(',') : String(value), flag: built.long ?? option.flags });
  }
  return flags;
}

function addCommand(program: Command, spec: CommandSpec, state: { exitCode: number }, argv: readonly string[]): void {
  const command = program.command(spec.name).summary(spec.summary).description(spec.summary);
  for (const arg of spec.args ?? []) command.argument(arg);
  for (const option of spec.options) command.addOption(new Option(option.flags, `${option.description}${configDefault(option.config)}`));
  if (spec.examples.length > 0) {
    command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  }
  const dashes = argv.indexOf('--', 2);
  command.action(async (...received: unknown[]) => {
    const self = received[received.length - 1] as Command;
    const global = globalOptions(program);
    const module = await spec.load();
    state.exitCode = await module.run({
      args: self.args,
      afterDashes: dashes < 0 ? undefined : argv.slice(dashes + 1),
      options: self.opts() as never,
      configFlags: configFlags(spec, self),
      global,
      output: new Output(global),
      cwd: process.cwd(),
      env: process.env,
    });
  });
}

/** Whether the command named in `argv` has a `--version` option of its own (`build --version 1.2.3`). */
function commandOwnsVersion(argv: readonly string[]): boolean {
  const name = argv.slice(2).find((arg) => COMMANDS.some((c) => c.name === arg));
  return COMMANDS.find((c) => c.name === name)?.options.some((o) => /(^|[\s,])--version\b/.test(o.flags)) === true;
}

export function buildProgram(state: { exitCode: number }, argv: readonly string[] = []): Command {
  const program = new Command('gocross');
  program.description('Go cross-compilation that works inside conda environments');
  // Commander reads the program's options anywhere on the line, so its --version would swallow
  // a command's own `--version V`; with such a command named, the flag is left to the command.
  if (!commandOwnsVersion(argv)) program.version(VERSION, '-V, --version', 'print the gocross version');
  program
    .option('--json', 'print data as JSON')
    .option('-q, --quiet', 'print only results and errors')
    .option('-v, --verbose', 'print more detail')
    .option('--no-color', 'no colours (NO_COLOR works too)')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ outputError: () => undefined })
    .exitOverride();
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 problems found, 2 usage, 3 environment, 70 internal error (a bug), 130 interrupted.\n' +
      'Run `gocross <command> --help` for a command\'s options and examples.\n',
  );
  for (const spec of COMMANDS) addCommand(program, spec, state, argv);
  return program;
}

/** Run gocross with `argv` (as process.argv) and return the exit code. */
export async function main(argv: string[]): Promise<number> {
  const state = { exitCode: 0 };
  let program: Command | undefined;
  try {
    program = buildProgram(state, argv);
    await program.parseAsync(argv);
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return 0;
      }
      // `gocross` alone prints help and is not an error.
      if (error.code === 'commander.executeSubCommandAsync') return 0;
      const command = argv.slice(2).find((arg) => COMMANDS.some((c) => c.name === arg));
      return reportError(fromCommander(error, command), new Output(globalOptions(program)));
    }
    return reportError(error, new Output(program ? globalOptions(program) : { json: false, quiet: false, verbose: false, color: true }));
  }
}
