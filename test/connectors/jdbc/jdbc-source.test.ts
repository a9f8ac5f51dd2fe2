import assert from 'node:assert/strict';
import type { SluiceError } from '../../../src/core/errors.js';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { jdbcSource } from '../../../src/connectors/jdbc/source/jdbc-source.js';
import type { JdbcSplit } from '../../../src/connectors/jdbc/source/jdbc-split.js';
import type { Row } from '../../../src/core/row.js';
import { readSource, testContext, withDefaults } from '../plugin-harness.js';
import { mariadb, postgres, uniqueTable, type Database } from './databases.js';

/**
 * Parallel partitioned reads against the real PostgreSQL and MariaDB: every strategy SeaTunnel has
 * (fixed ranges, hash buckets, dynamic chunks by key, dates, uneven keys) must give each row
 * exactly once, NULL keys included; positions resume exactly; dropped connections are retried.
 */
const ROWS = 5000;

function connectionOptions(db: Database): Record<string, unknown> {
  return { url: db.jdbcUrl, driver: db.kind === 'postgresql' ? 'org.postgresql.Driver' : 'com.mysql.cj.jdbc.Driver', user: db.user, ...(db.password === undefined ? {} : { password: db.password }) };
}

/** id 1..ROWS; k = id % 97 or NULL every 50th row; s a string; d a date over ~2 years; sparse = id^2. */
async function createTable(db: Database, name: string): Promise<void> {
  if (db.kind === 'postgresql') {
    await db.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, k int, s varchar(20), d date, sparse bigint NOT NULL UNIQUE)`);
    await db.query(`INSERT INTO ${name} SELECT g, CASE WHEN g % 50 = 0 THEN NULL ELSE g % 97 END, 'v' || (g * 7919 % 10007), DATE '2023-01-01' + (g % 700), g::bigint * g FROM generate_series(1, ${ROWS}) g`);
  } else {
    await db.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, k int, s varchar(20), d date, sparse bigint NOT NULL UNIQUE)`);
    // MariaDB and MySQL cap recursive CTEs at 1000 rows unless told otherwise.
    await db.query('SET SESSION max_recursive_iterations = 1000000').catch(() => undefined);
    await db.query('SET SESSION cte_max_recursion_depth = 1000000').catch(() => undefined);
    await db.query(`INSERT INTO ${name} WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${ROWS}) SELECT n, CASE WHEN n % 50 = 0 THEN NULL ELSE n % 97 END, CONCAT('v', n * 7919 % 10007), DATE_ADD('2023-01-01', INTERVAL n % 700 DAY), n * n FROM g`);
  }
}

function ids(rows: Row[], index = 0): number[] {
  return rows.map((row) => Number(row.fields[index] as bigint)).sort((a, b) => a - b);
}

function assertExactlyOnce(rows: Row[], expected: number[], index = 0): void {
  const got = ids(rows, index);
  assert.equal(got.length, expected.length, `read ${got.length} rows, expected ${expected.length}`);
  assert.equal(new Set(got).size, got.length, 'a row was read twice');
  assert.deepEqual(got, expected);
}

const all = Array.from({ length: ROWS }, (_, i) => i + 1);

