import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import type { RowKind } from '../../src/core/row-kind.js';
import { rowKindExtractorTransform } from '../../src/transforms/row-kind-extractor.js';
import { bind, row, run, table } from './transform-harness.js';

const input = () => table('fake', { id: 'int', name: 'string' });
const changelog = () => (['+I', '-U', '+U', '-D'] as RowKind[]).map((kind, i) => row([i, `n${i}`], kind));

describe('RowKindExtractor', () => {
  it('appends the short kind as row_kind and turns every row into an INSERT', () => {
    const { out, names, bound } = run(rowKindExtractorTransform, {}, input(), changelog());
    assert.deepEqual(names, ['id', 'name', 'row_kind']);
    assert.deepEqual(out.map((r) => [r.kind, ...r.fields]), [
      ['+I', 0, 'n0', '+I'],
      ['+I', 1, 'n1', '-U'],
      ['+I', 2, 'n2', '+U'],
      ['+I', 3, 'n3', '-D'],
    ]);
    assert.deepEqual(bound.output.columns[2], {
      name: 'row_kind',
      type: { kind: 'string' },
      nullable: false,
      defaultValue: '+I',
      comment: 'Output column of RowKind',
      columnLength: 13,
    });
  });

  it('writes full kind names with transform_type = FULL, under custom_field_name', () => {
    const { out, names } = run(rowKindExtractorTransform, { custom_field_name: 'op', transform_type: 'FULL' }, input(), changelog());
    assert.deepEqual(names, ['id', 'name', 'op']);
    assert.deepEqual(out.map((r) => r.fields[2]), ['INSERT', 'UPDATE_BEFORE', 'UPDATE_AFTER', 'DELETE']);
    assert.ok(out.every((r) => r.kind === '+I'));
  });

  it('refuses a field name the table already has', () => {
    assert.throws(
      () => bind(rowKindExtractorTransform, { custom_field_name: 'name' }, input()),
      (e: unknown) => e instanceof OptionError && e.option === 'custom_field_name' && /field "name" already exists in table fake/.test(e.message),
    );
  });

  it('declares SeaTunnel defaults', () => {
    const defaults = Object.fromEntries(rowKindExtractorTransform.options.map((o) => [o.key, o.default]));
    assert.deepEqual(defaults, { custom_field_name: 'row_kind', transform_type: 'SHORT' });
  });
});
