import type { Row } from '../core/row.js';
import { rowSizer } from '../core/row-size.js';
import type { TableSchema } from '../core/table.js';
import type { VertexCounters } from './messages.js';

export function emptyCounters(): VertexCounters {
  return { rowsIn: 0, bytesIn: 0, rowsOut: 0, bytesOut: 0, tablesIn: {}, tablesOut: {} };
}

/** Rows and bytes of a batch, per table. */
export interface BatchMeasure {
  rows: number;
  bytes: number;
  tables: Record<string, [number, number]>;
}

/** Sizes rows of the given tables by their schema; rows of other tables count 0 bytes. */
export class BatchMeter {
  private readonly sizers: Map<string, (fields: unknown[]) => number>;

  constructor(tables: readonly TableSchema[]) {
    this.sizers = new Map(tables.map((table) => [table.tablePath, rowSizer(table)]));
  }

  /** Measures a batch in one pass; batches are usually one table, so lookups happen per run of a table. */
  measure(rows: Row[]): BatchMeasure {
    const tables: Record<string, [number, number]> = {};
    let total = 0;
    let tableId: string | undefined;
    let entry: [number, number] = [0, 0];
    let sizer: (fields: unknown[]) => number = () => 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.tableId !== tableId) {
        tableId = row.tableId;
        entry = tables[tableId] ??= [0, 0];
        sizer = this.sizers.get(tableId) ?? (() => 0);
      }
      const size = row.encodedSize ?? sizer(row.fields);
      entry[0]++;
      entry[1] += size;
      total += size;
    }
    return { rows: rows.length, bytes: total, tables };
  }
}

export function addMeasure(counters: VertexCounters, side: 'in' | 'out', measure: BatchMeasure): void {
  const tables = side === 'in' ? counters.tablesIn : counters.tablesOut;
  if (side === 'in') {
    counters.rowsIn += measure.rows;
    counters.bytesIn += measure.bytes;
  } else {
    counters.rowsOut += measure.rows;
    counters.bytesOut += measure.bytes;
  }
  for (const table in measure.tables) {
    const [rows, bytes] = measure.tables[table]!;
    const entry = (tables[table] ??= [0, 0]);
    entry[0] += rows;
    entry[1] += bytes;
  }
}
