/** The machine gocross runs on, as a target. */
import { endianness } from 'node:os';
import { usageError } from '../errors.js';
import { type TargetInfo, targetInfo } from './info.js';

const NODE_PLATFORMS: Readonly<Record<string, string>> = {
  linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd', openbsd: 'openbsd', netbsd: 'netbsd', aix: 'aix', sunos: 'solaris', android: 'android',
};
const NODE_ARCHES: Readonly<Record<string, string>> = {
  x64: 'amd64', ia32: '386', arm: 'arm', arm64: 'arm64', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', mips: 'mips', mipsel: 'mipsle', ppc64: 'ppc64',
};

/**
 * A target from Node's process.platform and process.arch. Node reports "ppc64" on little-endian
 * POWER too, so the byte order decides between ppc64 and ppc64le.
 */
export function fromNode(platform: string, arch: string, byteOrder: 'LE' | 'BE'): TargetInfo {
  const goos = NODE_PLATFORMS[platform];
  let goarch = NODE_ARCHES[arch];
  if (goarch === 'ppc64' && byteOrder === 'LE') goarch = 'ppc64le';
  if (!goos || !goarch) throw usageError('target.host', `Node's platform ${platform}/${arch} has no Go equivalent.`, { hint: 'pass --target explicitly' });
  return targetInfo(goos, goarch, null);
}

export const hostTarget = (platform: string = process.platform, arch: string = process.arch, byteOrder: 'LE' | 'BE' = endianness()): TargetInfo =>
  fromNode(platform, arch, byteOrder);
