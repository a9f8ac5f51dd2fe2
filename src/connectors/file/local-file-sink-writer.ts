import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DataType } from '../../core/data-type.js';
import { SluiceError } from '../../core/errors.js';
import type { SinkContext, SinkWriter } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import type { TableSchema } from '../../core/table.js';
import type { FileCommitInfo, StagedFile } from './file-commit.js';
import { syncDirectory } from './file-commit.js';
import { fileExtension } from './file-format.js';
import { fileName, transactionId } from './file-name.js';
import type { FileSinkSettings } from './file-sink-settings.js';
import { partitionDirectory, partitionText } from './partition-path.js';
import { ParquetFileBody } from './parquet-file-body.js';
import { RowEncoder } from './row-encoder.js';
import { stagingDirectory, tableDirectory } from './table-directory.js';
import { partitionIndices, writtenColumnIndices } from './written-columns.js';

/** Text buffered per file before it is written (and, with gzip, compressed as one gzip member). */
const FLUSH_CHARS = 1 << 20;

interface OpenFile {
  /** The table path, and the partition directory after a NUL when partitioned: keys openFiles and parts. */
  key: string;
  /** Where the file is published: the table directory, or its partition directory. */
  directory: string;
  path: string;
  fd: number;
  rows: number;
  chunks: string[];
  chars: number;
  /** Set for parquet files, which buffer columns instead of text. */
  parquet: ParquetFileBody | undefined;
}

interface TableOutput {
  encoder: RowEncoder;
  directory: string;
  table: TableSchema;
  /** The row's partition directory (relative), or undefined when the output is not partitioned. */
  partitionOf: ((values: readonly unknown[]) => string) | undefined;
}

/**
 * Writes the rows of one subtask, one file set per table (SeaTunnel's AbstractWriteStrategy).
 *
 * With transactions (the default), rows go to files in the hidden staging directory
 * `<table dir>/.sluice-staging/<jobId>/`, named by this writer's random id, so a directory
 * listing never shows uncommitted rows. `prepareCommit(checkpointId)` writes out, fsyncs and
 * closes them and returns the final names they get when the sink's `commit` renames them:
 * `T_<jobId>_<writer id>_<subtask>_<checkpointId>_<part>.<ext>` by default, unique per writer,
 * subtask and checkpoint. Without transactions, rows go straight to files with those names, a new
 * set after every checkpoint.
 *
 * A file is started on the first row of a table (and, with partition_by, of a partition
 * directory) after a checkpoint (no empty files) and rolled after batch_size rows. Existing files
 * are never overwritten (files are created exclusively). Parquet files buffer a row group of
 * columns at a time and get their footer when they are completed; staged parquet files are
 * therefore complete files, published by the same rename.
 */
export class LocalFileSinkWriter implements SinkWriter {
  /** SeaTunnel's uuidPrefix: different for every writer, including restored ones. */
  private readonly writerId = randomBytes(5).toString('hex');
  private readonly outputs = new Map<string, TableOutput>();
  private readonly openFiles = new Map<string, OpenFile>();
  /** Files of the current transaction already closed (rolled by batch_size), waiting for prepareCommit. */
  private finished: OpenFile[] = [];
  private sequence = 0;
  /** The checkpoint the rows written now belong to (names non-transactional files). */
  private checkpointId = 1;
  private readonly parts = new Map<string, number>();
  private readonly extension: string;
  private closed = false;

  constructor(
    tables: readonly TableSchema[],
    private readonly settings: FileSinkSettings,
    private readonly context: SinkContext,
  ) {
    this.extension = fileExtension(settings.format, settings.codec);
    for (const table of tables) {
      this.outputs.set(table.tablePath, {
        encoder: new RowEncoder(table, settings),
        directory: tableDirectory(settings.path, table.tablePath, tables.length),
        table,
        partitionOf: partitioner(table, settings),
      });
    }
  }

