import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { jdbcSink } from '../../../src/connectors/jdbc/sink/jdbc-sink.js';
import type { SinkWriter } from '../../../src/core/plugin.js';
import type { Row } from '../../../src/core/row.js';
import { testContext, withDefaults } from '../plugin-harness.js';
import { postgres, relayTo, uniqueTable, type Database } from './databases.js';

/**
 * The PostgreSQL sink writes a batch while it fills: once a COPY chunk is ready the COPY starts,
 * and the batch's transaction commits when batch_size rows (or a checkpoint) end it. Against the
 * real server: the COPY runs before the batch is full, a failing row ends the write at once, and
 * a connection dropped mid-batch is written again from the batch's first row.
 */
const INPUT = { tablePath: 'test.public.in', columns: [{ name: 'id', type: { kind: 'bigint' as const } }, { name: 'pad', type: { kind: 'string' as const } }] };
/** About 110 bytes per row: 1,000 rows are some 110 KB, a COPY chunk is 256 KB. */
const rows = (from: number, count: number, id = (i: number): number => i): Row[] =>
  Array.from({ length: count }, (_, k) => ({ kind: '+I' as const, tableId: INPUT.tablePath, fields: [BigInt(id(from + k)), `${'x'.repeat(100)}${from + k}`] }));

describe('PostgreSQL sink writing batches while they fill', () => {
  let db: Database | undefined;
  const tables: string[] = [];
  before(async (t) => {
    db = await postgres(t as unknown as TestContext);
  });
  after(async () => {
    if (tables.length > 0) await db?.query(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
    await db?.close();
  });

  async function target(t: TestContext): Promise<string | undefined> {
    if (db === undefined) {
      t.skip('PostgreSQL is unreachable');
      return undefined;
    }
    const name = uniqueTable('stream');
    tables.push(name);
    await db.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, pad text)`);
    return name;
  }

  function writer(name: string, url = db!.jdbcUrl): { writer: SinkWriter; logs: string[] } {
    const context = testContext();
    const options = withDefaults(jdbcSink, { url, user: db!.user, password: db!.password, table: `public.${name}`, batch_size: 100000 });
    return { writer: jdbcSink.createWriter(options, [INPUT], context), logs: context.logs };
  }

  /** Whether a COPY into the table is running, waiting up to 3 s for it to start (the writer sends it between its callers' awaits). */
  async function copying(name: string): Promise<boolean> {
    for (const started = Date.now(); Date.now() - started < 3000; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const [row] = await db!.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'COPY %${name}%' AND pid <> pg_backend_pid()`);
      if (row!.n === '1') return true;
    }
    return false;
  }

  it('starts the COPY before the batch is full and commits it whole at the checkpoint', async (t) => {
    const name = await target(t);
    if (name === undefined) return;
    const { writer: w } = writer(name);
    await w.open?.();
    for (let from = 0; from < 30000; from += 1000) await w.write(rows(from, 1000));
    assert.ok(await copying(name), 'a COPY is running before batch_size rows');
    const visible = await db!.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
    assert.equal(visible[0]!.n, '0', 'nothing is committed before the batch ends');
    await w.prepareCommit?.(1);
    await w.close?.();
    const [count] = await db!.query<{ n: string; ids: string; last: string }>(`SELECT count(*) AS n, count(DISTINCT id) AS ids, max(pad) FILTER (WHERE id = 29999) AS last FROM ${name}`);
    assert.deepEqual(count, { n: '30000', ids: '30000', last: `${'x'.repeat(100)}29999` });
  });

  it('ends the write when the server refuses a row, without waiting for the batch to fill', async (t) => {
    const name = await target(t);
    if (name === undefined) return;
    const { writer: w } = writer(name);
    await w.open?.();
    // Row 20,000 repeats id 0.
    await assert.rejects(
      async () => {
        for (let from = 0; from < 40000; from += 1000) await w.write(rows(from, 1000, (i) => (i === 20000 ? 0 : i)));
        await w.prepareCommit?.(1);
      },
      (error: Error) => /Jdbc sink: .*duplicate key value violates unique constraint/.test(error.message),
    );
    await w.close?.();
    const [count] = await db!.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
    assert.equal(count!.n, '0', 'the failed batch left no rows');
  });

  it('writes a batch again from its first row when the connection drops while it streams', async (t) => {
    const name = await target(t);
    if (name === undefined) return;
    const relay = await relayTo(db!);
    try {
      const { writer: w, logs } = writer(name, relay.jdbcUrl);
      await w.open?.();
      for (let from = 0; from < 20000; from += 1000) await w.write(rows(from, 1000));
      assert.ok(await copying(name));
      assert.ok(relay.dropAll() > 0);
      for (let from = 20000; from < 30000; from += 1000) await w.write(rows(from, 1000));
      await w.prepareCommit?.(1);
      await w.close?.();
      const [count] = await db!.query<{ n: string; ids: string }>(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM ${name}`);
      assert.deepEqual(count, { n: '30000', ids: '30000' });
      assert.ok(logs.some((line) => /WARN Jdbc sink: writing to .* failed .* retry 1/.test(line)), logs.join('\n'));
    } finally {
      await relay.close();
    }
  });
});
