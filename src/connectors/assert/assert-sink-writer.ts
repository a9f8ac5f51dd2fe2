import { SluiceError } from '../../core/errors.js';
import type { SinkWriter } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import { fieldRuleText, rowText } from './assert-text.js';
import type { CompiledFieldRule, CompiledTableRules } from './compiled-rules.js';
import { ruleHolds, typeMatches } from './field-rule-check.js';

/** What one writer saw, handed to AssertSink.finish: rows per table and table ids in first-seen order. */
export interface AssertWriterSummary {
  counts: [string, number][];
  tableIds: string[];
}

/**
 * Checks field rules row by row (SeaTunnel's AssertSinkWriter.write): the first rule a row breaks
 * fails the job with `row :<row> fail rule: <rule>`. Counts rows per table for the row rules,
 * which `finish` evaluates over the sum of all writers (SeaTunnel sums them in a JVM-wide
 * accumulator).
 */
export class AssertSinkWriter implements SinkWriter {
  private readonly counts = new Map<string, number>();
  private readonly tableIds = new Set<string>();

  constructor(
    private readonly rulesByTable: ReadonlyMap<string, CompiledTableRules>,
    /** With a single input table every row belongs to it, whatever its tableId (as in SeaTunnel). */
    private readonly onlyTable: CompiledTableRules | undefined,
  ) {}

  write(rows: Row[]): void {
    let lastId: string | undefined;
    let compiled: CompiledTableRules | undefined;
    let key = '';
    let count = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Row;
      if (row.tableId !== lastId) {
        if (count > 0) this.counts.set(key, (this.counts.get(key) ?? 0) + count);
        count = 0;
        lastId = row.tableId;
        compiled = this.rulesByTable.get(row.tableId) ?? this.onlyTable;
        key = compiled?.table.tablePath ?? row.tableId;
        this.tableIds.add(row.tableId);
      }
      // Counted before checking, as SeaTunnel accumulates before it asserts.
      count++;
      if (compiled !== undefined && compiled.fieldRules.length > 0) this.check(row, compiled, key, count);
    }
    if (count > 0) this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  close(): AssertWriterSummary {
    return { counts: [...this.counts], tableIds: [...this.tableIds] };
  }

  private check(row: Row, compiled: CompiledTableRules, key: string, pendingCount: number): void {
    for (const field of compiled.fieldRules) {
      if (!fieldPasses(row.fields[field.index], field)) {
        this.counts.set(key, (this.counts.get(key) ?? 0) + pendingCount);
        throw new SluiceError('ASSERTION_FAILED', `row :${rowText(row, compiled.table)} fail rule: ${fieldRuleText(field.rule)}`);
      }
    }
  }
}

function fieldPasses(value: unknown, field: CompiledFieldRule): boolean {
  if (field.rule.fieldType !== undefined && !typeMatches(value, field.rule.fieldType, field.columnType)) return false;
  const rules = field.rule.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule !== undefined && !ruleHolds(value, field.columnType, rule, field.expected[i])) return false;
  }
  return true;
}
