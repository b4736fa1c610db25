import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testGoroot } from './tools.js';

export interface SdkTarball {
  version: string;
  filename: string;
  path: string;
  sha256: string;
  size: number;
}

const SCRIPT = fileURLToPath(new URL('../../scripts/make-sdk-tarball.mjs', import.meta.url));

/** A real SDK tarball made from Debian's Go (see scripts/make-sdk-tarball.mjs); undefined without Go. */
export function sdkTarball(): SdkTarball | undefined {
  const goroot = testGoroot();
  if (!goroot) return undefined;
  return JSON.parse(execFileSync(process.execPath, [SCRIPT, goroot], { encoding: 'utf8' })) as SdkTarball;
}
