import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/parse.js';
import { thrown } from '../helpers/errors.js';

describe('parseConfigText', () => {
  it('reads top-level keys and [build] keys with their line numbers and decoded values', () => {
    const text = [
      '; a comment',
      '# another',
      'home = /data/gocross',
      'target = "linux/arm64"',
      '',
      '[build]',
      'targets = linux/amd64, linux/arm64 ; inline comment',
      'ldflags = "-s -w -X main.version=1"',
    ].join('\n');
    expect(parseConfigText(text, '/p/gocross.ini')).toEqual([
      { key: 'home', raw: '/data/gocross', file: '/p/gocross.ini', line: 3 },
      { key: 'target', raw: 'linux/arm64', file: '/p/gocross.ini', line: 4 },
      { key: 'build.targets', raw: 'linux/amd64, linux/arm64', file: '/p/gocross.ini', line: 7 },
      { key: 'build.ldflags', raw: '-s -w -X main.version=1', file: '/p/gocross.ini', line: 8 },
    ]);
  });

  it('keeps true/false as text so the schema decides the type', () => {
    expect(parseConfigText('cgo = true\n', 'f.ini')).toEqual([{ key: 'cgo', raw: 'true', file: 'f.ini', line: 1 }]);
  });

  it.each([
    ['a line that is not key = value', 'home = /x\njust some words\n', 'config.syntax', 'f.ini:2'],
    ['an unclosed section header', '[build\n', 'config.syntax', 'f.ini:1'],
    ['an unknown key', 'hom = /x\n', 'config.key', 'f.ini:1'],
    ['a known key in the wrong section', '[build]\nhome = /x\n', 'config.key', 'f.ini:2'],
    ['an unknown section', '[bulid]\ntargets = linux/amd64\n', 'config.section', 'f.ini:1'],
    ['a key set twice', 'home = /a\nhome = /b\n', 'config.duplicate', 'f.ini:2'],
    ['an array key', 'mirror[] = x\n', 'config.key', 'f.ini:1'],
  ])('rejects %s with file and line', (_name, text, code, where) => {
    const error = thrown(() => parseConfigText(text, 'f.ini'));
    expect(error.kind).toBe('usage');
    expect(error.code).toBe(code);
    expect(error.message).toContain(where);
  });

  it('names the key and suggests the nearest one', () => {
    const error = thrown(() => parseConfigText('[build]\ntarget = linux/arm64\n', 'f.ini'));
    expect(error.message).toContain('"build.target"');
    expect(error.hint).toContain('build.targets');
  });
});
