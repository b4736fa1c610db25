/**
 * The in-build architecture check, images/check-elf.sh: a POSIX sh + od script, run as
 * is by tests and joined into one RUN instruction by the Dockerfile renderer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHECK_SCRIPT_URL = new URL('../../images/check-elf.sh', import.meta.url);
export const checkScriptPath = (): string => fileURLToPath(CHECK_SCRIPT_URL);
export const checkScript = (): string => readFileSync(CHECK_SCRIPT_URL, 'utf8');

/** The GOARCHes the script has ELF facts for (its `case` table); tests keep the two in step. */
export const CHECKED_ARCHES = ['386', 'amd64', 'arm', 'arm64', 'loong64', 'mips64le', 'ppc64', 'ppc64le', 'riscv64', 's390x'] as const;

/**
 * The script's commands as RUN lines: without the shebang, comments and blank lines (a `#` line
 * would end the joined command), each line kept whole so Docker's line continuation joins them.
 */
export function checkScriptLines(text: string = checkScript()): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}
