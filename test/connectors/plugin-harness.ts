import type { OptionValues } from '../../src/core/option-spec.js';
import type { JobMode, Plugin, SinkContext, SinkPlugin, SourcePlugin } from '../../src/core/plugin.js';
import type { Row } from '../../src/core/row.js';
import type { TableSchema } from '../../src/core/table.js';

/**
 * Drives connectors through the plugin contract the way the engine will: options defaulted from
 * the specs (as config validation hands them over), tables() at plan time, splits dealt to
 * readers (split k → reader k % parallelism), poll until null, writers then finish.
 * Tests pass options keyed by declared key with values shaped like parsed HOCON, so they convert
 * to config-text tests by writing the same block as HOCON.
 */
export function withDefaults(plugin: Plugin, raw: Record<string, unknown>): OptionValues {
  const values: Record<string, unknown> = {};
  for (const spec of plugin.options) values[spec.key] = raw[spec.key] ?? spec.default;
  return values;
}

export interface TestContext extends SinkContext {
  logs: string[];
  abort(): void;
}

export function testContext(subtaskIndex = 0, parallelism = 1, jobMode: JobMode = 'BATCH'): TestContext {
  const controller = new AbortController();
  const logs: string[] = [];
  return {
    jobId: '1',
    subtaskIndex,
    parallelism,
    jobMode,
    signal: controller.signal,
    configuredName: 'test',
    logs,
    abort: () => controller.abort(),
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(`WARN ${m}`), error: (m) => logs.push(`ERROR ${m}`) },
  };
}

export interface SourceRun {
  tables: TableSchema[];
  /** Rows per reader, in emission order. */
  byReader: Row[][];
  all: Row[];
  polls: number;
}

export async function readSource(
  plugin: SourcePlugin,
  raw: Record<string, unknown>,
  { parallelism = 1, outputName, maxRows = 1024 }: { parallelism?: number; outputName?: string; maxRows?: number } = {},
): Promise<SourceRun> {
  const options = withDefaults(plugin, raw);
  const tables = plugin.tables(options, outputName);
  const splits = await plugin.planSplits(options, tables, parallelism);
  const byReader: Row[][] = [];
  let polls = 0;
  for (let r = 0; r < parallelism; r++) {
    const reader = plugin.createReader(options, tables, testContext(r, parallelism));
    await reader.open?.();
    reader.addSplits(splits.filter((_, k) => k % parallelism === r));
    const rows: Row[] = [];
    for (;;) {
      const batch = await reader.poll(maxRows);
      polls++;
      if (batch === null) break;
      if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      rows.push(...batch);
    }
    await reader.close?.();
    byReader.push(rows);
  }
  return { tables, byReader, all: byReader.flat(), polls };
}

export interface SinkRun {
  contexts: TestContext[];
  results: unknown[];
}

/** One writer per entry of `batchesPerWriter` (each a list of batches), then finish. */
export async function runSink(plugin: SinkPlugin, raw: Record<string, unknown>, tables: TableSchema[], batchesPerWriter: Row[][][]): Promise<SinkRun> {
  const options = withDefaults(plugin, raw);
  const contexts: TestContext[] = [];
  const results: unknown[] = [];
  for (let w = 0; w < batchesPerWriter.length; w++) {
    const context = testContext(w, batchesPerWriter.length);
    contexts.push(context);
    const writer = plugin.createWriter(options, tables, context);
    await writer.open?.();
    for (const batch of batchesPerWriter[w] ?? []) await writer.write(batch);
    results.push(await writer.close?.());
  }
  await plugin.finish?.(options, tables, results, testContext());
  return { contexts, results };
}

export function insert(tableId: string, ...fields: unknown[]): Row {
  return { kind: '+I', tableId, fields };
}
