import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHocon } from '../../src/config/hocon-parser.js';
import { objectToValue } from '../../src/config/object-to-value.js';
import { renderHocon } from '../../src/config/render-hocon.js';
import { renderJson } from '../../src/config/render-json.js';

const valueOf = (text: string, json = false) => {
  const { root, problems } = parseHocon(text, { json });
  assert.deepEqual(problems, []);
  return objectToValue(root, '', new Map());
};

const TEXT = `source {
  Fake { row.num = 5, "a.b" = 1.50, list = [1, "two", {x = y}], text = """multi
line""" }
  Fake { big = 733584788375666689, words = hello world, empty {}, n = null }
}
c += 1
c += 2
`;

describe('renderers', () => {
  it('renderHocon writes text that parses back to the same values', () => {
    const rendered = renderHocon(parseHocon(TEXT).root);
    assert.deepEqual(valueOf(rendered), valueOf(TEXT));
    assert.match(rendered, /row\.num = 5\n/);
    assert.match(rendered, /"a\.b" = 1\.50\n/);
  });

  it('renderJson writes valid JSON that parses back to the same values', () => {
    const rendered = renderJson(parseHocon(TEXT.replace(/c \+= \d\n/g, '')).root);
    assert.deepEqual(valueOf(rendered, true), valueOf(TEXT.replace(/c \+= \d\n/g, '')));
    assert.doesNotThrow(() => JSON.parse(rendered));
    assert.match(rendered, /"a\.b": 1\.50,\n/);
    assert.match(rendered, /"big": 733584788375666689,\n/);
  });
});
