import type { Row } from '../../../core/row.js';
import { ColumnEncodeError, type InsertBatch, type ValueEncoder } from '../jdbc-session.js';
import { BINARY_HEADER, BINARY_TRAILER, BinaryBuffer, type BinaryEncoder } from './pg-binary-copy.js';
import { binaryFormat, PgTupleRow, type TupleLayout } from './pg-tuple-row.js';

/** Bytes handed to COPY FROM per write: big enough for few writes, small enough to stay flat in memory. */
const COPY_CHUNK_BYTES = 1 << 18;

/** Rows for PostgreSQL's COPY FROM STDIN, encoded as they are added. */
export interface PgCopyBatch extends InsertBatch {
  readonly binary: boolean;
  /** The COPY data in chunks of about COPY_CHUNK_BYTES; the batch takes no rows after this. */
  chunks(): readonly (Buffer | string)[];
}

/**
 * Binary COPY: used when every column has a binary encoder (the server parses it with less work).
 *
 * Rows read by a binary COPY TO of the same column formats (PgTupleRow, fields never read) are
 * not encoded at all: their tuples are written as they arrived. Consecutive such rows lie back to
 * back in the network buffer they came in, so a run of them is handed out as one view of that
 * buffer, without copying.
 */
export class BinaryCopyBatch implements PgCopyBatch {
  readonly binary = true;
  rows = 0;
  private readonly done: Buffer[] = [];
  private readonly out = new BinaryBuffer(COPY_CHUNK_BYTES + 4096);
  private sealed = false;
  /** Binary formats of the columns, as TupleLayout names them. */
  private readonly formats: readonly string[];
  /** The last tuple layout found to match `formats`. */
  private matching: TupleLayout | undefined;
  /** The run of copied tuples being extended: `data[start, end)`. */
  private run: { data: Buffer; start: number; end: number } | undefined;

  constructor(
    private readonly encoders: readonly BinaryEncoder[],
    typeNames: readonly string[],
  ) {
    this.formats = typeNames.map(binaryFormat);
    this.out.buffer.set(BINARY_HEADER, 0);
    this.out.offset = BINARY_HEADER.length;
  }

  add(row: readonly unknown[]): void {
    this.endRun();
    const { out, encoders } = this;
    const width = encoders.length;
    const start = out.offset;
    out.ensure(2);
    out.buffer.writeInt16BE(width, out.offset);
    out.offset += 2;
    let i = 0;
    try {
      for (; i < width; i++) {
        const value = row[i];
        if (value === null || value === undefined) {
          out.ensure(4);
          out.buffer.writeInt32BE(-1, out.offset);
          out.offset += 4;
        } else {
          encoders[i]!(value, out);
        }
      }
    } catch (error) {
      out.offset = start;
      throw new ColumnEncodeError(i, row[i], error);
    }
    this.rows++;
    if (out.offset >= COPY_CHUNK_BYTES) this.done.push(out.take());
  }

  addEncoded(row: Row): boolean {
    if (!(row instanceof PgTupleRow) || !row.pristine || !this.matches(row.layout)) return false;
    const run = this.run;
    if (run !== undefined && run.data === row.data && run.end === row.start) {
      run.end = row.end;
    } else {
      this.endRun();
      // What was encoded so far goes first.
      if (this.out.offset > 0) this.done.push(this.out.take());
      this.run = { data: row.data, start: row.start, end: row.end };
    }
    this.rows++;
    return true;
  }

  chunks(): readonly Buffer[] {
    if (!this.sealed) {
      this.sealed = true;
      this.endRun();
      this.out.ensure(2);
      this.out.buffer.set(BINARY_TRAILER, this.out.offset);
      this.out.offset += 2;
      // The last chunk: no fresh buffer needed after it, as take() would allocate.
      this.done.push(this.out.buffer.subarray(0, this.out.offset));
    }
    return this.done;
  }

  private matches(layout: TupleLayout): boolean {
    if (layout === this.matching) return true;
    const formats = this.formats;
    if (layout.formats.length !== formats.length || layout.formats.some((format, i) => format !== formats[i])) return false;
    this.matching = layout;
    return true;
  }

  private endRun(): void {
    const run = this.run;
    if (run === undefined) return;
    this.run = undefined;
    this.done.push(run.data.subarray(run.start, run.end));
  }
}

/** Text COPY: tab-separated fields rendered by the columns' text encoders. */
export class TextCopyBatch implements PgCopyBatch {
  readonly binary = false;
  rows = 0;
  private readonly done: string[] = [];
  private text = '';
  private sealed = false;

  constructor(private readonly encoders: readonly ValueEncoder[]) {}

  add(row: readonly unknown[]): void {
    const encoders = this.encoders;
    let line = '';
    let i = 0;
    try {
      for (; i < encoders.length; i++) {
        if (i > 0) line += '\t';
        line += encoders[i]!(row[i]);
      }
    } catch (error) {
      throw new ColumnEncodeError(i, row[i], error);
    }
    this.text += `${line}\n`;
    this.rows++;
    if (this.text.length >= COPY_CHUNK_BYTES) {
      this.done.push(this.text);
      this.text = '';
    }
  }

  chunks(): readonly string[] {
    if (!this.sealed) {
      this.sealed = true;
      if (this.text !== '') this.done.push(this.text);
    }
    return this.done;
  }
}
