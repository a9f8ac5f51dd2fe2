import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Socket } from 'node:net';
import { describe, it } from 'node:test';
import { PgCopyOut } from '../../../src/connectors/jdbc/postgres/pg-copy-out.js';

/**
 * The COPY OUT framing at every possible cut of the byte stream: the real server sends whatever
 * TCP delivers, so a message header or a row may be split anywhere. (End-to-end reads against the
 * real PostgreSQL are in jdbc-source.test.ts.)
 */
function message(code: string, body: Buffer | string): Buffer {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  const header = Buffer.alloc(5);
  header[0] = code.charCodeAt(0);
  header.writeUInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}

const ROWS = ['1\tAda\n', '2\tGrace Hopper, ünïcode\n', '3\t\\N\n'];

function run(stream: Buffer, cuts: number[]): Promise<{ rows: string; handedBack: Buffer; error?: Error }> {
  const socket = new PassThrough();
  const handedBack: Buffer[] = [];
  const copy = new PgCopyOut('COPY t TO STDOUT');
  // pg's own parser: it reports an ErrorResponse to the active query.
  socket.on('data', (chunk: Buffer) => {
    handedBack.push(chunk);
    if (chunk[0] === 0x45) copy.handleError(new Error('division by zero'));
  });
  const sent: string[] = [];
  copy.submit({ stream: socket as unknown as Socket, query: (text) => sent.push(text) });
  assert.deepEqual(sent, ['COPY t TO STDOUT']);
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, stream.length]) {
    parts.push(stream.subarray(from, cut));
    from = cut;
  }
  for (const part of parts) socket.write(part);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    copy.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = (error?: Error): void => resolve({ rows: Buffer.concat(chunks).toString('utf8'), handedBack: Buffer.concat(handedBack), error });
    copy.on('end', () => setImmediate(done));
    copy.on('error', (error) => done(error));
  });
}

describe('PgCopyOut', () => {
  const tail = Buffer.concat([message('C', 'COPY 3\0'), message('Z', 'I')]);
  const stream = Buffer.concat([message('H', Buffer.from([0, 0, 2, 0, 0, 0, 0])), message('d', ROWS[0]!), message('N', 'notice\0'), message('d', ROWS[1]!), message('d', ROWS[2]!), message('c', ''), tail]);

  it('hands out the rows and gives the bytes after CopyDone back to pg, wherever the stream is cut', async () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const result = await run(stream, [cut]);
      assert.equal(result.rows, ROWS.join(''), `cut at ${cut}`);
      assert.deepEqual(result.handedBack, tail, `cut at ${cut}`);
    }
    const everyByte = await run(stream, Array.from({ length: stream.length - 1 }, (_, i) => i + 1));
    assert.equal(everyByte.rows, ROWS.join(''));
    assert.deepEqual(everyByte.handedBack, tail);
  });

  it('gives an ErrorResponse and what follows back to pg, which reports the error', async () => {
    const error = Buffer.concat([message('E', 'SERROR\0Mdivision by zero\0\0'), message('Z', 'I')]);
    const result = await run(Buffer.concat([message('d', ROWS[0]!), error]), [3]);
    assert.deepEqual(result.handedBack, error);
    assert.match(String(result.error), /division by zero/);
  });
});
