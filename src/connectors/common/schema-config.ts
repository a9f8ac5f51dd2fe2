import { DataTypeError, parseDataType, type DataType } from '../../core/data-type.js';
import { OptionError } from '../../core/errors.js';
import type { Column, TableSchema } from '../../core/table.js';
import { describeValue, isPlainObject, readPath } from './config-path.js';
import { ValueConversionError, convertConfigValue } from './config-value.js';

/** SeaTunnel's TablePath.DEFAULT, the path of a schema with neither `table` nor plugin_output. */
export const DEFAULT_TABLE_PATH = 'default.default.default';

/** Throws OptionError at `path` (an option path relative to the plugin: `schema.columns[2].type`). */
type Fail = (path: string, message: string) => never;

const fail: Fail = (path, message) => {
  throw new OptionError(path, message);
};

/**
 * Reads a `schema` block (SeaTunnel's CatalogTableUtil.buildWithConfig + ReadonlyConfigParser)
 * into a TableSchema. The table path is `schema.table` when set, else `outputName`
 * (plugin_output), else `default.default.default`. Throws OptionError whose option is the path
 * of the bad part below `where` (the block's own path: `schema`, `tables_configs[1].schema`).
 */
export function parseSchemaConfig(raw: unknown, outputName: string | undefined, where: string): TableSchema {
  if (!isPlainObject(raw)) return fail(where, `expected an object with fields or columns, got ${describeValue(raw)}`);
  if (Object.keys(raw).length === 0) return fail(where, 'Schema config can not be empty');
  const fields = raw['fields'];
  const columns = raw['columns'];
  if (fields !== undefined && columns !== undefined) return fail(where, "can't contain both [fields] and [columns]");
  if (fields === undefined && columns === undefined) return fail(where, 'needs [fields] or [columns]');

  const parsed = fields !== undefined ? columnsFromFields(fields, `${where}.fields`) : columnsFromList(columns, `${where}.columns`);
  const names = new Set<string>();
  for (const column of parsed) {
    if (names.has(column.name)) fail(where, `column "${column.name}" is declared twice`);
    names.add(column.name);
  }

  const tableName = readPath(raw, 'table');
  let tablePath = outputName ?? DEFAULT_TABLE_PATH;
  if (tableName !== undefined && tableName !== null && String(tableName) !== '') {
    tablePath = checkTablePath(String(tableName), (message) => fail(`${where}.table`, message));
  }

  const table: TableSchema = { tablePath, columns: parsed };
  const comment = raw['comment'];
  if (typeof comment === 'string') table.comment = comment;
  if (raw['primaryKey'] !== undefined) table.primaryKey = parsePrimaryKey(raw['primaryKey'], names, `${where}.primaryKey`);
  if (raw['constraintKeys'] !== undefined) table.constraintKeys = parseConstraintKeys(raw['constraintKeys'], names, `${where}.constraintKeys`);
  return table;
}

/** TablePath.of: one to three dot-separated parts (`t`, `db.t`, `db.schema.t`) with a table name. */
export function checkTablePath(name: string, bad: (message: string) => never): string {
  const parts = name.split('.');
  if (parts.length > 3) bad(`table "${name}" has more than three parts (database.schema.table)`);
  if (parts[parts.length - 1] === '') bad(`table "${name}" has an empty table name`);
  return name;
}

/** Legacy `fields { name = type }`: columns nullable, no length (PhysicalColumn.of(name, type, null, null, true, ...)). */
function columnsFromFields(fields: unknown, at: string): Column[] {
  if (!isPlainObject(fields)) return fail(at, `expected an object of name = type, got ${describeValue(fields)}`);
  return Object.entries(fields).map(([name, declaration]) => ({ name, type: typeOf(declaration, `${at}.${name}`) }));
}

