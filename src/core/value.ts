/**
 * How values of each SeaTunnel type are held in a row. Every encoding survives structured clone
 * (worker messages) unchanged and loses nothing:
 *
 * | type                         | JS value                                               |
 * |------------------------------|--------------------------------------------------------|
 * | string                       | string                                                 |
 * | boolean                      | boolean                                                |
 * | tinyint, smallint, int       | number (an integer in the type's range)                |
 * | bigint                       | bigint (64-bit; never a number)                        |
 * | float, double                | number (NaN and ±Infinity allowed)                     |
 * | decimal(p,s)                 | string in plain notation with exactly s fraction digits |
 * | null                         | null                                                   |
 * | bytes                        | Uint8Array                                             |
 * | date                         | string `YYYY-MM-DD`                                    |
 * | time                         | string `HH:MM:SS[.fraction]`                           |
 * | timestamp                    | string `YYYY-MM-DDTHH:MM:SS[.fraction]` (no zone)      |
 * | array<T>                     | array of T                                             |
 * | map<K,V>                     | Map<K, V>                                              |
 * | row                          | array of field values                                  |
 *
 * Any value may be null.
 */
export type Value = unknown;

/** Rough size in bytes of a value, for the *Bytes metrics (SeaTunnelRow.getBytesSize in spirit). */
export function valueSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length;
    case 'number':
      return 8;
    case 'bigint':
      return 8;
    case 'boolean':
      return 1;
    case 'object': {
      if (value === null) return 0;
      if (value instanceof Uint8Array) return value.byteLength;
      if (Array.isArray(value)) {
        let size = 0;
        for (const item of value) size += valueSize(item);
        return size;
      }
      if (value instanceof Map) {
        let size = 0;
        for (const [k, v] of value) size += valueSize(k) + valueSize(v);
        return size;
      }
      return 0;
    }
    default:
      return 0;
  }
}
