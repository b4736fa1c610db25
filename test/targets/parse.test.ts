import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { thrown } from '../helpers/errors.js';
import { BUILTIN_PAIRS, formatTarget, fromNode, hostTarget, isForeign, listTargets, parseTarget } from '../../src/targets/index.js';

const canonical = (text: string): string => parseTarget(text).target;

const FAMILIES: Record<string, [string, string][]> = {
  canonical: [
    ['linux/arm64', 'linux/arm64'],
    ['linux/amd64', 'linux/amd64'],
    ['linux/arm/v7', 'linux/arm/v7'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/arm/v5', 'linux/arm/v5'],
    ['linux/arm', 'linux/arm'],
    ['linux/amd64/v3', 'linux/amd64/v3'],
    ['darwin/arm64', 'darwin/arm64'],
    ['windows/amd64', 'windows/amd64'],
    ['freebsd/riscv64', 'freebsd/riscv64'],
    ['js/wasm', 'js/wasm'],
    ['LINUX/ARM64', 'linux/arm64'],
    ['  linux/arm64 ', 'linux/arm64'],
  ],
  'arch aliases': [
    ['linux/aarch64', 'linux/arm64'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/x86-64', 'linux/amd64'],
    ['linux/x64', 'linux/amd64'],
    ['linux/i686', 'linux/386'],
    ['linux/x86', 'linux/386'],
    ['linux/armv7l', 'linux/arm/v7'],
    ['linux/armhf', 'linux/arm/v7'],
    ['linux/armv6l', 'linux/arm/v6'],
    ['linux/armel', 'linux/arm/v6'],
    ['linux/armv5', 'linux/arm/v5'],
    ['linux/powerpc64le', 'linux/ppc64le'],
    ['linux/ppc64el', 'linux/ppc64le'],
    ['linux/loongarch64', 'linux/loong64'],
    ['linux/mipsel', 'linux/mipsle'],
    ['linux/mips64el', 'linux/mips64le'],
  ],
  'bare architectures (Linux)': [
    ['aarch64', 'linux/arm64'],
    ['arm64', 'linux/arm64'],
    ['x86_64', 'linux/amd64'],
    ['amd64', 'linux/amd64'],
    ['armv7l', 'linux/arm/v7'],
    ['armv6l', 'linux/arm/v6'],
    ['i386', 'linux/386'],
    ['ppc64le', 'linux/ppc64le'],
    ['s390x', 'linux/s390x'],
    ['riscv64', 'linux/riscv64'],
  ],
  'OS aliases': [
    ['macos/arm64', 'darwin/arm64'],
    ['osx/amd64', 'darwin/amd64'],
    ['win/amd64', 'windows/amd64'],
    ['win32/arm64', 'windows/arm64'],
    ['sunos/amd64', 'solaris/amd64'],
  ],
  'conda subdirs': [
    ['linux-64', 'linux/amd64'],
    ['linux-32', 'linux/386'],
    ['linux-aarch64', 'linux/arm64'],
    ['linux-armv6l', 'linux/arm/v6'],
    ['linux-armv7l', 'linux/arm/v7'],
    ['linux-ppc64le', 'linux/ppc64le'],
    ['linux-ppc64', 'linux/ppc64'],
    ['linux-s390x', 'linux/s390x'],
    ['linux-riscv64', 'linux/riscv64'],
    ['osx-64', 'darwin/amd64'],
    ['osx-arm64', 'darwin/arm64'],
    ['win-64', 'windows/amd64'],
    ['win-32', 'windows/386'],
    ['win-arm64', 'windows/arm64'],
    ['freebsd-64', 'freebsd/amd64'],
    ['emscripten-wasm32', 'js/wasm'],
    ['wasi-wasm32', 'wasip1/wasm'],
  ],
  'Docker platforms': [
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm/v7', 'linux/arm/v7'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/amd64/v2', 'linux/amd64/v2'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/386', 'linux/386'],
    ['windows/amd64', 'windows/amd64'],
  ],
  "Node's platform/arch": [
    ['linux/x64', 'linux/amd64'],
    ['win32/x64', 'windows/amd64'],
    ['darwin/arm64', 'darwin/arm64'],
    ['linux/ia32', 'linux/386'],
    ['linux/arm', 'linux/arm'],
  ],
  'Go release archive names': [
    ['linux-armv6l', 'linux/arm/v6'],
    ['linux-amd64', 'linux/amd64'],
    ['darwin-arm64', 'darwin/arm64'],
    ['windows-386', 'windows/386'],
    ['freebsd-amd64', 'freebsd/amd64'],
    ['linux_arm64', 'linux/arm64'],
  ],
  'GNU triples and uname names': [
    ['aarch64-linux-gnu', 'linux/arm64'],
    ['x86_64-unknown-linux-gnu', 'linux/amd64'],
    ['x86_64-linux-musl', 'linux/amd64'],
    ['arm-linux-gnueabihf', 'linux/arm/v7'],
    ['arm-linux-gnueabi', 'linux/arm/v6'],
    ['powerpc64le-linux-gnu', 'linux/ppc64le'],
    ['mips64el-linux-gnuabi64', 'linux/mips64le'],
    ['aarch64-conda-linux-gnu', 'linux/arm64'],
    ['aarch64-apple-darwin', 'darwin/arm64'],
    ['arm64-apple-darwin20.0.0', 'darwin/arm64'],
    ['x86_64-apple-darwin13.4.0', 'darwin/amd64'],
    ['x86_64-pc-windows-msvc', 'windows/amd64'],
    ['x86_64-w64-mingw32', 'windows/amd64'],
    ['Linux_x86_64', 'linux/amd64'],
    ['Darwin_arm64', 'darwin/arm64'],
  ],
};

for (const [family, rows] of Object.entries(FAMILIES)) {
  describe(`parseTarget: ${family}`, () => {
    it.each(rows)('%s → %s', (input, expected) => {
      expect(canonical(input)).toBe(expected);
    });
  });
}

describe('target facts', () => {
  it.each([
    // target, goarm, goamd64, conda, debian, triple, condaTriple, bits, endian, format, machine, qemu
    ['linux/arm64', null, null, 'linux-aarch64', 'arm64', 'aarch64-linux-gnu', 'aarch64-conda-linux-gnu', 64, 'little', 'elf', 183, 'qemu-aarch64'],
    ['linux/amd64', null, null, 'linux-64', 'amd64', 'x86_64-linux-gnu', 'x86_64-conda-linux-gnu', 64, 'little', 'elf', 62, 'qemu-x86_64'],
    ['linux/amd64/v3', null, 'v3', 'linux-64', 'amd64', 'x86_64-linux-gnu', 'x86_64-conda-linux-gnu', 64, 'little', 'elf', 62, 'qemu-x86_64'],
    ['linux/arm/v7', '7', null, 'linux-armv7l', 'armhf', 'arm-linux-gnueabihf', null, 32, 'little', 'elf', 40, 'qemu-arm'],
    ['linux/arm/v6', '6', null, 'linux-armv6l', 'armel', 'arm-linux-gnueabi', null, 32, 'little', 'elf', 40, 'qemu-arm'],
    ['linux/arm', null, null, 'linux-armv7l', 'armhf', 'arm-linux-gnueabihf', null, 32, 'little', 'elf', 40, 'qemu-arm'],
    ['linux/386', null, null, 'linux-32', 'i386', 'i686-linux-gnu', null, 32, 'little', 'elf', 3, 'qemu-i386'],
    ['linux/ppc64le', null, null, 'linux-ppc64le', 'ppc64el', 'powerpc64le-linux-gnu', 'powerpc64le-conda-linux-gnu', 64, 'little', 'elf', 21, 'qemu-ppc64le'],
    ['linux/ppc64', null, null, 'linux-ppc64', 'ppc64', 'powerpc64-linux-gnu', null, 64, 'big', 'elf', 21, 'qemu-ppc64'],
    ['linux/s390x', null, null, 'linux-s390x', 's390x', 's390x-linux-gnu', null, 64, 'big', 'elf', 22, 'qemu-s390x'],
    ['linux/riscv64', null, null, 'linux-riscv64', 'riscv64', 'riscv64-linux-gnu', null, 64, 'little', 'elf', 243, 'qemu-riscv64'],
    ['linux/mips64le', null, null, null, 'mips64el', 'mips64el-linux-gnuabi64', null, 64, 'little', 'elf', 8, 'qemu-mips64el'],
    ['linux/loong64', null, null, null, 'loong64', 'loongarch64-linux-gnu', null, 64, 'little', 'elf', 258, 'qemu-loongarch64'],
    ['darwin/arm64', null, null, 'osx-arm64', null, 'aarch64-apple-darwin', 'arm64-apple-darwin20.0.0', 64, 'little', 'macho', 0x0100000c, null],
    ['darwin/amd64', null, null, 'osx-64', null, 'x86_64-apple-darwin', 'x86_64-apple-darwin13.4.0', 64, 'little', 'macho', 0x01000007, null],
    ['windows/amd64', null, null, 'win-64', null, 'x86_64-w64-mingw32', null, 64, 'little', 'pe', 0x8664, null],
    ['windows/arm64', null, null, 'win-arm64', null, 'aarch64-w64-mingw32', null, 64, 'little', 'pe', 0xaa64, null],
    ['freebsd/amd64', null, null, 'freebsd-64', null, 'x86_64-unknown-freebsd', null, 64, 'little', 'elf', 62, null],
    ['js/wasm', null, null, 'emscripten-wasm32', null, null, null, 32, 'little', 'wasm', null, null],
  ])('%s', (target, goarm, goamd64, conda, debian, triple, condaTriple, bits, endian, format, machine, qemu) => {
    expect(parseTarget(target)).toEqual({
      target,
      goos: target.split('/')[0],
      goarch: target.split('/')[1],
      variant: target.split('/')[2] ?? null,
      goarm,
      goamd64,
      conda,
      debian,
      triple,
      condaTriple,
      bits,
      endian,
      format,
      machine,
      qemu,
    });
  });
});

const failure = (input: string, pairs?: readonly string[]) => thrown(() => parseTarget(input, pairs));

describe('bad targets', () => {
  it.each([
    ['linux/armm64', 'armm64', 'linux/arm64'],
    ['linux/arm65', 'arm65', 'linux/arm64'],
    ['aarch46', 'aarch46', 'linux/arm64'],
    ['plan10/z80', 'plan10', 'plan9/386'],
    ['darwin/386', 'not a GOOS/GOARCH pair', 'linux/386'],
    ['linux/arm/v9', 'not a variant of arm (valid: v5, v6, v7)', 'linux/arm'],
    ['linux/arm64/v3', 'not a variant of arm64', 'linux/arm64'],
    ['linux/riscv64/v2', 'riscv64 takes no variant', 'linux/riscv64'],
    ['linux/arm64/amd64', 'two architectures', 'linux/'],
    ['linux/windows/arm64', 'two operating systems', '/arm64'],
    ['linux', 'names no architecture', 'linux/'],
    ['', 'empty', 'linux/arm64'],
  ])('%j is a usage error saying %s, hinting %s', (input, reason, hint) => {
    const error = failure(input);
    expect(error.kind).toBe('usage');
    expect(error.code).toBe('target.unknown');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(reason);
    expect(error.hint).toContain(hint);
  });

  it('validates against the pair list it is given', () => {
    expect(failure('windows/arm', ['linux/amd64', 'windows/amd64']).message).toContain('windows/arm is not a GOOS/GOARCH pair');
    expect(parseTarget('windows/arm', ['windows/arm']).target).toBe('windows/arm');
  });
});

describe('listTargets', () => {
  const all = listTargets(BUILTIN_PAIRS);
  it('lists every pair and the Linux variants, each round-tripping through the parser', () => {
    const names = all.map((t) => t.target);
    for (const pair of BUILTIN_PAIRS) expect(names).toContain(pair);
    expect(names).toEqual(expect.arrayContaining(['linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4']));
    expect(names).not.toContain('linux/amd64/v1');
    expect(names).not.toContain('linux/arm64/v8');
    for (const info of all) {
      expect(parseTarget(info.target)).toEqual(info);
      expect(formatTarget(info)).toBe(info.target);
    }
  });
});

describe('host and foreign targets', () => {
  it.each([
    ['linux', 'x64', 'LE', 'linux/amd64'],
    ['linux', 'arm64', 'LE', 'linux/arm64'],
    ['darwin', 'arm64', 'LE', 'darwin/arm64'],
    ['win32', 'x64', 'LE', 'windows/amd64'],
    ['linux', 'ppc64', 'LE', 'linux/ppc64le'],
    ['linux', 'ppc64', 'BE', 'linux/ppc64'],
    ['linux', 'ia32', 'LE', 'linux/386'],
  ] as const)('Node %s/%s (%s) is %s', (platform, arch, order, expected) => {
    expect(fromNode(platform, arch, order).target).toBe(expected);
  });

  it('rejects a Node platform Go does not have', () => {
    expect(() => fromNode('haiku', 'x64', 'LE')).toThrow(GocrossError);
  });

  it('knows this machine and what is foreign to it', () => {
    const host = hostTarget();
    expect(isForeign(host, host)).toBe(false);
    expect(isForeign(parseTarget(host.goarch === 'arm64' ? 'linux/amd64' : 'linux/arm64'), host)).toBe(true);
    expect(isForeign(parseTarget('windows/amd64'), parseTarget('linux/amd64'))).toBe(true);
  });
});
