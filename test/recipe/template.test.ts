import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/io/templates.js';
import { readTemplate, TEMPLATE_NAMES } from '../../src/recipe/template.js';

describe('recipe templates', () => {
  const values = { scalars: { NAME: 'tool' }, lists: { BIN: [{ name: 'a' }, { name: 'b' }], NONE: [], ON: [{}] } };

  it('substitutes values and repeats a line per list item; an empty list drops the line', () => {
    expect(fillTemplate('name: @NAME@\n- @BIN.name@ --help\n- @NONE.x@\nflag:@ON@', values)).toBe('name: tool\n- a --help\n- b --help\nflag:');
  });

  it("leaves Jinja alone and never rescans inserted text", () => {
    const out = fillTemplate("{{ compiler('go') }} {% set v = \"1\" %} ${{ version }} @NAME@", { scalars: { NAME: '@NAME@ {{ x }}' }, lists: {} });
    expect(out).toBe("{{ compiler('go') }} {% set v = \"1\" %} ${{ version }} @NAME@ {{ x }}");
  });

  it('throws on a placeholder without a value, or two lists on one line', () => {
    expect(() => fillTemplate('@MISSING@', values, 't')).toThrow('t: no value for @MISSING@');
    expect(() => fillTemplate('@BIN.name@ @ON@', values)).toThrow(/two lists/);
    expect(() => fillTemplate('@BIN.other@', values)).toThrow(/has no value/);
  });

  it.each(TEMPLATE_NAMES)('recipes/conda/%s is a real file with placeholders', (name) => {
    expect(readTemplate(name)).toMatch(/@[A-Z_]+(\.[a-z]+)?@/);
  });
});
