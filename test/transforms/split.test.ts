import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import { splitTransform } from '../../src/transforms/split.js';
import { bind, row, run, table } from './transform-harness.js';

const input = () => table('fake', { name: 'string', age: 'int', card: 'int' });

/** Splits one value of `name` into `outputs` and returns the new fields. */
function split(separator: string, value: string | null, outputs: string[] = ['a', 'b']): unknown[] {
  const { fields } = run(splitTransform, { separator, split_field: 'name', output_fields: outputs }, input(), [row([value, 1, 2])]);
  return fields[0]!.slice(3);
}

describe('Split', () => {
  it('appends string fields from the parts (SeaTunnel docs example)', () => {
    const { names, fields, bound } = run(splitTransform, { separator: ' ', split_field: 'name', output_fields: ['first_name', 'second_name'] }, input(), [
      row(['Joy Ding', 20, 123]),
      row(['Kin Dom', 20, 123], '+U'),
    ]);
    assert.deepEqual(names, ['name', 'age', 'card', 'first_name', 'second_name']);
    assert.deepEqual(bound.output.columns.slice(3).map((c) => [c.type.kind, c.nullable]), [['string', true], ['string', true]]);
    assert.deepEqual(fields, [['Joy Ding', 20, 123, 'Joy', 'Ding'], ['Kin Dom', 20, 123, 'Kin', 'Dom']]);
  });

  it('fills missing parts with null', () => {
    assert.deepEqual(split(',', 'a', ['x', 'y', 'z']), ['a', null, null]);
    assert.deepEqual(split(',', '', ['x', 'y']), ['', null]);
  });

  it('leaves the rest of the text, separators included, in the last field (Java split limit)', () => {
    assert.deepEqual(split(',', 'a,b,c'), ['a', 'b,c']);
    assert.deepEqual(split(',', 'a,b,c', ['only']), ['a,b,c']);
  });

  it('keeps empty parts, leading and trailing', () => {
    assert.deepEqual(split(',', 'a,b,', ['x', 'y', 'z']), ['a', 'b', '']);
    assert.deepEqual(split(',', ',a'), ['', 'a']);
    assert.deepEqual(split(',', 'a,,b', ['x', 'y', 'z']), ['a', '', 'b']);
  });

  it('reads the separator as a Java regex', () => {
    assert.deepEqual(split('.', 'a.b'), ['', '.b'], '"." matches any character');
    assert.deepEqual(split('\\.', 'a.b'), ['a', 'b']);
    assert.deepEqual(split('|', 'a|b'), ['a', '|b'], '"|" matches the empty string; no leading empty part');
    assert.deepEqual(split('[|]', 'a|b'), ['a', 'b']);
    assert.deepEqual(split('\\s+', 'a \t b c'), ['a', 'b c']);
    assert.deepEqual(split('', 'abc', ['x', 'y', 'z', 'w']), ['a', 'b', 'c', ''], 'empty match at the end gives a trailing empty part');
  });

  it('gives nulls for a null field', () => {
    assert.deepEqual(split(',', null), [null, null]);
  });

  it('overwrites an output field the table has, which becomes a string', () => {
    const { names, fields, bound } = run(splitTransform, { separator: '-', split_field: 'name', output_fields: ['x', 'age'] }, input(), [row(['a-b', 20, 1])]);
    assert.deepEqual(names, ['name', 'age', 'card', 'x']);
    assert.equal(bound.output.columns[1]!.type.kind, 'string');
    assert.deepEqual(fields, [['a-b', 'b', 1, 'a']]);
  });

  it('splits the Java text of non-string fields', () => {
    const typed = table('fake', { n: 'int', d: 'double', t: 'timestamp' });
    const one = (field: string, separator: string, value: unknown[]) =>
      run(splitTransform, { separator, split_field: field, output_fields: ['a', 'b'] }, typed, [row(value)]).fields[0]!.slice(3);
    assert.deepEqual(one('n', '3', [12345, 1, '2024-01-02T03:04:00']), ['12', '45']);
    assert.deepEqual(one('d', 'E', [1, 1e10, '2024-01-02T03:04:00']), ['1.0', '10']);
    assert.deepEqual(one('t', 'T', [1, 1, '2024-01-02T03:04:00']), ['2024-01-02', '03:04']);
  });

  it('refuses bad options, naming them', () => {
    const base = { separator: ',', split_field: 'name', output_fields: ['a'] };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ split_field: 'nope' }, 'split_field', /^field "nope" is not in table fake \(fields: name, age, card\)$/],
      [{ output_fields: ['a', 'a'] }, 'output_fields', /produced twice/],
      [{ output_fields: [] }, 'output_fields', /non-empty list/],
      [{ separator: '(' }, 'separator', /invalid regex/],
    ];
    for (const [override, option, message] of cases) {
      assert.throws(() => bind(splitTransform, { ...base, ...override }, input()), (e: unknown) => e instanceof OptionError && e.option === option && message.test(e.message), option);
    }
    assert.throws(() => bind(splitTransform, { ...base, split_field: 'b' }, table('t', { b: 'bytes' })), /Split works on strings/);
  });
});
