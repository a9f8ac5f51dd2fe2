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

