import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { delimiterBytes } from './file-format.js';
import type { FileSourceSettings } from './file-source-settings.js';
import type { FileSplit } from './file-splits.js';
import { RecordScanner } from './record-scanner.js';

const CHUNK_BYTES = 64 * 1024;

/**
 * An open file of a split, streamed chunk by chunk into a RecordScanner from the split's offset:
 * a plain file is read from that byte on; a gzip file (compress_codec = gzip, or a name ending in
 * `.gz`) is decompressed from its start and the first `offset` content bytes are dropped.
 */
export class FileCursor {
  readonly scanner: RecordScanner;
  private readonly stream: Readable;
  private readonly chunks: AsyncIterator<Buffer>;
  private skip: number;

  constructor(split: FileSplit, settings: FileSourceSettings) {
    const gzip = settings.codec === 'gzip' || split.path.endsWith('.gz');
    if (gzip) {
      const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
      // pipeline forwards a read error of the file into gunzip, where the iterator reports it.
      this.stream = pipeline(createReadStream(split.path, { highWaterMark: CHUNK_BYTES }), gunzip, () => undefined);
      this.skip = split.offset;
    } else {
      // A byte range ends just after a row delimiter, so the scanner ends with its last record.
      this.stream = createReadStream(split.path, { start: split.offset, end: split.end === undefined ? undefined : split.end - 1, highWaterMark: CHUNK_BYTES });
      this.skip = 0;
    }
    this.chunks = this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const csv = settings.format === 'csv' ? { fieldDelimiter: delimiterBytes(settings.fieldDelimiter, settings.encoding) } : undefined;
    this.scanner = new RecordScanner(delimiterBytes(settings.rowDelimiter, settings.encoding), csv, split.offset);
  }

  /** Reads the next chunk into the scanner (or tells it the file ended). */
  async fill(): Promise<void> {
    for (;;) {
      const next = await this.chunks.next();
      if (next.done === true) {
        this.scanner.end();
        return;
      }
      let chunk = next.value;
      if (this.skip > 0) {
        const dropped = Math.min(this.skip, chunk.length);
        this.skip -= dropped;
        chunk = chunk.subarray(dropped);
        if (chunk.length === 0) continue;
      }
      this.scanner.push(chunk);
      return;
    }
  }

  close(): void {
    this.stream.destroy();
  }
}
