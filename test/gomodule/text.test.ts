import { describe, expect, it } from 'vitest';
import { commandName, goSourceFacts, isIgnoredGoFile, parseGoMod, stripGoComments } from '../../src/gomodule/text.js';

describe('go.mod directives', () => {
  it('reads the module path and go version, ignoring comments and quotes', () => {
    expect(parseGoMod('// header\nmodule "github.com/a/b" // the module\n\ngo 1.21.3\n\nrequire x.y/z v1.0.0\n')).toEqual({ module: 'github.com/a/b', go: '1.21.3' });
    expect(parseGoMod('// c\nmodule github.com/example/hello\n\ngo 1.19\n').module).toBe('github.com/example/hello');
    expect(parseGoMod('module "example.com/q" // quoted\n').module).toBe('example.com/q');
    expect(parseGoMod('module `example.com/raw`\n').module).toBe('example.com/raw');
    expect(parseGoMod('module example.com/x\n')).toEqual({ module: 'example.com/x' });
    expect(parseGoMod('go 1.19\n').module).toBeUndefined();
  });

  it('reads the toolchain line beside the go line, ignoring comments', () => {
    expect(parseGoMod('module x\n\ngo 1.22 // min\n\ntoolchain go1.23.4\n')).toEqual({ module: 'x', go: '1.22', toolchain: 'go1.23.4' });
    expect(parseGoMod('module x\ngo 1.21.0\ntoolchain default\n')).toEqual({ module: 'x', go: '1.21.0' });
    // go.work has no module line, only go and toolchain.
    expect(parseGoMod('go 1.22\n\nuse ./a\n')).toEqual({ go: '1.22' });
  });
});

describe('Go source facts', () => {
  it('reads the package clause past comments that mention "package"', () => {
    expect(goSourceFacts('// Package foo does things.\n/* package bar */\n\npackage main\n').package).toBe('main');
    expect(goSourceFacts('/* package fake */\npackage main\n').package).toBe('main');
    expect(goSourceFacts('//go:build cgo\n\npackage cgoinfo\n').package).toBe('cgoinfo');
    expect(goSourceFacts('// no clause\n').package).toBeUndefined();
  });

  it('finds import "C" in single and grouped imports, not in comments or strings', () => {
    expect(goSourceFacts('package x\n\nimport "C"\n').imports).toEqual(['C']);
    expect(goSourceFacts('package x\n/*\n#include <stdio.h>\n*/\nimport (\n\t"fmt"\n\tc "C"\n)\n').imports).toEqual(['fmt', 'C']);
    expect(goSourceFacts('package x\n\n// import "C"\nimport "fmt"\n').imports).toEqual(['fmt']);
    expect(goSourceFacts('package x\n\nimport "fmt"\n\nvar s = `import "C"`\n').imports).toEqual(['fmt']);
  });

  it('keeps string literals with comment markers intact', () => {
    expect(stripGoComments('x := "http://a" // gone\ny := \'/\' /* gone */')).toBe(`x := "http://a" \ny := '/' ${' '.repeat('/* gone */'.length)}`);
  });

  it('knows `//go:build ignore` and `// +build ignore` files', () => {
    expect(isIgnoredGoFile('//go:build ignore\n\npackage main\n')).toBe(true);
    expect(isIgnoredGoFile('// +build ignore\n\npackage main\n')).toBe(true);
    expect(isIgnoredGoFile('//go:build linux\n\npackage main\n')).toBe(false);
  });
});

describe('command names', () => {
  it('names commands like go does', () => {
    expect(commandName('github.com/example/hello')).toBe('hello');
    expect(commandName('example.com/tool/v2')).toBe('tool');
    expect(commandName('github.com/example/tool/v3')).toBe('tool');
    expect(commandName('example.com/tool/v10')).toBe('tool');
    // As go names it: the element before a major-version suffix, even a host name.
    expect(commandName('example.com/v2')).toBe('example.com');
    // v0 and v1 are not major-version suffixes to go, and gopkg.in's .vN stays.
    expect(commandName('example.com/tool/v1')).toBe('v1');
    expect(commandName('gopkg.in/yaml.v3')).toBe('yaml.v3');
  });
});
