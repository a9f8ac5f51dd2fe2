import { OptionError, SluiceError, type ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { PluginContext, SinkContext, SinkPlugin, SinkWriter } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { parseAssertRules, type AssertRules } from './assert-rules.js';
import { AssertSinkWriter, type AssertWriterSummary } from './assert-sink-writer.js';
import { ruleText } from './assert-text.js';
import { checkCatalogTableRule } from './catalog-table-rule.js';
import { compileTableRules, type CompiledTableRules } from './compiled-rules.js';

/**
 * Assert: fails the job when the data breaks the configured rules (SeaTunnel's Assert sink, what
 * its e2e tests rely on). When each rule is checked:
 * - rule syntax: `validate`; field names, equals_to values and catalog_table_rule against the
 *   input tables: `check` (plan time);
 * - field rules: every row, in the writers;
 * - row rules (MAX_ROW / MIN_ROW) and table-names: once in `finish`, over all writers together.
 */
export const assertSink: SinkPlugin = {
  name: 'Assert',
  type: 'sink',
  exactlyOnce: false,
  description: 'Fails the job when rows, row counts, table names or the table schema break the configured rules (SeaTunnel Assert).',
  options: [
    {
      key: 'rules',
      type: 'object',
      required: true,
      description:
        'The rules: `row_rules` [{rule_type = MAX_ROW|MIN_ROW, rule_value}], `field_rules` [{field_name, field_type, field_value [{rule_type = NULL|NOT_NULL|MIN|MAX|MIN_LENGTH|MAX_LENGTH, rule_value, equals_to}]}], `catalog_table_rule` {primary_key_rule, constraint_key_rule, column_rule}, `table-names` [..] (the exact set of tables seen), `tables_configs` [{table_path, row_rules, field_rules, catalog_table_rule}] (rules per table).',
      example: 'rules { row_rules = [{ rule_type = MIN_ROW, rule_value = 5 }], field_rules = [{ field_name = id, field_type = bigint, field_value = [{ rule_type = NOT_NULL }] }] }',
    },
  ],

  validate(options: OptionValues): ConfigProblem[] {
    // A missing `rules` is reported by the option spec (required).
    if (options['rules'] === undefined) return [];
    return parseAssertRules(options['rules']).problems;
  },

  check(options: OptionValues, tables: TableSchema[]): ConfigProblem[] {
    const { rules, problems: parseProblems } = parseAssertRules(options['rules']);
    if (parseProblems.some((p) => p.severity !== 'warning')) return [];
    const problems: ConfigProblem[] = [];
    for (const table of tables) {
      problems.push(...compileTableRules(rules, table).problems);
      for (const entry of rules.tables) {
        if (entry.catalogRule === undefined || (entry.tablePath !== undefined && entry.tablePath !== table.tablePath)) continue;
        const broken = checkCatalogTableRule(entry.catalogRule, table);
        if (broken !== undefined) problems.push({ path: `${entry.path}.catalog_table_rule`, message: `table "${table.tablePath}": ${broken}` });
      }
    }
    // A tables_configs entry naming no input table is allowed, as in SeaTunnel (its row rules then
    // see 0 rows). No warning here: problems from check() all refuse the plan.
    return problems;
  },

  createWriter(options: OptionValues, tables: TableSchema[], _context: SinkContext): SinkWriter {
    const rules = usableRules(options);
    const byTable = new Map<string, CompiledTableRules>();
    for (const table of tables) {
      const { compiled, problems } = compileTableRules(rules, table);
      const first = problems[0];
      if (first !== undefined) throw new OptionError(first.path, first.message);
      byTable.set(table.tablePath, compiled);
    }
    return new AssertSinkWriter(byTable, tables.length === 1 ? byTable.get((tables[0] as TableSchema).tablePath) : undefined);
  },

  finish(options: OptionValues, tables: TableSchema[], results: unknown[], _context: PluginContext): void {
    const rules = usableRules(options);
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    for (const result of results as (AssertWriterSummary | undefined)[]) {
      for (const [table, count] of result?.counts ?? []) counts.set(table, (counts.get(table) ?? 0) + count);
      for (const id of result?.tableIds ?? []) seen.add(id);
    }
    for (const entry of rules.tables) {
      if (entry.rowRules === undefined) continue;
      const targets = entry.tablePath === undefined ? tables.map((table) => table.tablePath) : [entry.tablePath];
      for (const target of targets) {
        const count = counts.get(target) ?? 0;
        for (const rule of entry.rowRules) {
          const limit = rule.ruleValue as number;
          const broken = (rule.ruleType === 'MAX_ROW' && !(count <= limit)) || (rule.ruleType === 'MIN_ROW' && !(count >= limit));
          if (broken) throw new SluiceError('ASSERTION_FAILED', `row num :${count} fail rule: ${ruleText(rule)}`);
        }
      }
    }
    if (rules.tableNames.length > 0 && !sameSet(new Set(rules.tableNames), seen)) {
      throw new SluiceError('ASSERTION_FAILED', `table names: [${[...seen].join(', ')}] is not equal to [${rules.tableNames.join(', ')}]`);
    }
  },
};

/** The parsed rules; validate() has reported any problem already, so one here is a bug upstream. */
function usableRules(options: OptionValues): AssertRules {
  const { rules, problems } = parseAssertRules(options['rules']);
  const error = problems.find((p) => p.severity !== 'warning');
  if (error !== undefined) throw new OptionError(error.path, error.message);
  return rules;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
