import type { Readable } from 'node:stream';
import type { Row } from '../../../core/row.js';
import { whenReadable, type DbColumn, type RowCursor } from '../jdbc-session.js';
import type { MysqlDecoder } from './mysql-values.js';

/**
 * Rows of a streaming MySQL result. mysql2 pauses the connection when the stream's buffer is full,
 * so only about `fetch_size` rows wait in memory while the reader is busy.
 */
export class MysqlCursor implements RowCursor {
  private lastRaw: unknown[] | undefined;
  private ended = false;
  private failure: unknown;

  constructor(
    private readonly stream: Readable,
    private readonly tableId: string,
    private readonly columns: readonly DbColumn[],
    private readonly decoders: readonly MysqlDecoder[],
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
    const rows: Row[] = [];
    const tableId = this.tableId;
    const decoders = this.decoders;
    const width = decoders.length;
    while (rows.length < max) {
      if (this.failure !== undefined) throw this.failure;
      const raw = this.stream.read() as unknown[] | null;
      if (raw === null) {
        // Hand out what is here rather than wait for the next network packet.
        if (this.ended || rows.length > 0) break;
        await whenReadable(this.stream);
        continue;
      }
      // The driver's array becomes the row: values are decoded in place.
      const row = raw;
      for (let i = 0; i < width; i++) {
        const value = raw[i];
        if (value === null || value === undefined) {
          row[i] = null;
          continue;
        }
        try {
          row[i] = decoders[i]!(value);
        } catch (error) {
          throw new Error(`column ${this.columns[i]!.name}: ${(error as Error).message}`);
        }
      }
      rows.push({ kind: '+I', tableId, fields: row });
      this.lastRaw = row;
    }
    if (this.failure !== undefined) throw this.failure;
    return rows.length === 0 && this.ended ? null : rows;
  }

  /** Key texts rebuilt from the decoded values of the last row (MySQL reads each back as the same key; bytes as hex for X'...'). */
  lastKeyTexts(): string[] | undefined {
    const row = this.lastRaw;
    if (row === undefined) return undefined;
    return this.keyColumns.map((i) => {
      const value = row[i];
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
      if (typeof value === 'boolean') return value ? '1' : '0';
      if (typeof value === 'string' && this.columns[i]!.type.kind === 'timestamp') return value.replace('T', ' ');
      return String(value);
    });
  }

  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await this.onClose();
    }
  }
}
