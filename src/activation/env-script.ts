/** `gocross env`: a target's variables as code for one shell, to switch targets in one session. */
import { usageError } from '../errors.js';
import { QUOTE, SHELLS, type Shell } from './render.js';

const LINES: Record<Shell, { set: (n: string, v: string) => string; unset: (n: string) => string }> = {
  sh: { set: (n, v) => `export ${n}=${QUOTE.sh(v)}`, unset: (n) => `unset ${n}` },
  csh: { set: (n, v) => `setenv ${n} ${QUOTE.csh(v)};`, unset: (n) => `unsetenv ${n};` },
  fish: { set: (n, v) => `set -gx ${n} ${QUOTE.fish(v)};`, unset: (n) => `set -e ${n};` },
  ps1: { set: (n, v) => `$env:${n} = ${QUOTE.ps1(v)}`, unset: (n) => `Remove-Item env:${n} -ErrorAction SilentlyContinue` },
  bat: { set: (n, v) => `set "${n}=${QUOTE.bat(v)}"`, unset: (n) => `set "${n}="` },
  nu: { set: (n, v) => `$env.${n} = ${QUOTE.nu(v)}`, unset: (n) => `hide-env -i ${n}` },
};

export type EnvFormat = Shell | 'json';

/** The shell to print for: `--shell`, else the login shell's family. */
export function envFormat(requested: string | undefined, loginShell: string | undefined): EnvFormat {
  if (requested === undefined) {
    const name = (loginShell ?? '').split('/').pop() ?? '';
    return name === 'fish' ? 'fish' : name === 'tcsh' || name === 'csh' ? 'csh' : name === 'nu' ? 'nu' : 'sh';
  }
  const value = requested === 'bash' || requested === 'zsh' || requested === 'dash' ? 'sh' : requested === 'tcsh' ? 'csh' : requested === 'powershell' || requested === 'pwsh' ? 'ps1' : requested === 'cmd' ? 'bat' : requested;
  if (value === 'json' || (SHELLS as readonly string[]).includes(value)) return value as EnvFormat;
  throw usageError('env.shell', `--shell ${requested} is not one gocross writes for.`, { hint: `use one of ${[...SHELLS, 'json'].join(', ')}` });
}

export function renderEnvScript(variables: Record<string, string | null>, format: EnvFormat): string {
  if (format === 'json') return `${JSON.stringify(variables, null, 2)}\n`;
  const line = LINES[format];
  return `${Object.entries(variables)
    .map(([name, value]) => (value === null ? line.unset(name) : line.set(name, value)))
    .join('\n')}\n`;
}
