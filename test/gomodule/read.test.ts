import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandDirs, findModuleRoot, goFiles, packageDirs, packageOf } from '../../src/gomodule/read.js';
import { tempDir } from '../helpers/temp.js';

const write = (dir: string, files: Record<string, string>): void => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
};

describe('reading packages', () => {
  it('takes the package from non-test files that are not `//go:build ignore`', () => {
    const dir = tempDir('gocross-gomodule-pkg-');
    write(dir, { 'gen.go': '//go:build ignore\n\npackage main\n', 'lib.go': '// Package lib.\npackage lib\n', 'lib_test.go': 'package main\n' });
    expect(goFiles(dir)).toEqual([join(dir, 'gen.go'), join(dir, 'lib.go')]);
    expect(packageOf(dir)).toBe('lib');
    expect(packageOf(join(dir, 'missing'))).toBeUndefined();
  });

  it('walks the directories ./... matches: no testdata, vendor, hidden, _ or nested modules', () => {
    const dir = tempDir('gocross-gomodule-walk-');
    write(dir, {
      'go.mod': 'module example.com/m\n',
      'a/a.go': 'package a\n',
      'a/b/b.go': 'package b\n',
      'testdata/t.go': 'package t\n',
      'vendor/v/v.go': 'package v\n',
      '.hidden/h.go': 'package h\n',
      '_skip/s.go': 'package s\n',
      'nested/go.mod': 'module example.com/n\n',
      'nested/n.go': 'package n\n',
    });
    expect(packageDirs(dir)).toEqual([dir, join(dir, 'a'), join(dir, 'a', 'b')]);
    expect(findModuleRoot(join(dir, 'a', 'b'))).toBe(dir);
    expect(findModuleRoot(join(dir, 'nested'))).toBe(join(dir, 'nested'));
  });

  it('lists the root and cmd/* directories holding package main', () => {
    const dir = tempDir('gocross-gomodule-cmd-');
    write(dir, {
      'go.mod': 'module example.com/m\n',
      'main.go': 'package main\n',
      'cmd/beta/main.go': 'package main\n',
      'cmd/alpha/main.go': '/* package lib */\npackage main\n',
      'cmd/lib/lib.go': 'package lib\n',
      'cmd/gen/gen.go': '//go:build ignore\n\npackage main\n',
      'cmd/.hidden/main.go': 'package main\n',
      'cmd/alpha/deep/main.go': 'package main\n',
    });
    expect(commandDirs(dir)).toEqual([dir, join(dir, 'cmd/alpha'), join(dir, 'cmd/beta')]);
    writeFileSync(join(dir, 'main.go'), 'package lib\n');
    expect(commandDirs(dir)).toEqual([join(dir, 'cmd/alpha'), join(dir, 'cmd/beta')]);
  });
});
