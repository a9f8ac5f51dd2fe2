import type { DataType } from './data-type.js';
import type { TableSchema } from './table.js';

/**
 * The size a row counts for in the *Bytes metrics, as SeaTunnelRow.getBytesSize(rowType) computes
 * it: string and bytes by length, fixed sizes for the rest (decimal 36, date 24, time 12,
 * timestamp 48), nested values summed, null 0. An estimate of volume, not of memory.
 */
const FIXED: Partial<Record<DataType['kind'], number>> = {
  boolean: 1,
  tinyint: 1,
  smallint: 2,
  int: 4,
  float: 4,
  bigint: 8,
  double: 8,
  decimal: 36,
  null: 0,
  date: 24,
  time: 12,
  timestamp: 48,
};

/** The size every non-null value of this type counts for, or undefined when it depends on the value. */
export function fixedBytes(type: DataType): number | undefined {
  return FIXED[type.kind];
}

export function valueBytes(value: unknown, type: DataType): number {
  if (value === null || value === undefined) return 0;
  const fixed = FIXED[type.kind];
  if (fixed !== undefined) return fixed;
  switch (type.kind) {
    case 'string':
      return (value as string).length;
    case 'bytes':
      return (value as Uint8Array).byteLength;
    case 'array': {
      let size = 0;
      for (const item of value as unknown[]) size += valueBytes(item, type.element);
      return size;
    }
    case 'map': {
      let size = 0;
      for (const [k, v] of value as Map<unknown, unknown>) size += valueBytes(k, type.key) + valueBytes(v, type.value);
      return size;
    }
    case 'row': {
      let size = 0;
      const fields = value as unknown[];
      for (let i = 0; i < type.fields.length; i++) size += valueBytes(fields[i], type.fields[i]!.type);
      return size;
    }
    default:
      return 0;
  }
}

/** A function that sizes rows of one table; fixed-size columns cost one null check each. */
export function rowSizer(table: TableSchema): (fields: unknown[]) => number {
  const types = table.columns.map((column) => column.type);
  const fixed = types.map((type) => FIXED[type.kind] ?? -1);
  return (fields) => {
    let size = 0;
    for (let i = 0; i < fixed.length; i++) {
      const value = fields[i];
      if (value === null || value === undefined) continue;
      const bytes = fixed[i]!;
      size += bytes >= 0 ? bytes : valueBytes(value, types[i]!);
    }
    return size;
  };
}
