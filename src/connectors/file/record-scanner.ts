/**
 * Cuts a byte stream into records at a row delimiter, tracking the byte offset after each record
 * handed out so a reader can resume exactly there. Works on bytes, not text: the delimiters are
 * ASCII (or UTF-8, whose bytes never occur inside other characters), so a record boundary found
 * in bytes is a character boundary too. With `csv` set, delimiters inside quoted fields do not
 * end a record (RFC 4180), so a quoted value may span lines.
 */
const QUOTE = 0x22;

export interface CsvBytes {
  fieldDelimiter: Buffer;
}

export class ScanError extends Error {}

export class RecordScanner {
  private buffer: Buffer = Buffer.alloc(0);
  /** Start of the next record in `buffer`. */
  private start = 0;
  /** Where to continue searching for the row delimiter (plain records only). */
  private searchFrom = 0;
  private ended = false;
  private readonly lookahead: number;
  /** The row delimiter when it is one byte (searched for as a number: much faster than a pattern). */
  private readonly delimiterByte: number;
  /** Index of the next quote byte in `buffer` (-1 for none; most records hold no quote), once known. */
  private nextQuote = -1;
  private quoteKnown = false;
  /** Whether the last record handed out holds no quote byte (so no quoted field, and no row delimiter inside it). */
  quoteFree = false;
  /** The last record handed out: [recordStart, recordEnd) of `buffer`. */
  private recordStart = 0;
  private recordEnd = 0;
  /** `buffer` decoded in one piece, when every character of it is one byte: records are sliced from it. */
  private decoded: string | undefined;
  private decodedAs: BufferEncoding | undefined;

  /**
   * @param offset the stream offset of the first byte that will be pushed
   */
  constructor(
    private readonly rowDelimiter: Buffer,
    private readonly csv: CsvBytes | undefined,
    private offset: number,
  ) {
    this.delimiterByte = rowDelimiter.length === 1 ? rowDelimiter[0]! : -1;
    this.lookahead = Math.max(rowDelimiter.length, csv?.fieldDelimiter.length ?? 0, 2) - 1;
  }

  /** Stream offset just after the last record handed out: where a resumed read starts. */
  get position(): number {
    return this.offset;
  }

  /** True once the stream ended and every record was handed out. */
  get finished(): boolean {
    return this.ended && this.start >= this.buffer.length;
  }

  push(chunk: Buffer): void {
    const rest = this.buffer.length - this.start;
    if (rest === 0) {
      this.buffer = chunk;
    } else {
      this.buffer = Buffer.concat([this.buffer.subarray(this.start), chunk], rest + chunk.length);
    }
    this.searchFrom -= this.start;
    if (this.searchFrom < 0) this.searchFrom = 0;
    this.start = 0;
    this.quoteKnown = false;
    this.decodedAs = undefined;
  }

  end(): void {
    this.ended = true;
  }

  /**
   * Moves to the next record, false when more data is needed (or the stream is finished). A last
   * record without a trailing delimiter is handed out at the end. `bytes()` and `text()` read it.
   */
  take(): boolean {
    if (this.start >= this.buffer.length) return false;
    this.quoteFree = false;
    const end = this.csv === undefined ? this.findPlain() : this.findCsv(this.csv);
    if (end < 0) {
      if (!this.ended) return false;
      this.recordStart = this.start;
      this.recordEnd = this.buffer.length;
      this.offset += this.buffer.length - this.start;
      this.start = this.buffer.length;
      return true;
    }
    this.recordStart = this.start;
    this.recordEnd = end;
    const consumed = end + this.rowDelimiter.length - this.start;
    this.offset += consumed;
    this.start += consumed;
    this.searchFrom = this.start;
    return true;
  }

  /** The current record's bytes, without its delimiter. */
  bytes(): Buffer {
    return this.buffer.subarray(this.recordStart, this.recordEnd);
  }

  /** The current record decoded with a Node encoding, from one decoding of the whole buffer when possible. */
  text(encoding: BufferEncoding): string {
    if (this.decodedAs !== encoding) {
      this.decodedAs = encoding;
      const text = this.buffer.toString(encoding);
      this.decoded = text.length === this.buffer.length ? text : undefined;
    }
    return this.decoded === undefined ? this.buffer.toString(encoding, this.recordStart, this.recordEnd) : this.decoded.slice(this.recordStart, this.recordEnd);
  }

  private findPlain(): number {
    const at = this.indexOfDelimiter(Math.max(this.searchFrom, this.start));
    if (at < 0) this.searchFrom = Math.max(this.start, this.buffer.length - this.rowDelimiter.length + 1);
    return at;
  }

  /**
   * A record without a quote ends at the next row delimiter, found natively; one with a quote is
   * scanned byte by byte from its start (again each time data arrives: records are short).
   */
  private findCsv(csv: CsvBytes): number {
    const buffer = this.buffer;
    if (!this.quoteKnown || (this.nextQuote >= 0 && this.nextQuote < this.start)) {
      this.quoteKnown = true;
      this.nextQuote = buffer.indexOf(QUOTE, this.start);
    }
    const end = this.indexOfDelimiter(this.start);
    if (end >= 0 && (this.nextQuote < 0 || this.nextQuote > end)) {
      this.quoteFree = true;
      return end;
    }
    return this.scanCsv(csv);
  }

  private indexOfDelimiter(from: number): number {
    return this.delimiterByte >= 0 ? this.buffer.indexOf(this.delimiterByte, from) : this.buffer.indexOf(this.rowDelimiter, from);
  }

  private scanCsv(csv: CsvBytes): number {
    const buffer = this.buffer;
    const limit = this.ended ? buffer.length : buffer.length - this.lookahead;
    const field = csv.fieldDelimiter;
    let fieldStart = true;
    let quoted = false;
    let i = this.start;
    while (i < limit) {
      const b = buffer[i] as number;
      if (quoted) {
        if (b === QUOTE) {
          if (buffer[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          quoted = false;
        }
        i++;
        continue;
      }
      if (b === this.rowDelimiter[0] && matchesAt(buffer, i, this.rowDelimiter)) return i;
      if (b === field[0] && matchesAt(buffer, i, field)) {
        fieldStart = true;
        i += field.length;
        continue;
      }
      if (b === QUOTE && fieldStart) quoted = true;
      fieldStart = false;
      i++;
    }
    if (this.ended && quoted) throw new ScanError('the file ends inside a quoted field');
    return -1;
  }
}

function matchesAt(buffer: Buffer, at: number, pattern: Buffer): boolean {
  if (at + pattern.length > buffer.length) return false;
  for (let k = 1; k < pattern.length; k++) if (buffer[at + k] !== pattern[k]) return false;
  return true;
}
