import type { Row } from '../core/row.js';
import { valueSize } from '../core/value.js';
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

/** Measures a batch in one pass; batches are usually one table, so the lookup is hoisted. */
export function measureBatch(rows: Row[]): BatchMeasure {
  const tables: Record<string, [number, number]> = {};
  let total = 0;
  let tableId: string | undefined;
  let entry: [number, number] = [0, 0];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.tableId !== tableId) {
      tableId = row.tableId;
      entry = tables[tableId] ??= [0, 0];
    }
    const fields = row.fields;
    let size = 0;
    for (let f = 0; f < fields.length; f++) size += valueSize(fields[f]);
    entry[0]++;
    entry[1] += size;
    total += size;
  }
  return { rows: rows.length, bytes: total, tables };
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
