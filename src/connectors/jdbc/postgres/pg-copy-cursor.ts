import type { Readable } from 'node:stream';
import type { Row } from '../../../core/row.js';
import { whenReadable, type DbColumn, type RowCursor } from '../jdbc-session.js';
import { ValueDecodeError, unescapeCopy, type ValueDecoder } from './pg-values.js';

const NEWLINE = 0x0a;
const PLAIN_KINDS = new Set(['boolean', 'tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'decimal', 'date', 'time', 'timestamp']);

/** The text of a key value as PostgreSQL reads it (keys are numbers, strings, dates, timestamps, uuids, bytea). */
function keyText(value: unknown): string {
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/**
 * Rows of a `COPY (query) TO STDOUT` stream, in the text or the binary format (the subclass
 * parses). The stream is pulled only while `next` wants rows, so the server is held back by TCP
 * flow control: memory stays at about one network chunk whatever the result size.
 */
export abstract class CopyOutCursor implements RowCursor {
  /** Rows parsed and not yet handed out (at most one chunk's worth beyond what was asked). */
  protected ready: Row[] = [];
  private readyAt = 0;
  private lastRow: Row | undefined;
  private ended = false;
  private failure: unknown;

  constructor(
    private readonly stream: Readable,
    private readonly keyColumns: readonly number[],
    private readonly onClose: () => Promise<void>,
  ) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
    stream.on('end', () => {
      this.ended = true;
    });
  }

  async next(max: number): Promise<Row[] | null> {
    while (this.ready.length - this.readyAt < max && !this.ended) {
      if (this.failure !== undefined) throw this.failure;
      const chunk = this.stream.read() as Buffer | null;
      if (chunk === null) {
        await whenReadable(this.stream);
        continue;
      }
      this.parse(chunk);
    }
    if (this.failure !== undefined) throw this.failure;
    const available = this.ready.length - this.readyAt;
    if (available === 0) {
      if (this.incomplete()) throw new ValueDecodeError('COPY output ended in the middle of a row');
      return null;
    }
    const count = Math.min(max, available);
    const rows = this.ready.slice(this.readyAt, this.readyAt + count);
    this.lastRow = rows[count - 1];
    this.readyAt += count;
    // Drop handed-out rows (the rest is at most about one chunk), so they can be collected.
    if (this.readyAt === this.ready.length) {
      this.ready = [];
      this.readyAt = 0;
    } else if (this.readyAt >= 1024) {
      this.ready = this.ready.slice(this.readyAt);
      this.readyAt = 0;
    }
    return rows;
  }

  /** Key texts rebuilt from the decoded values: PostgreSQL reads each back as the same key. */
  lastKeyTexts(): string[] | undefined {
    const row = this.lastRow;
    if (row === undefined) return undefined;
    return this.keyColumns.map((i) => keyText(this.keyValue(row, i)));
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.onClose();
  }

  /** Turns the complete rows of a chunk into `ready` rows, keeping an incomplete end for the next chunk. */
  protected abstract parse(chunk: Buffer): void;

  /** Whether bytes of an unfinished row are left over. */
  protected abstract incomplete(): boolean;

  protected keyValue(row: Row, index: number): unknown {
    return row.fields[index];
  }
}

/** The text format: tab-separated fields, one row per line, decoded column by column. */
export class PgTextCopyCursor extends CopyOutCursor {
  private tail: Buffer | undefined;
  /** Per column: whether its text can hold COPY escapes (numbers, dates and booleans never do). */
  private readonly escaped: readonly boolean[];

  constructor(
    stream: Readable,
    private readonly tableId: string,
    private readonly columns: readonly DbColumn[],
    private readonly decoders: readonly ValueDecoder[],
    keyColumns: readonly number[],
    onClose: () => Promise<void>,
  ) {
    super(stream, keyColumns, onClose);
    this.escaped = columns.map((column) => !PLAIN_KINDS.has(column.type.kind));
  }

  protected incomplete(): boolean {
    return this.tail !== undefined && this.tail.length > 0;
  }

  /** Splits a chunk into complete lines (a newline byte never occurs inside a UTF-8 sequence). */
  protected parse(chunk: Buffer): void {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < 0) {
      this.tail = this.tail === undefined ? chunk : Buffer.concat([this.tail, chunk]);
      return;
    }
    // Complete lines, with their last newline: decoding them in one piece gives a flat string
    // (a concatenated one would be flattened again by every slice taken from it).
    const head = this.tail === undefined ? chunk.subarray(0, last + 1) : Buffer.concat([this.tail, chunk.subarray(0, last + 1)]);
    this.tail = last + 1 < chunk.length ? chunk.subarray(last + 1) : undefined;
    if (this.tail !== undefined) this.tail = Buffer.from(this.tail);
    // One scan over the text: no arrays of lines or fields, only the field strings themselves.
    const text = head.toString('utf8');
    const { decoders, tableId } = this;
    const width = decoders.length;
    const lastField = width - 1;
    const end = text.length;
    let pos = 0;
    while (pos < end) {
      const fields = new Array<unknown>(width);
      for (let i = 0; i < width; i++) {
        // COPY output is well formed: fields end at a tab, rows at a newline.
        const stop = text.indexOf(i === lastField ? '\n' : '\t', pos);
        if (stop < 0) throw new ValueDecodeError(`COPY row with fewer than ${width} fields`);
        if (stop - pos === 2 && text.charCodeAt(pos) === 92 && text.charCodeAt(pos + 1) === 78) {
          fields[i] = null;
        } else {
          const field = text.slice(pos, stop);
          try {
            fields[i] = decoders[i]!(this.escaped[i] ? unescapeCopy(field) : field);
          } catch (error) {
            throw new ValueDecodeError(`column ${this.columns[i]!.name}: ${(error as Error).message}`);
          }
        }
        pos = stop + 1;
      }
      this.ready.push({ kind: '+I', tableId, fields });
    }
  }
}