for (const open of [postgres, mariadb]) {
  describe(`Jdbc source on ${open === postgres ? 'PostgreSQL' : 'MariaDB'}`, () => {
    let db: Database | undefined;
    let table: string;
    const ready = async (t: TestContext): Promise<Database | undefined> => {
      if (db === undefined) t.skip('database unavailable');
      return db;
    };
    before(async (t) => {
      db = await open(t as unknown as TestContext);
      if (db === undefined) return;
      table = uniqueTable('src');
      await createTable(db, table);
      if (db.kind === 'postgresql') await db.query(`ANALYZE ${table}`);
    });
    after(async () => {
      if (db === undefined) return;
      await db.query(`DROP TABLE IF EXISTS ${table}`);
      await db.close();
    });
    const path = (): string => (db!.kind === 'postgresql' ? `test.public.${table}` : `test.${table}`);

    it('splits a table along its primary key into split.size chunks read by 3 readers, each row once', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const run = await readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), 'split.size': 700 }, { parallelism: 3, maxRows: 333 });
      assertExactlyOnce(run.all, all);
      assert.ok(run.byReader.every((rows) => rows.length > 0), 'every reader got rows');
      assert.equal(run.all[0]!.tableId, path());
      const splits = (await jdbcSource.planSplits(withDefaults(jdbcSource, { ...connectionOptions(d), table_path: path(), 'split.size': 700 }), run.tables, 3)) as JdbcSplit[];
      assert.ok(splits.length >= 7, `${splits.length} splits`);
      assert.ok(splits.every((s) => s.key === 'id' && s.order.unique));
    });

    it('cuts query + partition_column into partition_num ranges, NULL keys included, bounds filtering', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const options = { ...connectionOptions(d), query: `select * from ${table}`, partition_column: 'k', partition_num: 4 };
      const run = await readSource(jdbcSource, options, { parallelism: 2 });
      assertExactlyOnce(run.all, all);
      const bounded = await readSource(jdbcSource, { ...options, partition_lower_bound: 10, partition_upper_bound: 20 }, { parallelism: 2 });
      assertExactlyOnce(bounded.all, all.filter((id) => id % 50 !== 0 && id % 97 >= 10 && id % 97 <= 20));
    });

    it('spreads string keys over hash buckets and dates over day ranges', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const strings = await readSource(jdbcSource, { ...connectionOptions(d), query: `select * from ${table}`, partition_column: 's', partition_num: 5 }, { parallelism: 2 });
      assertExactlyOnce(strings.all, all);
      const dates = await readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), partition_column: 'd', 'split.size': 500 }, { parallelism: 2 });
      assertExactlyOnce(dates.all, all);
      const options = withDefaults(jdbcSource, { ...connectionOptions(d), table_path: path(), partition_column: 'd', 'split.size': 500 });
      assert.ok((await jdbcSource.planSplits(options, jdbcSource.tables(options, undefined), 2)).length > 3);
      const stringChunks = await readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), partition_column: 's', 'split.size': 600 }, { parallelism: 3 });
      assertExactlyOnce(stringChunks.all, all);
    });

    it('queries chunk ends for unevenly spread keys, and honours where_condition', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const uneven = await readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), partition_column: 'sparse', 'split.size': 400 }, { parallelism: 2 });
      assertExactlyOnce(uneven.all, all);
      const filtered = await readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), where_condition: 'where id <= 1234', 'split.size': 100 }, { parallelism: 2 });
      assertExactlyOnce(filtered.all, all.slice(0, 1234));
    });

    it('reads only the declared columns, converted to the declared types', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const run = await readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), schema: { fields: { s: 'string', id: 'int', k: 'bigint', d: 'string' } } });
      assert.deepEqual(run.tables[0]!.columns.map((c) => c.name), ['s', 'id', 'k', 'd']);
      const first = run.all.find((row) => row.fields[1] === 1)!;
      assert.deepEqual(first.fields, ['v7919', 1, 1n, '2023-01-02']);
      await assert.rejects(
        readSource(jdbcSource, { ...connectionOptions(d), table_path: path(), schema: { fields: { nope: 'int' } } }),
        (error: Error) => /Jdbc source: table .*: column nope of the schema option is not in the table/.test(error.message),
      );
    });

    it('resumes a half-read split exactly after its last row, with a key and without one', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const cases: Record<string, unknown>[] = [
        { ...connectionOptions(d), table_path: path() },
        { ...connectionOptions(d), query: `select k, s, id from ${table}` },
      ];
      for (const options of cases) {
        const values = withDefaults(jdbcSource, options);
        const tables = jdbcSource.tables(values, undefined);
        const splits = await jdbcSource.planSplits(values, tables, 1);
        const idIndex = options.query === undefined ? 0 : 2;
        const first = jdbcSource.createReader(values, tables, testContext());
        first.addSplits(splits);
        const seen: Row[] = [];
        for (let i = 0; i < 3; i++) seen.push(...((await first.poll(777)) ?? []));
        const snapshot = JSON.parse(JSON.stringify(first.snapshotSplits!())) as JdbcSplit[];
        await first.close?.();
        assert.ok(snapshot[0]!.position !== undefined);
        const second = jdbcSource.createReader(values, tables, testContext());
        second.addSplits(snapshot);
        for (let batch = await second.poll(1000); batch !== null; batch = await second.poll(1000)) seen.push(...batch);
        await second.close?.();
        assertExactlyOnce(seen, all, idIndex);
      }
    });

    it('retries a connection dropped in the middle of a read and resumes where it was', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      // MySQL shows a connection's statement only while it runs: there the read is kept running by SLEEP.
      const options = d.kind === 'postgresql' ? { table_path: path(), 'split.size': 500 } : { query: `select id, sleep(0.0004) as z from ${table}` };
      const values = withDefaults(jdbcSource, { ...connectionOptions(d), ...options, fetch_size: 100 });
      const tables = jdbcSource.tables(values, undefined);
      const context = testContext();
      const reader = jdbcSource.createReader(values, tables, context);
      reader.addSplits(await jdbcSource.planSplits(values, tables, 1));
      const seen: Row[] = [];
      if (d.kind === 'postgresql') {
        // The reader's connection is the only one whose (last) statement names the table.
        seen.push(...((await reader.poll(50)) ?? []));
        const killed = await d.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE '%${table}%'`);
        assert.equal(killed.length, 1);
        for (let batch = await reader.poll(50); batch !== null; batch = await reader.poll(50)) seen.push(...batch);
      } else {
        const reading = (async () => {
          for (let batch = await reader.poll(50); batch !== null; batch = await reader.poll(50)) seen.push(...batch);
        })();
        for (let killed = 0, tries = 0; killed === 0 && tries < 500; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          for (const row of await d.query<{ ID: number }>(`SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE '%${table}%'`)) {
            await d.query(`KILL CONNECTION ${row.ID}`);
            killed++;
          }
        }
        await reading;
      }
      await reader.close?.();
      assertExactlyOnce(seen, all);
      assert.ok(context.logs.some((line) => /WARN Jdbc source: reading .* failed .* retry 1/.test(line)), context.logs.join('\n'));
    });

    it('fails with the connector and the url (never the password) on bad credentials', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const options = withDefaults(jdbcSource, { ...connectionOptions(d), user: 'nobody_here', password: 'sekret', table_path: path() });
      await assert.rejects(async () => jdbcSource.planSplits(options, jdbcSource.tables(options, undefined), 1), (error: Error) => {
        assert.match(error.message, /^Jdbc source: cannot connect to jdbc:(postgresql|mysql):\/\/.* \(check user and password\)/);
        assert.doesNotMatch(error.message, /sekret/);
        return true;
      });
    });

    it('fails naming the connector, table and url when the table is missing or the query is wrong', async (t) => {
      const d = await ready(t);
      if (d === undefined) return;
      const options = withDefaults(jdbcSource, { ...connectionOptions(d), table_path: `${path()}_missing` });
      await assert.rejects(async () => jdbcSource.planSplits(options, jdbcSource.tables(options, undefined), 1), /Jdbc source: table .*_missing of jdbc:.*: the table does not exist/);
      const bad = withDefaults(jdbcSource, { ...connectionOptions(d), query: 'selec * fro nowhere' });
      await assert.rejects(async () => jdbcSource.planSplits(bad, jdbcSource.tables(bad, undefined), 1), (error: SluiceError) => {
        assert.match(error.message, /Jdbc source: .*syntax/i);
        assert.equal(error.code, 'CONFIG_INVALID', 'a syntax error is not retried');
        return true;
      });
    });
  });
}
