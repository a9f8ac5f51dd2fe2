import type { RowKind } from './row-kind.js';

/**
 * One record moving through a job. `fields` follow the column order of the table named by `tableId`
 * (its table path, e.g. `fake` or `test.table1`). Values are encoded as described in `value.ts`.
 *
 * A source may hand out rows that keep the bytes it read and decode `fields` on first access (the
 * Jdbc source's PostgreSQL binary COPY tuples): a sink writing the same encoding copies those
 * bytes instead. Such a row is a class instance, so build new rows field by field, never by
 * spreading one (`{ ...row }` would lose `fields`).
 */
export interface Row {
  kind: RowKind;
  tableId: string;
  fields: unknown[];
  /** Set by rows that decode `fields` on access: their size in the *Bytes metrics, known without decoding. */
  readonly encodedSize?: number;
  /** Set by rows that decode `fields` on access: how many fields they have. */
  readonly fieldCount?: number;
}
