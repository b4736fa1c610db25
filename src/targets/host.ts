/** The machine gocross runs on, as a target. The only place in targets/ that reads the process. */
import { endianness } from 'node:os';
import { environmentError } from '../errors.js';
import { ARCH_ALIASES, OS_ALIASES } from './aliases.js';
import { type TargetInfo, targetInfo } from './info.js';

/**
 * A target from Node's process.platform and process.arch (win32, x64, ia32, mipsel… are in the
 * alias tables). Node reports "ppc64" on little-endian POWER too, so the byte order decides
 * between ppc64 and ppc64le. Node's "arm" says nothing of the ARM version, so no variant is set.
 */
export function fromNode(platform: string, arch: string, byteOrder: 'LE' | 'BE'): TargetInfo {
  const goos = OS_ALIASES[platform];
  let goarch = ARCH_ALIASES[arch]?.goarch;
  if (goarch === 'ppc64' && byteOrder === 'LE') goarch = 'ppc64le';
  if (!goos || !goarch) {
    throw environmentError('target.host', `this machine (Node's ${platform}/${arch}) has no Go equivalent.`, { hint: 'pass --target explicitly' });
  }
  return targetInfo(goos, goarch, null);
}

export const hostTarget = (platform: string = process.platform, arch: string = process.arch, byteOrder: 'LE' | 'BE' = endianness()): TargetInfo =>
  fromNode(platform, arch, byteOrder);
