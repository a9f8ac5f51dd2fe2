import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import { fieldMapperTransform } from '../../src/transforms/field-mapper.js';
import { bind, problems, row, run, table } from './transform-harness.js';

const input = () =>
  table('fake', { id: 'bigint', name: 'string', age: 'int', card: 'int' }, {
    primaryKey: { name: 'pk', columns: ['id'] },
    constraintKeys: [{ name: 'uk_card', type: 'UNIQUE_KEY', columns: [{ name: 'card' }] }],
  });

describe('FieldMapper', () => {
  it('keeps only the listed fields, in the listed order, renamed (SeaTunnel docs example)', () => {
    const { names, fields, out, bound } = run(fieldMapperTransform, { field_mapper: { id: 'id', card: 'card', name: 'new_name' } }, input(), [
      row([1n, 'Joy Ding', 20, 123], '+U'),
      row([2n, null, 21, 124]),
    ]);
    assert.deepEqual(names, ['id', 'card', 'new_name']);
    assert.deepEqual(bound.output.columns.map((c) => c.type.kind), ['bigint', 'int', 'string']);
    assert.deepEqual(fields, [[1n, 123, 'Joy Ding'], [2n, 124, null]]);
    assert.equal(out[0]!.kind, '+U');
    assert.equal(out[0]!.tableId, 'fake');
    assert.equal(bound.output.tablePath, 'fake');
  });

  it('keeps the keys whose columns all survive, under their new names, and drops the others', () => {
    const kept = bind(fieldMapperTransform, { field_mapper: { id: 'user_id', card: 'card_no' } }, input()).output;
    assert.deepEqual(kept.primaryKey, { name: 'pk', columns: ['user_id'] });
    assert.deepEqual(kept.constraintKeys, [{ name: 'uk_card', type: 'UNIQUE_KEY', columns: [{ name: 'card_no' }] }]);
    const dropped = bind(fieldMapperTransform, { field_mapper: { name: 'name' } }, input()).output;
    assert.equal(dropped.primaryKey, undefined);
    assert.deepEqual(dropped.constraintKeys, []);
  });

  it('reports every missing source field at once', () => {
    assert.throws(
      () => bind(fieldMapperTransform, { field_mapper: { id: 'id', x: 'a', y: 'b' } }, input()),
      (error: unknown) =>
        error instanceof OptionError &&
        error.option === 'field_mapper' &&
        error.message === 'fields "x", "y" are not in table fake (fields: id, name, age, card)',
    );
  });

  it('refuses two fields mapped to one name, and a mapping that is not an object', () => {
    assert.deepEqual(problems(fieldMapperTransform, { field_mapper: { id: 'x', name: 'x' } }), ['field_mapper: two fields are mapped to the same output name "x"']);
    assert.throws(() => bind(fieldMapperTransform, { field_mapper: ['id'] }, input()), (e: unknown) => e instanceof OptionError && e.option === 'field_mapper');
  });
});
