import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeSource } from '../../src/connectors/fake/fake-source.js';
import type { FakeSplit } from '../../src/connectors/fake/fake-splits.js';
import { OptionError } from '../../src/core/errors.js';
import { readSource, testContext, withDefaults } from './plugin-harness.js';

const schema = { fields: { id: 'bigint', name: 'string' } };

describe('FakeSource row counts (SeaTunnel FakeSourceSplitEnumerator arithmetic)', () => {
  const cases: { rowNum: number; splitNum: number; parallelism: number; splitSizes: number[] }[] = [
    { rowNum: 5, splitNum: 1, parallelism: 1, splitSizes: [5] },
    { rowNum: 10, splitNum: 3, parallelism: 2, splitSizes: [4, 4, 2] },
    { rowNum: 5, splitNum: 4, parallelism: 1, splitSizes: [2, 2, 1] },
    { rowNum: 7, splitNum: 7, parallelism: 3, splitSizes: [1, 1, 1, 1, 1, 1, 1] },
    { rowNum: 3, splitNum: 10, parallelism: 2, splitSizes: [1, 1, 1] },
    { rowNum: 100, splitNum: 8, parallelism: 4, splitSizes: [13, 13, 13, 13, 13, 13, 13, 9] },
  ];
  for (const { rowNum, splitNum, parallelism, splitSizes } of cases) {
    it(`row.num=${rowNum} split.num=${splitNum} parallelism=${parallelism}`, async () => {
      const options = withDefaults(fakeSource, { schema, 'row.num': rowNum, 'split.num': splitNum, 'split.read-interval': 0 });
      const tables = fakeSource.tables(options, 'fake');
      const splits = (await fakeSource.planSplits(options, tables, parallelism)) as FakeSplit[];
      assert.equal(splits.length, splitSizes.length * parallelism);
      for (let reader = 0; reader < parallelism; reader++) {
        const mine = splits.filter((_, k) => k % parallelism === reader);
        assert.deepEqual(mine.map((s) => s.rowNum), splitSizes, `reader ${reader} split sizes`);
        assert.ok(mine.every((s) => s.index % parallelism === reader), 'reader i owns split indices i, i+P, ...');
      }
      assert.equal(new Set(splits.map((s) => s.splitId)).size, splits.length, 'split ids are unique');

      const run = await readSource(fakeSource, { schema, 'row.num': rowNum, 'split.num': splitNum, 'split.read-interval': 0 }, { parallelism, outputName: 'fake', maxRows: 3 });
      assert.equal(run.all.length, rowNum * parallelism);
      for (const rows of run.byReader) assert.equal(rows.length, rowNum);
    });
  }

  it('row.num = 0 plans no splits and reads nothing', async () => {
    const run = await readSource(fakeSource, { schema, 'row.num': 0 }, { parallelism: 2 });
    assert.equal(run.all.length, 0);
  });

  it('hands out a long split in batches of at most maxRows', async () => {
    const options = withDefaults(fakeSource, { schema, 'row.num': 10 });
    const tables = fakeSource.tables(options, undefined);
    const reader = fakeSource.createReader(options, tables, testContext());
    reader.addSplits(await fakeSource.planSplits(options, tables, 1));
    const sizes: number[] = [];
    for (let batch = await reader.poll(4); batch !== null; batch = await reader.poll(4)) sizes.push(batch.length);
    assert.deepEqual(sizes, [4, 4, 2]);
  });

  it('snapshotSplits carries the position, and a restored reader resumes after it', async () => {
    const options = withDefaults(fakeSource, { schema, 'row.num': 10, 'split.num': 2 });
    const tables = fakeSource.tables(options, undefined);
    const first = fakeSource.createReader(options, tables, testContext());
    first.addSplits(await fakeSource.planSplits(options, tables, 1));
    const before = (await first.poll(3)) ?? [];
    const snapshot = first.snapshotSplits?.() as FakeSplit[];
    assert.deepEqual(snapshot.map((s) => [s.rowNum, s.emitted]), [[5, 3], [5, 0]]);
    const second = fakeSource.createReader(options, tables, testContext());
    second.addSplits(snapshot);
    let rest = 0;
    for (let batch = await second.poll(100); batch !== null; batch = await second.poll(100)) rest += batch.length;
    assert.equal(before.length + rest, 10);
  });

  it('waits split.read-interval between split starts, returning [] meanwhile', async () => {
    const started = Date.now();
    const run = await readSource(fakeSource, { schema, 'row.num': 3, 'split.num': 3, 'split.read-interval': 40 });
    assert.equal(run.all.length, 3);
    assert.ok(Date.now() - started >= 75, `three splits 40 ms apart took ${Date.now() - started} ms`);
    assert.ok(run.polls > 4, 'empty polls while waiting');
  });
});

