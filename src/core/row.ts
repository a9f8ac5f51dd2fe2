import type { RowKind } from './row-kind.js';

/**
 * One record moving through a job. `fields` follow the column order of the table named by `tableId`
 * (its table path, e.g. `fake` or `test.table1`). Values are encoded as described in `value.ts`.
 */
export interface Row {
  kind: RowKind;
  tableId: string;
  fields: unknown[];
}
