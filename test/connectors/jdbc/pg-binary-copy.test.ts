import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { parseJdbcUrl } from '../../../src/connectors/jdbc/jdbc-url.js';
import { connectPostgres, type PostgresSession } from '../../../src/connectors/jdbc/postgres/postgres-session.js';
import type { PgCopyBatch } from '../../../src/connectors/jdbc/postgres/pg-copy-batch.js';
import { PgTupleRow } from '../../../src/connectors/jdbc/postgres/pg-tuple-row.js';
import type { Row } from '../../../src/core/row.js';
import { runJob } from '../../support/cli.js';
import { postgres, uniqueTable, type Database } from './databases.js';

/**
 * PostgreSQL COPY TO in the binary format, against the real server: every type read in binary
 * gives exactly the value the text format gives; rows stay bytes until read; a sink writing the
 * same column formats copies those bytes, and any row whose fields were read (or changed) is
 * encoded again.
 */
const DDL = `(
  id integer PRIMARY KEY, i2 smallint, i8 bigint, num numeric, num2 numeric(12,2), f4 real, f8 double precision, b boolean,
  txt text, vc varchar(20), ch char(5), nm name, js json, jsb jsonb, u uuid, bin bytea,
  d date, t time(6), ttz timetz, ts timestamp(6), tstz timestamptz(6)
)`;
const COLUMNS = 'id, i2, i8, num, num2, f4, f8, b, txt, vc, ch, nm, js, jsb, u, bin, d, t, ttz, ts, tstz';
/** The columns in a form EXCEPT can compare (json has no equality). */
const COMPARED = COLUMNS.replace('js,', 'js::text,');
/** Without timetz: decoded rows keep its time of day only (SeaTunnel's TIME), tuples copied whole keep the zone too. */
const COMPARED_DECODED = COMPARED.replace(' ttz,', '');
const ROWS = [
  `(1, 32767, 9223372036854775807, 12345678901234567890.123456789, 9999999999.99, 3.4028235e38, 1.7976931348623157e308, true,
    E'tab\\there\\nnl \\\\ é 中文 \\U0001F600', 'varchar', 'ab', 'a name', '{"a": [1, 2.50]}', '{"z": 1, "a": null}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff10',
    '2000-01-01', '00:00:00', '23:59:59.999999+05:30', '2000-01-01 00:00:00', '2024-02-29 23:59:59.999999+02')`,
  `(2, -32768, -9223372036854775808, -0.000000000000000001, -0.01, -1.17549435e-38, 4.9e-324, false,
    '', '', '', '', '[]', '[]', '00000000-0000-0000-0000-000000000000', '\\x',
    '1999-12-31', '12:34:56.5', '00:00:00-12', '1969-12-31 23:59:59.999999', '1901-12-13 20:45:52.000001+05:30')`,
  `(3, 0, 0, 0, 0, 0.1, -0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `(4, 1, 1, 10000, 100, 'NaN', 'Infinity', true, 'x', 'y', 'z', 'n', '1', '1', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\\x00',
    '0001-01-01', '00:00:00.000001', '12:00:00+00', '0001-01-01 00:00:00', '9999-12-31 23:59:59.999999+00')`,
  `(5, 2, 2, 0.0001, 1.5, '-Infinity', 'NaN', false, 'x', 'y', 'z', 'n', '1', '1', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\\x00',
    '9999-12-31', '10:00:00', '12:00:00+14', '1500-06-15 12:00:00.1', '2500-01-01 00:00:00+00')`,
  `(6, 3, 3, 1e19, 0.5, 1.1, 0.1, true, 'x', 'y', 'z', 'n', '1', '1', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\\x00',
    '2024-02-29', '00:00:01', '00:00:01+00', '1714-01-01 00:00:00', '2285-06-01 00:00:00.5+00')`,
];

describe('PostgreSQL binary COPY TO', () => {
  let db: Database | undefined;
  let session: PostgresSession | undefined;
  const src = uniqueTable('bin_src');
  const dst = uniqueTable('bin_dst');

  before(async (t) => {
    db = await postgres(t as unknown as TestContext);
    if (db === undefined) return;
    session = await connectPostgres(parseJdbcUrl(db.jdbcUrl, { user: db.user, ...(db.password === undefined ? {} : { password: db.password }) }), 10);
    await db.query(`CREATE TABLE ${src} ${DDL}`);
    await db.query(`INSERT INTO ${src} (${COLUMNS}) VALUES ${ROWS.join(',\n')}`);
  });
  after(async () => {
    await session?.close();
    await db?.query(`DROP TABLE IF EXISTS ${src}, ${dst}`);
    await db?.close();
  });

  const ready = (t: TestContext): PostgresSession | undefined => {
    if (session === undefined) t.skip('PostgreSQL is unreachable');
    return session;
  };

  async function read(s: PostgresSession, sql: string): Promise<Row[]> {
    const columns = await s.describeQuery(sql);
    const cursor = s.openCursor(sql, columns, [], 0, 'bin');
    const rows: Row[] = [];
    for (let batch = await cursor.next(2); batch !== null; batch = await cursor.next(2)) rows.push(...batch);
    await cursor.close();
    return rows;
  }

  it('reads every binary type as the text format reads it', async (t) => {
    const s = ready(t);
    if (s === undefined) return;
    const binary = await read(s, `SELECT ${COLUMNS} FROM ${src} ORDER BY id`);
    // An interval column has no binary decoder: the whole query is read as text.
    const text = await read(s, `SELECT ${COLUMNS}, NULL::interval AS text_only FROM ${src} ORDER BY id`);
    assert.equal(binary.length, ROWS.length);
    assert.ok(binary.every((row) => row instanceof PgTupleRow), 'binary rows stay tuples');
    assert.ok(text.every((row) => !(row instanceof PgTupleRow)), 'the interval query is read as text');
    for (let i = 0; i < ROWS.length; i++) assert.deepEqual(binary[i]!.fields, text[i]!.fields.slice(0, -1), `row ${i + 1}`);
    // Spot checks of the exact forms.
    assert.deepEqual(binary[0]!.fields.slice(0, 8), [1, 32767, 9223372036854775807n, '12345678901234567890.123456789000000000', '9999999999.99', 3.4028235e38, 1.7976931348623157e308, true]);
    assert.deepEqual(binary[1]!.fields.slice(16), ['1999-12-31', '12:34:56.5', '00:00:00', '1969-12-31T23:59:59.999999', '1901-12-13T15:15:52.000001']);
    assert.equal(binary[5]!.fields[5], 1.1);
  });

  it('counts a tuple row in the metrics without decoding it', async (t) => {
    const s = ready(t);
    if (s === undefined) return;
    const [row] = await read(s, `SELECT id, txt, d FROM ${src} WHERE id = 1`);
    // int 4, text by its UTF-8 bytes, date 24 (SeaTunnel's sizes).
    assert.equal(row!.encodedSize, 4 + Buffer.byteLength('tab\there\nnl \\ é 中文 😀') + 24);
    assert.ok((row as PgTupleRow).pristine);
    // Once read, its fields may change: the metrics size them instead.
    assert.equal(row!.fields.length, 3);
    assert.equal(row!.encodedSize, undefined);
  });

  it('fails a value Sluice cannot hold when the row is read, naming the table and column', async (t) => {
    const s = ready(t);
    if (s === undefined) return;
    const [row] = await read(s, `SELECT 1 AS id, 'infinity'::timestamp AS ts`);
    assert.throws(() => row!.fields, /Jdbc source: table bin, column ts: timestamp infinity is outside the years 0001-9999/);
    const [bc] = await read(s, `SELECT '0044-03-15 BC'::date AS d`);
    assert.throws(() => bc!.fields, /column d: date 0044-03-15 BC is outside the years 0001-9999/);
  });

  it('writes unread tuples as they are and encodes rows whose fields were read', async (t) => {
    const s = ready(t);
    if (s === undefined) return;
    await db!.query(`CREATE TABLE ${dst} ${DDL}`);
    const rows = await read(s, `SELECT ${COLUMNS} FROM ${src} ORDER BY id`);
    const target = (await s.describeTable({ database: '', schema: undefined, table: dst }))!;
    const types = target.columns.map((c) => c.type);
    const batch = s.newInsertBatch(target.columns, [], types);
    // Row 2 is read (and changed) first: it must be encoded from its fields, not copied.
    rows[1]!.fields[8] = 'changed';
    const copied = rows.map((row) => batch.addEncoded!(row));
    assert.deepEqual(copied, [true, false, true, true, true, true]);
    batch.add(rows[1]!.fields);
    const data = (rows[0] as PgTupleRow).data;
    const copy = batch as PgCopyBatch;
    copy.seal();
    const chunks: (Buffer | string)[] = [];
    for await (const chunk of copy.stream()) chunks.push(chunk);
    assert.ok(chunks.some((chunk) => chunk instanceof Buffer && chunk.buffer === data.buffer), 'copied tuples are handed out as views of the buffer they arrived in');
    await s.begin();
    await s.insertBatch(target.path, target.columns, batch);
    await s.commit();
    const same = await db!.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT ${COMPARED} FROM ${src} WHERE id <> 2 EXCEPT SELECT ${COMPARED} FROM ${dst}) x`);
    assert.equal(same[0]!.n, '0');
    const [changed] = await db!.query<{ txt: string; num: string }>(`SELECT txt, num::text AS num FROM ${dst} WHERE id = 2`);
    assert.deepEqual(changed, { txt: 'changed', num: '-0.000000000000000001' });
  });

  it('copies a table PostgreSQL -> PostgreSQL unchanged, and applies an in-place transform', async (t) => {
    if (ready(t) === undefined) return;
    const d = db!;
    const connection = d.connection;
    for (const transform of ['', `transform { Replace { replace_field = "vc", pattern = "y", replacement = "Y" } }`]) {
      await d.query(`DROP TABLE IF EXISTS ${dst}; CREATE TABLE ${dst} ${DDL}`);
      const result = await runJob(`env { parallelism = 1, job.mode = "BATCH" }
source { Jdbc {
    ${connection}
    table_path = "public.${src}"
    schema = { fields { id = int, i2 = smallint, i8 = bigint, num = "decimal(38, 18)", num2 = "decimal(12, 2)", f4 = float, f8 = double, b = boolean,
      txt = string, vc = string, ch = string, nm = string, js = string, jsb = string, u = string, bin = bytes, d = date, t = time, ttz = time, ts = timestamp, tstz = timestamp } }
} }
${transform}
sink { Jdbc {
    ${connection}
    table = "public.${dst}"
} }`);
      assert.equal(result.code, 0, result.stderr + result.stdout);
      const compared = transform === '' ? COMPARED : COMPARED_DECODED;
      const diff = await d.query<{ id: number; vc: string | null }>(`SELECT id, vc FROM (SELECT ${compared} FROM ${src} EXCEPT SELECT ${compared} FROM ${dst}) x ORDER BY id`);
      if (transform === '') {
        assert.deepEqual(diff, []);
      } else {
        // Rows 4-6 had vc = 'y' and were changed; the rest arrived as they were (but for timetz zones).
        assert.deepEqual(diff.map((r) => r.id), [4, 5, 6]);
        const changed = await d.query<{ vc: string }>(`SELECT vc FROM ${dst} WHERE id >= 4 ORDER BY id`);
        assert.deepEqual(changed.map((r) => r.vc), ['Y', 'Y', 'Y']);
      }
    }
  });
});
