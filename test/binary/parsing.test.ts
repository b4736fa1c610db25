/**
 * The pure pieces, on inputs no toolchain here can produce: every quoting form of Go build
 * settings, the pre-1.18 pointer build-info format (Go 1.13–1.17 is not installed), and files
 * that are not binaries at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GocrossError } from '../../src/errors.js';
import { readBuildInfo } from '../../src/binary/buildinfo.js';
import { bufferSource } from '../../src/binary/byte-source.js';
import { compareVersions } from '../../src/binary/elf-dynamic.js';
import { quotedPrefix, unquote } from '../../src/binary/go-quote.js';
import { BinaryFormatError, inspectBuffer, inspectFile, parseModinfo, stripModinfoSentinels } from '../../src/binary/index.js';

describe('unquote (strconv.Unquote)', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"-s -w"', '-s -w'],
    ['"tab\\there"', 'tab\there'],
    ['"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', '\x07\b\f\n\r\t\v\\"'],
    ['"\\x41\\101\\u00e9\\U0001F600"', 'AAé😀'],
    ['`raw \\n stays`', 'raw \\n stays'],
    ['`cr\r\ndropped`', 'cr\ndropped'],
    ['"é"', 'é'],
  ])('%s → %j', (input, expected) => {
    expect(unquote(input)).toBe(expected);
  });

  it.each([['"unterminated'], ['"bad \\q escape"'], ["\"single \\' in double\""], ['"\\x4"'], ['"\\400"'], ['"\\uD800"'], ['"new\nline"'], ['"a"trailing'], ['plain']])(
    'rejects %j',
    (input) => {
      expect(unquote(input)).toBeNull();
    },
  );

  it('finds the quoted prefix of a key', () => {
    expect(quotedPrefix('"a=b"=c')).toBe('"a=b"');
    expect(quotedPrefix('`k`=v')).toBe('`k`');
    expect(quotedPrefix('"open')).toBeNull();
  });
});

describe('parseModinfo (runtime/debug.ParseBuildInfo)', () => {
  const text = [
    'path\texample.com/cmd/tool',
    'mod\texample.com\t(devel)\t',
    'dep\tgolang.org/x/sys\tv0.1.0\th1:abc=',
    'dep\texample.com/old\tv1.0.0\th1:def=',
    '=>\t../local\t\t',
    'build\t-compiler=gc',
    'build\t-ldflags="-s -w -X main.v=1"',
    'build\t"key with space"=`raw value`',
    'build\tempty=',
    'build\tCGO_ENABLED=1',
    'build\t__proto__=x',
    'ignored\tline',
    'build\tno-newline=lost',
  ].join('\n');

  it('reads every line kind the way go version -m shows it', () => {
    const info = parseModinfo(text, 'go1.19.8');
    expect(info.version).toBe('go1.19.8');
    expect(info.path).toBe('example.com/cmd/tool');
    expect(info.main).toEqual({ path: 'example.com', version: '(devel)', sum: null, replace: null });
    expect(info.deps).toEqual([
      { path: 'golang.org/x/sys', version: 'v0.1.0', sum: 'h1:abc=', replace: null },
      { path: 'example.com/old', version: 'v1.0.0', sum: 'h1:def=', replace: { path: '../local', version: '', sum: null, replace: null } },
    ]);
    expect(Object.entries(info.settings)).toEqual([
      ['-compiler', 'gc'],
      ['-ldflags', '-s -w -X main.v=1'],
      ['key with space', 'raw value'],
      ['empty', ''],
      ['CGO_ENABLED', '1'],
      ['__proto__', 'x'],
    ]);
    expect(Object.getPrototypeOf(info.settings)).toBe(Object.prototype);
  });

  it.each([
    ['build\tnoequals\n', "missing '=' after key"],
    ['build\t=v\n', 'missing key'],
    ['build\tkey with space=v\n', 'must be quoted'],
    ['build\tk=two words\n', 'must be quoted'],
    ['build\t"k"x\n', 'unexpected character after quoted key'],
    ['build\tk="open\n', 'invalid quoted value'],
    ['mod\tonly\n', 'expected 2 or 3 columns'],
    ['=>\ta\tb\tc\n', 'replacement with no module'],
    ['mod\ta\tb\n=>\ta\tb\n', 'expected 3 columns for replacement'],
  ])('rejects %j', (input, message) => {
    expect(() => parseModinfo(input, 'go1.20')).toThrow(BinaryFormatError);
    expect(() => parseModinfo(input, 'go1.20')).toThrow(message);
  });

  it('strips the 16-byte sentinels only when they frame the text', () => {
    const start = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
    const end = Buffer.from('f9324331861820720082421041 16d8f2'.replace(/ /g, ''), 'hex');
    expect(stripModinfoSentinels(Buffer.concat([start, Buffer.from('path\tx\n'), end]))).toBe('path\tx\n');
    expect(stripModinfoSentinels(Buffer.from('short'))).toBe('');
  });
});

describe('compareVersions', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('2.34', '2.4')).toBeGreaterThan(0);
    expect(compareVersions('2.3.4', '2.3')).toBeGreaterThan(0);
    expect(compareVersions('2.17', '2.17')).toBe(0);
  });
});

/**
 * Go 1.13–1.17 build info: a 32-byte header whose bytes 16.. are pointers to Go string headers
 * {data, len}. Laid out here at made-up addresses the way those linkers did it.
 */
