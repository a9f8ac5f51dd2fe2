import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { jdbcSink } from '../../../src/connectors/jdbc/sink/jdbc-sink.js';
import type { Row } from '../../../src/core/row.js';
import { runJob } from '../../support/cli.js';
import { testContext, withDefaults } from '../plugin-harness.js';
import { mariadb, postgres, relayTo, uniqueTable, type Database } from './databases.js';

/**
 * The Jdbc sink from config text through the real CLI, against the real PostgreSQL and MariaDB:
 * change rows become upserts and deletes, save modes, and bad input failing with a message that
 * names the connector, the table and the column.
 */
const FIELDS = '{ id = bigint, name = string, score = double }';
const CDC_ROWS = `[
  { kind = INSERT, fields = [1, "A", 1.5] },
  { kind = INSERT, fields = [2, "B", 2.5] },
  { kind = INSERT, fields = [3, "C", 3.5] },
  { kind = UPDATE_BEFORE, fields = [2, "B", 2.5] },
  { kind = UPDATE_AFTER, fields = [2, "B2", 20.5] },
  { kind = DELETE, fields = [3, "C", 3.5] },
  { kind = INSERT, fields = [4, "D", 4.5] },
  { kind = UPDATE_AFTER, fields = [1, "A1", 10.5] },
  { kind = INSERT, fields = [5, "E", 5.5] },
  { kind = DELETE, fields = [5, "E", 5.5] }
]`;

function job(db: Database, sink: string, rows = CDC_ROWS, fields = FIELDS): string {
  return `env { parallelism = 1, job.mode = "BATCH", job.retry.times = 0 }
source { FakeSource { schema = { fields ${fields} }, rows = ${rows} } }
sink { Jdbc {
    ${db.connection}
    ${sink}
} }`;
}

function qualified(db: Database, table: string): string {
  return db.kind === 'postgresql' ? `public.${table}` : table;
}

