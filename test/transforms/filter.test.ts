import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import { filterTransform } from '../../src/transforms/filter.js';
import { bind, problems, row, run, table } from './transform-harness.js';

const input = () => table('fake', { id: 'int', name: 'string', age: 'int', card: 'int' }, { primaryKey: { name: 'pk', columns: ['id'] } });

describe('Filter', () => {
  it('include_fields keeps those fields in the listed order', () => {
    const { names, fields, out } = run(filterTransform, { include_fields: ['card', 'name'] }, input(), [row([1, 'Joy', 20, 123], '-U')]);
    assert.deepEqual(names, ['card', 'name']);
    assert.deepEqual(fields, [[123, 'Joy']]);
    assert.equal(out[0]!.kind, '-U');
  });

  it('exclude_fields drops those fields and keeps the rest in table order', () => {
    const { names, fields, bound } = run(filterTransform, { exclude_fields: ['age', 'id'] }, input(), [row([1, 'Joy', 20, 123])]);
    assert.deepEqual(names, ['name', 'card']);
    assert.deepEqual(fields, [['Joy', 123]]);
    assert.equal(bound.output.primaryKey, undefined, 'the primary key loses its column');
  });

  it('keeps the primary key when its columns are kept', () => {
    assert.deepEqual(bind(filterTransform, { include_fields: ['name', 'id'] }, input()).output.primaryKey, { name: 'pk', columns: ['id'] });
  });

  it('needs exactly one of include_fields and exclude_fields', () => {
    const both = { include_fields: ['id'], exclude_fields: ['age'] };
    assert.deepEqual(problems(filterTransform, both), ['exclude_fields: set exactly one of include_fields and exclude_fields']);
    assert.deepEqual(problems(filterTransform, {}), ['include_fields: set exactly one of include_fields and exclude_fields']);
    assert.throws(() => bind(filterTransform, both, input()), OptionError);
  });

  it('reports every missing field, for either option', () => {
    assert.throws(
      () => bind(filterTransform, { exclude_fields: ['age', 'x', 'y'] }, input()),
      (e: unknown) => e instanceof OptionError && e.option === 'exclude_fields' && e.message === 'fields "x", "y" are not in table fake (fields: id, name, age, card)',
    );
    assert.throws(
      () => bind(filterTransform, { include_fields: ['nope'] }, input()),
      (e: unknown) => e instanceof OptionError && e.option === 'include_fields' && e.message === 'field "nope" is not in table fake (fields: id, name, age, card)',
    );
  });

  it('refuses a field listed twice in include_fields', () => {
    assert.deepEqual(problems(filterTransform, { include_fields: ['id', 'id'] }), ['include_fields: include_fields lists a field twice']);
  });

  it('declares the old spelling `fields` as a fallback of include_fields', () => {
    assert.deepEqual(filterTransform.options.find((o) => o.key === 'include_fields')?.fallbackKeys, ['fields']);
  });
});