describe('FakeSource explicit rows', () => {
  it('every split emits all rows: rows.length × splits per reader × parallelism, kinds kept', async () => {
    const rows = [
      { kind: 'INSERT', fields: [1, 'A'] },
      { kind: 'UPDATE_BEFORE', fields: [1, 'A'] },
      { kind: 'UPDATE_AFTER', fields: [1, 'B'] },
      { kind: 'DELETE', fields: { id: 1, name: 'B' } },
    ];
    // row.num 5, split.num 2 → splits of 3 + 2 rows: two splits per reader.
    const run = await readSource(fakeSource, { schema, rows, 'row.num': 5, 'split.num': 2, 'split.read-interval': 0 }, { parallelism: 2, outputName: 'fake' });
    assert.equal(run.all.length, 4 * 2 * 2);
    assert.deepEqual(run.byReader[0]?.slice(0, 4).map((r) => [r.kind, ...r.fields]), [
      ['+I', 1n, 'A'],
      ['-U', 1n, 'A'],
      ['+U', 1n, 'B'],
      ['-D', 1n, 'B'],
    ]);
    assert.ok(run.all.every((r) => r.tableId === 'fake'));
  });

  it('takes INSERT when kind is omitted and accepts short kinds', async () => {
    const run = await readSource(fakeSource, { schema, rows: [{ fields: [1, 'a'] }, { kind: '-U', fields: [1, 'a'] }, { kind: 'update_after', fields: [1, 'b'] }] });
    assert.deepEqual(run.all.map((r) => r.kind), ['+I', '-U', '+U']);
  });

  it('emits fresh row objects for every split', async () => {
    const run = await readSource(fakeSource, { schema, rows: [{ kind: 'INSERT', fields: [1, 'A'] }], 'split.num': 5, 'split.read-interval': 0 });
    assert.equal(run.all.length, 5);
    (run.all[0]?.fields as unknown[])[1] = 'mutated';
    assert.equal(run.all[1]?.fields[1], 'A');
  });

  it('converts every type to the core encoding', async () => {
    const fields = {
      c_null: 'null', c_string: 'string', c_boolean: 'boolean', c_tinyint: 'tinyint', c_smallint: 'smallint', c_int: 'int',
      c_bigint: 'bigint', c_float: 'float', c_double: 'double', c_decimal: 'decimal(30, 8)', c_decimal_scaled: 'decimal(10, 2)',
      c_date: 'date', c_timestamp: 'timestamp', c_timestamp_space: 'timestamp', c_time: 'time', c_bytes: 'bytes',
      c_array: 'array<int>', c_map: 'map<string, bigint>', c_time_map: 'map<time, string>', c_row: { a: 'int', b: 'array<string>' },
    };
    const values = [
      null, 'AAA', false, 1, -2, 333, 9223372036854775807n, 3.1, 9.33333, 99999.99999999, '1.5',
      '2012-12-21', '2012-12-21T12:34:56', '2012-12-21 12:34:56.123', '12:34:56', 'bWlJWmo=',
      [0, 1, 2], { k1: 1, k2: '9007199254740993' }, '{ 12:01:26 = v0 }', [7, ['x', 'y']],
    ];
    const run = await readSource(fakeSource, { schema: { fields }, rows: [{ kind: 'INSERT', fields: values }] });
    const row = run.all[0]?.fields ?? [];
    assert.equal(row.length, 20);
    assert.deepEqual(row.slice(0, 7), [null, 'AAA', false, 1, -2, 333, 9223372036854775807n]);
    assert.equal(row[7], 3.1);
    assert.equal(row[9], '99999.99999999');
    assert.equal(row[10], '1.50');
    assert.deepEqual(row.slice(11, 15), ['2012-12-21', '2012-12-21T12:34:56', '2012-12-21T12:34:56.123', '12:34:56']);
    assert.deepEqual(row[15], new Uint8Array(Buffer.from('miIZj')));
    assert.deepEqual(row[16], [0, 1, 2]);
    assert.deepEqual(row[17], new Map([['k1', 1n], ['k2', 9007199254740993n]]));
    assert.deepEqual(row[18], new Map([['12:01:26', 'v0']]));
    assert.deepEqual(row[19], [7, ['x', 'y']]);
  });

  it('reads CURRENT_DATE / CURRENT_TIME / CURRENT_TIMESTAMP at the split read', async () => {
    const run = await readSource(fakeSource, {
      schema: { fields: { d: 'date', t: 'time', ts: 'timestamp' } },
      rows: [{ kind: 'INSERT', fields: ['CURRENT_DATE', 'CURRENT_TIME', 'current_timestamp'] }],
    });
    const [d, t, ts] = run.all[0]?.fields as string[];
    const today = new Date();
    assert.equal(d, `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`);
    assert.match(t as string, /^\d{2}:\d{2}:\d{2}\.\d{3}$/);
    assert.match(ts as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
  });

  const bad: [string, Record<string, unknown>, unknown[], string, RegExp][] = [
    ['int from text', { n: 'string', c_int: 'int' }, ['a', 'abc'], 'rows[0].fields[1]', /^column c_int \(int\): expected int, got "abc"$/],
    ['tinyint out of range', { c_tinyint: 'tinyint' }, [300], 'rows[0].fields[0]', /^column c_tinyint \(tinyint\): expected tinyint, got 300$/],
    ['decimal needing rounding', { c: 'decimal(10, 2)' }, [1.234], 'rows[0].fields[0]', /1\.234 has more than 2 fraction digits/],
    ['decimal too wide', { c: 'decimal(4, 2)' }, [123.5], 'rows[0].fields[0]', /does not fit decimal\(4, 2\)/],
    ['impossible date', { c: 'date' }, ['2023-02-30'], 'rows[0].fields[0]', /expected text like "2023-04-22", got "2023-02-30"/],
    ['bad base64', { c: 'bytes' }, ['not base64!'], 'rows[0].fields[0]', /expected base64 text/],
    ['array from text', { c: 'array<int>' }, ['1,2'], 'rows[0].fields[0]', /expected a list/],
    ['nested element', { c: 'array<int>' }, [[1, 'x']], 'rows[0].fields[0][1]', /^column c \(array<int>\): expected int, got "x"$/],
    ['map key', { c: 'map<int, string>' }, [{ one: 'a' }], 'rows[0].fields[0].one', /key: expected int, got "one"/],
    ['unknown field name', { a: 'int' }, { b: 1 } as unknown as unknown[], 'rows[0].fields', /has no field named "b"/],
    ['too many values', { a: 'int' }, [1, 2], 'rows[0].fields', /has 2 values but the row has 1 fields/],
  ];
  for (const [name, fields, values, path, message] of bad) {
    it(`rejects ${name} with an OptionError at the row and field`, () => {
      const options = withDefaults(fakeSource, { schema: { fields }, rows: [{ kind: 'INSERT', fields: values }] });
      assert.throws(() => fakeSource.tables(options, undefined), (error: unknown) => {
        assert.ok(error instanceof OptionError);
        assert.equal(error.option, path);
        assert.match(error.message, message);
        return true;
      });
    });
  }

  it('names the tables_configs entry of a bad row', () => {
    const options = withDefaults(fakeSource, { tables_configs: [{ schema }, { schema, rows: [{ fields: [1, 'a'] }, { fields: ['x', 'b'] }] }] });
    assert.throws(() => fakeSource.tables(options, undefined), { option: 'tables_configs[1].rows[1].fields[0]', message: 'column id (bigint): expected bigint, got "x"' });
  });

  it('rejects an unknown kind', () => {
    const options = withDefaults(fakeSource, { schema, rows: [{ kind: 'UPSERT', fields: [1, 'a'] }] });
    assert.throws(() => fakeSource.tables(options, undefined), { option: 'rows[0].kind', message: 'expected INSERT, UPDATE_BEFORE, UPDATE_AFTER or DELETE, got "UPSERT"' });
  });
});

describe('FakeSource schema and table paths', () => {
  it('path: schema.table, else plugin_output, else default.default.default (CatalogTableUtil)', () => {
    const path = (schemaOption: unknown, output?: string): string =>
      fakeSource.tables(withDefaults(fakeSource, { schema: schemaOption }), output)[0]?.tablePath ?? '';
    assert.equal(path({ table: 'db.t', fields: { a: 'int' } }, 'fake'), 'db.t');
    assert.equal(path({ fields: { a: 'int' } }, 'fake'), 'fake');
    assert.equal(path({ fields: { a: 'int' } }), 'default.default.default');
    assert.throws(() => path({ table: 'a.b.c.d', fields: { a: 'int' } }), { option: 'schema.table', message: 'table "a.b.c.d" has more than three parts (database.schema.table)' });
  });

  it('reads the columns form with keys, lengths, defaults and comments', () => {
    const [table] = fakeSource.tables(
      withDefaults(fakeSource, {
        schema: {
          table: 'test.users',
          columns: [
            { name: 'id', type: 'bigint', nullable: false, defaultValue: 0, comment: 'primary key id' },
            { name: 'name', type: 'string', columnLength: 20 },
            { name: 'score', type: 'decimal(10, 2)', columnScale: 2 },
          ],
          primaryKey: { name: 'pk', columnNames: ['id'] },
          constraintKeys: [{ constraintName: 'uk_name', constraintType: 'UNIQUE_KEY', constraintColumns: [{ columnName: 'name', sortType: 'DESC' }] }],
        },
      }),
      undefined,
    );
    assert.deepEqual(table, {
      tablePath: 'test.users',
      columns: [
        { name: 'id', type: { kind: 'bigint' }, nullable: false, columnLength: 0, comment: 'primary key id', defaultValue: 0 },
        { name: 'name', type: { kind: 'string' }, nullable: true, columnLength: 20 },
        { name: 'score', type: { kind: 'decimal', precision: 10, scale: 2 }, nullable: true, columnLength: 0, columnScale: 2 },
      ],
      primaryKey: { name: 'pk', columns: ['id'] },
      constraintKeys: [{ name: 'uk_name', type: 'UNIQUE_KEY', columns: [{ name: 'name', sortType: 'DESC' }] }],
    });
  });

  it('rejects schemas SeaTunnel rejects', () => {
    const tables = (schemaOption: unknown): unknown => fakeSource.tables(withDefaults(fakeSource, { schema: schemaOption }), undefined);
    assert.throws(() => tables({ fields: { a: 'int' }, columns: [] }), /both \[fields\] and \[columns\]/);
    assert.throws(() => tables({}), /can not be empty/);
    assert.throws(() => tables({ fields: { a: 'integr' } }), { option: 'schema.fields.a', message: 'invalid type "integr": unknown type "integr"' });
    assert.throws(() => tables({ columns: [{ name: 'a' }] }), { option: 'schema.columns[0]', message: '(a) needs option [type]' });
    assert.throws(() => tables({ fields: { a: 'int' }, primaryKey: { name: 'pk', columnNames: ['b'] } }), { option: 'schema.primaryKey.columnNames', message: 'no column named "b"' });
    assert.throws(() => tables({ columns: [{ name: 'a', type: 'int', defaultValue: 'x' }] }), { option: 'schema.columns[0].defaultValue', message: 'expected int, got "x"' });
  });

  it('uses a column defaultValue instead of random values', async () => {
    const run = await readSource(fakeSource, {
      schema: { columns: [{ name: 'id', type: 'int', defaultValue: 42 }, { name: 'at', type: 'date', defaultValue: '2020-01-02' }] },
      'row.num': 3,
    });
    assert.deepEqual(run.all.map((r) => r.fields), [[42, '2020-01-02'], [42, '2020-01-02'], [42, '2020-01-02']]);
  });
});

describe('FakeSource multi-table', () => {
  it('tables_configs: one standalone config per table (nested HOCON paths or flat keys)', async () => {
    const run = await readSource(
      fakeSource,
      {
        tables_configs: [
          { row: { num: 16 }, schema: { table: 'test.table1', fields: { c_int: 'int', c_bigint: 'bigint' } } },
          { 'row.num': 17, 'split.num': 3, schema: { table: 'test.table2', fields: { c_string: 'string', c_tinyint: 'tinyint' } } },
        ],
      },
      { parallelism: 2 },
    );
    assert.deepEqual(run.tables.map((t) => t.tablePath), ['test.table1', 'test.table2']);
    assert.equal(run.all.filter((r) => r.tableId === 'test.table1').length, 32);
    assert.equal(run.all.filter((r) => r.tableId === 'test.table2').length, 34);
    for (const row of run.all) {
      if (row.tableId === 'test.table1') assert.ok(typeof row.fields[0] === 'number' && typeof row.fields[1] === 'bigint');
      else assert.ok(typeof row.fields[0] === 'string' && typeof row.fields[1] === 'number');
    }
  });

  it('tables_configs entries are validated like top-level options, with their path', () => {
    const problems = fakeSource.validate?.(withDefaults(fakeSource, { tables_configs: [{ row: { num: 'ten' }, schema }, { 'int.min': 5, 'int.max': 1 }] })) ?? [];
    assert.deepEqual(problems.map((p) => p.path), ['tables_configs[0].row.num', 'tables_configs[1].int.min', 'tables_configs[1].schema']);
    assert.throws(
      () => fakeSource.tables(withDefaults(fakeSource, { tables_configs: [{ schema }, { schema }] }), undefined),
      /table name: \[default\.default\.default, default\.default\.default\] must be unique/,
    );
  });

  it('table-names: the schema under each name, row.num rows per reader each', async () => {
    const run = await readSource(fakeSource, { schema, 'table-names': ['db.t1', 'db.t2', 't3'], 'row.num': 4 }, { parallelism: 2 });
    assert.deepEqual(run.tables.map((t) => t.tablePath), ['db.t1', 'db.t2', 't3']);
    for (const path of ['db.t1', 'db.t2', 't3']) assert.equal(run.all.filter((r) => r.tableId === path).length, 8);
  });

  it('schema next to tables_configs is a config problem', () => {
    const problems = fakeSource.validate?.(withDefaults(fakeSource, { schema, tables_configs: [{ schema }] })) ?? [];
    assert.deepEqual(problems.map((p) => p.path), ['tables_configs']);
    assert.deepEqual(fakeSource.validate?.(withDefaults(fakeSource, {})).map((p) => p.path), ['schema']);
  });
});

describe('FakeSource random values', () => {
  const allTypes = {
    c_string: 'string', c_boolean: 'boolean', c_tinyint: 'tinyint', c_smallint: 'smallint', c_int: 'int', c_bigint: 'bigint',
    c_float: 'float', c_double: 'double', c_decimal: 'decimal(10, 3)', c_decimal0: 'decimal(5, 0)', c_decimal_frac: 'decimal(3, 3)',
    c_null: 'null', c_bytes: 'bytes', c_date: 'date', c_time: 'time', c_timestamp: 'timestamp',
    c_array: 'array<string>', c_map: 'map<int, boolean>', c_row: { x: 'int', y: 'string' },
  };

  it('generates every type in its encoding and default range', async () => {
    const run = await readSource(fakeSource, { schema: { fields: allTypes }, 'row.num': 300 });
    const year = new Date().getFullYear();
    for (const { fields: f } of run.all) {
      assert.match(f[0] as string, /^[A-Za-z]{5}$/);
      assert.equal(typeof f[1], 'boolean');
      assert.ok(Number.isInteger(f[2]) && (f[2] as number) >= 0 && (f[2] as number) < 127);
      assert.ok(Number.isInteger(f[3]) && (f[3] as number) >= 0 && (f[3] as number) < 32767);
      assert.ok(Number.isInteger(f[4]) && (f[4] as number) >= 0 && (f[4] as number) < 2147483647);
      assert.equal(typeof f[5], 'bigint');
      assert.ok((f[5] as bigint) >= 0n && (f[5] as bigint) < 2n ** 63n);
      assert.ok((f[6] as number) >= 0 && (f[6] as number) <= 3.4028234663852886e38);
      assert.ok((f[7] as number) >= 0 && Number.isFinite(f[7]));
      assert.match(f[8] as string, /^(0|[1-9]\d{0,6})\.\d{3}$/);
      assert.match(f[9] as string, /^(0|[1-9]\d{0,4})$/);
      assert.match(f[10] as string, /^0\.\d{3}$/);
      assert.equal(f[11], null);
      assert.ok(f[12] instanceof Uint8Array && f[12].length === 5 && /^[A-Za-z]{5}$/.test(Buffer.from(f[12]).toString('latin1')));
      assert.match(f[13] as string, new RegExp(`^${year}-(0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8])$`));
      assert.match(f[14] as string, /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
      assert.match(f[15] as string, new RegExp(`^${year}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$`));
      assert.ok(Array.isArray(f[16]) && f[16].length === 5);
      assert.ok(f[17] instanceof Map && f[17].size >= 1 && f[17].size <= 5);
      assert.ok(Array.isArray(f[18]) && f[18].length === 2 && typeof f[18][0] === 'number' && typeof f[18][1] === 'string');
    }
    assert.ok(run.all.some((r) => (r.fields[5] as bigint) > 2n ** 53n), 'the default bigint range reaches beyond 2^53');
  });

  it('honours sizes: string.length, bytes.length, array.size, map.size, columnLength', async () => {
    const run = await readSource(fakeSource, {
      schema: { columns: [{ name: 's', type: 'string' }, { name: 'long', type: 'string', columnLength: 40 }, { name: 'b', type: 'bytes' }, { name: 'a', type: 'array<int>' }, { name: 'm', type: 'map<string, int>' }] },
      'string.length': 3, 'bytes.length': 7, 'array.size': 2, 'map.size': 4, 'row.num': 20,
    });
    for (const { fields: f } of run.all) {
      assert.equal((f[0] as string).length, 3);
      assert.match(f[1] as string, /^[A-Za-z]{40}$/);
      assert.equal((f[2] as Uint8Array).length, 7);
      assert.equal((f[3] as number[]).length, 2);
      assert.equal((f[4] as Map<string, number>).size, 4);
    }
  });

  it('draws numbers from [min, max), exact for bigints beyond 2^53', async () => {
    const run = await readSource(fakeSource, {
      schema: { fields: { t: 'tinyint', i: 'int', b: 'bigint', d: 'double' } },
      'tinyint.min': 5, 'tinyint.max': 5, 'int.min': 10, 'int.max': 12,
      'bigint.min': 9223372036854775800n, 'bigint.max': 9223372036854775807n, 'double.min': 1.5, 'double.max': 2.5,
      'row.num': 200,
    });
    const ints = new Set(run.all.map((r) => r.fields[1]));
    assert.deepEqual([...ints].sort(), [10, 11]);
    for (const { fields: f } of run.all) {
      assert.equal(f[0], 5);
      assert.ok((f[2] as bigint) >= 9223372036854775800n && (f[2] as bigint) < 9223372036854775807n, String(f[2]));
      assert.ok((f[3] as number) >= 1.5 && (f[3] as number) < 2.5);
    }
    assert.ok(new Set(run.all.map((r) => r.fields[2])).size > 1);

    const wide = await readSource(fakeSource, { schema: { fields: { b: 'bigint' } }, 'bigint.min': 2n ** 62n, 'bigint.max': 2n ** 63n - 1n, 'row.num': 200 });
    for (const { fields: f } of wide.all) assert.ok((f[0] as bigint) >= 2n ** 62n && (f[0] as bigint) < 2n ** 63n - 1n, String(f[0]));
    assert.ok(new Set(wide.all.map((r) => r.fields[0])).size > 190, 'values spread over the span');
  });

  it('templates replace random values, in template mode and (as in SeaTunnel) in range mode', async () => {
    const run = await readSource(fakeSource, {
      schema: { fields: { s: 'string', i: 'int', b: 'bigint', f: 'float', d: 'date', t: 'time', ts: 'timestamp' } },
      'string.fake.mode': 'template', 'string.template': ['x', 'y'],
      'int.template': [7, 8], 'bigint.fake.mode': 'template', 'bigint.template': [9223372036854775807n],
      'float.template': [1.5],
      'date.year.template': [2020], 'date.month.template': [2], 'date.day.template': [30],
      'time.hour.template': [23], 'time.minute.template': [59], 'time.second.template': [1, 2],
      'row.num': 50,
    });
    for (const { fields: f } of run.all) {
      assert.ok(['x', 'y'].includes(f[0] as string));
      assert.ok([7, 8].includes(f[1] as number));
      assert.equal(f[2], 9223372036854775807n);
      assert.equal(f[3], 1.5);
      assert.equal(f[4], '2020-02-29', 'day 30 is clamped to the end of February');
      assert.match(f[5] as string, /^23:59:0[12]$/);
      assert.match(f[6] as string, /^2020-02-29T23:59:0[12]$/);
    }
  });

  it('reports mode/template/range problems at validation', () => {
    const problems = fakeSource.validate?.(withDefaults(fakeSource, {
      schema, 'int.fake.mode': 'template', 'smallint.min': 10, 'smallint.max': 9, 'tinyint.template': [300], 'date.month.template': [13],
    })) ?? [];
    assert.deepEqual(problems.map((p) => p.path).sort(), ['date.month.template', 'int.template', 'smallint.min', 'tinyint.template']);
  });

  it('generates 100k rows of a wide schema quickly', async () => {
    const started = performance.now();
    const run = await readSource(fakeSource, { schema: { fields: { a: 'string', b: 'int', c: 'bigint', d: 'double', e: 'boolean', f: 'decimal(10, 2)' } }, 'row.num': 100000 }, { maxRows: 4096 });
    assert.equal(run.all.length, 100000);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
  });
});