async function rowsOf(db: Database, table: string): Promise<string[]> {
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1`);
  return rows.map((row) => Object.values(row).map((v) => String(v)).join('|'));
}

for (const open of [postgres, mariadb]) {
  describe(`Jdbc sink on ${open === postgres ? 'PostgreSQL' : 'MariaDB'}`, () => {
    let db: Database | undefined;
    const tables: string[] = [];
    const table = (prefix: string): string => {
      const name = uniqueTable(prefix);
      tables.push(name);
      return name;
    };
    before(async (t) => {
      db = await open(t as unknown as TestContext);
    });
    after(async () => {
      if (db === undefined) return;
      for (const name of tables) {
        await db.query(`DROP TABLE IF EXISTS ${name}`);
        // The notes of destructive save modes (see save-modes.ts) that these tables left.
        await db.query(`DELETE FROM sluice_save_mode_log WHERE table_name LIKE '%${name}'`).catch(() => undefined);
      }
      await db.close();
    });
    const ready = (t: TestContext): Database | undefined => {
      if (db === undefined) t.skip('database unavailable');
      return db;
    };

    it('applies INSERT, UPDATE and DELETE rows as upserts and deletes by primary key, across batches', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      for (const batch of [1, 3, 1000]) {
        const name = table('cdc');
        const result = await runJob(job(d, `database = "test"\n    table = "${qualified(d, name)}"\n    primary_keys = ["id"]\n    batch_size = ${batch}`));
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(await rowsOf(d, name), ['1|A1|10.5', '2|B2|20.5', '4|D|4.5'], `batch_size ${batch}`);
      }
    });

    it('writes the INSERT rows of a keyed table with the bulk path when enable_upsert = false', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('noupsert');
      const rows = '[{ kind = INSERT, fields = [1, "A", 1.5] }, { kind = INSERT, fields = [2, "B", 2.5] }, { kind = INSERT, fields = [3, "C", 3.5] }, { kind = DELETE, fields = [2, "B", 2.5] }]';
      const result = await runJob(job(d, `table = "${qualified(d, name)}"\n    primary_keys = ["id"]\n    enable_upsert = false`, rows));
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(await rowsOf(d, name), ['1|A|1.5', '3|C|3.5']);
    });

    it('creates the table with mapped types and the primary key (CREATE_SCHEMA_WHEN_NOT_EXIST)', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('created');
      const fields = '{ id = bigint, flag = boolean, small = smallint, amount = "decimal(20, 4)", f = float, at = timestamp, day = date, t = time, data = bytes, tags = "array<string>" }';
      const rows = '[{ kind = INSERT, fields = [1, true, 7, "12.3400", 1.5, "2024-02-29T10:11:12.123456", "2024-02-29", "23:59:59.5", "AAEC", ["x", "y"]] }]';
      const result = await runJob(job(d, `table = "${qualified(d, name)}"\n    primary_keys = ["id"]`, rows, fields));
      assert.equal(result.code, 0, result.stderr);
      const types = d.kind === 'postgresql'
        ? await d.query<{ c: string; t: string }>(`SELECT column_name AS c, format_type(atttypid, atttypmod) AS t FROM information_schema.columns JOIN pg_attribute ON attrelid = '${name}'::regclass AND attname = column_name WHERE table_name = '${name}' ORDER BY ordinal_position`)
        : await d.query<{ c: string; t: string }>(`SELECT COLUMN_NAME AS c, COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${name}' ORDER BY ORDINAL_POSITION`);
      const expected = d.kind === 'postgresql'
        ? ['bigint', 'boolean', 'smallint', 'numeric(20,4)', 'real', 'timestamp(6) without time zone', 'date', 'time(6) without time zone', 'bytea', 'text[]']
        : ['bigint(20)', 'tinyint(1)', 'smallint(6)', 'decimal(20,4)', 'float', 'datetime(6)', 'date', 'time(6)', 'longblob', 'longtext'];
      assert.deepEqual(types.map((r) => r.t), expected);
      const [row] = await d.query<Record<string, unknown>>(`SELECT * FROM ${name}`);
      assert.equal(String(row!['amount']), '12.3400');
      const key = d.kind === 'postgresql'
        ? await d.query(`SELECT 1 FROM pg_index WHERE indrelid = '${name}'::regclass AND indisprimary`)
        : await d.query(`SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${name}' AND INDEX_NAME = 'PRIMARY'`);
      assert.equal(key.length, 1);
    });

    it('follows schema_save_mode and data_save_mode on an existing table', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('modes');
      const one = '[{ kind = INSERT, fields = [1, "A", 1.5] }]';
      const target = `table = "${qualified(d, name)}"`;

      const missing = await runJob(job(d, `${target}\n    schema_save_mode = "ERROR_WHEN_SCHEMA_NOT_EXIST"`, one));
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, new RegExp(`Jdbc sink: table .*${name} of jdbc:.*: does not exist \\(schema_save_mode = ERROR_WHEN_SCHEMA_NOT_EXIST\\)`));

      await d.query(`CREATE TABLE ${name} (id bigint, name varchar(10), score double precision, extra int)`.replace('double precision', d.kind === 'postgresql' ? 'double precision' : 'double'));
      await d.query(`INSERT INTO ${name} VALUES (9, 'old', 0, 1)`);
      assert.equal((await runJob(job(d, `${target}\n    data_save_mode = "APPEND_DATA"`, one))).code, 0);
      assert.deepEqual(await rowsOf(d, name), ['1|A|1.5|null', '9|old|0|1']);

      const exists = await runJob(job(d, `${target}\n    data_save_mode = "ERROR_WHEN_DATA_EXISTS"`, one));
      assert.equal(exists.code, 1);
      assert.match(exists.stderr, /already has rows \(data_save_mode = ERROR_WHEN_DATA_EXISTS\)/);

      assert.equal((await runJob(job(d, `${target}\n    data_save_mode = "DROP_DATA"`, one))).code, 0);
      assert.deepEqual(await rowsOf(d, name), ['1|A|1.5|null']);

      assert.equal((await runJob(job(d, `${target}\n    data_save_mode = "CUSTOM_PROCESSING"\n    custom_sql = "delete from ${name} where id = 1"`, '[{ kind = INSERT, fields = [2, "B", 2.5] }]'))).code, 0);
      assert.deepEqual(await rowsOf(d, name), ['2|B|2.5|null']);

      assert.equal((await runJob(job(d, `${target}\n    schema_save_mode = "RECREATE_SCHEMA"`, one))).code, 0);
      assert.deepEqual(await rowsOf(d, name), ['1|A|1.5'], 'the extra column and the old rows are gone');
    });

    it('a source that cannot be read fails the job at once (no restarts), before DROP_DATA touches the target', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('kept');
      await d.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, name varchar(10))`);
      await d.query(`INSERT INTO ${name} VALUES (1, 'kept')`);
      const result = await runJob(`env { parallelism = 1, job.mode = "BATCH", job.retry.times = 3 }
