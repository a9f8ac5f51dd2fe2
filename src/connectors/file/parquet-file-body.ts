import { writeSync } from 'node:fs';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { RowField } from '../../core/data-type.js';
import { SluiceError } from '../../core/errors.js';
import { parquetCodec, parquetCompressors } from './parquet-codecs.js';
import { parquetSchema } from './parquet-schema.js';
import { ParquetValueError, writeConverter, type WriteConverter } from './parquet-values.js';

/** Rows buffered per row group: Parquet's unit of reading, and of a restored reader's positions. */
export const PARQUET_ROW_GROUP_ROWS = 65_536;
/** Bytes kept in memory before they are written to the file descriptor. */
const WRITE_CHUNK_BYTES = 1 << 20;

/** hyparquet-writer's byte sink, writing to an open file descriptor in 1 MiB pieces. */
class FdWriter extends ByteWriter {
  constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {
    super(WRITE_CHUNK_BYTES * 2);
  }

  override ensure(size: number): void {
    if (this.index > WRITE_CHUNK_BYTES) this.drain();
    super.ensure(size);
  }

  flush(): void {
    this.drain();
  }

  override finish(): void {
    this.drain();
  }

  private drain(): void {
    const bytes = new Uint8Array(this.buffer, 0, this.index);
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch (error) {
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot write ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    this.index = 0;
  }
}

/**
 * The body of one Parquet file being written: rows are buffered column by column and written as a
 * row group every PARQUET_ROW_GROUP_ROWS rows (and at the end); `finish` writes the footer. The
 * file descriptor stays the caller's to fsync and close.
 */
export class ParquetFileBody {
  private readonly writer: FdWriter;
  private readonly parquet: ParquetWriter;
  private readonly converters: WriteConverter[];
  private columns: unknown[][];
  private buffered = 0;
  private finished = false;

  constructor(
    fd: number,
    private readonly path: string,
    private readonly fields: readonly RowField[],
    /** For each written field, its index in the row's values. */
    private readonly indices: readonly number[],
    codec: string,
  ) {
    const parquetCodecName = parquetCodec(codec);
    if (parquetCodecName === undefined) throw new SluiceError('PLUGIN_FAILED', `LocalFile: compress_codec ${codec} cannot be written to Parquet here`);
    this.writer = new FdWriter(fd, path);
    this.parquet = new ParquetWriter({
      writer: this.writer,
      schema: parquetSchema(fields),
      codec: parquetCodecName,
      compressors: parquetCompressors(),
      createdBy: 'Sluice (hyparquet-writer)',
    });
    this.converters = fields.map((field) => writeConverter(field.type));
    this.columns = fields.map(() => []);
  }

  get rows(): number {
    return this.buffered;
  }

  add(values: readonly unknown[]): void {
    const { converters, indices, columns } = this;
    for (let i = 0; i < converters.length; i++) {
      let converted: unknown;
      try {
        converted = (converters[i] as WriteConverter)(values[indices[i] as number]);
      } catch (error) {
        if (error instanceof ParquetValueError) throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot write column ${this.fields[i]?.name} to ${this.path}: ${error.message}`, { cause: error });
        throw error;
      }
      (columns[i] as unknown[]).push(converted);
    }
    this.buffered++;
    if (this.buffered >= PARQUET_ROW_GROUP_ROWS) this.flush();
  }

  /** Writes the buffered rows as one row group. */
  flush(): void {
    if (this.buffered === 0) return;
    const columnData = this.fields.map((field, i) => ({ name: field.name, data: this.columns[i] as unknown[] }));
    try {
      void this.parquet.write({ columnData, rowGroupSize: this.buffered });
    } catch (error) {
      if (error instanceof SluiceError) throw error;
      throw new SluiceError('PLUGIN_FAILED', `LocalFile: cannot write ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    this.columns = this.fields.map(() => []);
    this.buffered = 0;
  }

  /** Writes the rest and the footer. Idempotent. */
  finish(): void {
    if (this.finished) return;
    this.flush();
    this.finished = true;
    void this.parquet.finish();
  }
}
