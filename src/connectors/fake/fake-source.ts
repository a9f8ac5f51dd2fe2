import { SluiceError } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { PluginContext, SourcePlugin, SourceReader, SourceSplit } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { FastRandom } from './fast-random.js';
import { FAKE_SOURCE_OPTIONS } from './fake-options.js';
import { FakeRowGenerator } from './fake-row-generator.js';
import { FakeSourceReader, type FakeTableSource } from './fake-source-reader.js';
import { planFakeSplits } from './fake-splits.js';
import { resolveFakeTables, validateFakeOptions, type FakeTable } from './fake-tables.js';

/**
 * FakeSource: generates rows for a declared schema, at random or from explicit `rows`, for tests
 * and benchmarks. Row counts follow SeaTunnel exactly: per table, each parallel reader emits
 * row.num random rows, or (with `rows`) rows.length × its number of splits. Bounded in BATCH
 * mode; in STREAMING mode the engine keeps the finished readers alive.
 */
export const fakeSource: SourcePlugin = {
  name: 'FakeSource',
  type: 'source',
  description: 'Generates rows of a declared schema, at random or from explicit rows (SeaTunnel FakeSource).',
  bounded: true,
  // snapshotSplits carries each split's emitted count, so a restored reader resumes after it.
  restorable: true,
  options: FAKE_SOURCE_OPTIONS,
  validate: validateFakeOptions,

  tables(options: OptionValues, outputName: string | undefined): TableSchema[] {
    return resolveFakeTables(options, outputName).map((table) => table.schema);
  },

  planSplits(options: OptionValues, tables: TableSchema[], parallelism: number): SourceSplit[] {
    const resolved = withPaths(options, tables);
    return planFakeSplits(
      resolved.map((table) => ({ tablePath: table.schema.tablePath, rowNum: table.settings.rowNum, splitNum: table.settings.splitNum })),
      parallelism,
    );
  },

  createReader(options: OptionValues, tables: TableSchema[], _context: PluginContext): SourceReader {
    const resolved = withPaths(options, tables);
    const random = new FastRandom();
    const sources = new Map<string, FakeTableSource>();
    for (const table of resolved) {
      sources.set(table.schema.tablePath, { generator: new FakeRowGenerator(table.schema, table.settings, random), rows: table.rows });
    }
    const interval = Math.min(...resolved.map((table) => table.settings.splitReadInterval));
    const seed = options['seed'] === undefined ? undefined : { value: Number(BigInt.asIntN(32, BigInt(options['seed'] as number | bigint))), random };
    return new FakeSourceReader(sources, Number.isFinite(interval) ? interval : 0, seed);
  },
};

/**
 * Resolves the tables again and takes their paths from `tables` (what `tables()` returned at
 * plan time), because only that call knew the plugin_output name.
 */
function withPaths(options: OptionValues, tables: TableSchema[]): FakeTable[] {
  const resolved = resolveFakeTables(options, undefined);
  if (resolved.length !== tables.length) {
    throw new SluiceError('PLUGIN_FAILED', `FakeSource resolved ${resolved.length} tables but the plan has ${tables.length}`);
  }
  return resolved.map((table, i) => ({ ...table, schema: { ...table.schema, tablePath: (tables[i] as TableSchema).tablePath } }));
}
