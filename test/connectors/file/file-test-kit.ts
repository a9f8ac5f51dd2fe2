import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after } from 'node:test';
import { localFileSink } from '../../../src/connectors/file/local-file-sink.js';
import { localFileSource } from '../../../src/connectors/file/local-file-source.js';
import type { OptionValues } from '../../../src/core/option-spec.js';
import type { SinkWriter, SourceReader, SourceSplit } from '../../../src/core/plugin.js';
import type { Row } from '../../../src/core/row.js';
import type { TableSchema } from '../../../src/core/table.js';
import { testContext, withDefaults, type TestContext } from '../plugin-harness.js';

/** Helpers for LocalFile tests: real temporary directories, the plugin contract, nothing mocked. */

const created: string[] = [];
after(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-file-'));
  created.push(dir);
  return dir;
}

export function jobContext(jobId = '733584788375666689', subtaskIndex = 0, parallelism = 1): TestContext {
  return { ...testContext(subtaskIndex, parallelism), jobId };
}

export function sinkOptions(raw: Record<string, unknown>): OptionValues {
  return withDefaults(localFileSink, raw);
}

export function sourceOptions(raw: Record<string, unknown>): OptionValues {
  return withDefaults(localFileSource, raw);
}

export function sinkWriter(raw: Record<string, unknown>, tables: TableSchema[], context = jobContext()): SinkWriter {
  return localFileSink.createWriter(sinkOptions(raw), tables, context);
}

/** One writer, one checkpoint: write the batches, prepare, commit. Returns the commit info. */
export async function writeAndCommit(raw: Record<string, unknown>, tables: TableSchema[], batches: Row[][], context = jobContext()): Promise<unknown> {
  const writer = sinkWriter(raw, tables, context);
  await writer.open?.();
  for (const batch of batches) await writer.write(batch);
  const info = await writer.prepareCommit?.(1);
  await writer.close?.();
  await localFileSink.commit?.(sinkOptions(raw), tables, [info], context);
  return info;
}

export async function sourceSplits(raw: Record<string, unknown>, outputName?: string): Promise<{ options: OptionValues; tables: TableSchema[]; splits: SourceSplit[] }> {
  const options = sourceOptions(raw);
  const tables = localFileSource.tables(options, outputName);
  return { options, tables, splits: await localFileSource.planSplits(options, tables, 1) };
}

export function sourceReader(options: OptionValues, tables: TableSchema[]): SourceReader {
  return localFileSource.createReader(options, tables, jobContext());
}

/** Polls until null; returns every row and the size of each batch. */
export async function drain(reader: SourceReader, maxRows = 1000): Promise<{ rows: Row[]; batches: number[] }> {
  const rows: Row[] = [];
  const batches: number[] = [];
  for (let batch = await reader.poll(maxRows); batch !== null; batch = await reader.poll(maxRows)) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { rows, batches };
}

export async function readAll(raw: Record<string, unknown>, maxRows = 1000): Promise<Row[]> {
  const { options, tables, splits } = await sourceSplits(raw);
  const reader = sourceReader(options, tables);
  reader.addSplits(splits);
  const { rows } = await drain(reader, maxRows);
  await reader.close?.();
  return rows;
}

/** Every file below `dir`, hidden ones included, as sorted relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export function insert(tableId: string, ...fields: unknown[]): Row {
  return { kind: '+I', tableId, fields };
}
