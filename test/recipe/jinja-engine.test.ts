/**
 * The Jinja engine against what Jinja2 (conda-build) and minijinja as rattler-build sets it up
 * (recipe.yaml) really do; each expectation is the output of those engines.
 */
import { describe, expect, it } from 'vitest';
import { callable, evaluateExpression, JinjaError, renderTemplate } from '../../src/recipe/jinja-engine/index.js';

const jinja2 = (text: string, ctx: Record<string, unknown> = {}): string => renderTemplate(text, ctx, { dialect: 'jinja2' }).text;
const minijinja = (text: string, ctx: Record<string, unknown> = {}): string => renderTemplate(text, ctx, { dialect: 'minijinja' }).text;
const error = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(JinjaError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('Jinja2, as conda-build renders meta.yaml', () => {
  it.each([
    ["{% set goname = 'github.com/junegunn/fzf' %}{{ goname.split('/')[-1] }}", 'fzf'],
    ["{{ 'a/b/c'.replace('/', '-') }}", 'a-b-c'],
    ["{{ 'a/b/c'.replace('/', '-', 1) }}", 'a-b/c'],
    ["{{ ('src/' + 'x/y').replace('/', sep) }}", 'src\\x\\y'],
    ["{{ sep.join(['src', 'k8s.io', 'helm']) }}", 'src\\k8s.io\\helm'],
    ["{{ '%s-%s' % ('a', 'b') }} {{ '%d.%02d' % (1, 5) }} {{ '%(n)s!' % {'n': 'x'} }} {{ 'v%s' % 3 }} {{ '%5.1f|%-4s|' % (3.14159, 'ab') }}", 'a-b 1.05 x! v3   3.1|ab  |'],
    ["{{ version.split('.')[:2] | join('.') }} {{ version.rsplit('.', 1)[0] }} {{ version[::-1] }}", '1.2 1.2 3.2.1'],
    ["{{ name | lower }} {{ name.upper() }} {{ ' x '.strip() }} {{ 'abc'.startswith(('x', 'a')) }} {{ 'a-b'.title() }}", 'abc ABC x True A-B'],
    ['{{ true }} {{ none }} {{ [1, "a"] }} {{ {"k": false} }}', "True None [1, 'a'] {'k': False}"],
    ["{% macro opt(name, value='on') %}--{{ name }}={{ value }}{% endmacro %}{{ opt('a') }} {{ opt('b', value='off') }}", '--a=on --b=off'],
    ['{% for x in items if x != "b" %}{{ loop.index }}{{ x }}{% if not loop.last %},{% endif %}{% else %}none{% endfor %}', '1a,2c'],
    ["{% if x is defined %}defined{% elif y is not none %}y{% else %}no{% endif %}", 'y'],
    ["{{ undefined_thing | default('d') }} {{ '' | default('e', true) }} {{ 'x' if false }}|", 'd e |'],
    ['{%- set a, b = 1, 2 -%}\n  {{ a + b }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 3 }} {{ "ab" * 2 }} {{ 1 ~ "x" ~ none }}', '3 3 1 8 abab 1xNone'],
    ["{{ d.get('k', 'dflt') }} {{ d.get('x') }} {{ d.items() | list | length }} {{ 'x' in d }} {{ 'k' in d }}", 'dflt 1 1 True False'],
    ['{% raw %}{{ not rendered }}{% endraw %}', '{{ not rendered }}'],
    ['{# a comment #}kept', 'kept'],
  ])('%s', (text, expected) => {
    expect(jinja2(text, { name: 'ABC', version: '1.2.3', sep: '\\', items: ['a', 'b', 'c'], y: 1, d: { x: 1 } })).toBe(expected);
  });

  it('calls host functions with keyword arguments', () => {
    const pin = callable('pin', (args, kwargs) => `${String(args[0])} ${JSON.stringify(kwargs)}`);
    expect(jinja2("{{ pin('numpy', max_pin='x.x') }}", { pin })).toBe('numpy {"max_pin":"x.x"}');
  });

  it('undefined names are errors (StrictUndefined), attributes of undefined too; filters Jinja2 lacks are errors', () => {
    expect(error(() => jinja2('{{ nope }}'))).toBe("'nope' is undefined");
    expect(error(() => jinja2('{{ nope.attr }}'))).toBe("'nope' is undefined");
    expect(error(() => jinja2('{{ os.path.join("a", "b") }}', { os: { sep: '/' } }))).toBe("'dict object' has no attribute 'path'");
    expect(error(() => jinja2('{{ "a" | split("/") }}'))).toBe("No filter named 'split'.");
    expect(error(() => jinja2("{{ 'a' + 1 }}"))).toBe('can only concatenate str (not "int") to str');
    expect(error(() => jinja2("{{ f('a' }}", { f: () => 1 }))).toBe("unexpected '}', expected ')'");
  });

  it('goes on past an error in one tag when asked, reporting each', () => {
    const errors: string[] = [];
    const text = renderTemplate('a: {{ nope }}\nb: {{ 1 + }}\nc: {{ ok }}', { ok: 'fine' }, { dialect: 'jinja2', onError: (e) => (errors.push(`${e.line}: ${e.message}`), 'X') }).text;
    expect(text).toBe('a: X\nb: X\nc: fine');
    expect(errors).toEqual(["1: 'nope' is undefined", '2: unexpected end of expression']);
  });

  it('evaluates selector-style expressions (Python)', () => {
    expect(evaluateExpression('linux and not (win or osx) and py >= 38', { linux: true, win: false, osx: false, py: 310 }, { dialect: 'jinja2' })).toBe(true);
    expect(evaluateExpression('target_platform in ["osx-64", "osx-arm64"]', { target_platform: 'osx-arm64' }, { dialect: 'jinja2' })).toBe(true);
  });
});

describe('minijinja, as rattler-build renders recipe.yaml', () => {
  it('prints with ${{ }} only; {{ }} is text; blocks and comments stay Jinja', () => {
    expect(minijinja("${{ name }} {{ .Dir }} {% if true %}y{% endif %}{# c #}", { name: 'k9s' })).toBe('k9s {{ .Dir }} y');
  });

  it('has its filters (split, join, version_to_buildstring) but no Python methods', () => {
    expect(minijinja("${{ (version | split('.'))[:2] | join('.') }} ${{ name | split('/') | last }} ${{ python | version_to_buildstring }}", { version: '1.2.3', name: 'a/b', python: '3.12.* *_cp312' })).toBe('1.2 b 312');
    expect(error(() => minijinja("${{ name.split('/') }}", { name: 'a/b' }))).toBe('unknown method: string has no method named split');
    expect(error(() => minijinja("${{ '%s' % 1 }}"))).toMatch(/unsupported types/);
    expect(error(() => minijinja("${{ x | title }}", { x: 'a' }))).toBe('unknown filter: filter title is unknown');
  });

  it('undefined is an error unless tested; true prints true', () => {
    expect(error(() => minijinja('${{ nope }}'))).toBe("'nope' is undefined");
    expect(minijinja('${{ nope if nope is defined else "d" }} ${{ true }} ${{ [1, "a"] }}')).toBe('d true [1, "a"]');
  });
});
