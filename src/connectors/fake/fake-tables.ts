import { OptionError, type ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { TableSchema } from '../../core/table.js';
import { isPlainObject } from '../common/config-path.js';
import { readNestedOptions } from '../common/nested-options.js';
import { convertExplicitRows, type ExplicitRow } from './explicit-rows.js';
import { FAKE_SOURCE_OPTIONS } from './fake-options.js';
import { checkFakeSettings, readFakeSettings, type FakeSettings } from './fake-settings.js';
import { checkTablePath, parseSchemaConfig } from '../common/schema-config.js';

/** One table a FakeSource emits: its schema, how to generate it, and its explicit rows if any. */
export interface FakeTable {
  schema: TableSchema;
  settings: FakeSettings;
  rows: ExplicitRow[] | undefined;
}

/** Options a `tables_configs` entry may set: everything but the multi-table options themselves. */
const ENTRY_OPTIONS = FAKE_SOURCE_OPTIONS.filter((spec) => spec.key !== 'tables_configs' && spec.key !== 'table-names');

/**
 * The tables of a FakeSource (SeaTunnel's MultipleTableFakeSourceConfig): one per
 * `tables_configs` entry, each a standalone config (nothing is inherited from the outer block,
 * and the entry's path defaults to `default.default.default` like any config without
 * plugin_output); else one per `table-names` entry with the outer schema; else the outer schema.
 * Throws OptionError for anything unusable; paths must be unique.
 */
export function resolveFakeTables(options: OptionValues, outputName: string | undefined): FakeTable[] {
  const entries = options['tables_configs'];
  const tables: FakeTable[] = [];
  if (Array.isArray(entries) && entries.length > 0) {
    entries.forEach((entry, i) => {
      const where = `tables_configs[${i}]`;
      if (!isPlainObject(entry)) throw new OptionError(where, 'expected a FakeSource config object');
      const { values, problems } = readNestedOptions(ENTRY_OPTIONS, entry, where);
      problems.push(...checkFakeSettings(values, `${where}.`));
      const first = problems[0];
      if (first !== undefined) throw new OptionError(first.path, first.message);
      if (values['schema'] === undefined) throw new OptionError(`${where}.schema`, 'is required');
      const schema = parseSchemaConfig(values['schema'], undefined, `${where}.schema`);
      tables.push(makeTable(schema, values, `${where}.rows`));
    });
  } else {
    if (options['schema'] === undefined) throw new OptionError('schema', 'is required (or tables_configs)');
    const schema = parseSchemaConfig(options['schema'], outputName, 'schema');
    const names = options['table-names'];
    if (Array.isArray(names) && names.length > 0) {
      for (const name of names as string[]) {
        const path = checkTablePath(String(name), (message) => {
          throw new OptionError('table-names', message);
        });
        tables.push(makeTable({ ...schema, tablePath: path }, options, 'rows'));
      }
    } else {
      tables.push(makeTable(schema, options, 'rows'));
    }
  }
  const paths = tables.map((table) => table.schema.tablePath);
  if (new Set(paths).size !== paths.length) {
    throw new OptionError(tables.length > 1 && Array.isArray(entries) ? 'tables_configs' : 'table-names', `table name: [${paths.join(', ')}] must be unique`);
  }
  return tables;
}

function makeTable(schema: TableSchema, options: OptionValues, rowsPath: string): FakeTable {
  const settings = readFakeSettings(options);
  const rows = settings.rows === undefined ? undefined : convertExplicitRows(settings.rows, schema, rowsPath);
  return { schema, settings, rows };
}

/** Checks between options, reported all at once at validation time (paths are option keys). */
export function validateFakeOptions(options: OptionValues): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const entries = options['tables_configs'];
  const multi = Array.isArray(entries) && entries.length > 0;
  if (!multi && options['schema'] === undefined) problems.push({ path: 'schema', message: 'is required unless tables_configs is given' });
  if (multi && options['schema'] !== undefined) {
    problems.push({ path: 'tables_configs', message: 'schema and tables_configs exclude each other: put the schema inside each entry' });
  }
  const names = options['table-names'];
  if (multi && Array.isArray(names) && names.length > 0) {
    problems.push({ path: 'table-names', message: 'table-names and tables_configs exclude each other: give each entry its own schema.table' });
  }
  if (!multi) return [...problems, ...checkFakeSettings(options, '')];
  (entries as unknown[]).forEach((entry, i) => {
    const where = `tables_configs[${i}]`;
    if (!isPlainObject(entry)) {
      problems.push({ path: where, message: 'expected a FakeSource config object' });
      return;
    }
    if (Object.hasOwn(entry, 'tables_configs')) problems.push({ path: `${where}.tables_configs`, message: 'nested tables_configs is not supported' });
    const nested = readNestedOptions(ENTRY_OPTIONS, entry, where);
    problems.push(...nested.problems, ...checkFakeSettings(nested.values, `${where}.`));
    if (nested.values['schema'] === undefined) problems.push({ path: `${where}.schema`, message: 'is required' });
  });
  return problems;
}
