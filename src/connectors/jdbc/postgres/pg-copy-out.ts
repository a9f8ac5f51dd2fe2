import { Readable } from 'node:stream';
import type { Socket } from 'node:net';

/** Backend message codes of the COPY OUT flow (PostgreSQL frontend/backend protocol). */
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'

/** What pg's Client hands a submitted query: its connection, whose socket carries the protocol. */
interface PgConnection {
  stream: Socket;
  query(text: string): void;
}

type DataHandler = (chunk: Buffer) => void;

/**
 * `COPY ... TO STDOUT` through a pg Client (`client.query(new PgCopyOut(sql))`), as a stream of
 * the rows' bytes: each chunk holds the CopyData payloads of one network read, back to back.
 *
 * While the COPY runs it reads the connection's socket itself, as pg-copy-streams does, but moves
 * each row's payload within the buffer of its network read (PostgreSQL sends one CopyData
 * message per row, so per-row buffer objects are what a million-row copy must avoid). At
 * CopyDone, or at an ErrorResponse, the rest of the bytes go back to pg's own parser, which then
 * reports CommandComplete or the error to this query.
 */
export class PgCopyOut extends Readable {
  private connection: PgConnection | undefined;
  private pgHandler: DataHandler | undefined;
  private readonly onReadable = (): void => this.forward();
  /** Bytes of an incomplete message header carried to the next read. */
  private partial: Buffer | undefined;
  /** Bytes of the current message still to come, and whether they are row data. */
  private remaining = 0;
  private inRow = false;
  private wanted = false;
  private forwarding = false;
  private attached = false;

  constructor(private readonly text: string) {
    super();
  }

  /** Called by pg's Client when the query is sent. */
  submit(connection: PgConnection): void {
    this.connection = connection;
    const socket = connection.stream;
    const handlers = socket.listeners('data') as DataHandler[];
    if (handlers.length !== 1) throw new Error(`COPY OUT expects pg's one data listener on the socket, found ${handlers.length}`);
    this.pgHandler = handlers[0];
    socket.removeListener('data', this.pgHandler!);
    socket.pause();
    socket.on('readable', this.onReadable);
    this.attached = true;
    connection.query(this.text);
  }

  override _read(): void {
    this.wanted = true;
    this.forward();
  }

  handleError(error: Error): void {
    this.destroy(error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {}

  private forward(): void {
    if (this.forwarding || !this.wanted || !this.attached) return;
    this.forwarding = true;
    const socket = this.connection!.stream;
    for (let chunk = socket.read() as Buffer | null; chunk !== null && this.attached && this.wanted; chunk = this.attached ? (socket.read() as Buffer | null) : null) {
      this.parse(chunk);
    }
    this.forwarding = false;
  }

  private parse(input: Buffer): void {
    const buffer = this.partial === undefined ? input : Buffer.concat([this.partial, input]);
    this.partial = undefined;
    // Row payloads are moved to the front of the buffer, over the message headers before them
    // (copyWithin is a plain array operation, far cheaper per row than Buffer.copy).
    let size = 0;
    let at = 0;
    let done = false;
    while (at < buffer.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, buffer.length - at);
        if (this.inRow) {
          buffer.copyWithin(size, at, at + take);
          size += take;
        }
        at += take;
        this.remaining -= take;
        continue;
      }
      if (buffer.length - at < 5) {
        this.partial = Buffer.from(buffer.subarray(at));
        break;
      }
      const code = buffer[at]!;
      if (code === ERROR_RESPONSE) {
        // pg parses the error and reports it through handleError.
        this.detach(buffer.subarray(at));
        return;
      }
      this.remaining = buffer.readUInt32BE(at + 1) - 4;
      this.inRow = code === COPY_DATA;
      at += 5;
      if (code === COPY_DONE) {
        done = true;
        at += this.remaining;
        this.remaining = 0;
        break;
      }
    }
    if (size > 0) this.wanted = this.push(buffer.subarray(0, size));
    if (done) {
      // CommandComplete and ReadyForQuery follow: they are pg's to read.
      this.detach(buffer.subarray(at));
      this.push(null);
    }
  }

  private detach(rest: Buffer): void {
    const socket = this.connection!.stream;
    this.attached = false;
    socket.removeListener('readable', this.onReadable);
    socket.on('data', this.pgHandler!);
    if (rest.length > 0) this.pgHandler!(Buffer.from(rest));
    // pg may pause the socket while it reads; it resumes reading once this handler returns.
    process.nextTick(() => socket.resume());
  }
}
