import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema as parquetSchemaTree, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { SluiceError } from '../../core/errors.js';
import type { SourceReader, SourceSplit } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import type { Column } from '../../core/table.js';
import { readerSplit, type FileSplit } from './file-splits.js';
import { parquetDecompressors } from './parquet-codecs.js';
import { RAW_PARSERS, rawMetadata } from './parquet-read-options.js';
import { ParquetValueError, readConverter, type ReadConverter } from './parquet-values.js';
import { partitionValues } from './source-partitions.js';

interface OpenFile {
  split: FileSplit;
  file: AsyncBuffer;
  metadata: FileMetaData;
  /** First row of each row group, and the file's row count at the end. */
  groupStarts: number[];
  /** For each file column of the table: its name in the file (undefined when the file lacks it) and converter. */
  columns: { name: string | undefined; convert: ReadConverter }[];
  partitions: (string | null)[];
  /** Rows of the current row group from split.offset on, and how many of them were handed out. */
  rows: Record<string, unknown>[];
  taken: number;
}

/**
 * Reads Parquet splits (one per file) row group by row group, handing out at most `maxRows` rows
 * per poll. A split's `offset` counts the rows of its file already returned, so a restored reader
 * starts at that row: it reads the row group holding it and skips the rows before it.
 * Columns are found by name (exactly, else ignoring case); a column the file lacks reads as NULL.
 */
export class LocalParquetSourceReader implements SourceReader {
  private readonly pending: FileSplit[] = [];
  private current: OpenFile | undefined;

  constructor(
    private readonly fileColumns: readonly Column[],
    private readonly partitionNames: readonly string[],
  ) {}

  addSplits(splits: SourceSplit[]): void {
    for (const split of splits) this.pending.push(readerSplit(split));
  }

  async poll(maxRows: number): Promise<Row[] | null> {
    const limit = Math.max(1, Math.floor(maxRows));
    const out: Row[] = [];
    while (out.length < limit) {
      if (this.current === undefined) {
        const next = this.pending.shift();
        if (next === undefined) return out.length > 0 ? out : null;
        this.current = await this.openSplit(next);
      }
      const open = this.current;
      const { split } = open;
      if (open.taken >= open.rows.length) {
        const total = open.groupStarts[open.groupStarts.length - 1] as number;
        if (split.offset >= total) {
          this.current = undefined;
          continue;
        }
        await this.load(open);
        continue;
      }
      const count = Math.min(limit - out.length, open.rows.length - open.taken);
      const width = open.columns.length;
      for (let r = 0; r < count; r++) {
        const record = open.rows[open.taken + r] as Record<string, unknown>;
        const fields = new Array<unknown>(width + open.partitions.length);
        for (let c = 0; c < width; c++) {
          const column = open.columns[c] as OpenFile['columns'][number];
          try {
            fields[c] = column.name === undefined ? null : column.convert(record[column.name]);
          } catch (error) {
            throw this.failure(split, `row ${split.offset + r + 1}, column ${this.fileColumns[c]?.name}: ${(error as Error).message}`, error);
          }
        }
        for (let p = 0; p < open.partitions.length; p++) fields[width + p] = open.partitions[p];
        out.push({ kind: '+I', tableId: split.tablePath, fields });
      }
      open.taken += count;
      split.offset += count;
      split.records = split.offset;
    }
    return out;
  }

  snapshotSplits(): SourceSplit[] {
    const owned = this.current === undefined ? this.pending : [this.current.split, ...this.pending];
    return owned.map((split) => ({ ...split }));
  }

  close(): void {
    this.current = undefined;
  }

  private async openSplit(split: FileSplit): Promise<OpenFile> {
    let file: AsyncBuffer;
    let metadata: FileMetaData;
    try {
      file = await asyncBufferFromFile(split.path);
      metadata = await parquetMetadataAsync(file, { parsers: RAW_PARSERS });
    } catch (error) {
      throw this.failure(split, `not a readable Parquet file: ${(error as Error).message}`, error);
    }
    const root: SchemaTree = parquetSchemaTree(metadata);
    const columns = this.fileColumns.map((column) => {
      const node = root.children.find((child) => child.element.name === column.name) ?? root.children.find((child) => child.element.name.toLowerCase() === column.name.toLowerCase());
      if (node === undefined) return { name: undefined, convert: (): unknown => null };
      try {
        return { name: node.element.name, convert: readConverter(node, column.type, `column ${column.name}`) };
      } catch (error) {
        if (error instanceof ParquetValueError) throw this.failure(split, error.message, error);
        throw error;
      }
    });
    const groupStarts = [0];
    for (const group of metadata.row_groups) groupStarts.push((groupStarts[groupStarts.length - 1] as number) + Number(group.num_rows));
    return { split, file, metadata, groupStarts, columns, partitions: partitionValues(split.path, this.partitionNames), rows: [], taken: 0 };
  }

  /** Reads the rest of the row group that holds the split's next row. */
  private async load(open: OpenFile): Promise<void> {
    const start = open.split.offset;
    const group = open.groupStarts.findIndex((first, i) => start >= first && start < (open.groupStarts[i + 1] ?? -1));
    const end = open.groupStarts[group + 1] as number;
    const names = open.columns.flatMap((column) => (column.name === undefined ? [] : [column.name]));
    let rows: Record<string, unknown>[] = [];
    if (names.length === 0) {
      rows = Array.from({ length: end - start }, () => ({}));
    } else {
      try {
        await parquetRead({
          file: open.file,
          metadata: rawMetadata(open.metadata),
          columns: names,
          rowStart: start,
          rowEnd: end,
          rowFormat: 'object',
          utf8: false,
          parsers: RAW_PARSERS,
          compressors: parquetDecompressors(),
          onComplete: (data) => {
            rows = data;
          },
        });
      } catch (error) {
        throw this.failure(open.split, `cannot read rows ${start + 1} to ${end}: ${(error as Error).message}`, error);
      }
    }
    open.rows = rows;
    open.taken = 0;
  }

  private failure(split: FileSplit, message: string, cause?: unknown): SluiceError {
    return new SluiceError('PLUGIN_FAILED', `LocalFile: cannot read ${split.path}: ${message}`, { cause });
  }
}
