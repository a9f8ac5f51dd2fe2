import type { DataType } from '../../core/data-type.js';
import type { ConfigProblem } from '../../core/errors.js';
import { columnIndex, columnNames, type TableSchema } from '../../core/table.js';
import { ValueConversionError, convertConfigValue } from '../common/config-value.js';
import type { AssertFieldRule, AssertRules, AssertTableRules } from './assert-rules.js';

/** A field rule bound to one table: the column it reads and its equals_to values in the column's encoding. */
export interface CompiledFieldRule {
  rule: AssertFieldRule;
  index: number;
  columnType: DataType;
  /** `expected[i]` belongs to `rule.rules[i]`; undefined where that entry has no equals_to. */
  expected: unknown[];
}

export interface CompiledTableRules {
  table: TableSchema;
  fieldRules: CompiledFieldRule[];
}

/** The rules that apply to `tablePath`: its tables_configs entry, else the top-level rules. */
export function rulesFor(rules: AssertRules, tablePath: string): AssertTableRules | undefined {
  return rules.tables.find((entry) => entry.tablePath === tablePath) ?? rules.tables.find((entry) => entry.tablePath === undefined);
}

/**
 * Binds the field rules that apply to `table` to its columns. A field the table lacks, or an
 * equals_to that cannot be read as the column's type, is a problem (SeaTunnel only finds these
 * when the first row arrives).
 */
export function compileTableRules(rules: AssertRules, table: TableSchema): { compiled: CompiledTableRules; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const fieldRules: CompiledFieldRule[] = [];
  for (const rule of rulesFor(rules, table.tablePath)?.fieldRules ?? []) {
    const index = columnIndex(table, rule.fieldName);
    if (index < 0) {
      problems.push({ path: `${rule.path}.field_name`, message: `table "${table.tablePath}" has no field "${rule.fieldName}" (fields: ${columnNames(table).join(', ')})` });
      continue;
    }
    const columnType = (table.columns[index] as { type: DataType }).type;
    const expected = rule.rules.map((valueRule, i) => {
      if (valueRule.equalsTo === undefined) return undefined;
      try {
        return convertConfigValue(columnType, valueRule.equalsTo);
      } catch (error) {
        if (!(error instanceof ValueConversionError)) throw error;
        problems.push({ path: `${rule.path}.field_value[${i}].equals_to`, message: `cannot be compared with field "${rule.fieldName}" of table "${table.tablePath}": ${error.message}` });
        return undefined;
      }
    });
    fieldRules.push({ rule, index, columnType, expected });
  }
  return { compiled: { table, fieldRules }, problems };
}
