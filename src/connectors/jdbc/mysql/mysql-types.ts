import { MAX_DECIMAL_PRECISION, type DataType } from '../../../core/data-type.js';
import type { Column } from '../../../core/table.js';
import type { DbColumn } from '../jdbc-session.js';

/**
 * Type mapping between MySQL/MariaDB and the core types, both ways, after SeaTunnel's
 * MySqlTypeConverter (connector-jdbc .../dialect/mysql/MySqlTypeConverter.java). Differences, for
 * fidelity: time and datetime columns are created with 6 fraction digits unless the column says
 * otherwise, bytes without a length become LONGBLOB, and arrays, maps and rows (which MySQL has
 * no type for) are created as JSON and written as JSON text.
 */

/** Result metadata of one column (mysql2's column definition). */
export interface MysqlField {
  name: string;
  columnType: number;
  columnLength: number;
  decimals: number;
  flags: number;
  characterSet: number;
}

export const MYSQL_TYPES = {
  DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, NULL: 6, TIMESTAMP: 7, LONGLONG: 8, INT24: 9, DATE: 10, TIME: 11,
  DATETIME: 12, YEAR: 13, NEWDATE: 14, VARCHAR: 15, BIT: 16, JSON: 245, NEWDECIMAL: 246, ENUM: 247, SET: 248, TINY_BLOB: 249,
  MEDIUM_BLOB: 250, LONG_BLOB: 251, BLOB: 252, VAR_STRING: 253, STRING: 254, GEOMETRY: 255,
} as const;

const NOT_NULL = 1;
const UNSIGNED = 32;
const BINARY_CHARSET = 63;

/** What the cursor needs per column: how the driver hands the value over and how it is read. */
export interface MysqlNative {
  /** The driver returns a Buffer (binary strings, blobs, bits, geometry) rather than text. */
  binary: boolean;
  /** FLOAT columns are selected as DOUBLE: MySQL prints floats with 6 digits only. */
  selectAsDouble: boolean;
  /** BIT(1): one byte read as a boolean. */
  bit: boolean;
}

