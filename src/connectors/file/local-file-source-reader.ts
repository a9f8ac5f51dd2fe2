import { TextDecoder } from 'node:util';
import { SluiceError } from '../../core/errors.js';
import type { SourceReader, SourceSplit } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import { FileCursor } from './file-cursor.js';
import type { FileSourceSettings } from './file-source-settings.js';
import { readerSplit, type FileSplit } from './file-splits.js';
import { ScanError, type RecordScanner } from './record-scanner.js';
import type { RecordPlace, RowDecoder } from './row-decoder.js';
import { partitionValues } from './source-partitions.js';

/**
 * Reads LocalFile splits one file after the other, streaming each (never the whole file in
 * memory) and handing out at most `maxRows` rows per poll. After every poll each split's
 * `offset`, `line` and `records` describe the position just after the last row returned, so
 * `snapshotSplits` lets a new reader resume exactly there, also in the middle of a gzip file.
 */
export class LocalFileSourceReader implements SourceReader {
  private readonly pending: FileSplit[] = [];
  private current: { split: FileSplit; cursor: FileCursor } | undefined;
  private readonly decoder: TextDecoder | undefined;

  /** The partition values of the current split's file (parse_partition_from_path). */
  private partitions: (string | null)[] = [];
  /** Where the record being decoded comes from (one object, updated per record: errors read it). */
  private readonly place: RecordPlace = { file: '', line: 0 };

  constructor(
    private readonly settings: FileSourceSettings,
    private readonly rowDecoder: RowDecoder,
    /** Partition columns the table has after the file's columns, filled from each file's path. */
    private readonly partitionNames: readonly string[] = [],
  ) {
    const label = settings.encoding.label;
    this.decoder = label === 'utf-8' || label === 'latin1' || label === 'ascii' ? undefined : new TextDecoder(label);
  }

  addSplits(splits: SourceSplit[]): void {
    for (const split of splits) this.pending.push(readerSplit(split));
  }

  async poll(maxRows: number): Promise<Row[] | null> {
    const limit = Math.max(1, Math.floor(maxRows));
    const rows: Row[] = [];
    while (rows.length < limit) {
      if (this.current === undefined) {
        const next = this.pending.shift();
        if (next === undefined) return rows.length > 0 ? rows : null;
        if (next.end !== undefined && next.offset >= next.end) continue;
        this.current = { split: next, cursor: new FileCursor(next, this.settings) };
        this.partitions = partitionValues(next.path, this.partitionNames);
        this.place.file = placeName(next);
      }
      const { split, cursor } = this.current;
      let found: boolean;
      try {
        found = cursor.scanner.take();
      } catch (error) {
        if (error instanceof ScanError) throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot read ${placeName(split)} line ${split.line}: bad csv: ${error.message}`);
        throw error;
      }
      if (!found) {
        if (cursor.scanner.finished) {
          cursor.close();
          this.current = undefined;
        } else {
          await this.fill(split, cursor);
        }
        continue;
      }
      const record = this.recordText(cursor.scanner);
      this.place.line = split.line;
      const quoteFree = cursor.scanner.quoteFree;
      const fields = split.records >= this.settings.skipHeader ? this.rowDecoder.decode(record, this.place, quoteFree) : undefined;
      split.offset = cursor.scanner.position;
      split.records++;
      // Only a quoted csv field can hold a row delimiter.
      split.line += this.settings.format === 'csv' && !quoteFree ? 1 + countOf(record, this.settings.rowDelimiter) : 1;
      if (fields !== undefined) {
        if (this.partitions.length > 0) fields.push(...this.partitions);
        rows.push({ kind: '+I', tableId: split.tablePath, fields });
      }
    }
    return rows;
  }

  snapshotSplits(): SourceSplit[] {
    const owned = this.current === undefined ? this.pending : [this.current.split, ...this.pending];
    return owned.map((split) => ({ ...split }));
  }

  close(): void {
    this.current?.cursor.close();
    this.current = undefined;
  }

  private async fill(split: FileSplit, cursor: FileCursor): Promise<void> {
    try {
      await cursor.fill();
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot read ${split.path}: ${(error as Error).message}`, { cause: error });
    }
  }

  private recordText(scanner: RecordScanner): string {
    const text = this.decoder === undefined ? scanner.text(this.settings.encoding.label === 'utf-8' ? 'utf8' : 'latin1') : this.decoder.decode(scanner.bytes());
    // The default row delimiter also ends Windows lines: drop the \r of a \r\n.
    return this.settings.rowDelimiter === '\n' && text.endsWith('\r') ? text.slice(0, -1) : text;
  }
}

/** The file of a split, and its byte range when it reads one (line numbers then count from its start). */
function placeName(split: FileSplit): string {
  return split.start === undefined || split.start === 0 ? split.path : `${split.path} (the range from byte ${split.start})`;
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}
