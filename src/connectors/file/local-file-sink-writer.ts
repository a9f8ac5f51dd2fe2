import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SluiceError } from '../../core/errors.js';
import type { SinkContext, SinkWriter } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import type { TableSchema } from '../../core/table.js';
import type { FileCommitInfo, StagedFile } from './file-commit.js';
import { syncDirectory } from './file-commit.js';
import { fileExtension } from './file-format.js';
import { fileName, transactionId } from './file-name.js';
import type { FileSinkSettings } from './file-sink-settings.js';
import { RowEncoder } from './row-encoder.js';
import { stagingDirectory, tableDirectory } from './table-directory.js';

/** Text buffered per file before it is written (and, with gzip, compressed as one gzip member). */
const FLUSH_CHARS = 1 << 20;

interface OpenFile {
  tablePath: string;
  directory: string;
  path: string;
  fd: number;
  rows: number;
  chunks: string[];
  chars: number;
}

interface TableOutput {
  encoder: RowEncoder;
  directory: string;
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
 * A file is started on the first row of a table after a checkpoint (no empty files) and rolled
 * after batch_size rows. Existing files are never overwritten (files are created exclusively).
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
      this.outputs.set(table.tablePath, { encoder: new RowEncoder(table, settings), directory: tableDirectory(settings.path, table.tablePath, tables.length) });
    }
  }

  write(rows: Row[]): void {
    let tableId: string | undefined;
    let output: TableOutput | undefined;
    let file: OpenFile | undefined;
    const rowDelimiter = this.settings.rowDelimiter;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Row;
      if (row.tableId !== tableId || file === undefined || output === undefined) {
        tableId = row.tableId;
        output = this.outputs.get(tableId);
        if (output === undefined) throw new SluiceError('PLUGIN_FAILED', `LocalFile sink got a row of table "${tableId}", which is not one of its input tables`);
        file = this.openFiles.get(tableId) ?? this.startFile(tableId, output);
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
      final: join(file.directory, fileName(this.settings.fileNameExpression, this.settings.filenameTimeFormat, transaction, this.nextPart(file.tablePath), this.extension, now)),
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

  private startFile(tablePath: string, output: TableOutput): OpenFile {
    let directory: string;
    let path: string;
    if (this.settings.transactional) {
      directory = stagingDirectory(output.directory, this.context.jobId);
      path = join(directory, `${this.writerId}_${this.context.subtaskIndex}_${this.sequence++}${this.extension}`);
    } else {
      directory = output.directory;
      const transaction = transactionId(this.context.jobId, this.writerId, this.context.subtaskIndex, this.checkpointId);
      path = join(directory, fileName(this.settings.fileNameExpression, this.settings.filenameTimeFormat, transaction, this.nextPart(tablePath), this.extension, new Date()));
    }
    let fd: number;
    try {
      mkdirSync(directory, { recursive: true });
      fd = openSync(path, 'wx');
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot create ${path}: ${(error as Error).message}`, { cause: error });
    }
    const file: OpenFile = { tablePath, directory: output.directory, path, fd, rows: 0, chunks: [], chars: 0 };
    const header = output.encoder.header();
    if (header !== undefined) {
      file.chunks.push(header, this.settings.rowDelimiter);
      file.chars += header.length + this.settings.rowDelimiter.length;
    }
    this.openFiles.set(tablePath, file);
    return file;
  }

  private nextPart(tablePath: string): number {
    const part = this.parts.get(tablePath) ?? 0;
    this.parts.set(tablePath, part + 1);
    return part;
  }

  private flush(file: OpenFile): void {
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
    this.flush(file);
    try {
      fsyncSync(file.fd);
      closeSync(file.fd);
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot complete ${file.path}: ${(error as Error).message}`, { cause: error });
    }
    this.openFiles.delete(file.tablePath);
    this.finished.push(file);
  }
}
