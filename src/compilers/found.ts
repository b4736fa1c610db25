/** Cross C compilers for cgo: conda's `<condaTriple>-cc` in the env first, then Debian's `<triple>-gcc`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findExecutable } from '../io/process.js';
import type { TargetInfo } from '../targets/index.js';

export interface CrossCompiler {
  kind: 'conda' | 'debian';
  cc: string;
  cxx: string | null;
  /** Where the target's libc lives, for `qemu -L` when running cgo programs. */
  sysroot: string | null;
}

export function findCrossCompilers(target: TargetInfo, prefix: string | null, pathEnv: string | undefined): CrossCompiler[] {
  const found: CrossCompiler[] = [];
  if (prefix && target.condaTriple) {
    const cc = join(prefix, 'bin', `${target.condaTriple}-cc`);
    const cxx = join(prefix, 'bin', `${target.condaTriple}-c++`);
    if (existsSync(cc)) found.push({ kind: 'conda', cc, cxx: existsSync(cxx) ? cxx : null, sysroot: join(prefix, target.condaTriple, 'sysroot') });
  }
  if (target.triple) {
    const cc = findExecutable(`${target.triple}-gcc`, pathEnv);
    if (cc) found.push({ kind: 'debian', cc, cxx: findExecutable(`${target.triple}-g++`, pathEnv) ?? null, sysroot: `/usr/${target.triple}` });
  }
  return found;
}

export { installCommands } from './choice.js';
