import { DataTypeError, formatDataType, parseDataType, sameDataType, type DataType } from '../../core/data-type.js';
import type { ConfigProblem } from '../../core/errors.js';
import type { TableSchema } from '../../core/table.js';
import { describeValue, isPlainObject } from '../common/config-path.js';

/**
 * `catalog_table_rule` (AssertCatalogTableRule): the upstream table must have this primary key,
 * these constraint keys and exactly these columns (compared as sets, order-insensitive, like
 * CollectionUtils.isEqualCollection). Checked once, at plan time, against the input TableSchema.
 */
export interface CatalogTableRule {
  primaryKey: { name: string; columns: string[] } | undefined;
  constraintKeys: ConstraintKeyRule[] | undefined;
  columns: ColumnRule[] | undefined;
  tableIdentifier: { catalogName: string; table: string } | undefined;
}

export interface ConstraintKeyRule {
  name: string;
  type: string;
  columns: { name: string; sortType: string }[];
}

/** A column as PhysicalColumn.of(name, type, column_length, nullable, default_value, comment) builds it. */
export interface ColumnRule {
  name: string;
  type: DataType;
  columnLength: number;
  nullable: boolean;
  defaultValue: string | null;
  comment: string | null;
}

export function parseCatalogTableRule(raw: unknown, path: string, problems: ConfigProblem[]): CatalogTableRule {
  const rule: CatalogTableRule = { primaryKey: undefined, constraintKeys: undefined, columns: undefined, tableIdentifier: undefined };
  if (!isPlainObject(raw)) {
    problems.push({ path, message: `expected an object, got ${describeValue(raw)}` });
    return rule;
  }
  const need = (object: Record<string, unknown>, key: string, at: string): string => {
    const value = object[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    problems.push({ path: `${at}.${key}`, message: 'is required' });
    return '';
  };
  const primaryKey = raw['primary_key_rule'];
  if (primaryKey !== undefined) {
    const at = `${path}.primary_key_rule`;
    if (!isPlainObject(primaryKey)) problems.push({ path: at, message: 'expected {primary_key_name, primary_key_columns}' });
    else {
      const columns = primaryKey['primary_key_columns'];
      if (!Array.isArray(columns)) problems.push({ path: `${at}.primary_key_columns`, message: 'is required: a list of column names' });
      rule.primaryKey = { name: need(primaryKey, 'primary_key_name', at), columns: Array.isArray(columns) ? columns.map(String) : [] };
    }
  }
  const constraintKeys = raw['constraint_key_rule'];
  if (constraintKeys !== undefined) {
    const at = `${path}.constraint_key_rule`;
    if (!Array.isArray(constraintKeys)) problems.push({ path: at, message: 'expected a list' });
    else {
      rule.constraintKeys = constraintKeys.filter(isPlainObject).map((key, i) => {
        const here = `${at}[${i}]`;
        const columns = key['constraint_key_columns'];
        if (!Array.isArray(columns)) problems.push({ path: `${here}.constraint_key_columns`, message: 'is required' });
        return {
          name: need(key, 'constraint_key_name', here),
          type: need(key, 'constraint_key_type', here).toUpperCase(),
          columns: (Array.isArray(columns) ? columns.filter(isPlainObject) : []).map((column, j) => ({
            name: need(column, 'constraint_key_column_name', `${here}.constraint_key_columns[${j}]`),
            sortType: need(column, 'constraint_key_sort_type', `${here}.constraint_key_columns[${j}]`).toUpperCase(),
          })),
        };
      });
    }
  }
  const columns = raw['column_rule'];
  if (columns !== undefined) {
    const at = `${path}.column_rule`;
    if (!Array.isArray(columns)) problems.push({ path: at, message: 'expected a list' });
    else {
      rule.columns = columns.filter(isPlainObject).map((column, i) => {
        const here = `${at}[${i}]`;
        let type: DataType = { kind: 'null' };
        try {
          type = parseDataType(column['type']);
        } catch (error) {
          if (!(error instanceof DataTypeError)) throw error;
          problems.push({ path: `${here}.type`, message: error.message });
        }
        const defaultValue = column['default_value'];
        const comment = column['comment'];
        return {
          name: need(column, 'name', here),
          type,
          columnLength: Number(column['column_length'] ?? 0),
          nullable: column['nullable'] === undefined ? true : column['nullable'] === true || String(column['nullable']).toLowerCase() === 'true',
          defaultValue: defaultValue === undefined || defaultValue === null ? null : String(defaultValue),
          comment: comment === undefined || comment === null ? null : String(comment),
        };
      });
    }
  }
  const identifier = raw['table_identifier_rule'];
  if (isPlainObject(identifier)) {
    const at = `${path}.table_identifier_rule`;
    rule.tableIdentifier = { catalogName: need(identifier, 'catalog_name', at), table: need(identifier, 'table', at) };
  }
  return rule;
}

/**
 * The first way `table` breaks `rule`, in SeaTunnel's wording, or undefined when it complies.
 * The table identifier rule compares the table path only: Sluice tables carry no catalog name.
 */
export function checkCatalogTableRule(rule: CatalogTableRule, table: TableSchema): string | undefined {
  if (rule.primaryKey !== undefined) {
    const actual = table.primaryKey;
    if (actual === undefined) return 'primaryKey is null';
    if (rule.primaryKey.name !== actual.name) return `primaryKey: ${actual.name} is not equal to ${rule.primaryKey.name}`;
    if (rule.primaryKey.columns.length > 0 && !sameMultiset(rule.primaryKey.columns, actual.columns)) {
      return `primaryKey columns: [${actual.columns.join(', ')}] is not equal to [${rule.primaryKey.columns.join(', ')}]`;
    }
  }
  if (rule.constraintKeys !== undefined) {
    const actual = table.constraintKeys ?? [];
    if (actual.length === 0) return 'constraintKeys is null';
    const actualText = actual.map((key) => constraintKeyText({ name: key.name, type: key.type, columns: key.columns.map((c) => ({ name: c.name, sortType: c.sortType ?? 'ASC' })) }));
    const expectedText = rule.constraintKeys.map(constraintKeyText);
    if (expectedText.length > 0 && !sameMultiset(expectedText, actualText)) return `constraintKeys: [${actualText.join(', ')}] is not equal to [${expectedText.join(', ')}]`;
  }
  if (rule.columns !== undefined) {
    if (table.columns.length === 0) return 'columns is null';
    const actual = table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      columnLength: column.columnLength ?? 0,
      nullable: column.nullable ?? true,
      defaultValue: column.defaultValue === undefined || column.defaultValue === null ? null : String(column.defaultValue),
      comment: column.comment ?? null,
    }));
    if (rule.columns.length > 0 && !sameColumns(rule.columns, actual)) {
      return `columns: [${actual.map(columnText).join(', ')}] is not equal to [${rule.columns.map(columnText).join(', ')}]`;
    }
  }
  if (rule.tableIdentifier !== undefined && rule.tableIdentifier.table !== table.tablePath) {
    return `tableIdentifier: ${table.tablePath} is not equal to ${rule.tableIdentifier.table}`;
  }
  return undefined;
}

function sameColumns(expected: ColumnRule[], actual: ColumnRule[]): boolean {
  if (expected.length !== actual.length) return false;
  const left = [...actual];
  return expected.every((want) => {
    const i = left.findIndex(
      (have) =>
        have.name === want.name &&
        sameDataType(have.type, want.type) &&
        have.columnLength === want.columnLength &&
        have.nullable === want.nullable &&
        have.defaultValue === want.defaultValue &&
        have.comment === want.comment,
    );
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

function constraintKeyText(key: ConstraintKeyRule): string {
  const columns = key.columns.map((c) => `ConstraintKeyColumn(columnName=${c.name}, sortType=${c.sortType})`).join(', ');
  return `ConstraintKey(constraintType=${key.type}, constraintName=${key.name}, columnNames=[${columns}])`;
}

function columnText(column: ColumnRule): string {
  return `PhysicalColumn(name=${column.name}, dataType=${formatDataType(column.type)}, columnLength=${column.columnLength}, nullable=${column.nullable}, defaultValue=${column.defaultValue}, comment=${column.comment})`;
}
