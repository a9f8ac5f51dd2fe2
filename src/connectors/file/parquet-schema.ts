import type { SchemaElement, SchemaTree } from 'hyparquet';
import { formatDataType, type DataType, type RowField } from '../../core/data-type.js';

/**
 * How Sluice types are stored in Parquet (SeaTunnel's ParquetWriteStrategy mapping, made exact)
 * and how Parquet columns read back (ParquetReadStrategy):
 *
 * | Sluice          | Parquet                                                                   |
 * |-----------------|---------------------------------------------------------------------------|
 * | string          | BYTE_ARRAY, STRING (UTF8)                                                  |
 * | boolean         | BOOLEAN                                                                    |
 * | tinyint         | INT32, INTEGER(8, signed) (INT_8)                                          |
 * | smallint        | INT32, INTEGER(16, signed) (INT_16)                                        |
 * | int             | INT32                                                                      |
 * | bigint          | INT64                                                                      |
 * | float, double   | FLOAT, DOUBLE                                                              |
 * | decimal(p, s)   | FIXED_LEN_BYTE_ARRAY of the bytes p digits need, DECIMAL(p, s)             |
 * | bytes           | BYTE_ARRAY                                                                 |
 * | date            | INT32, DATE                                                                |
 * | time            | INT64, TIME(NANOS, local)                                                  |
 * | timestamp       | INT64, TIMESTAMP(MICROS, local: isAdjustedToUTC = false)                   |
 * | null            | INT32, NULL (every value null)                                             |
 * | array<T>        | LIST: group (LIST) { repeated group list { T element } }                   |
 * | map<K, V>       | MAP: group (MAP) { repeated group key_value { required K key; V value } }  |
 * | row<...>        | a group of the row's fields                                                |
 *
 * Every field is OPTIONAL (nullable), map keys REQUIRED. SeaTunnel writes timestamps as
 * TIMESTAMP_MILLIS converted through the JVM's time zone (losing microseconds and depending on the
 * zone) and lower-cases field names; Sluice keeps names and writes local timestamps to the
 * microsecond (years 1..9999 and beyond), refusing at run time a value with nanoseconds rather than
 * dropping them. TIME is written as nanoseconds of the day (SeaTunnel cannot write it at all).
 */

/** SeaTunnel's PRECISION_TO_BYTE_COUNT: bytes of a two's complement number of `precision` decimal digits. */
export function decimalByteLength(precision: number): number {
  return Math.ceil((Math.log(Math.pow(10, precision) - 1) / Math.log(2) + 1) / 8);
}

/** Map key types whose values survive as object keys (hyparquet assembles maps into objects). */
const MAP_KEY_KINDS = new Set(['string', 'boolean', 'tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'date', 'time', 'timestamp']);

/** Why a type cannot be written to Parquet, or undefined when it can. `where` names the column. */
export function parquetTypeProblem(type: DataType, where: string): string | undefined {
  switch (type.kind) {
    case 'array':
      return parquetTypeProblem(type.element, `${where}[]`);
    case 'map':
      if (!MAP_KEY_KINDS.has(type.key.kind)) return `${where} is ${formatDataType(type)}: Parquet map keys must be strings, numbers, booleans, dates or times, not ${formatDataType(type.key)}`;
      return parquetTypeProblem(type.value, `${where}.value`);
    case 'row':
      for (const field of type.fields) {
        const problem = parquetTypeProblem(field.type, `${where}.${field.name}`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The flattened Parquet schema (root first, then depth-first) of the given fields. */
export function parquetSchema(fields: readonly RowField[]): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: fields.length }];
  for (const field of fields) addField(out, field.name, field.type, 'OPTIONAL');
  return out;
}

function addField(out: SchemaElement[], name: string, type: DataType, repetition: 'OPTIONAL' | 'REQUIRED'): void {
  const base = { name, repetition_type: repetition } as const;
  switch (type.kind) {
    case 'string':
      out.push({ ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } });
      return;
    case 'boolean':
      out.push({ ...base, type: 'BOOLEAN' });
      return;
    case 'tinyint':
      out.push({ ...base, type: 'INT32', converted_type: 'INT_8', logical_type: { type: 'INTEGER', bitWidth: 8, isSigned: true } });
      return;
    case 'smallint':
      out.push({ ...base, type: 'INT32', converted_type: 'INT_16', logical_type: { type: 'INTEGER', bitWidth: 16, isSigned: true } });
      return;
    case 'int':
      out.push({ ...base, type: 'INT32' });
      return;
    case 'bigint':
      out.push({ ...base, type: 'INT64' });
      return;
    case 'float':
      out.push({ ...base, type: 'FLOAT' });
      return;
    case 'double':
      out.push({ ...base, type: 'DOUBLE' });
      return;
    case 'decimal':
      out.push({
        ...base,
        type: 'FIXED_LEN_BYTE_ARRAY',
        type_length: decimalByteLength(type.precision),
        converted_type: 'DECIMAL',
        precision: type.precision,
        scale: type.scale,
        logical_type: { type: 'DECIMAL', precision: type.precision, scale: type.scale },
      });
      return;
    case 'bytes':
      out.push({ ...base, type: 'BYTE_ARRAY' });
      return;
    case 'date':
      out.push({ ...base, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } });
      return;
    case 'time':
      out.push({ ...base, type: 'INT64', logical_type: { type: 'TIME', isAdjustedToUTC: false, unit: 'NANOS' } });
      return;
    case 'timestamp':
      out.push({ ...base, type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } });
      return;
    case 'null':
      out.push({ ...base, type: 'INT32', logical_type: { type: 'NULL' } });
      return;
    case 'array':
      out.push({ ...base, num_children: 1, converted_type: 'LIST', logical_type: { type: 'LIST' } });
      out.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
      addField(out, 'element', type.element, 'OPTIONAL');
      return;
    case 'map':
      out.push({ ...base, num_children: 1, converted_type: 'MAP', logical_type: { type: 'MAP' } });
      out.push({ name: 'key_value', repetition_type: 'REPEATED', num_children: 2 });
      addField(out, 'key', type.key, 'REQUIRED');
      addField(out, 'value', type.value, 'OPTIONAL');
      return;
    case 'row':
      out.push({ ...base, num_children: type.fields.length });
      for (const field of type.fields) addField(out, field.name, field.type, 'OPTIONAL');
      return;
  }
}

