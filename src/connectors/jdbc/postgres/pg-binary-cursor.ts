import type { Readable } from 'node:stream';
import type { Row } from '../../../core/row.js';
import { CopyOutCursor } from './pg-copy-cursor.js';
import { PgTupleRow, type TupleLayout } from './pg-tuple-row.js';
import { ValueDecodeError } from './pg-values.js';

/** `PGCOPY\n\377\r\n\0`, then a flags word and the length of a header extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_BYTES = SIGNATURE.length + 8;

/**
 * The binary format of `COPY (query) TO STDOUT (FORMAT binary)`: each row becomes a PgTupleRow
 * that points into the chunk it arrived in, decoded only if something reads its fields. Parsing a
 * row is reading its field lengths.
 */
export class PgBinaryCopyCursor extends CopyOutCursor {
  private tail: Buffer | undefined;
  private headerRead = false;
  private trailerRead = false;

  constructor(
    stream: Readable,
    private readonly tableId: string,
    private readonly layout: TupleLayout,
    /** Per column, the metrics size of any non-null value, or -1 when it is the value's byte length. */
    private readonly fixedSizes: readonly number[],
    keyColumns: readonly number[],
    onClose: () => Promise<void>,
  ) {
    super(stream, keyColumns, onClose);
  }

  protected incomplete(): boolean {
    return !this.trailerRead && (this.headerRead || this.tail !== undefined);
  }

  protected override keyValue(row: Row, index: number): unknown {
    return (row as PgTupleRow).field(index);
  }

  protected parse(chunk: Buffer): void {
    const data = this.tail === undefined ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = undefined;
    let at = this.headerRead ? 0 : this.header(data);
    if (at < 0) {
      this.tail = data;
      return;
    }
    const { layout, tableId, fixedSizes } = this;
    const width = layout.width;
    const length = data.length;
    while (at + 2 <= length) {
      const count = data.readInt16BE(at);
      if (count === -1) {
        this.trailerRead = true;
        return;
      }
      if (count !== width) throw new ValueDecodeError(`binary COPY row with ${count} fields, expected ${width}`);
      let end = at + 2;
      let size = 0;
      for (let i = 0; i < width && end + 4 <= length; i++) {
        const bytes = data.readInt32BE(end);
        end += 4;
        if (bytes > 0) end += bytes;
        if (bytes >= 0) size += fixedSizes[i]! >= 0 ? fixedSizes[i]! : bytes;
        if (i === width - 1 && end <= length) {
          this.ready.push(new PgTupleRow(tableId, data, at, end, size, layout));
          at = end;
        }
      }
      if (at !== end) break;
    }
    if (at < length) this.tail = Buffer.from(data.subarray(at));
  }

  /** Checks the file header at the start of the data; the offset after it, or -1 when it is not all here yet. */
  private header(data: Buffer): number {
    if (data.length < HEADER_BYTES) return -1;
    if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new ValueDecodeError('COPY output is not in the binary format');
    const end = HEADER_BYTES + data.readUInt32BE(SIGNATURE.length + 4);
    if (data.length < end) return -1;
    this.headerRead = true;
    return end;
  }
}
