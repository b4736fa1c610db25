import { describe, expect, it } from 'vitest';
import { condaJinjaContext, renderMeta } from '../../src/recipe/jinja.js';
import { renderTemplate } from '../../src/recipe/jinja-engine/index.js';

const renderJinja = (text: string, ctx: Record<string, unknown>): string => renderTemplate(text, ctx, { dialect: 'jinja2' }).text;
import { evaluateSelector, lineSelector, selectLines, selectorNamespace } from '../../src/recipe/selectors.js';
import { thrown } from '../helpers/errors.js';

describe('selectors as conda-build evaluates them', () => {
  const ns = (subdir: string) => selectorNamespace(subdir, { buildSubdir: 'linux-64' });
  it.each([
    ['linux', 'linux-aarch64', true],
    ['linux64', 'linux-aarch64', false],
    ['linux and aarch64', 'linux-aarch64', true],
    ['osx and arm64', 'osx-arm64', true],
    ['osx and arm64', 'linux-aarch64', false],
    ['aarch64', 'osx-arm64', false],
    ['unix', 'osx-64', true],
    ['not win', 'win-64', false],
    ['win64', 'win-64', true],
    ['x86_64', 'osx-64', true],
    ['not (linux64 or (osx and arm64))', 'osx-64', true],
    ['target_platform == "linux-aarch64"', 'linux-aarch64', true],
    ['target_platform != build_platform', 'linux-aarch64', true],
    ['build_platform != target_platform', 'linux-64', false],
    // py comes from the variant's python (conda-forge's 3.10 by default): 310.
    ['py>=38', 'linux-64', true],
    ['py<38', 'linux-64', false],
    ['linux and ppc64le', 'linux-ppc64le', true],
    ['win and arm64', 'win-arm64', true],
    ['win64', 'win-arm64', false],
    ['arm64', 'linux-aarch64', false],
    ['x86', 'win-64', true],
    ['os.environ.get("CF_CUDA_ENABLED", "False") == "True"', 'linux-64', false],
    ['not os.environ.get("NOPE")', 'linux-64', true],
    ['no_such_name', 'linux-64', false],
    ['target_platform in ["osx-64", "osx-arm64"]', 'osx-arm64', true],
    ['target_platform not in ["osx-64", "osx-arm64"]', 'osx-arm64', false],
  ] as const)('[%s] on %s is %s', (expr, subdir, expected) => {
    expect(evaluateSelector(expr, ns(subdir))).toBe(expected);
  });

  it.each(['linux and', '(linux', 'linux ===', '', 'linux; rm'])('[%s] is invalid', (expr) => {
    expect(thrown(() => evaluateSelector(expr, ns('linux-64'))).code).toBe('selector.invalid');
  });

  it('keeps or drops lines, drops whole-line comments, reports bad selectors by line', () => {
    const text = 'a: 1  # [win]\nb: 2  # [not win]\n# a comment\nc: 3\nd: 4  # [linux and]';
    const result = selectLines(text, ns('linux-64'));
    // conda-build keeps a comment line's place with an empty one.
    expect(result.text).toBe('b: 2\n\nc: 3\n');
    expect(result.errors).toEqual([{ line: 5, message: expect.stringMatching(/linux and/) }]);
    expect(lineSelector('  - x  # [osx]')).toBe('osx');
    expect(lineSelector('url: http://x#frag')).toBeNull();
  });
});

describe("conda-build's Jinja context", () => {
  it('renders compiler, stdlib, pin_compatible and environ per subdir', () => {
    const ctx = condaJinjaContext('linux-aarch64', { FOO: 'bar' });
    expect(renderJinja("{{ compiler('go-nocgo') }} {{ compiler('c') }} {{ stdlib('c') }} {{ pin_compatible('numpy') }} {{ environ.FOO }} {{ environ.get('MISSING', 'x') }}", ctx)).toBe(
      'go-nocgo_linux-aarch64 gcc_linux-aarch64 c_linux-aarch64 numpy bar x',
    );
    expect(renderJinja("{{ compiler('c') }} {{ stdlib('c') }}", condaJinjaContext('osx-arm64'))).toBe('clang_osx-arm64 c_osx-arm64');
    expect(renderJinja("{{ compiler('c') }}", condaJinjaContext('win-64'))).toBe('vs2022_win-64');
  });

  it('renders Jinja, then selectors, then YAML with numbers as strings', () => {
    const meta = '{% set version = "1.10" %}\npackage:\n  name: x\n  version: {{ version }}\nbuild:\n  number: 0\n  skip: true  # [win]\n';
    const linux = renderMeta(meta, 'linux-64');
    expect(linux.errors).toEqual([]);
    expect(linux.data).toEqual({ package: { name: 'x', version: '1.10' }, build: { number: '0' } });
    expect((renderMeta(meta, 'win-64').data as { build: { skip: boolean } }).build.skip).toBe(true);
    expect(renderMeta('a: {{ broken', 'linux-64').errors[0]?.stage).toBe('jinja');
    expect(renderMeta('a: [1, 2', 'linux-64').errors[0]?.stage).toBe('yaml');
  });
});
