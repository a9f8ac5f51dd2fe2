import type { Row } from '../../../core/row.js';
import { ColumnEncodeError, type InsertBatch, type ValueEncoder } from '../jdbc-session.js';
import { BINARY_HEADER, BINARY_TRAILER, BinaryBuffer, type BinaryEncoder } from './pg-binary-copy.js';
import { binaryFormat, PgTupleRow, type TupleLayout } from './pg-tuple-row.js';

/** Bytes handed to COPY FROM per write: big enough for few writes, small enough to stay flat in memory. */
const COPY_CHUNK_BYTES = 1 << 18;

/** Rows for PostgreSQL's COPY FROM STDIN, encoded as they are added. */
export interface PgCopyBatch extends InsertBatch {
  readonly binary: boolean;
  readonly chunksReady: number;
  seal(): void;
  /** The COPY data in chunks of about COPY_CHUNK_BYTES, from the first: waits for more until the batch is sealed. */
  stream(): AsyncGenerator<Buffer | string>;
}

/**
 * The chunks a batch has encoded so far. A COPY can send them while the batch still fills (the
 * server works on the rows as they come), and send them all again if the write is retried.
 */
abstract class CopyChunks<T extends Buffer | string> {
  rows = 0;
  protected readonly done: T[] = [];
  private sealed = false;
  private waiting: (() => void)[] = [];

  get chunksReady(): number {
    return this.done.length;
  }

  /** Ends the batch: it takes no rows after this, and its last chunk is complete. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    this.finish();
    this.wake();
  }

  async *stream(): AsyncGenerator<T> {
    for (let i = 0; ; i++) {
      while (i >= this.done.length && !this.sealed) await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (i >= this.done.length) return;
      yield this.done[i]!;
    }
  }

  protected hand(chunk: T): void {
    this.done.push(chunk);
    this.wake();
  }

  /** Hands out the last chunk. */
  protected abstract finish(): void;

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }
}

/**
 * Binary COPY: used when every column has a binary encoder (the server parses it with less work).
 *
 * Rows read by a binary COPY TO of the same column formats (PgTupleRow, fields never read) are
 * not encoded at all: their tuples are written as they arrived. Consecutive such rows lie back to
 * back in the network buffer they came in, so a run of them is handed out as one view of that
 * buffer, without copying.
 */
export class BinaryCopyBatch extends CopyChunks<Buffer> implements PgCopyBatch {
  readonly binary = true;
  private readonly out = new BinaryBuffer(COPY_CHUNK_BYTES + 4096);
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
    super();
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
    if (out.offset >= COPY_CHUNK_BYTES) this.hand(out.take());
  }

  addEncoded(row: Row): boolean {
    if (!(row instanceof PgTupleRow) || !row.pristine || !this.matches(row.layout)) return false;
    const run = this.run;
    if (run !== undefined && run.data === row.data && run.end === row.start) {
      run.end = row.end;
    } else {
      this.endRun();
      // What was encoded so far goes first.
      if (this.out.offset > 0) this.hand(this.out.take());
      this.run = { data: row.data, start: row.start, end: row.end };
    }
    this.rows++;
    return true;
  }

  protected finish(): void {
    this.endRun();
    this.out.ensure(2);
    this.out.buffer.set(BINARY_TRAILER, this.out.offset);
    this.out.offset += 2;
    // The last chunk: no fresh buffer needed after it, as take() would allocate.
    this.done.push(this.out.buffer.subarray(0, this.out.offset));
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
    this.hand(run.data.subarray(run.start, run.end));
  }
}

/** Text COPY: tab-separated fields rendered by the columns' text encoders. */
export class TextCopyBatch extends CopyChunks<string> implements PgCopyBatch {
  readonly binary = false;
  private text = '';

  constructor(private readonly encoders: readonly ValueEncoder[]) {
    super();
  }

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
      this.hand(this.text);
      this.text = '';
    }
  }

  protected finish(): void {
    if (this.text !== '') this.done.push(this.text);
  }
}
