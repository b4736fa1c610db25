/**
 * The command surface as data: names, arguments, options and examples, each declared once here.
 * A command's options type comes from its declaration (`Options<'build'>`), and an option that
 * sets a configuration key names it (`config:`), so the key's value, its source and the help's
 * default all come from the config schema. Loading this costs nothing; a command's code is
 * imported only when that command runs, which keeps `gocross --version` and `--help` fast.
 */
import type { Output, GlobalOptions } from './output.js';

export interface OptionSpec {
  /** As commander takes them: `-o, --output <dir>`, `--cc <target=cc...>`, `--no-cgo`. */
  readonly flags: string;
  readonly description: string;
  /** The configuration key the flag sets (a flag is the highest layer of the config). */
  readonly config?: string;
}

export interface CommandSpec {
  readonly name: string;
  /** `<required>`, `[optional]`, `[many...]` */
  readonly args?: readonly string[];
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  /** Imports the command's code (only when the command runs). */
  readonly load: () => Promise<CommandModule>;
}

// The options object commander gives for a list of option declarations, as a type.
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type LongName<F extends string> = F extends `${string}--${infer Rest}` ? (Rest extends `${infer Name} ${string}` ? Name : Rest) : never;
type Key<F extends string> = Camel<LongName<F> extends `no-${infer Negated}` ? Negated : LongName<F>>;
type Value<F extends string> = F extends `${string}<${string}...>` ? string[] : F extends `${string}<${string}>` ? string : F extends `${string}[${string}]` ? string | true : boolean;
export type OptionsOf<O extends readonly OptionSpec[]> = { [S in O[number] as Key<S['flags']>]?: Value<S['flags']> };