/** The list element node of a LIST group, as hyparquet assembles it (3-level, or 2-level legacy lists). */
export function listElement(node: SchemaTree): SchemaTree {
  const repeated = node.children[0] as SchemaTree;
  return repeated.children.length === 1 ? (repeated.children[0] as SchemaTree) : repeated;
}

export function isListNode(node: SchemaTree): boolean {
  const first = node.children[0];
  return node.element.converted_type === 'LIST' && node.children.length === 1 && first !== undefined && first.children.length <= 1 && first.element.repetition_type === 'REPEATED';
}

export function isMapNode(node: SchemaTree): boolean {
  const first = node.children[0];
  return node.element.converted_type === 'MAP' && node.children.length === 1 && first !== undefined && first.children.length === 2 && first.element.repetition_type === 'REPEATED';
}

/**
 * The Sluice type a Parquet column reads as (ParquetReadStrategy.parquetType2SeaTunnelType, plus
 * the logical types it lacks): unsigned integers widen (UINT_64 to decimal(20, 0)), INT96 and
 * every TIMESTAMP unit read as timestamp, TIME as time, JSON, ENUM and UUID as string, FLOAT16 as
 * float. Throws a plain Error for what has no Sluice type (INTERVAL).
 */
export function sluiceTypeOf(node: SchemaTree): DataType {
  const element = node.element;
  if (node.children.length > 0 || element.type === undefined) {
    if (isListNode(node)) return { kind: 'array', element: sluiceTypeOf(listElement(node)) };
    if (isMapNode(node)) {
      const entry = node.children[0] as SchemaTree;
      const key = entry.children.find((child) => child.element.name === 'key') ?? (entry.children[0] as SchemaTree);
      const value = entry.children.find((child) => child.element.name === 'value') ?? (entry.children[1] as SchemaTree);
      return { kind: 'map', key: sluiceTypeOf(key), value: sluiceTypeOf(value) };
    }
    return { kind: 'row', fields: node.children.map((child) => ({ name: child.element.name, type: sluiceTypeOf(child) })) };
  }
  const primitive = primitiveType(element);
  return element.repetition_type === 'REPEATED' ? { kind: 'array', element: primitive } : primitive;
}

function primitiveType(element: SchemaElement): DataType {
  const logical = element.logical_type;
  const converted = element.converted_type;
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') {
    const precision = element.precision ?? (logical?.type === 'DECIMAL' ? logical.precision : 38);
    const scale = element.scale ?? (logical?.type === 'DECIMAL' ? logical.scale : 0);
    return { kind: 'decimal', precision, scale };
  }
  if (logical?.type === 'NULL') return { kind: 'null' };
  if (converted === 'INTERVAL' || logical?.type === 'INTERVAL') throw new Error(`column ${element.name} is a Parquet INTERVAL, which Sluice cannot read`);
  switch (element.type) {
    case 'BOOLEAN':
      return { kind: 'boolean' };
    case 'INT32':
      if (converted === 'DATE' || logical?.type === 'DATE') return { kind: 'date' };
      if (converted === 'TIME_MILLIS' || logical?.type === 'TIME') return { kind: 'time' };
      if (converted === 'INT_8') return { kind: 'tinyint' };
      if (converted === 'INT_16' || converted === 'UINT_8') return { kind: 'smallint' };
      if (converted === 'UINT_16') return { kind: 'int' };
      if (converted === 'UINT_32' || (logical?.type === 'INTEGER' && !logical.isSigned)) return { kind: 'bigint' };
      return { kind: 'int' };
    case 'INT64':
      if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || logical?.type === 'TIMESTAMP') return { kind: 'timestamp' };
      if (converted === 'TIME_MICROS' || logical?.type === 'TIME') return { kind: 'time' };
      if (converted === 'UINT_64' || (logical?.type === 'INTEGER' && !logical.isSigned)) return { kind: 'decimal', precision: 20, scale: 0 };
      return { kind: 'bigint' };
    case 'INT96':
      return { kind: 'timestamp' };
    case 'FLOAT':
      return { kind: 'float' };
    case 'DOUBLE':
      return { kind: 'double' };
    case 'FIXED_LEN_BYTE_ARRAY':
      if (logical?.type === 'UUID') return { kind: 'string' };
      if (logical?.type === 'FLOAT16') return { kind: 'float' };
      return { kind: 'bytes' };
    case 'BYTE_ARRAY':
      if (converted === 'UTF8' || converted === 'ENUM' || converted === 'JSON' || logical?.type === 'STRING' || logical?.type === 'ENUM' || logical?.type === 'JSON') return { kind: 'string' };
      return { kind: 'bytes' };
    default:
      return { kind: 'bytes' };
  }
}
