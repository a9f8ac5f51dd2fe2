import type { Column } from '../../../core/table.js';
import { MAX_DECIMAL_PRECISION, type DataType } from '../../../core/data-type.js';
import type { DbColumn } from '../jdbc-session.js';

/**
 * Type mapping between PostgreSQL and the core types, both ways, following SeaTunnel's
 * PostgresTypeConverter (connector-jdbc .../dialect/psql/PostgresTypeConverter.java), with these
 * deliberate differences for fidelity: arrays of every supported element type are read (not only
 * the numeric, boolean and text ones), time and timestamp columns are created with 6 fraction
 * digits unless the column says otherwise, and map/row columns are created as jsonb.
 */
export interface PgTypeInfo {
  /** pg_type.typname of the column's type (domains resolved to their base type). */
  name: string;
  /** pg_type.typcategory: A array, B boolean, D date/time, E enum, N numeric, S string, U user ... */
  category: string;
  /** format_type(oid, typmod): the SQL spelling, e.g. `numeric(10,2)`, `character varying(20)[]`. */
  formatted: string;
  typmod: number;
  /** For arrays: the element type. */
  element?: PgTypeInfo;
}

/** SeaTunnel's decimal for numeric without a declared precision. */
const DEFAULT_DECIMAL: DataType = { kind: 'decimal', precision: 38, scale: 18 };

const STRING_TYPES = new Set(['text', 'varchar', 'bpchar', 'name', 'uuid', 'json', 'jsonb', 'xml', 'inet', 'cidr', 'macaddr', 'macaddr8', 'interval', 'citext', 'bit', 'varbit', 'geometry', 'geography']);
/** Types without a btree ordering: cannot key splits or ORDER BY. */
const UNORDERED = new Set(['json', 'xml', 'geometry', 'geography', 'point']);

/** The core type of a column of this PostgreSQL type, or undefined when Sluice cannot read it. */
export function pgCoreType(info: PgTypeInfo): DataType | undefined {
  if (info.category === 'A') {
    const element = info.element === undefined ? undefined : pgCoreType(info.element);
    return element === undefined ? undefined : { kind: 'array', element };
  }
  switch (info.name) {
    case 'bool':
      return { kind: 'boolean' };
    case 'int2':
      return { kind: 'smallint' };
    case 'int4':
      return { kind: 'int' };
    case 'int8':
      return { kind: 'bigint' };
    case 'float4':
      return { kind: 'float' };
    case 'float8':
      return { kind: 'double' };
    case 'numeric': {
      if (info.typmod < 4) return DEFAULT_DECIMAL;
      const precision = ((info.typmod - 4) >> 16) & 0xffff;
      const scale = (info.typmod - 4) & 0xffff;
      return precision > MAX_DECIMAL_PRECISION ? DEFAULT_DECIMAL : { kind: 'decimal', precision, scale };
    }
    case 'money':
      return { kind: 'decimal', precision: 30, scale: 2 };
    case 'bytea':
      return { kind: 'bytes' };
    case 'date':
      return { kind: 'date' };
    case 'time':
    case 'timetz':
      return { kind: 'time' };
    case 'timestamp':
    case 'timestamptz':
      return { kind: 'timestamp' };
    default:
      return STRING_TYPES.has(info.name) || info.category === 'E' || info.category === 'S' ? { kind: 'string' } : undefined;
  }
}

/** A DbColumn for a result column of this type (undefined type → caller reports it). */
export function pgColumn(name: string, info: PgTypeInfo, nullable: boolean): DbColumn | { name: string; unsupported: string } {
  const type = pgCoreType(info);
  if (type === undefined) return { name, unsupported: info.formatted };
  const column: DbColumn = {
    name,
    dbType: info.formatted,
    type,
    nullable,
    orderable: !UNORDERED.has(info.name) && !(info.category === 'A' && UNORDERED.has(info.element?.name ?? '')),
    splitClass: splitClass(info, type),
  };
  if ((info.name === 'varchar' || info.name === 'bpchar') && info.typmod > 4) column.columnLength = info.typmod - 4;
  if ((info.name === 'time' || info.name === 'timestamp' || info.name === 'timestamptz' || info.name === 'timetz') && info.typmod >= 0) column.columnScale = info.typmod;
  return column;
}

function splitClass(info: PgTypeInfo, type: DataType): DbColumn['splitClass'] {
  switch (type.kind) {
    case 'smallint':
    case 'int':
    case 'bigint':
      return 'integer';
    case 'decimal':
      return type.scale === 0 ? 'integer' : 'number';
    case 'float':
    case 'double':
      return 'number';
    case 'date':
      return 'date';
    case 'string':
      return ['text', 'varchar', 'bpchar', 'uuid', 'name', 'citext'].includes(info.name) ? 'string' : undefined;
    default:
      return undefined;
  }
}

/** The PostgreSQL column type a core column is created with (SeaTunnel's reconvert). */
export function pgColumnType(column: Column): string {
  return pgTypeName(column.type, column.columnLength, column.columnScale);
}

function pgTypeName(type: DataType, length: number | undefined, scale: number | undefined): string {
  switch (type.kind) {
    case 'boolean':
      return 'boolean';
    case 'tinyint':
    case 'smallint':
      return 'smallint';
    case 'int':
      return 'integer';
    case 'bigint':
      return 'bigint';
    case 'float':
      return 'real';
    case 'double':
      return 'double precision';
    case 'decimal':
      return `numeric(${type.precision},${type.scale})`;
    case 'string':
      return length !== undefined && length > 0 && length <= 10485760 ? `varchar(${length})` : 'text';
    case 'bytes':
      return 'bytea';
    case 'date':
      return 'date';
    case 'time':
      return `time(${Math.min(scale ?? 6, 6)})`;
    case 'timestamp':
      return `timestamp(${Math.min(scale ?? 6, 6)})`;
    case 'array': {
      let element: DataType = type.element;
      while (element.kind === 'array') element = element.element;
      return `${pgTypeName(element, undefined, undefined)}[]`;
    }
    case 'map':
    case 'row':
      return 'jsonb';
    case 'null':
      return 'text';
  }
}