source { Jdbc {
    ${d.connection}
    table_path = "${qualified(d, 'no_such_table_here')}"
} }
sink { Jdbc {
    ${d.connection}
    table = "${qualified(d, name)}"
    data_save_mode = "DROP_DATA"
} }`);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /Jdbc source: table .*no_such_table_here.*does not exist/);
      assert.doesNotMatch(result.stdout, /restarting/, 'a missing table is not worth a retry');
      assert.deepEqual(await rowsOf(d, name), ['1|kept']);
    });

    it('runs a user query for every row, placeholders bound in field order', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('query');
      await d.query(`CREATE TABLE ${name} (label varchar(40), id bigint)`);
      const result = await runJob(job(d, `query = "insert into ${name} (label, id) values (concat(?, '-x'), ?)"`, `[{ kind = INSERT, fields = ["it's", 7, 0] }]`, '{ name = string, id = bigint, score = double }'));
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(await rowsOf(d, name), ["it's-x|7"]);
    });

    it('fails naming connector, table and column on constraint violations and values the database cannot hold', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('bad');
      await d.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, name varchar(10) NOT NULL, score double precision)`.replace('double precision', d.kind === 'postgresql' ? 'double precision' : 'double'));
      const target = `table = "${qualified(d, name)}"\n    primary_keys = []`;
      const duplicate = await runJob(job(d, target, '[{ kind = INSERT, fields = [1, "A", 1.0] }, { kind = INSERT, fields = [1, "B", 2.0] }]'));
      assert.equal(duplicate.code, 1);
      assert.match(duplicate.stderr, new RegExp(`Jdbc sink: cannot write \\(table .*${name} of jdbc:[^)]*\\): .*(duplicate key|Duplicate entry)`));
      const nulls = await runJob(job(d, target, '[{ kind = INSERT, fields = [2, null, 1.0] }]'));
      assert.equal(nulls.code, 1);
      assert.match(nulls.stderr, new RegExp(`${name}.*(null value in column "name"|Column 'name' cannot be null)`));
      const deletes = await runJob(job(d, target, '[{ kind = DELETE, fields = [1, "A", 1.0] }]'));
      assert.match(deletes.stderr, /got a DELETE row but knows no primary key to apply it by/);
      if (d.kind === 'mysql') {
        const nan = await runJob(job(d, target, '[{ kind = INSERT, fields = [3, "N", "NaN"] }]'));
        assert.equal(nan.code, 1);
        assert.match(nan.stderr, new RegExp(`Jdbc sink: table .*${name} of jdbc:.*, column score: MySQL cannot store NaN`));
      }
      const unknown = await runJob(job(d, `${target}\n    schema_save_mode = "IGNORE"`, '[{ kind = INSERT, fields = [4, "A", 1.0, 5] }]', '{ id = bigint, name = string, score = double, nope = int }'));
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, new RegExp(`${name}.*: column nope of the input is not in the table`));
    });

    it('retries a write whose connection dropped, on a new connection, without losing or repeating rows', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const name = table('drop');
      await d.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, name text)`);
      const relay = await relayTo(d);
      try {
        const options = withDefaults(jdbcSink, { url: relay.jdbcUrl, user: d.user, password: d.password, table: qualified(d, name), batch_size: 100 });
        const input = { tablePath: 'test.public.in', columns: [{ name: 'id', type: { kind: 'bigint' as const } }, { name: 'name', type: { kind: 'string' as const } }], primaryKey: { name: 'pk', columns: ['id'] } };
        const context = testContext();
        const writer = jdbcSink.createWriter(options, [input], context);
        await writer.open?.();
        const batch = (from: number): Row[] => Array.from({ length: 250 }, (_, i) => ({ kind: '+I', tableId: 'test.public.in', fields: [BigInt(from + i), `n${from + i}`] }));
        await writer.write(batch(0));
        await writer.prepareCommit?.(1);
        assert.ok(relay.dropAll() > 0, 'the writer keeps a connection open');
        await writer.write(batch(250));
        await writer.prepareCommit?.(2);
        await writer.close?.();
        const rows = await d.query<{ n: unknown; d: unknown }>(`SELECT count(*) AS n, count(DISTINCT id) AS d FROM ${name}`);
        assert.deepEqual([String(rows[0]!.n), String(rows[0]!.d)], ['500', '500']);
        assert.ok(context.logs.some((line) => /WARN Jdbc sink: writing to .* failed .* retry 1/.test(line)), context.logs.join('\n'));
      } finally {
        await relay.close();
      }
    });

    it('writes exactly once through two-phase commit, or refuses clearly when the server cannot prepare transactions', async (t) => {
      const d = ready(t);
      if (d === undefined) return;
      const allowed = d.kind === 'mysql' || Number((await d.query<{ max_prepared_transactions: string }>('SHOW max_prepared_transactions'))[0]!.max_prepared_transactions) > 0;
      const name = table('eo');
      const result = await runJob(job(d, `table = "${qualified(d, name)}"\n    primary_keys = ["id"]\n    is_exactly_once = true`));
      if (allowed) {
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(await rowsOf(d, name), ['1|A1|10.5', '2|B2|20.5', '4|D|4.5']);
      } else {
        assert.equal(result.code, 1);
        assert.match(result.stderr, /Jdbc sink: PostgreSQL at .* does not allow prepared transactions \(max_prepared_transactions = 0\), which is_exactly_once needs\. Set it .*ALTER SYSTEM SET max_prepared_transactions/);
      }
    });
  });
}

describe('Jdbc sink config errors', () => {
  it('refuses a wrong url or driver before running', async () => {
    const result = await runJob(`source { FakeSource { schema = { fields { id = int } } } }
sink { Jdbc { url = "jdbc:sqlserver://h:1433;password=hunter2", driver = "org.postgresql.Driver", table = "t" } }`);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /sink\[0\]\.url: .*speaks PostgreSQL and MySQL\/MariaDB, not "sqlserver"/);
    assert.doesNotMatch(result.stderr + result.stdout, /hunter2/);
  });

  it('fails on an unreachable host naming the connector and the url', async () => {
    const result = await runJob(`env { job.retry.times = 0 }
source { FakeSource { schema = { fields { id = int } } } }
sink { Jdbc { url = "jdbc:postgresql://127.0.0.1:9/test", password = "hunter2", table = "t", connection_check_timeout_sec = 2 } }`);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Jdbc sink: cannot connect to jdbc:postgresql:\/\/127\.0\.0\.1:9\/test .*ECONNREFUSED/);
    assert.doesNotMatch(result.stderr + result.stdout, /hunter2/);
  });
});
