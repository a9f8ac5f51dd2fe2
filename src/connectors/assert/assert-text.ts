import { sqlTypeName } from '../../core/data-type.js';
import type { Row } from '../../core/row.js';
import type { TableSchema } from '../../core/table.js';
import { javaDouble, javaString } from '../common/java-text.js';
import type { AssertFieldRule, AssertRule } from './assert-rules.js';

/**
 * Failure texts as SeaTunnel prints them (Lombok @Data toString of its rule classes and
 * SeaTunnelRow.toString), so a failed Sluice job reads like a failed SeaTunnel job:
 * `row :SeaTunnelRow{tableId=fake, kind=+I, fields=[a, 1]} fail rule: AssertFieldRule(...)`.
 */
export function ruleText(rule: AssertRule): string {
  const value = rule.ruleValue === undefined ? 'null' : javaDouble(rule.ruleValue);
  const equalTo = rule.equalsTo === undefined ? 'null' : javaString(rule.equalsTo);
  return `AssertFieldRule.AssertRule(ruleType=${rule.ruleType ?? 'null'}, ruleValue=${value}, equalTo=${equalTo})`;
}

export function fieldRuleText(rule: AssertFieldRule): string {
  const type = rule.fieldType === undefined ? 'null' : sqlTypeName(rule.fieldType);
  return `AssertFieldRule(fieldName=${rule.fieldName}, fieldType=${type}, fieldRules=[${rule.rules.map(ruleText).join(', ')}])`;
}

export function rowText(row: Row, table: TableSchema | undefined): string {
  const fields = row.fields.map((value, i) => javaString(value, table?.columns[i]?.type)).join(', ');
  return `SeaTunnelRow{tableId=${row.tableId}, kind=${row.kind}, fields=[${fields}]}`;
}
