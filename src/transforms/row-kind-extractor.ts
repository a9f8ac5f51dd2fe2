import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Row } from '../core/row.js';
import { ROW_KIND_NAMES } from '../core/row-kind.js';
import type { TableSchema } from '../core/table.js';

/**
 * SeaTunnel's `RowKindExtractor` transform (`transform/rowkind/RowKindExtractorTransform.java`):
 * appends a string column holding each row's kind — `+I -U +U -D` (SHORT, default) or `INSERT
 * UPDATE_BEFORE UPDATE_AFTER DELETE` (FULL) — and then turns every row into an INSERT, so that a
 * changelog can be written to an append-only sink. The column is not nullable, defaults to `+I` and
 * is commented "Output column of RowKind", as in SeaTunnel. A name the table already has is refused.
 */
export const rowKindExtractorTransform: TransformPlugin = {
  name: 'RowKindExtractor',
  type: 'transform',
  description: "Appends each row's kind as a string column and makes every row an INSERT.",
  options: [
    { key: 'custom_field_name', type: 'string', default: 'row_kind', description: 'The name of the appended column.', example: 'op' },
    {
      key: 'transform_type',
      type: 'enum',
      values: ['SHORT', 'FULL'],
      default: 'SHORT',
      description: 'How the kind is written: SHORT (+I, -U, +U, -D) or FULL (INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE).',
      example: 'FULL',
    },
  ],
  bind: bindRowKindExtractor,
};

function bindRowKindExtractor(options: OptionValues, input: TableSchema): BoundTransform {
  const name = options['custom_field_name'] as string;
  if (input.columns.some((column) => column.name === name)) {
    throw new OptionError('custom_field_name', `field "${name}" already exists in table ${input.tablePath}; choose another custom_field_name`);
  }
  const full = options['transform_type'] === 'FULL';
  const index = input.columns.length;
  const output: TableSchema = {
    ...input,
    columns: [
      ...input.columns.map((column) => ({ ...column })),
      { name, type: { kind: 'string' }, nullable: false, defaultValue: '+I', comment: 'Output column of RowKind', columnLength: 13 },
    ],
  };

  return {
    output,
    map(rows: Row[]): Row[] {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as Row;
        row.fields[index] = full ? ROW_KIND_NAMES[row.kind] : row.kind;
        row.kind = '+I';
      }
      return rows;
    },
  };
}
