import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian packages that provide the tools tests use; installed by `.ci/system-packages`. */
const INSTALL_HINTS: Record<string, string> = {
  go: 'apt-get install golang-1.19-go',
  'aarch64-linux-gnu-gcc': 'apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross',
  'qemu-aarch64': 'apt-get install qemu-user',
  zsh: 'apt-get install zsh',
  fish: 'apt-get install fish',
  tcsh: 'apt-get install tcsh',
  dash: 'apt-get install dash',
  bash: 'apt-get install bash',
  file: 'apt-get install file',
  readelf: 'apt-get install binutils',
  'llvm-objdump': 'apt-get install llvm',
  'llvm-readobj': 'apt-get install llvm',
  gcc: 'apt-get install gcc',
  strip: 'apt-get install binutils',
  git: 'apt-get install git',
  dockerd: 'apt-get install docker.io',
  debootstrap: 'apt-get install debootstrap',
  tar: 'apt-get install tar',
  curl: 'apt-get install curl',
  sha256sum: 'apt-get install coreutils',
  zstd: 'apt-get install zstd',
  bzip2: 'apt-get install bzip2',
  gzip: 'apt-get install gzip',
  nu: 'npm install (devDependency @nushell/linux-x64)',
  wine64: 'apt-get install wine64',
};

/** Where Debian's Go lives when it is not on PATH. */
const EXTRA_LOCATIONS: Record<string, string[]> = {
  go: ['/usr/lib/go-1.19/bin/go'],
  nu: [decodeURIComponent(new URL('../../node_modules/@nushell/linux-x64/bin/nu', import.meta.url).pathname)],
  wine64: ['/usr/lib/wine/wine64'],
};

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The path of `name`: the known locations first, then PATH. */
export function locateTool(name: string): string | undefined {
  for (const candidate of EXTRA_LOCATIONS[name] ?? []) if (isExecutable(candidate)) return candidate;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export const requireAll = (): boolean => process.env.GOCROSS_REQUIRE_ALL === '1';

/**
 * The path of a system tool a test needs. When it is missing the caller skips with a loud
 * reason — unless GOCROSS_REQUIRE_ALL=1, where a missing tool fails the run.
 */
export function requireTool(name: string): string | undefined {
  const found = locateTool(name);
  if (found) return found;
  const reason = `${name} is not installed (${INSTALL_HINTS[name] ?? 'install it'})`;
  if (requireAll()) throw new Error(`GOCROSS_REQUIRE_ALL=1 but ${reason}`);
  console.warn(`\n*** SKIPPING tests that need ${name}: ${reason} ***\n`);
  return undefined;
}

/** A real GOROOT for tests: Debian's Go 1.19, or the root of the go on PATH. */
export function testGoroot(): string | undefined {
  const go = requireTool('go');
  if (!go) return undefined;
  // <GOROOT>/bin/go → <GOROOT>; Debian's /usr/bin/go symlink resolves to /usr/lib/go-1.19/bin/go.
  return join(realpathSync(go), '..', '..');
}
