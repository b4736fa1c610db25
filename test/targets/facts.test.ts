/** What each important target knows: every TargetInfo field, one row per target. */
import { describe, expect, it } from 'vitest';
import { installCommands } from '../../src/compilers/found.js';
import { type TargetInfo, parseTarget } from '../../src/targets/index.js';

type Row = [
  target: string,
  goarm: string | null,
  goamd64: string | null,
  conda: string | null,
  debian: string | null,
  triple: string | null,
  condaTriple: string | null,
  bits: 32 | 64,
  endian: 'little' | 'big',
  format: TargetInfo['format'],
  machine: number | null,
  qemu: string | null,
];

const ROWS: Row[] = [
  ['linux/arm64', null, null, 'linux-aarch64', 'arm64', 'aarch64-linux-gnu', 'aarch64-conda-linux-gnu', 64, 'little', 'elf', 183, 'qemu-aarch64'],
  ['linux/amd64', null, null, 'linux-64', 'amd64', 'x86_64-linux-gnu', 'x86_64-conda-linux-gnu', 64, 'little', 'elf', 62, 'qemu-x86_64'],
  ['linux/amd64/v3', null, 'v3', 'linux-64', 'amd64', 'x86_64-linux-gnu', 'x86_64-conda-linux-gnu', 64, 'little', 'elf', 62, 'qemu-x86_64'],
  ['linux/arm/v7', '7', null, 'linux-armv7l', 'armhf', 'arm-linux-gnueabihf', null, 32, 'little', 'elf', 40, 'qemu-arm'],
  ['linux/arm/v6', '6', null, 'linux-armv6l', 'armel', 'arm-linux-gnueabi', null, 32, 'little', 'elf', 40, 'qemu-arm'],
  ['linux/arm/v5', '5', null, 'linux-armv6l', 'armel', 'arm-linux-gnueabi', null, 32, 'little', 'elf', 40, 'qemu-arm'],
  // Plain linux/arm leaves GOARM to Go (7 for Go 1.21+ cross-compiles): v7's facts, no GOARM.
  ['linux/arm', null, null, 'linux-armv7l', 'armhf', 'arm-linux-gnueabihf', null, 32, 'little', 'elf', 40, 'qemu-arm'],
  ['linux/386', null, null, 'linux-32', 'i386', 'i686-linux-gnu', null, 32, 'little', 'elf', 3, 'qemu-i386'],
  ['linux/ppc64le', null, null, 'linux-ppc64le', 'ppc64el', 'powerpc64le-linux-gnu', 'powerpc64le-conda-linux-gnu', 64, 'little', 'elf', 21, 'qemu-ppc64le'],
  ['linux/ppc64', null, null, 'linux-ppc64', 'ppc64', 'powerpc64-linux-gnu', null, 64, 'big', 'elf', 21, 'qemu-ppc64'],
  ['linux/s390x', null, null, 'linux-s390x', 's390x', 's390x-linux-gnu', 's390x-conda-linux-gnu', 64, 'big', 'elf', 22, 'qemu-s390x'],
  ['linux/riscv64', null, null, 'linux-riscv64', 'riscv64', 'riscv64-linux-gnu', 'riscv64-conda-linux-gnu', 64, 'little', 'elf', 243, 'qemu-riscv64'],
  ['linux/mips', null, null, null, 'mips', 'mips-linux-gnu', null, 32, 'big', 'elf', 8, 'qemu-mips'],
  ['linux/mipsle', null, null, null, 'mipsel', 'mipsel-linux-gnu', null, 32, 'little', 'elf', 8, 'qemu-mipsel'],
  ['linux/mips64', null, null, null, 'mips64', 'mips64-linux-gnuabi64', null, 64, 'big', 'elf', 8, 'qemu-mips64'],
  ['linux/mips64le', null, null, null, 'mips64el', 'mips64el-linux-gnuabi64', null, 64, 'little', 'elf', 8, 'qemu-mips64el'],
  ['linux/loong64', null, null, null, 'loong64', 'loongarch64-linux-gnu', null, 64, 'little', 'elf', 258, 'qemu-loongarch64'],
  ['darwin/arm64', null, null, 'osx-arm64', null, 'aarch64-apple-darwin', 'arm64-apple-darwin20.0.0', 64, 'little', 'macho', 0x0100000c, null],
  ['darwin/amd64', null, null, 'osx-64', null, 'x86_64-apple-darwin', 'x86_64-apple-darwin13.4.0', 64, 'little', 'macho', 0x01000007, null],
  ['windows/amd64', null, null, 'win-64', null, 'x86_64-w64-mingw32', null, 64, 'little', 'pe', 0x8664, null],
  ['windows/arm64', null, null, 'win-arm64', null, 'aarch64-w64-mingw32', null, 64, 'little', 'pe', 0xaa64, null],
  ['windows/386', null, null, 'win-32', null, 'i686-w64-mingw32', null, 32, 'little', 'pe', 0x14c, null],
  ['freebsd/amd64', null, null, 'freebsd-64', null, 'x86_64-unknown-freebsd', null, 64, 'little', 'elf', 62, null],
  ['android/arm64', null, null, null, null, null, null, 64, 'little', 'elf', 183, null],
  ['ios/arm64', null, null, null, null, null, null, 64, 'little', 'macho', 0x0100000c, null],
  ['aix/ppc64', null, null, null, null, null, null, 64, 'big', 'xcoff', null, null],
  ['plan9/amd64', null, null, null, null, null, null, 64, 'little', 'plan9', null, null],
  ['js/wasm', null, null, 'emscripten-wasm32', null, null, null, 32, 'little', 'wasm', null, null],
  ['wasip1/wasm', null, null, 'wasi-wasm32', null, null, null, 32, 'little', 'wasm', null, null],
];

describe('target facts', () => {
  it.each(ROWS)('%s', (target, goarm, goamd64, conda, debian, triple, condaTriple, bits, endian, format, machine, qemu) => {
    const [goos, goarch, variant = null] = target.split('/');
    expect(parseTarget(target)).toEqual({
      target,
      goos,
      goarch,
      variant,
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

  it('gives aliases the same facts as the canonical name', () => {
    expect(parseTarget('aarch64-linux-gnu')).toEqual(parseTarget('linux/arm64'));
    expect(parseTarget('linux-armv7l')).toEqual(parseTarget('linux/arm/v7'));
    expect(parseTarget('osx-arm64')).toEqual(parseTarget('darwin/arm64'));
  });

  it("names Debian's cross compiler packages as Debian spells them", () => {
    // Debian package names cannot hold '_': the x86_64 triple's packages say x86-64.
    expect(installCommands(parseTarget('linux/amd64'))).toContain('apt-get install gcc-x86-64-linux-gnu g++-x86-64-linux-gnu libc6-dev-amd64-cross');
    expect(installCommands(parseTarget('linux/arm64'))).toContain('apt-get install gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross');
  });
});