  write(rows: Row[]): void {
    let tableId: string | undefined;
    let output: TableOutput | undefined;
    let file: OpenFile | undefined;
    const rowDelimiter = this.settings.rowDelimiter;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Row;
      if (row.tableId !== tableId || file === undefined || output === undefined || output.partitionOf !== undefined) {
        if (row.tableId !== tableId || output === undefined) {
          tableId = row.tableId;
          output = this.outputs.get(tableId);
          if (output === undefined) throw new SluiceError('PLUGIN_FAILED', `LocalFile sink got a row of table "${tableId}", which is not one of its input tables`);
        }
        const partition = output.partitionOf === undefined ? '' : output.partitionOf(row.fields);
        const key = partition === '' ? tableId : `${tableId}\u0000${partition}`;
        file = this.openFiles.get(key) ?? this.startFile(key, output, partition);
      }
      if (file.parquet !== undefined) {
        file.parquet.add(row.fields);
        file.rows++;
        if (file.rows >= this.settings.batchSize) {
          this.finishFile(file);
          file = undefined;
        }
        continue;
      }
      const line = output.encoder.encode(row.fields);
      file.chunks.push(line, rowDelimiter);
      file.chars += line.length + rowDelimiter.length;
      file.rows++;
      if (file.rows >= this.settings.batchSize) {
        this.finishFile(file);
        file = undefined;
      } else if (file.chars >= FLUSH_CHARS) {
        this.flush(file);
      }
    }
  }

  prepareCommit(checkpointId: number): FileCommitInfo | undefined {
    for (const file of [...this.openFiles.values()]) this.finishFile(file);
    const finished = this.finished;
    this.finished = [];
    this.parts.clear();
    this.checkpointId = checkpointId + 1;
    if (!this.settings.transactional) {
      for (const directory of new Set(finished.map((f) => f.directory))) syncDirectory(directory);
      return undefined;
    }
    if (finished.length === 0) return undefined;
    const transaction = transactionId(this.context.jobId, this.writerId, this.context.subtaskIndex, checkpointId);
    const now = new Date();
    const files: StagedFile[] = finished.map((file) => ({
      staged: file.path,
      final: join(file.directory, fileName(this.settings.fileNameExpression, this.settings.filenameTimeFormat, transaction, this.nextPart(file.key), this.extension, now)),
    }));
    return { files };
  }

  /**
   * Ends the writer. Staged files no `prepareCommit` handed out (a cancelled or failed run) are
   * deleted: no commit will ever publish them. Without transactions, open files are completed.
   */
  close(): undefined {
    if (this.closed) return undefined;
    this.closed = true;
    if (!this.settings.transactional) {
      for (const file of [...this.openFiles.values()]) this.finishFile(file);
      return undefined;
    }
    for (const file of this.openFiles.values()) {
      try {
        closeSync(file.fd);
      } catch {
        // already closed
      }
      rmSync(file.path, { force: true });
    }
    this.openFiles.clear();
    for (const file of this.finished) rmSync(file.path, { force: true });
    this.finished = [];
    return undefined;
  }

  private startFile(key: string, output: TableOutput, partition: string): OpenFile {
    let directory: string;
    let path: string;
    const finalDirectory = partition === '' ? output.directory : join(output.directory, partition);
    if (this.settings.transactional) {
      directory = stagingDirectory(output.directory, this.context.jobId);
      path = join(directory, `${this.writerId}_${this.context.subtaskIndex}_${this.sequence++}${this.extension}`);
    } else {
      directory = finalDirectory;
      const transaction = transactionId(this.context.jobId, this.writerId, this.context.subtaskIndex, this.checkpointId);
      path = join(directory, fileName(this.settings.fileNameExpression, this.settings.filenameTimeFormat, transaction, this.nextPart(key), this.extension, new Date()));
    }
    let fd: number;
    try {
      mkdirSync(directory, { recursive: true });
      fd = openSync(path, 'wx');
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot create ${path}: ${(error as Error).message}`, { cause: error });
    }
    const file: OpenFile = { key, directory: finalDirectory, path, fd, rows: 0, chunks: [], chars: 0, parquet: undefined };
    if (this.settings.format === 'parquet') {
      const indices = writtenColumnIndices(output.table, this.settings);
      const fields = indices.map((i) => output.table.columns[i] as { name: string; type: DataType });
      try {
        file.parquet = new ParquetFileBody(fd, path, fields, indices, this.settings.codec);
      } catch (error) {
        closeSync(fd);
        rmSync(path, { force: true });
        throw error;
      }
    } else {
      const header = output.encoder.header();
      if (header !== undefined) {
        file.chunks.push(header, this.settings.rowDelimiter);
        file.chars += header.length + this.settings.rowDelimiter.length;
      }
    }
    this.openFiles.set(key, file);
    return file;
  }

  private nextPart(key: string): number {
    const part = this.parts.get(key) ?? 0;
    this.parts.set(key, part + 1);
    return part;
  }

  private flush(file: OpenFile): void {
    if (file.parquet !== undefined) {
      file.parquet.flush();
      return;
    }
    if (file.chunks.length === 0) return;
    const text = file.chunks.join('');
    file.chunks = [];
    file.chars = 0;
    const encoding = this.settings.encoding;
    if (encoding.maxCode < 0x10ffff) {
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) > encoding.maxCode) {
          throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot write ${JSON.stringify(text[i])} to ${file.path} in ${encoding.label}; choose encoding UTF-8`);
        }
      }
    }
    let bytes = Buffer.from(text, encoding.buffer);
    if (this.settings.codec === 'gzip') bytes = gzipSync(bytes);
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(file.fd, bytes, done, bytes.length - done);
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot write ${file.path}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Writes out, fsyncs and closes a file; with transactions it then waits for prepareCommit. */
  private finishFile(file: OpenFile): void {
    if (file.parquet !== undefined) file.parquet.finish();
    else this.flush(file);
    try {
      fsyncSync(file.fd);
      closeSync(file.fd);
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot complete ${file.path}: ${(error as Error).message}`, { cause: error });
    }
    this.openFiles.delete(file.key);
    this.finished.push(file);
  }
}

/** The partition directory of a row of `table`, or undefined when the sink does not partition. */
function partitioner(table: TableSchema, settings: FileSinkSettings): ((values: readonly unknown[]) => string) | undefined {
  if (settings.partitionBy.length === 0) return undefined;
  const indices = partitionIndices(table, settings);
  const types = indices.map((i) => (table.columns[i] as { type: DataType }).type);
  const directory = partitionDirectory(settings.partitionDirExpression, indices.map((i) => (table.columns[i] as { name: string }).name));
  return (values) => directory(indices.map((index, k) => partitionText(values[index], types[k] as DataType)));
}
