import type { DataType } from '../../../core/data-type.js';
import type { Column } from '../../../core/table.js';
import type { DbColumn, DbTablePath, ValueEncoder } from '../jdbc-session.js';
import type { JdbcTarget } from '../jdbc-url.js';
import type { SqlDialect } from '../sql-dialect.js';
import { splitPath } from '../split-path.js';
import { mysqlColumnType, type MysqlNative } from './mysql-types.js';
import { mysqlLiteral, quoteMysql } from './mysql-values.js';

/** MySQL's and MariaDB's spelling of SQL (SeaTunnel's MysqlDialect). */
export function mysqlDialect(backslashEscapes = true): SqlDialect {
  return {
    kind: 'mysql',
    label: 'MySQL',

    quote(identifier: string): string {
      return `\`${identifier.replace(/`/g, '``')}\``;
    },

    qualified(path: DbTablePath): string {
      return path.database === '' ? this.quote(path.table) : `${this.quote(path.database)}.${this.quote(path.table)}`;
    },

    /** `db.table` or `table` (in the URL's database); a three-part path's middle part is ignored, as MySQL has no schemas. */
    parseTablePath(text: string, target: JdbcTarget): DbTablePath {
      const parts = splitPath(text);
      const table = parts[parts.length - 1]!;
      const database = parts.length >= 2 ? parts[0]! : target.database;
      return { database, schema: undefined, table };
    },

    selectExpression(column: DbColumn): string {
      const native = column.native as MysqlNative | undefined;
      if (native?.selectAsDouble) return `CAST(${this.quote(column.name)} AS DOUBLE) AS ${this.quote(column.name)}`;
      // Geometry as its WKB bytes (the driver would otherwise parse it into objects).
      if (column.dbType === 'geometry') return `ST_AsBinary(${this.quote(column.name)}) AS ${this.quote(column.name)}`;
      return this.quote(column.name);
    },

    keyLiteral(column: DbColumn, text: string): string {
      switch (column.splitClass) {
        case 'integer':
        case 'number':
          if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return text;
          break;
        default:
          break;
      }
      if (column.type.kind === 'bytes') return `X'${text}'`;
      return quoteMysql(text, backslashEscapes);
    },

    hashBucket(column: DbColumn, buckets: number): string {
      return `MOD(CRC32(${this.quote(column.name)}), ${buckets})`;
    },

    offset(rows: number): string {
      return rows > 0 ? ` LIMIT 18446744073709551615 OFFSET ${rows}` : '';
    },

    columnType(column: Column): string {
      return mysqlColumnType(column);
    },

    bulkEncoder(type: DataType, _target: DbColumn): ValueEncoder {
      return mysqlLiteral(type, backslashEscapes);
    },

    literalEncoder(type: DataType, _target: DbColumn): ValueEncoder {
      return mysqlLiteral(type, backslashEscapes);
    },
  };
}
