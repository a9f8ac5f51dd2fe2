import { DataTypeError, parseDataType, type DataType } from '../../core/data-type.js';
import type { ConfigProblem } from '../../core/errors.js';
import { describeValue, isPlainObject } from '../common/config-path.js';
import { parseCatalogTableRule, type CatalogTableRule } from './catalog-table-rule.js';

/** AssertFieldRule.AssertRuleType. */
export const ASSERT_RULE_TYPES = ['NULL', 'NOT_NULL', 'MIN', 'MAX', 'MIN_LENGTH', 'MAX_LENGTH', 'MAX_ROW', 'MIN_ROW'] as const;
export type AssertRuleType = (typeof ASSERT_RULE_TYPES)[number];

/** One `field_value` or `row_rules` entry. `equalsTo` is the configured value, undefined when absent. */
export interface AssertRule {
  ruleType: AssertRuleType | undefined;
  ruleValue: number | undefined;
  equalsTo: unknown;
}

/** One `field_rules` entry. `fieldType` undefined means no type check (SeaTunnel would fail on it). */
export interface AssertFieldRule {
  fieldName: string;
  fieldType: DataType | undefined;
  rules: AssertRule[];
  /** Config path of the entry, for problems found against a table (`rules.field_rules[0]`). */
  path: string;
}

/**
 * The rules for one table (`rules.tables_configs[i]` with its table_path), or for every input
 * table (the top-level rules, `tablePath` undefined). A category is undefined when its key is
 * absent; present-but-empty lists count as configured, as in SeaTunnel's AssertSink.
 */
export interface AssertTableRules {
  tablePath: string | undefined;
  rowRules: AssertRule[] | undefined;
  fieldRules: AssertFieldRule[] | undefined;
  catalogRule: CatalogTableRule | undefined;
  path: string;
}

export interface AssertRules {
  tables: AssertTableRules[];
  /** `rules.table-names`: the exact set of table ids the sink must see; empty = no check. */
  tableNames: string[];
}

const VALUE_RULES_NEEDING_NUMBER = new Set<AssertRuleType>(['MIN', 'MAX', 'MIN_LENGTH', 'MAX_LENGTH', 'MAX_ROW', 'MIN_ROW']);

/**
 * Reads the `rules` option (AssertSink + AssertRuleParser + AssertCatalogTableRuleParser): with
 * `tables_configs` the top-level row/field/catalog rules are not used. Every problem is returned
 * with its path; `rules` is usable only when no problem has severity error.
 */
export function parseAssertRules(raw: unknown): { rules: AssertRules; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const rules: AssertRules = { tables: [], tableNames: [] };
  if (raw === undefined || raw === null) {
    problems.push({ path: 'rules', message: 'is required' });
    return { rules, problems };
  }
  if (!isPlainObject(raw)) {
    problems.push({ path: 'rules', message: `expected an object of rules, got ${describeValue(raw)}` });
    return { rules, problems };
  }
  const tableConfigs = raw['tables_configs'];
  if (tableConfigs !== undefined) {
    if (!Array.isArray(tableConfigs)) {
      problems.push({ path: 'rules.tables_configs', message: 'expected a list of {table_path, row_rules, field_rules}' });
    } else {
      tableConfigs.forEach((entry, i) => {
        const path = `rules.tables_configs[${i}]`;
        if (!isPlainObject(entry)) {
          problems.push({ path, message: 'expected an object with table_path' });
          return;
        }
        const tablePath = entry['table_path'];
        if (typeof tablePath !== 'string' || tablePath === '') problems.push({ path: `${path}.table_path`, message: 'is required' });
        rules.tables.push(parseTableRules(entry, typeof tablePath === 'string' ? tablePath : '', path, problems));
      });
    }
    const ignored = ['row_rules', 'field_rules', 'catalog_table_rule'].filter((key) => raw[key] !== undefined);
    if (ignored.length > 0) {
      problems.push({ path: 'rules', message: `${ignored.join(', ')} next to tables_configs are ignored; move them into a tables_configs entry`, severity: 'warning' });
    }
  } else {
    rules.tables.push(parseTableRules(raw, undefined, 'rules', problems));
  }

  const tableNames = raw['table-names'];
  if (tableNames !== undefined) {
    if (!Array.isArray(tableNames) || tableNames.some((name) => typeof name !== 'string')) {
      problems.push({ path: 'rules.table-names', message: 'expected a list of table paths' });
    } else {
      rules.tableNames = tableNames as string[];
    }
  }
  const configured = rules.tables.some((t) => t.rowRules !== undefined || t.fieldRules !== undefined || t.catalogRule !== undefined);
  if (!configured && rules.tableNames.length === 0 && !problems.some((p) => p.severity !== 'warning')) {
    problems.push({ path: 'rules', message: 'Assert rule config is empty, please add rule config.' });
  }
  return { rules, problems };
}

