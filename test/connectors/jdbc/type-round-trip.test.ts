import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { jdbcSource } from '../../../src/connectors/jdbc/source/jdbc-source.js';
import { formatDataType } from '../../../src/core/data-type.js';
import type { TableSchema } from '../../../src/core/table.js';
import { runJob } from '../../support/cli.js';
import { withDefaults } from '../plugin-harness.js';
import { mariadb, postgres, uniqueTable, type Database } from './databases.js';

/**
 * Type fidelity: a PostgreSQL table with every type Sluice maps goes to MySQL (tables created by
 * the sink) and back into a PostgreSQL table of the original definition; every value must come
 * back equal. Then PostgreSQL to PostgreSQL with the float specials MySQL cannot store.
 */
const DDL = `(
  id bigint PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, num numeric(38,10), num0 numeric(20,0), f4 real, f8 double precision,
  txt text, vc varchar(50), ch char(5), bin bytea, d date, t time(6), ts timestamp(6), tstz timestamptz(6),
  js json, jsb jsonb, arr_i integer[], arr_t text[], arr_f double precision[], b boolean, u uuid
)`;

const ALL_BYTES = `'\\x${Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')).join('')}'`;
const ROWS = [
  `(1, 32767, 2147483647, 9223372036854775807, 1234567890123456789012345678.0123456789, 99999999999999999999, 3.4028235e38, 1.7976931348623157e308,
    'plain', 'varchar', 'ab', ${ALL_BYTES}, '1000-01-01', '00:00:00', '1970-01-01 00:00:00', '2024-02-29 23:59:59.999999+00',
    '{"a": [1, 2.50, "x"], "b": null}', '{"z": 1, "a": {"n": 12345678901234567890}}', '{1,NULL,-3}', '{"a b","q\\"uote","back\\\\slash",NULL,"","NULL"}', '{0.1,-0,1e-300}', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')`,
  `(2, -32768, -2147483648, -9223372036854775808, -0.0000000001, -99999999999999999999, -1.17549435e-38, 4.9e-324,
    E'tab\\there\\nnewline\\r\\\\ ''quote'' "dq" \\u00e9\\u0301 \\U0001F600 中文 \\u200b', E'\\U0001F4A9', 'xyz  ', '\\x', '9999-12-31', '23:59:59.999999', '2038-01-19 03:14:08.5', '1901-12-13 20:45:52.000001+05:30',
    '[]', '[]', '{}', '{}', '{}', false, '00000000-0000-0000-0000-000000000000')`,
  `(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `(4, 0, 0, 0, 0, 0, 0.1, 0.1, '', '', '', '\\x00', '2000-02-29', '12:34:56.5', '2000-02-29 12:00:00', '2000-02-29 12:00:00+00', '"s"', '"s"', '{{1,2},{3,4}}', '{"{}"}', '{NULL}', NULL, NULL)`,
];

const COLUMNS = 'id, i2, i4, i8, num, num0, f4, f8, txt, vc, ch, bin, d, t, ts, tstz, js::text AS js, jsb, arr_i, arr_t, arr_f, b, u';

/** The `schema` option a Jdbc source needs today (the engine cannot read catalogs at plan time yet), from what `discover` reads. */
function schemaOption(table: TableSchema): string {
  const columns = table.columns.map((c) => `{ name = "${c.name}", type = "${formatDataType(c.type)}"${c.columnLength ? `, columnLength = ${c.columnLength}` : ''} }`);
  return `schema = { columns = [${columns.join(', ')}], primaryKey = { name = "pk", columnNames = ["id"] } }`;
}

describe('type round trip PostgreSQL -> MySQL -> PostgreSQL', () => {
  let pg: Database | undefined;
  let my: Database | undefined;
  const src = uniqueTable('rt_src');
  const mid = uniqueTable('rt_mid');
  const back = uniqueTable('rt_back');
  before(async (t) => {
    pg = await postgres(t as unknown as TestContext);
    if (pg === undefined) return;
    my = await mariadb(t as unknown as TestContext);
    await pg.query(`CREATE TABLE ${src} ${DDL}`);
    await pg.query(`CREATE TABLE ${back} ${DDL}`);
    await pg.query(`INSERT INTO ${src} VALUES ${ROWS.join(',\n')}`);
  });
  after(async () => {
    await pg?.query(`DROP TABLE IF EXISTS ${src}, ${back}`);
    await my?.query(`DROP TABLE IF EXISTS ${mid}`);
    await pg?.close();
    await my?.close();
  });

  it('leaves every value equal', async (t) => {
    if (pg === undefined || my === undefined) {
      t.skip('PostgreSQL or MariaDB unavailable');
      return;
    }
    const options = withDefaults(jdbcSource, { url: pg.jdbcUrl, user: pg.user, password: pg.password, table_path: `public.${src}` });
    const [discovered] = await jdbcSource.discover(options, undefined, new AbortController().signal);
    const schema = schemaOption(discovered!);

    const out = await runJob(`env { parallelism = 2, job.mode = "BATCH", job.retry.times = 0 }
source { Jdbc {
    ${pg.connection}
    table_path = "public.${src}"
    split.size = 1
    ${schema}
} }
sink { Jdbc {
    ${my.connection}
    database = "test"
    table = "${mid}"
} }`);
    assert.equal(out.code, 0, out.stderr);
    const types = await my.query<{ c: string; t: string }>(`SELECT COLUMN_NAME AS c, COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${mid}' ORDER BY ORDINAL_POSITION`);
    assert.deepEqual(Object.fromEntries(types.map((r) => [r.c, r.t])), {
      id: 'bigint(20)', i2: 'smallint(6)', i4: 'int(11)', i8: 'bigint(20)', num: 'decimal(38,10)', num0: 'decimal(20,0)', f4: 'float', f8: 'double',
      txt: 'longtext', vc: 'varchar(50)', ch: 'varchar(5)', bin: 'longblob', d: 'date', t: 'time(6)', ts: 'datetime(6)', tstz: 'datetime(6)',
      js: 'longtext', jsb: 'longtext', arr_i: 'longtext', arr_t: 'longtext', arr_f: 'longtext', b: 'tinyint(1)', u: 'longtext',
    });

    const home = await runJob(`env { parallelism = 2, job.mode = "BATCH", job.retry.times = 0 }
source { Jdbc {
    ${my.connection}
    table_path = "test.${mid}"
    split.size = 1
    ${schema}
} }
sink { Jdbc {
    ${pg.connection}
    table = "public.${back}"
} }`);
    assert.equal(home.code, 0, home.stderr);
    const count = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM ${back}`);
    assert.equal(count[0]!.n, String(ROWS.length));
    const missing = await pg.query(`SELECT ${COLUMNS} FROM ${src} EXCEPT SELECT ${COLUMNS} FROM ${back}`);
    const extra = await pg.query(`SELECT ${COLUMNS} FROM ${back} EXCEPT SELECT ${COLUMNS} FROM ${src}`);
    if (missing.length > 0) {
      const ids = missing.map((row) => (row as { id: string }).id).join(', ');
      const sent = await pg.query(`SELECT ${COLUMNS} FROM ${src} WHERE id IN (${ids}) ORDER BY id`);
      const got = await pg.query(`SELECT ${COLUMNS} FROM ${back} WHERE id IN (${ids}) ORDER BY id`);
      assert.deepEqual(got, sent, 'rows of the source that did not come back equal');
    }
    assert.deepEqual(extra, []);
    // Text that compares equal must also be byte-equal (char(n) comparisons ignore trailing spaces).
    const texts = await pg.query(`SELECT s.id FROM ${src} s JOIN ${back} b USING (id) WHERE convert_to(s.txt, 'UTF8') IS DISTINCT FROM convert_to(b.txt, 'UTF8') OR convert_to(s.ch::text, 'UTF8') IS DISTINCT FROM convert_to(b.ch::text, 'UTF8') OR octet_length(s.ch) IS DISTINCT FROM octet_length(b.ch) OR s.js::text IS DISTINCT FROM b.js::text OR s.f4::text IS DISTINCT FROM b.f4::text OR s.f8::text IS DISTINCT FROM b.f8::text`);
    assert.deepEqual(texts, []);
  });

  it('keeps float specials, -0 and every byte from PostgreSQL to PostgreSQL', async (t) => {
    if (pg === undefined) {
      t.skip('PostgreSQL unavailable');
      return;
    }
    const a = uniqueTable('rt_f');
    const b = uniqueTable('rt_f2');
    await pg.query(`CREATE TABLE ${a} (id int PRIMARY KEY, f4 real, f8 double precision, bin bytea, arr float4[])`);
    await pg.query(`CREATE TABLE ${b} (id int PRIMARY KEY, f4 real, f8 double precision, bin bytea, arr float4[])`);
    await pg.query(`INSERT INTO ${a} VALUES (1, 'NaN', 'NaN', ${ALL_BYTES}, '{NaN,Infinity,-Infinity}'), (2, 'Infinity', '-Infinity', '\\x', '{-0,1.17549435e-38}'), (3, '-0', '-0', NULL, NULL), (4, 1.1, 0.30000000000000004, '\\x00', '{}')`);
    try {
      const result = await runJob(`env { job.retry.times = 0 }
source { Jdbc {
    ${pg.connection}
    query = "select * from ${a}"
} }
sink { Jdbc {
    ${pg.connection}
    table = "public.${b}"
} }`);
      assert.equal(result.code, 0, result.stderr);
      const diff = await pg.query(`SELECT id, f4::text, f8::text, bin, arr::text FROM ${a} EXCEPT SELECT id, f4::text, f8::text, bin, arr::text FROM ${b}`);
      assert.deepEqual(diff, []);
      assert.equal((await pg.query(`SELECT * FROM ${b}`)).length, 4);
    } finally {
      await pg.query(`DROP TABLE IF EXISTS ${a}, ${b}`);
    }
  });

  it('writes the binary COPY format exactly: extremes of every type it covers', async (t) => {
    if (pg === undefined) {
      t.skip('PostgreSQL unavailable');
      return;
    }
    const a = uniqueTable('rt_bin');
    const b = uniqueTable('rt_bin2');
    const ddl = `(id int PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, n numeric(30,8), nu numeric, f4 real, f8 double precision, b boolean,
      t text, v varchar(10), c char(4), j json, jb jsonb, by bytea, d date, tm time(6), ts timestamp(6), tz timestamptz(6))`;
    await pg.query(`CREATE TABLE ${a} ${ddl}`);
    await pg.query(`CREATE TABLE ${b} ${ddl}`);
    await pg.query(`INSERT INTO ${a} VALUES
      (1, -32768, -2147483648, -9223372036854775808, -1234567890123456789012.12345678, 0.000001, 'NaN', '-Infinity', true,
       E'\\u00e9\\U0001F600 tab\\t', 'ten chars!', 'ab', '{"k": [1, 2.50]}', '{"k": [1, 2.50]}', '\\x00ff10', '0001-01-01', '00:00:00.000001', '0001-01-01 00:00:00', '1969-12-31 23:59:59.999999+00'),
      (2, 32767, 2147483647, 9223372036854775807, 0.00000001, 12345678901234567890.5, 3.4028235e38, 1.7976931348623157e308, false,
       '', '', '', 'null', 'null', '\\x', '9999-12-31', '23:59:59.999999', '9999-12-31 23:59:59.999999', '2000-01-01 00:00:00+00'),
      (3, 0, 0, 0, 0, 100, '-0', 5e-324, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '1999-12-31', '12:00:00', '1999-12-31 23:59:59.5', '2262-04-11 23:47:16.854775+00'),
      (4, -1, -1, -1, -0.5, -1e-10, 1.17549435e-38, -0.1, true, 'x', 'y', 'zzzz', '[]', '[]', '\\x01', '2000-02-29', '01:02:03', '1900-02-28 12:00:00.123', '1677-09-21 00:12:43.145225+00')`);
    try {
      // The Filter reads every row's fields: rows reach the sink decoded, so its binary encoders
      // write them (untouched rows of a binary read would be copied as they are).
      const fields = 'id = int, i2 = smallint, i4 = int, i8 = bigint, n = "decimal(30, 8)", nu = "decimal(38, 18)", f4 = float, f8 = double, b = boolean, t = string, v = string, c = string, j = string, jb = string, by = bytes, d = date, tm = time, ts = timestamp, tz = timestamp';
      const names = [...fields.matchAll(/(\w+) = /g)].map((match) => `"${match[1]}"`);
      const result = await runJob(`env { job.retry.times = 0 }
source { Jdbc {
    ${pg.connection}
    query = "select * from ${a}"
    schema = { fields { ${fields} } }
} }
transform { Filter { include_fields = [${names.join(', ')}] } }
sink { Jdbc {
    ${pg.connection}
    table = "public.${b}"
} }`);
      assert.equal(result.code, 0, result.stderr);
      const columns = 'id, i2, i4, i8, n, nu, f4::text, f8::text, b, t, v, c::text, j::text, jb, by, d, tm, ts, tz';
      assert.deepEqual(await pg.query(`SELECT ${columns} FROM ${a} EXCEPT SELECT ${columns} FROM ${b}`), []);
      assert.equal((await pg.query(`SELECT * FROM ${b}`)).length, 4);
    } finally {
      await pg.query(`DROP TABLE IF EXISTS ${a}, ${b}`);
    }
  });
});
