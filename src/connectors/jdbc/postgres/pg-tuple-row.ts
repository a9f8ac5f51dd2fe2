import { SluiceError } from '../../../core/errors.js';
import type { Row } from '../../../core/row.js';
import type { RowKind } from '../../../core/row-kind.js';
import type { BinaryDecoder } from './pg-binary-values.js';

/**
 * The columns of a binary COPY result: how to decode each field, and which binary format each
 * field is in (a sink writing the same formats copies tuples as they are).
 */
export class TupleLayout {
  /** Per column, its binary format: the type name, with text, varchar, bpchar and name (all plain characters) as `text`. */
  readonly formats: readonly string[];

  constructor(
    typeNames: readonly string[],
    private readonly decoders: readonly BinaryDecoder[],
    private readonly columnNames: readonly string[],
    /** Names the source in decoding errors: `Jdbc source: table public.t`. */
    private readonly label: string,
  ) {
    this.formats = typeNames.map(binaryFormat);
  }

  get width(): number {
    return this.decoders.length;
  }

  /** All fields of the tuple at `start` (its field count first, then length-prefixed fields). */
  decode(data: Buffer, start: number): unknown[] {
    const width = this.decoders.length;
    const fields = new Array<unknown>(width);
    let at = start + 2;
    for (let i = 0; i < width; i++) {
      const length = data.readInt32BE(at);
      at += 4;
      if (length < 0) {
        fields[i] = null;
      } else {
        fields[i] = this.decodeField(data, at, length, i);
        at += length;
      }
    }
    return fields;
  }

  /** Field `index` of the tuple at `start`, decoded alone. */
  field(data: Buffer, start: number, index: number): unknown {
    let at = start + 2;
    for (let i = 0; i < index; i++) {
      const length = data.readInt32BE(at);
      at += 4 + Math.max(length, 0);
    }
    const length = data.readInt32BE(at);
    return length < 0 ? null : this.decodeField(data, at + 4, length, index);
  }

  private decodeField(data: Buffer, at: number, length: number, index: number): unknown {
    try {
      return this.decoders[index]!(data, at, length);
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `${this.label}, column ${this.columnNames[index]}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** The binary format of a type: text, varchar, bpchar and name (the characters themselves) share one. */
export function binaryFormat(typeName: string): string {
  return typeName === 'varchar' || typeName === 'bpchar' || typeName === 'name' ? 'text' : typeName;
}

/**
 * A row of a binary COPY TO, held as its tuple's bytes (`data[start, end)`, a view of the network
 * buffer it came in). `fields` decodes it on first access; until then the bytes are the row, and
 * a binary COPY FROM of the same formats writes them unchanged (see BinaryCopyBatch).
 */
export class PgTupleRow implements Row {
  kind: RowKind = '+I';
  private decoded: unknown[] | undefined;

  constructor(
    public tableId: string,
    readonly data: Buffer,
    readonly start: number,
    readonly end: number,
    /** The *Bytes metrics size of the tuple's values. */
    private readonly size: number,
    readonly layout: TupleLayout,
  ) {}

  /** Known while the fields are not decoded; once they are (and may have changed), the metrics size them. */
  get encodedSize(): number | undefined {
    return this.decoded === undefined ? this.size : undefined;
  }

  get fields(): unknown[] {
    return (this.decoded ??= this.layout.decode(this.data, this.start));
  }

  set fields(fields: unknown[]) {
    this.decoded = fields;
  }

  get fieldCount(): number {
    return this.decoded === undefined ? this.layout.width : this.decoded.length;
  }

  /** Whether the bytes still are the row: its fields were never handed out, so nothing changed them. */
  get pristine(): boolean {
    return this.decoded === undefined;
  }

  /** One field, decoded without decoding the row. */
  field(index: number): unknown {
    return this.decoded === undefined ? this.layout.field(this.data, this.start, index) : this.decoded[index];
  }
}