/** `columns = [{name, type, ...}]`: nullable defaults to true and columnLength to 0, as ColumnOptions declare. */
function columnsFromList(columns: unknown, at: string): Column[] {
  if (!Array.isArray(columns)) return fail(at, `expected a list, got ${describeValue(columns)}`);
  return columns.map((entry, i) => {
    const here = `${at}[${i}]`;
    if (!isPlainObject(entry)) return fail(here, `expected an object, got ${describeValue(entry)}`);
    const name = entry['name'];
    if (typeof name !== 'string' || name === '') return fail(here, 'needs option [name]');
    if (entry['type'] === undefined) return fail(here, `(${name}) needs option [type]`);
    const column: Column = { name, type: typeOf(entry['type'], `${here}.type`), nullable: true, columnLength: 0 };
    const nullable = entry['nullable'];
    if (nullable !== undefined) {
      if (typeof nullable !== 'boolean') fail(`${here}.nullable`, `expected true or false, got ${describeValue(nullable)}`);
      column.nullable = nullable as boolean;
    }
    const length = wholeOrUndefined(entry['columnLength'], `${here}.columnLength`);
    if (length !== undefined) column.columnLength = length;
    const scale = wholeOrUndefined(entry['columnScale'], `${here}.columnScale`);
    if (scale !== undefined) column.columnScale = scale;
    if (typeof entry['comment'] === 'string') column.comment = entry['comment'];
    const defaultValue = entry['defaultValue'];
    if (defaultValue !== undefined && defaultValue !== null) {
      column.defaultValue = defaultValue;
      checkDefault(column.type, defaultValue, `${here}.defaultValue`);
    }
    return column;
  });
}

function checkDefault(type: DataType, value: unknown, at: string): void {
  try {
    convertConfigValue(type, value);
  } catch (error) {
    if (error instanceof ValueConversionError) fail(`${at}${error.path}`, error.detail);
    throw error;
  }
}

function parsePrimaryKey(raw: unknown, names: Set<string>, at: string): NonNullable<TableSchema['primaryKey']> {
  if (!isPlainObject(raw)) return fail(at, 'expected {name, columnNames}');
  const name = raw['name'];
  if (typeof name !== 'string') return fail(at, 'needs option [name]');
  const columns = raw['columnNames'];
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) return fail(at, 'needs option [columnNames], a list of column names');
  for (const column of columns as string[]) if (!names.has(column)) fail(`${at}.columnNames`, `no column named "${column}"`);
  return { name, columns: columns as string[] };
}

const CONSTRAINT_TYPES = ['INDEX_KEY', 'UNIQUE_KEY', 'FOREIGN_KEY', 'VECTOR_INDEX_KEY'];

function parseConstraintKeys(raw: unknown, names: Set<string>, at: string): NonNullable<TableSchema['constraintKeys']> {
  if (!Array.isArray(raw)) return fail(at, 'expected a list');
  return raw.map((entry, i) => {
    const here = `${at}[${i}]`;
    if (!isPlainObject(entry)) return fail(here, 'expected an object');
    const name = entry['constraintName'];
    if (typeof name !== 'string') return fail(here, 'needs option [constraintName]');
    const type = String(entry['constraintType'] ?? '').toUpperCase();
    if (!CONSTRAINT_TYPES.includes(type)) return fail(`${here}.constraintType`, `expected one of ${CONSTRAINT_TYPES.join(', ')}`);
    const columns = entry['constraintColumns'];
    if (!Array.isArray(columns)) return fail(here, 'needs option [constraintColumns]');
    return {
      name,
      type,
      columns: columns.map((column, j) => {
        const col = `${here}.constraintColumns[${j}]`;
        if (!isPlainObject(column) || typeof column['columnName'] !== 'string') return fail(col, 'needs option [columnName]');
        const columnName = column['columnName'];
        if (!names.has(columnName)) fail(col, `no column named "${columnName}"`);
        const sortType = String(column['sortType'] ?? 'ASC').toUpperCase();
        if (sortType !== 'ASC' && sortType !== 'DESC') fail(`${col}.sortType`, 'expected ASC or DESC');
        return { name: columnName, sortType };
      }),
    };
  });
}

function typeOf(declaration: unknown, at: string): DataType {
  try {
    return parseDataType(declaration);
  } catch (error) {
    if (error instanceof DataTypeError) return fail(at, error.message);
    throw error;
  }
}

function wholeOrUndefined(value: unknown, at: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) return fail(at, `expected a whole number >= 0, got ${describeValue(value)}`);
  return number;
}