export interface CommandContext<O = Record<string, unknown>> {
  /** Every operand, those after a `--` included (commander's way). */
  args: string[];
  /** The words after a `--` on the command line, for a command that gives them a meaning. */
  afterDashes: string[] | undefined;
  options: O;
  /** The flags given that set configuration keys, for loadConfig. */
  configFlags: { key: string; raw: string; flag: string }[];
  global: GlobalOptions;
  output: Output;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CommandModule {
  /** Runs the command and returns its exit code (0 ok, 1 problems found). */
  run(context: CommandContext<never>): Promise<number>;
}

/** A command's code, imported when it runs (typed apart from the import, which refers back here). */
const lazy = (load: () => Promise<unknown>): (() => Promise<CommandModule>) => load as () => Promise<CommandModule>;

const prefixOptions = [
  { flags: '-p, --prefix <dir>', description: 'the conda env prefix (default: the active env)' },
  { flags: '-n, --name <env>', description: 'the conda env by name' },
] as const;

const SPECS = [
  {
    name: 'doctor',
    summary: 'find GOROOT, PATH and environment conflicts in a conda env and say how to fix each',
    options: [
      ...prefixOptions,
      { flags: '-t, --target <target...>', description: 'targets to check (repeatable)' },
      { flags: '--deep', description: 'also build a hello-world for each target' },
    ],
    examples: ['gocross doctor', 'gocross doctor -n tools --deep --target linux/arm64', 'gocross doctor --json'],
    load: lazy(() => import('./commands/doctor.js')),
  },
  {
    name: 'install',
    args: ['[version]'],
    summary: 'download, verify and install an official Go SDK into the shared store',
    options: [
      { flags: '--mirror <url...>', description: 'download mirrors, tried in order', config: 'mirror' },
      { flags: '--archive <file>', description: 'install from a local SDK tarball' },
      { flags: '--sha256 <hex>', description: 'expected checksum of the archive' },
      { flags: '--force', description: 'reinstall even if installed' },
    ],
    examples: ['gocross install 1.23.4', 'gocross install go.mod', 'gocross install latest --json'],
    load: lazy(() => import('./commands/install.js')),
  },
  {
    name: 'list',
    summary: 'list installed Go SDKs (or the ones available for download)',
    options: [{ flags: '--available', description: 'list the versions in the release index' }],
    examples: ['gocross list', 'gocross list --available --json'],
    load: lazy(() => import('./commands/list.js')),
  },
  {
    name: 'uninstall',
    args: ['<version>'],
    summary: 'remove an SDK from the shared store',
    options: [{ flags: '--force', description: 'remove it even while an env uses it' }],
    examples: ['gocross uninstall 1.22.1'],
    load: lazy(() => import('./commands/uninstall.js')),
  },
  {
    name: 'init',
    summary: "write the env's activate.d/deactivate.d hooks for Go cross-compiling",
    options: [
      ...prefixOptions,
      { flags: '--go <version|goroot>', description: 'the Go SDK: a version to install or a GOROOT to adopt', config: 'go' },
      { flags: '-t, --target <target>', description: 'the target GOOS/GOARCH[/variant]', config: 'target' },
      { flags: '--cgo', description: 'enable cgo with a cross C compiler' },
      { flags: '--no-cgo', description: 'disable cgo' },
      { flags: '--cc <cc>', description: 'the C compiler for cgo' },
      { flags: '--modcache <where>', description: 'module cache: shared or env' },
      { flags: '--goflags <flags>', description: 'GOFLAGS for the env, whatever other hooks set ("" for none; auto: keep theirs less what breaks the target)' },
      { flags: '--dry-run', description: 'print what would be written' },
      { flags: '--force', description: 'overwrite files gocross did not write' },
      { flags: '--remove', description: "remove gocross's hooks from the env" },
    ],
    examples: ['gocross init --target linux/arm64', 'gocross init -n tools --go 1.23 --dry-run', 'gocross init --remove'],
    load: lazy(() => import('./commands/init.js')),
  },
  {
    name: 'env',
    summary: 'print the variables for a target as shell code (eval it) or JSON',
    options: [
      { flags: '-t, --target <target>', description: 'the target', config: 'target' },
      { flags: '--shell <shell>', description: 'sh, fish, csh, ps1, bat, nu or json' },
    ],
    examples: ['eval "$(gocross env --target linux/amd64)"', 'gocross env --target linux/arm64 --shell fish | source'],
    load: lazy(() => import('./commands/env.js')),
  },
  {
    name: 'build',
    args: ['[pkg...]'],
    summary: 'cross-compile a target matrix, verify every output, write SHA256SUMS',
    options: [
      { flags: '-t, --targets <list>', description: 'comma-separated targets (default: [build] targets of the configuration, else the env\'s target, else the build.targets default that gocross config shows)' },
      { flags: '-o, --output <dir>', description: 'output directory', config: 'build.output' },
      { flags: '--name <name>', description: 'output base name (default: the command\'s name)' },
      { flags: '--go <version|goroot>', description: 'the Go to build with (default: the env\'s SDK, or the go on PATH when it satisfies go.mod, or install it)', config: 'go' },
      { flags: '--cgo', description: 'enable cgo, with a cross C compiler per target', config: 'cgo' },
      { flags: '--no-cgo', description: 'disable cgo', config: 'cgo' },
      { flags: '--cc <target=cc...>', description: 'C compiler for a target, e.g. linux/arm64=aarch64-linux-gnu-gcc (repeatable)' },
      { flags: '--ldflags <flags>', description: 'linker flags', config: 'build.ldflags' },
      { flags: '--tags <tags>', description: 'build tags' },
      { flags: '--version <v>', description: 'sets main.version (-X main.version=V; default: the git tag at HEAD, without its v)' },
      { flags: '--require-clean', description: 'refuse to build from a checkout with uncommitted changes' },
      { flags: '-j, --jobs <n>', description: 'parallel builds', config: 'build.jobs' },
      { flags: '--smoke', description: 'run each Linux output natively or under qemu with the ARGS after -- (default --version, else --help)' },
      { flags: '--no-verify', description: 'skip verifying outputs' },
      { flags: '--force', description: 'overwrite files in the output directory that gocross did not write' },
      { flags: '--dry-run', description: 'print the plan, write nothing' },
    ],
    examples: [
      'gocross build --targets linux/amd64,linux/arm64',
      'gocross build ./cmd/tool --version 1.2.3 --smoke -- --version',
      'gocross build ./cmd/... --cgo --cc linux/arm64=aarch64-linux-gnu-gcc --json',
    ],
    load: lazy(() => import('./commands/build.js')),
  },
  {
    name: 'verify',
    args: ['<paths...>'],
    summary: 'inspect binaries (also inside archives) and check them against expectations',
    options: [
      { flags: '-t, --target <target>', description: 'expected target' },
      { flags: '--os <goos>', description: 'expected GOOS' },
      { flags: '--arch <goarch>', description: 'expected GOARCH' },
      { flags: '--static', description: 'expect static linkage' },
      { flags: '--dynamic', description: 'expect dynamic linkage' },
      { flags: '--max-glibc <x.y>', description: 'highest glibc version allowed' },
      { flags: '--go <range>', description: 'Go version range, e.g. ">=1.22"' },
      { flags: '--cgo', description: 'expect CGO_ENABLED=1' },
      { flags: '--no-cgo', description: 'expect CGO_ENABLED=0' },
      { flags: '--require-buildinfo', description: 'fail Go binaries without build info' },
      { flags: '--infer', description: 'take the expected target from each file name also when --target is given (the default without it)' },
      { flags: '--inspect-only', description: 'only inspect: a binary with nothing to check against is not a failure' },
      { flags: '--allow-empty', description: 'no binaries found is not a failure' },
      { flags: '--junit <file>', description: 'write a JUnit report' },
      { flags: '--github', description: 'print GitHub Actions annotations' },
      { flags: '--platform <list>', description: 'only these platforms of an image (comma-separated), e.g. linux/arm64' },
      { flags: '--sums <file>', description: 'check every file a SHA256SUMS file lists: there, and hashing as listed' },
      { flags: '--require-clean', description: 'fail binaries whose build info says vcs.modified=true' },
    ],
    examples: ['gocross verify --target linux/arm64 dist/', 'gocross verify --json release/*.tar.gz', 'gocross verify --inspect-only --json ./tool'],
    load: lazy(() => import('./commands/verify.js')),
  },
  {
    name: 'recipe',
    args: ['[dir]'],
    summary: 'generate a conda-build recipe (meta.yaml, build.sh, bld.bat) for a Go module, or lint one',
    options: [
      { flags: '--name <name>', description: 'package name (default: the module path\'s last element)' },
      { flags: '--version <v>', description: 'package version (default: the newest git tag)' },
      { flags: '--source <kind>', description: 'url (tarball URL, downloaded for its sha256), path (local tarball) or git' },
      { flags: '--url <url>', description: 'the tarball URL, the local tarball (path) or the git URL' },
      { flags: '--cgo', description: 'build with cgo (default: when a package imports "C")' },
      { flags: '--no-cgo', description: 'build pure Go' },
      { flags: '--format <format>', description: 'meta (meta.yaml), v1 (rattler-build recipe.yaml) or both' },
      { flags: '--platforms <list>', description: 'conda subdirs to write or check (default: conda-forge.yml\'s when checking, else all seven conda-forge builds Go for)' },
      { flags: '--out <dir>', description: 'where recipes live (default recipes/)' },
      { flags: '--maintainer <handles>', description: 'recipe maintainers, comma-separated GitHub handles' },
      { flags: '--licenses-ignore <module...>', description: 'a module go-licenses cannot classify: passed to it as --ignore (repeatable)' },
      { flags: '--check [path]', description: 'lint a recipe (default: those under --out) instead of writing one; DIR is its source' },
      { flags: '--offline', description: 'with --check: download no source archive (license files from one are then not checked)' },
      { flags: '--force', description: 'overwrite an existing recipe' },
      { flags: '--dry-run', description: 'print the recipe, write nothing' },
    ],
    examples: ['gocross recipe . --maintainer alice', 'gocross recipe --version 1.2.0 --url https://example.com/tool-1.2.0.tar.gz', 'gocross recipe --check recipes/tool --json'],
    load: lazy(() => import('./commands/recipe.js')),
  },
  {
    name: 'dockerfile',
    args: ['[dir]'],
    summary: 'generate a multi-stage, cross-compiling Dockerfile',
    options: [
      { flags: '--platforms <list>', description: 'image platforms (default linux/amd64,linux/arm64)' },
      { flags: '--go <version>', description: 'Go version of the build image (default: config, the env\'s Go, go.mod)', config: 'go' },
      { flags: '--base <base>', description: 'final stage: distroless (default), scratch, debian or conda' },
      { flags: '--cgo', description: 'cross-compile with cgo and a Debian cross compiler (final stage: debian)' },
      { flags: '--pkg <pkg>', description: 'the main package (default: the root, or the only cmd/*)' },
      { flags: '--out <file>', description: 'output file (default Dockerfile)' },
      { flags: '--bake', description: 'also write docker-bake.hcl' },
      { flags: '--syntax', description: 'add the # syntax= line (default)' },
      { flags: '--no-syntax', description: 'omit the # syntax= line (air-gapped builders)' },
      { flags: '--version <v>', description: 'image version label and main.version (default: the tag at HEAD, else dev)' },
      { flags: '--force', description: 'overwrite files gocross did not write' },
      { flags: '--dry-run', description: 'print the Dockerfile, write nothing' },
    ],
    examples: ['gocross dockerfile --platforms linux/amd64,linux/arm64', 'gocross dockerfile --base scratch --no-syntax', 'gocross dockerfile --cgo --bake'],
    load: lazy(() => import('./commands/dockerfile.js')),
  },
  {
    name: 'config',
    summary: 'show the effective configuration and where each value came from',
    options: [],
    examples: ['gocross config', 'gocross config --json'],
    load: lazy(() => import('./commands/config.js')),
  },
  {
    name: 'targets',
    args: ['[names...]'],
    summary: 'list valid targets and their mappings, or resolve names and aliases',
    options: [{ flags: '--builtin', description: "use gocross's built-in list, not `go tool dist list`" }],
    examples: ['gocross targets', 'gocross targets aarch64 osx-arm64 linux/arm/v7', 'gocross targets --json'],
    load: lazy(() => import('./commands/targets.js')),
  },
] as const satisfies readonly CommandSpec[];

export const COMMANDS: readonly CommandSpec[] = SPECS;

export type CommandName = (typeof SPECS)[number]['name'];

/** The options object of command `N`, as its declaration gives it. */
export type Options<N extends CommandName> = OptionsOf<Extract<(typeof SPECS)[number], { name: N }>['options']>;

/** What command `N`'s run gets. */
export type Context<N extends CommandName> = CommandContext<Options<N>>;