function pointerBuildInfo(pointerSize: 4 | 8, little: boolean, version: string, modinfo: Buffer) {
  const base = 0x40_0000;
  const blob = Buffer.alloc(0x200);
  blob.write('\xff Go buildinf:', 0, 'latin1');
  blob[14] = pointerSize;
  blob[15] = little ? 0 : 1;
  const put = (at: number, value: number) => {
    if (pointerSize === 8) little ? blob.writeBigUInt64LE(BigInt(value), at) : blob.writeBigUInt64BE(BigInt(value), at);
    else little ? blob.writeUInt32LE(value, at) : blob.writeUInt32BE(value, at);
  };
  put(16, base + 0x40); // &version string header
  put(16 + pointerSize, base + 0x60); // &modinfo string header
  put(0x40, base + 0x100);
  put(0x40 + pointerSize, version.length);
  put(0x60, base + 0x120);
  put(0x60 + pointerSize, modinfo.length);
  blob.write(version, 0x100, 'latin1');
  modinfo.copy(blob, 0x120);
  return { source: bufferSource(blob), memory: [{ addr: base, size: blob.length, offset: 0 }] };
}

describe('pre-1.18 pointer build info', () => {
  const modinfo = Buffer.from('path\texample.com/old\n');
  it.each([
    [8, true],
    [4, false],
  ] as const)('follows %i-byte pointers (little endian: %s)', (size, little) => {
    const { source, memory } = pointerBuildInfo(size, little, 'go1.16.15', modinfo);
    const raw = readBuildInfo(source, { offset: 0, size: source.size }, memory);
    expect(raw?.version).toBe('go1.16.15');
    expect(raw?.modinfo.equals(modinfo)).toBe(true);
  });

  it('refuses a pointer outside the loaded segments', () => {
    const { source } = pointerBuildInfo(8, true, 'go1.16.15', modinfo);
    expect(() => readBuildInfo(source, { offset: 0, size: source.size }, [])).toThrow(/outside every loaded segment/);
  });
});

describe('not a binary', () => {
  // Made and removed inside each test: a filtered run skips describe-level hooks.
  const withDir = async (body: (dir: string) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'gocross-binary-none-'));
    try {
      await body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it.each([
    ['empty', Buffer.alloc(0)],
    ['text', Buffer.from('#!/bin/sh\necho hi\n')],
    ['Java class (shares the fat Mach-O magic)', Buffer.from('cafebabe00000034', 'hex')],
    ['DOS program without a PE header', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x7e)])],
    ['three bytes of an ELF magic', Buffer.from('7f454c', 'hex')],
  ])('%s is null', async (_name, data) => {
    expect(await inspectBuffer(data)).toBeNull();
  });

  it('a directory is null, a missing file is an environment error', () =>
    withDir(async (dir) => {
      expect(await inspectFile(dir)).toBeNull();
      const error = await inspectFile(join(dir, 'missing')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GocrossError);
      expect(error).toMatchObject({ kind: 'environment', code: 'binary.open' });
    }));

  it('a truncated ELF is a BinaryFormatError (a check failure, exit 1)', () =>
    withDir(async (dir) => {
      const path = join(dir, 'cut');
      writeFileSync(path, Buffer.from('7f454c4602010100000000000000000002003e00', 'hex'));
      const error = await inspectFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BinaryFormatError);
      expect(error).toMatchObject({ kind: 'check', code: 'binary.format', exitCode: 1 });
      expect((error as Error).message).toMatch(/ELF header extends past end of file/);
    }));
});
