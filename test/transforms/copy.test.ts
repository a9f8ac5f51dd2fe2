import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import { copyTransform } from '../../src/transforms/copy.js';
import { bind, problems, row, run, table } from './transform-harness.js';

const people = () => table('fake', { name: 'string', age: 'int', card: 'int' }, { primaryKey: { name: 'pk', columns: ['card'] } });

describe('Copy', () => {
  it('appends copies with the source types, in the order written (SeaTunnel docs example)', () => {
    const { names, fields, bound } = run(copyTransform, { fields: { name1: 'name', name2: 'name', age1: 'age' } }, people(), [
      row(['Joy Ding', 20, 123]),
      row(['May Ding', 21, 124]),
    ]);
    assert.deepEqual(names, ['name', 'age', 'card', 'name1', 'name2', 'age1']);
    assert.deepEqual(bound.output.columns.slice(3).map((c) => c.type.kind), ['string', 'string', 'int']);
    assert.deepEqual(fields, [
      ['Joy Ding', 20, 123, 'Joy Ding', 'Joy Ding', 20],
      ['May Ding', 21, 124, 'May Ding', 'May Ding', 21],
    ]);
    assert.equal(bound.output.tablePath, 'fake');
    assert.deepEqual(bound.output.primaryKey, { name: 'pk', columns: ['card'] });
  });

  it('keeps the row kind and table id, and copies nulls as nulls', () => {
    const { out } = run(copyTransform, { fields: { name1: 'name' } }, people(), [row([null, 1, 2], '-D')]);
    assert.deepEqual(out, [{ kind: '-D', tableId: 'fake', fields: [null, 1, 2, null] }]);
  });

  it('overwrites a column it names, which takes the source type, reading every source first', () => {
    const { names, fields, bound } = run(copyTransform, { fields: { age: 'name', name: 'age' } }, people(), [row(['Kin', 30, 1])]);
    assert.deepEqual(names, ['name', 'age', 'card']);
    assert.deepEqual(bound.output.columns.map((c) => c.type.kind), ['int', 'string', 'int']);
    assert.deepEqual(fields, [[30, 'Kin', 1]]);
  });

  it('copies column attributes from the source column', () => {
    const input = table('fake', { id: 'int' });
    input.columns[0] = { ...input.columns[0]!, nullable: false, comment: 'the id', defaultValue: 0 };
    const { bound } = run(copyTransform, { fields: { id2: 'id' } }, input, []);
    assert.deepEqual(bound.output.columns[1], { name: 'id2', type: { kind: 'int' }, nullable: false, comment: 'the id', defaultValue: 0 });
  });

  it('deep-copies containers so the copy and the source never share a value', () => {
    const input = table('fake', { tags: 'array<string>', raw: 'bytes', attrs: 'map<string, int>' });
    const tags = ['a', 'b'];
    const raw = new Uint8Array([1, 2]);
    const attrs = new Map([['x', 1]]);
    const [copied] = bind(copyTransform, { fields: { tags2: 'tags', raw2: 'raw', attrs2: 'attrs' } }, input).map([row([tags, raw, attrs])]);
    const [, , , tags2, raw2, attrs2] = copied!.fields as [unknown, unknown, unknown, string[], Uint8Array, Map<string, number>];
    assert.deepEqual([tags2, [...raw2], [...attrs2]], [['a', 'b'], [1, 2], [['x', 1]]]);
    tags2.push('c');
    raw2[0] = 9;
    attrs2.set('y', 2);
    assert.deepEqual([tags, [...raw], [...attrs]], [['a', 'b'], [1, 2], [['x', 1]]]);
  });

  it('reads a HOCON path key (a.b = name) as the field name "a.b"', () => {
    const { names } = run(copyTransform, { fields: { a: { b: 'name' } } }, people(), []);
    assert.deepEqual(names.slice(3), ['a.b']);
  });

  it('refuses a source field the table lacks, naming option and field', () => {
    assert.throws(
      () => bind(copyTransform, { fields: { x: 'nope', y: 'name' } }, table('fake', { id: 'int', name: 'string' })),
      (error: unknown) =>
        error instanceof OptionError && error.option === 'fields' && error.message === 'field "nope" is not in table fake (fields: id, name)',
    );
  });

  it('accepts the deprecated src_field / dest_field pair', () => {
    const { names, fields } = run(copyTransform, { src_field: 'name', dest_field: 'name_copy' }, people(), [row(['Joy', 1, 2])]);
    assert.deepEqual(names, ['name', 'age', 'card', 'name_copy']);
    assert.deepEqual(fields, [['Joy', 1, 2, 'Joy']]);
    assert.throws(() => bind(copyTransform, { src_field: 'nope', dest_field: 'x' }, people()), (e: unknown) => e instanceof OptionError && e.option === 'src_field');
  });

  it('needs fields or both legacy keys; fields wins over them with a warning', () => {
    assert.match(problems(copyTransform, {}).join(), /^fields: fields is required/);
    assert.deepEqual(problems(copyTransform, { src_field: 'name' }), ['dest_field: src_field and dest_field must be given together (or use fields)']);
    assert.throws(() => bind(copyTransform, {}, people()), (e: unknown) => e instanceof OptionError && e.option === 'fields');
    assert.deepEqual(problems(copyTransform, { fields: { a: 'name' }, src_field: 'age', dest_field: 'b' }), []);
    assert.equal(problems(copyTransform, { fields: { a: 'name' }, src_field: 'age', dest_field: 'b' }, true).length, 1);
    const { names } = run(copyTransform, { fields: { a: 'name' }, src_field: 'age', dest_field: 'b' }, people(), []);
    assert.deepEqual(names, ['name', 'age', 'card', 'a']);
  });

  it('refuses a field value that is not a field name', () => {
    assert.throws(() => bind(copyTransform, { fields: { a: 3 } }, people()), /fields\.a must be a field name/);
  });
});
