import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transforms } from '../../src/transforms/index.js';

describe('transform registry', () => {
  it('lists every SeaTunnel transform Sluice implements, once', () => {
    assert.deepEqual(transforms.map((t) => t.name).sort(), ['Copy', 'FieldMapper', 'Filter', 'FilterRowKind', 'JsonPath', 'Replace', 'RowKindExtractor', 'Split', 'Sql']);
    assert.ok(transforms.every((t) => t.type === 'transform'));
  });

  it('declares every option with a description and an example; enums with their values', () => {
    for (const transform of transforms) {
      for (const option of transform.options) {
        const where = `${transform.name}.${option.key}`;
        assert.ok(option.description.length > 10, `${where} description`);
        assert.ok(option.example !== undefined, `${where} example`);
        if (option.type === 'enum') {
          assert.ok(option.values !== undefined && option.values.length > 0, `${where} values`);
          assert.ok(option.default === undefined || option.values.includes(option.default as string), `${where} default`);
        }
      }
    }
  });

  it('uses SeaTunnel defaults', () => {
    const defaults = Object.fromEntries(transforms.flatMap((t) => t.options.filter((o) => o.default !== undefined).map((o) => [`${t.name}.${o.key}`, o.default])));
    assert.deepEqual(defaults, {
      'Replace.is_regex': false,
      'Replace.replace_first': false,
      'JsonPath.row_error_handle_way': 'FAIL',
      'RowKindExtractor.custom_field_name': 'row_kind',
      'RowKindExtractor.transform_type': 'SHORT',
    });
  });
});