export function mysqlColumn(field: MysqlField, dbTypeOverride?: string): DbColumn | { name: string; unsupported: string } {
  const unsigned = (field.flags & UNSIGNED) !== 0;
  const binaryCharset = field.characterSet === BINARY_CHARSET;
  const t = MYSQL_TYPES;
  let type: DataType | undefined;
  let dbType: string;
  let splitClass: DbColumn['splitClass'];
  let binary = false;
  let bit = false;
  switch (field.columnType) {
    case t.TINY:
      if (field.columnLength === 1 && !unsigned) {
        type = { kind: 'boolean' };
        dbType = 'tinyint(1)';
      } else {
        type = unsigned ? { kind: 'smallint' } : { kind: 'tinyint' };
        dbType = unsigned ? 'tinyint unsigned' : 'tinyint';
        splitClass = 'integer';
      }
      break;
    case t.SHORT:
      type = unsigned ? { kind: 'int' } : { kind: 'smallint' };
      dbType = unsigned ? 'smallint unsigned' : 'smallint';
      splitClass = 'integer';
      break;
    case t.INT24:
    case t.YEAR:
      type = { kind: 'int' };
      dbType = field.columnType === t.YEAR ? 'year' : unsigned ? 'mediumint unsigned' : 'mediumint';
      splitClass = 'integer';
      break;
    case t.LONG:
      type = unsigned ? { kind: 'bigint' } : { kind: 'int' };
      dbType = unsigned ? 'int unsigned' : 'int';
      splitClass = 'integer';
      break;
    case t.LONGLONG:
      type = unsigned ? { kind: 'decimal', precision: 20, scale: 0 } : { kind: 'bigint' };
      dbType = unsigned ? 'bigint unsigned' : 'bigint';
      splitClass = 'integer';
      break;
    case t.FLOAT:
      type = { kind: 'float' };
      dbType = 'float';
      splitClass = 'number';
      break;
    case t.DOUBLE:
      type = { kind: 'double' };
      dbType = 'double';
      splitClass = 'number';
      break;
    case t.DECIMAL:
    case t.NEWDECIMAL: {
      const scale = field.decimals;
      const precision = Math.max(1, field.columnLength - (scale > 0 ? 1 : 0) - (unsigned ? 0 : 1));
      type = precision > MAX_DECIMAL_PRECISION ? { kind: 'decimal', precision: 38, scale: 18 } : { kind: 'decimal', precision, scale };
      dbType = `decimal(${precision},${scale})${unsigned ? ' unsigned' : ''}`;
      splitClass = scale === 0 ? 'integer' : 'number';
      break;
    }
    case t.DATE:
    case t.NEWDATE:
      type = { kind: 'date' };
      dbType = 'date';
      splitClass = 'date';
      break;
    case t.TIME:
      type = { kind: 'time' };
      dbType = field.decimals > 0 && field.decimals <= 6 ? `time(${field.decimals})` : 'time';
      break;
    case t.DATETIME:
    case t.TIMESTAMP:
      type = { kind: 'timestamp' };
      dbType = `${field.columnType === t.TIMESTAMP ? 'timestamp' : 'datetime'}${field.decimals > 0 && field.decimals <= 6 ? `(${field.decimals})` : ''}`;
      break;
    case t.BIT:
      bit = field.columnLength === 1;
      binary = true;
      type = bit ? { kind: 'boolean' } : { kind: 'bytes' };
      dbType = `bit(${field.columnLength})`;
      break;
    case t.GEOMETRY:
      binary = true;
      type = { kind: 'bytes' };
      dbType = 'geometry';
      break;
    case t.JSON:
      type = { kind: 'string' };
      dbType = 'json';
      break;
    case t.ENUM:
    case t.SET:
      type = { kind: 'string' };
      dbType = field.columnType === t.ENUM ? 'enum' : 'set';
      break;
    case t.VARCHAR:
    case t.VAR_STRING:
    case t.STRING:
    case t.TINY_BLOB:
    case t.MEDIUM_BLOB:
    case t.LONG_BLOB:
    case t.BLOB: {
      const blob = field.columnType >= t.TINY_BLOB && field.columnType <= t.BLOB;
      if (binaryCharset) {
        binary = true;
        type = { kind: 'bytes' };
        dbType = blob ? blobName(field.columnLength, 'blob') : field.columnType === t.STRING ? `binary(${field.columnLength})` : `varbinary(${field.columnLength})`;
      } else {
        type = { kind: 'string' };
        const chars = Math.floor(field.columnLength / 4);
        dbType = blob ? blobName(field.columnLength, 'text') : field.columnType === t.STRING ? `char(${chars})` : `varchar(${chars})`;
        splitClass = 'string';
      }
      break;
    }
    case t.NULL:
      type = { kind: 'null' };
      dbType = 'null';
      break;
    default:
      return { name: field.name, unsupported: `MySQL type ${field.columnType}` };
  }
  const column: DbColumn = {
    name: field.name,
    dbType: dbTypeOverride ?? dbType,
    type,
    nullable: (field.flags & NOT_NULL) === 0,
    orderable: field.columnType !== t.JSON && field.columnType !== t.GEOMETRY && !(field.columnType >= t.TINY_BLOB && field.columnType <= t.BLOB && dbTypeOverride === 'json'),
    splitClass,
    native: { binary, selectAsDouble: field.columnType === t.FLOAT, bit } satisfies MysqlNative,
  };
  if (type.kind === 'time' || type.kind === 'timestamp') column.columnScale = field.decimals <= 6 ? field.decimals : 0;
  if (type.kind === 'string' && !binaryCharset && field.columnType !== t.JSON) column.columnLength = Math.floor(field.columnLength / 4);
  return column;
}

/** TINY/-/MEDIUM/LONG BLOB or TEXT from the column's byte length (text lengths count 4 bytes a character). */
function blobName(length: number, kind: 'blob' | 'text'): string {
  const factor = kind === 'text' ? 4 : 1;
  if (length <= 255 * factor) return `tiny${kind}`;
  if (length <= 65535 * factor) return kind;
  if (length <= 16777215 * factor) return `medium${kind}`;
  return `long${kind}`;
}

/** The MySQL column type a core column is created with (SeaTunnel's reconvert, see above). */
export function mysqlColumnType(column: Column): string {
  return mysqlTypeName(column.type, column.columnLength, column.columnScale);
}

function mysqlTypeName(type: DataType, length: number | undefined, scale: number | undefined): string {
  switch (type.kind) {
    case 'boolean':
      return 'tinyint(1)';
    case 'tinyint':
      return 'tinyint';
    case 'smallint':
      return 'smallint';
    case 'int':
      return 'int';
    case 'bigint':
      return 'bigint';
    case 'float':
      return 'float';
    case 'double':
      return 'double';
    case 'decimal':
      return `decimal(${Math.min(type.precision, 65)},${Math.min(type.scale, 30)})`;
    case 'string':
      if (length === undefined || length <= 0) return 'longtext';
      if (length < 256) return `varchar(${length})`;
      if (length < 65536) return 'text';
      if (length < 16777216) return 'mediumtext';
      return 'longtext';
    case 'bytes':
      if (length === undefined || length <= 0) return 'longblob';
      if (length < 65532) return `varbinary(${length})`;
      if (length < 16777216) return 'mediumblob';
      return 'longblob';
    case 'date':
      return 'date';
    case 'time':
      return `time(${Math.min(scale ?? 6, 6)})`;
    case 'timestamp':
      return `datetime(${Math.min(scale ?? 6, 6)})`;
    case 'array':
    case 'map':
    case 'row':
      return 'json';
    case 'null':
      return 'varchar(1)';
  }
}
