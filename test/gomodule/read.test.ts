import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandDirs, goFiles, packageOf } from '../../src/gomodule/read.js';
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
