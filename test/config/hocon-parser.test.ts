import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigNode, ObjectNode } from '../../src/config/config-node.js';
import { parseHocon } from '../../src/config/hocon-parser.js';
import type { SourcePosition } from '../../src/config/job-config.js';
import { objectToValue } from '../../src/config/object-to-value.js';

/** Parses and merges like a plugin block does; fails the test on any problem. */
function valueOf(text: string): Record<string, unknown> {
  const { root, problems } = parseHocon(text);
  assert.deepEqual(problems, []);
  return objectToValue(root, '', new Map());
}

function entryNames(node: ConfigNode): string[] {
  assert.equal(node.kind, 'object');
  return (node as ObjectNode).entries.map((entry) => entry.path.join('.'));
}

describe('parseHocon', () => {
  it('keeps duplicate plugin blocks in order, with their positions', () => {
    const { root, problems } = parseHocon('source {\n  FakeSource { a = 1 }\n  Other {}\n  FakeSource { a = 2 }\n}\n');
    assert.deepEqual(problems, []);
    const source = root.entries[0].value;
    assert.deepEqual(entryNames(source), ['FakeSource', 'Other', 'FakeSource']);
    assert.deepEqual((source as ObjectNode).entries.map((entry) => entry.position), [
      { line: 2, column: 3 },
      { line: 3, column: 3 },
      { line: 4, column: 3 },
    ]);
  });

  it('treats path keys like nested objects and merges them', () => {
    const dotted = valueOf('row.num = 5\nrow.speed = 2');
    const nested = valueOf('row { num = 5 }\nrow { speed = 2 }');
    assert.deepEqual(dotted, { row: { num: 5, speed: 2 } });
    assert.deepEqual(nested, dotted);
  });

  it('keeps a quoted key with dots as one key', () => {
    assert.deepEqual(valueOf('"row.num" = 5\na."b.c".d = 1'), { 'row.num': 5, a: { 'b.c': { d: 1 } } });
  });

  it('lets a later value replace an earlier one and += append', () => {
    assert.deepEqual(valueOf('a = 1\na = 2\nb = {x = 1}\nb = 3\nc += 1\nc += 2'), { a: 2, b: 3, c: [1, 2] });
  });

  it('accepts =, : and { as separators, commas or newlines between fields', () => {
    assert.deepEqual(valueOf('a = 1, b : 2\nc { d = 3 }'), { a: 1, b: 2, c: { d: 3 } });
  });

  it('skips # and // comments but keeps // inside values such as URLs', () => {
    const value = valueOf('# heading\na = 1 # trailing\n// whole line\nb = 2 // trailing\nurl = jdbc:mysql://host:3306/db');
    assert.deepEqual(value, { a: 1, b: 2, url: 'jdbc:mysql://host:3306/db' });
  });

  it('reads quoted strings with JSON escapes and triple-quoted strings verbatim', () => {
    const value = valueOf('a = "tab\\there \\"q\\" \\u00e9"\nb = """line 1\n  "line" 2\\n"""\nc = """x""""');
    assert.deepEqual(value, { a: 'tab\there "q" é', b: 'line 1\n  "line" 2\\n', c: 'x"' });
  });

  it('types numbers, booleans and null, and keeps big integers exact', () => {
    const value = valueOf('i = 42\nn = -7\nd = 1.5e3\nt = true\nf = false\nz = null\nbig = 733584788375666689\ns = "42"');
    assert.deepEqual(value, { i: 42, n: -7, d: 1500, t: true, f: false, z: null, big: 733584788375666689n, s: '42' });
  });

  it('concatenates unquoted words with the spaces between them', () => {
    assert.deepEqual(valueOf('a = hello world\nb = 5 apples\nc = "x" y'), { a: 'hello world', b: '5 apples', c: 'x y' });
  });

  it('reads arrays across lines with trailing commas and nested values', () => {
    const value = valueOf('a = [\n  1\n  2,\n  "three",\n]\nb = [{x = 1}, [2, 3]]\nc = []');
    assert.deepEqual(value, { a: [1, 2, 'three'], b: [{ x: 1 }, [2, 3]], c: [] });
  });

  it('accepts a root object in braces', () => {
    assert.deepEqual(valueOf('{ "a": {"b": [1, 2]} }'), { a: { b: [1, 2] } });
  });

  it('records the position of every value', () => {
    const { root } = parseHocon('source {\n  Fake {\n    row.num = 5\n    list = [1, 2]\n  }\n}');
    const positions = new Map<string, SourcePosition>();
    objectToValue(root, '', positions);
    assert.deepEqual(positions.get('source.Fake.row.num'), { line: 3, column: 15 });
    assert.deepEqual(positions.get('source.Fake.list[1]'), { line: 4, column: 16 });
  });

  it('reports an unclosed object where the text ends, naming where it was opened', () => {
    const { problems, malformed } = parseHocon('env {}\nsource {\n  FakeSource {\n    a = 1\n  }\n');
    assert.equal(malformed, true);
    assert.deepEqual(problems, [{ path: '', message: 'expected "}" to close the object opened at line 2, column 8', line: 6, column: 1 }]);
  });

  it('reports several syntax problems in one run, each located', () => {
    const text = ['a = "open', 'b 5', 'c = [1, 2', 'd = 4'].join('\n');
    const { problems } = parseHocon(text);
    assert.deepEqual(
      problems.map((p) => [p.message, p.line, p.column]),
      [
        ['expected \'"\' to close the string opened at line 1, column 5', 1, 10],
        ['expected "=", ":" or "{" after the key "b 5", got the end of the line', 2, 4],
        ['expected "]" to close the array opened at line 3, column 5', 4, 6],
      ],
    );
  });

  it('says what it expected after a value and after a key', () => {
    const { problems } = parseHocon('a = {x = 1} y\nb\nc =\n}');
    assert.deepEqual(
      problems.map((p) => [p.message, p.line, p.column]),
      [
        ['expected a newline, "," or "}" after the value, got "y"', 1, 13],
        ['expected "=", ":" or "{" after the key "b", got the end of the line', 2, 2],
        ['expected a value for "c", got the end of the line', 3, 4],
        ['unexpected "}": there is no open object to close', 4, 1],
      ],
    );
  });

  it('in JSON mode refuses bare words and unquoted keys', () => {
    const { problems } = parseHocon('{\n  "a": yes,\n  b: 1,\n  "c": 2\n}', { json: true });
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [
        [2, 8],
        [3, 3],
      ],
    );
    assert.match(problems[0].message, /expected a JSON value .* got "yes"/);
  });
});