function parseTableRules(raw: Record<string, unknown>, tablePath: string | undefined, path: string, problems: ConfigProblem[]): AssertTableRules {
  const table: AssertTableRules = { tablePath, rowRules: undefined, fieldRules: undefined, catalogRule: undefined, path };
  if (raw['row_rules'] !== undefined) {
    table.rowRules = listOf(raw['row_rules'], `${path}.row_rules`, problems).map((entry, i) => {
      const at = `${path}.row_rules[${i}]`;
      const rule = parseRule(entry, at, problems);
      if (rule.ruleType !== undefined && rule.ruleType !== 'MAX_ROW' && rule.ruleType !== 'MIN_ROW') {
        problems.push({ path: `${at}.rule_type`, message: `${rule.ruleType} is not a row rule and is never checked (row rules are MAX_ROW and MIN_ROW)`, severity: 'warning' });
      }
      return rule;
    });
  }
  if (raw['field_rules'] !== undefined) {
    table.fieldRules = listOf(raw['field_rules'], `${path}.field_rules`, problems).map((entry, i) => parseFieldRule(entry, `${path}.field_rules[${i}]`, problems));
  }
  if (raw['catalog_table_rule'] !== undefined) {
    table.catalogRule = parseCatalogTableRule(raw['catalog_table_rule'], `${path}.catalog_table_rule`, problems);
  }
  return table;
}

function parseFieldRule(raw: Record<string, unknown>, path: string, problems: ConfigProblem[]): AssertFieldRule {
  const fieldName = raw['field_name'];
  if (typeof fieldName !== 'string' || fieldName === '') problems.push({ path: `${path}.field_name`, message: 'is required' });
  const rule: AssertFieldRule = { fieldName: typeof fieldName === 'string' ? fieldName : '', fieldType: undefined, rules: [], path };
  const fieldType = raw['field_type'];
  if (fieldType !== undefined && fieldType !== null) {
    try {
      // SeaTunnel's older parser also knew `void` for the null type.
      rule.fieldType = typeof fieldType === 'string' && fieldType.trim().toLowerCase() === 'void' ? { kind: 'null' } : parseDataType(fieldType);
    } catch (error) {
      if (!(error instanceof DataTypeError)) throw error;
      problems.push({ path: `${path}.field_type`, message: error.message });
    }
  }
  if (raw['field_value'] !== undefined) {
    rule.rules = listOf(raw['field_value'], `${path}.field_value`, problems).map((entry, i) => {
      const at = `${path}.field_value[${i}]`;
      const valueRule = parseRule(entry, at, problems);
      if (valueRule.ruleType === 'MAX_ROW' || valueRule.ruleType === 'MIN_ROW') {
        problems.push({ path: `${at}.rule_type`, message: `${valueRule.ruleType} belongs in row_rules; as a field rule it fails every row` });
      }
      return valueRule;
    });
  }
  return rule;
}

function parseRule(raw: Record<string, unknown>, path: string, problems: ConfigProblem[]): AssertRule {
  const rule: AssertRule = { ruleType: undefined, ruleValue: undefined, equalsTo: raw['equals_to'] ?? undefined };
  const type = raw['rule_type'];
  if (type !== undefined) {
    const name = String(type).toUpperCase() as AssertRuleType;
    if (ASSERT_RULE_TYPES.includes(name)) rule.ruleType = name;
    else problems.push({ path: `${path}.rule_type`, message: `expected one of ${ASSERT_RULE_TYPES.join(', ')}, got ${describeValue(type)}` });
  }
  const value = raw['rule_value'];
  if (value !== undefined) {
    const number = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isNaN(number)) problems.push({ path: `${path}.rule_value`, message: `expected a number, got ${describeValue(value)}` });
    else rule.ruleValue = number;
  }
  if (rule.ruleType !== undefined && VALUE_RULES_NEEDING_NUMBER.has(rule.ruleType) && rule.ruleValue === undefined && !problems.some((p) => p.path === `${path}.rule_value`)) {
    problems.push({ path: `${path}.rule_value`, message: `is required for ${rule.ruleType}` });
  }
  if (rule.ruleType === undefined && rule.equalsTo === undefined && type === undefined) {
    problems.push({ path, message: 'needs rule_type or equals_to', severity: 'warning' });
  }
  return rule;
}

function listOf(value: unknown, path: string, problems: ConfigProblem[]): Record<string, unknown>[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: `expected a list, got ${describeValue(value)}` });
    return [];
  }
  const out: Record<string, unknown>[] = [];
  value.forEach((entry, i) => {
    if (isPlainObject(entry)) out.push(entry);
    else problems.push({ path: `${path}[${i}]`, message: `expected an object, got ${describeValue(entry)}` });
  });
  return out;
}
