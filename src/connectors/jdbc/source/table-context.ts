import type { TableSchema } from '../../../core/table.js';
import type { DbColumn, DbTable, JdbcSession } from '../jdbc-session.js';
import type { JdbcSourceSettings, SourceTableConfig } from './jdbc-source-settings.js';
import { valueAdapter, type ValueAdapter } from './value-adapter.js';
import { TableDefinitionError } from '../jdbc-errors.js';

/** What reading one table needs, found out from the database (at split planning and in each reader). */
export interface TableContext {
  /** The table or query with where_condition applied. */
  base: string;
  /** Every column of `base`. */
  all: DbColumn[];
  /** The columns read, in the order rows carry them (the declared schema's, else all). */
  columns: DbColumn[];
  /** Per read column, the conversion to the declared type (undefined: none). */
  adapters: (ValueAdapter | undefined)[];
  /** The catalog's description when the source names a table. */
  catalog: DbTable | undefined;
  /** A primary or NOT NULL unique key among the read columns: exact positions without counting. */
  uniqueKey: string[] | undefined;
}

export async function loadTableContext(session: JdbcSession, settings: JdbcSourceSettings, table: SourceTableConfig, declared: TableSchema): Promise<TableContext> {
  const dialect = session.dialect;
  let catalog: DbTable | undefined;
  let base: string;
  if (table.tablePath !== undefined) {
    const path = dialect.parseTablePath(table.tablePath, session.target);
    catalog = await session.describeTable(path);
    if (catalog === undefined) throw new TableDefinitionError('the table does not exist');
    base = table.query ?? `SELECT * FROM ${dialect.qualified(catalog.path)}`;
  } else {
    base = table.query!;
  }
  if (settings.whereCondition !== undefined) base = `SELECT * FROM (${base}) AS tmp ${settings.whereCondition}`;
  let all = table.query === undefined && settings.whereCondition === undefined && catalog !== undefined ? catalog.columns : await session.describeQuery(base);
  if (catalog !== undefined && all !== catalog.columns) {
    const nullable = new Map(catalog.columns.map((c) => [c.name, c.nullable]));
    all = all.map((c) => ({ ...c, nullable: nullable.get(c.name) ?? c.nullable }));
  }

  let columns = all;
  let adapters: (ValueAdapter | undefined)[] = all.map(() => undefined);
  if (declared.columns.length > 0) {
    const byName = new Map(all.map((c) => [c.name, c]));
    const byLowerName = new Map(all.map((c) => [c.name.toLowerCase(), c]));
    columns = declared.columns.map((wanted) => {
      const found = byName.get(wanted.name) ?? byLowerName.get(wanted.name.toLowerCase());
      if (found === undefined) throw new TableDefinitionError(`column ${wanted.name} of the schema option is not in the table (it has ${all.map((c) => c.name).join(', ')})`);
      return found;
    });
    adapters = declared.columns.map((wanted, i) => {
      try {
        return valueAdapter(columns[i]!.type, wanted.type);
      } catch (error) {
        throw new TableDefinitionError(`column ${wanted.name}: ${(error as Error).message}`);
      }
    });
  }

  const read = new Set(columns.map((c) => c.name));
  const keys = catalog === undefined ? [] : [...(catalog.primaryKey === undefined ? [] : [catalog.primaryKey]), ...catalog.uniqueKeys];
  const uniqueKey = keys.find((key) => key.every((name) => read.has(name)));
  return { base, all, columns, adapters, catalog, uniqueKey };
}
