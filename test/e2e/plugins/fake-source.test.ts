import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob, statistic } from '../../support/cli.js';
import { consoleLines, rowsOf, rowTypes } from './support.js';

/** Count of printed lines per subtask. */
function perSubtask(stdout: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of consoleLines(stdout)) counts.set(line.subtask, (counts.get(line.subtask) ?? 0) + 1);
  return counts;
}

describe('FakeSource from config text', () => {
  it('emits row.num random rows per reader, whatever split.num, on every parallel reader', async () => {
    const result = await runJob(`
env { parallelism = 3 }
source { FakeSource { plugin_output = "in", row.num = 10, split { num = 3, read-interval = 0 }, schema = { fields { id = int, name = string } } } }
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 30);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 30);
    assert.deepEqual([...perSubtask(result.stdout)].sort(), [[0, 10], [1, 10], [2, 10]]);
    // Each subtask numbers its rows 1..10.
    assert.deepEqual(consoleLines(result.stdout).filter((l) => l.subtask === 2).map((l) => l.rowIndex), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('with rows, every split emits every row: rows × ceil(row.num / ceil(row.num / split.num)) splits × parallelism', async () => {
    // row.num 5 in splits of ceil(5 / 4) = 2 rows gives 3 splits per reader (not 4).
    const result = await runJob(`
env { parallelism = 2 }
source {
  FakeSource {
    plugin_output = "in"
    row.num = 5
    split.num = 4
    split.read-interval = 0
    schema = { fields { id = int } }
    rows = [ { kind = INSERT, fields = [1] }, { kind = DELETE, fields = [1] } ]
  }
}
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 12);
    assert.deepEqual(rowsOf(result.stdout, 0, 0), ['INSERT: 1', 'DELETE: 1', 'INSERT: 1', 'DELETE: 1', 'INSERT: 1', 'DELETE: 1']);
    assert.deepEqual(rowsOf(result.stdout, 0, 1), rowsOf(result.stdout, 0, 0));
  });

  it('row.num = 0 reads nothing and the job finishes', async () => {
    const result = await runJob(`
env { parallelism = 2 }
source { FakeSource { plugin_output = "in", row.num = 0, schema = { fields { id = int } } } }
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 0);
    assert.equal(consoleLines(result.stdout).length, 0);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>', 'id<INT>']);
  });

  it('tables_configs: one standalone config per table, each with its own counts, splits, rows and path', async () => {
    const result = await runJob(`
env { parallelism = 2 }
source {
  FakeSource {
    plugin_output = "multi"
    tables_configs = [
      { row.num = 2, split.read-interval = 0, schema = { table = "db.t1", fields { id = int } } }
      { row { num = 3 }, split.num = 2, split.read-interval = 0, schema = { table = "db.t2", fields { name = string } } }
      { split.read-interval = 0, schema = { table = "t3", fields { k = int } }, rows = [ { kind = DELETE, fields = [7] } ] }
    ]
  }
}
sink { Console { plugin_input = "multi" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>', 'name<STRING>', 'k<INT>', 'id<INT>', 'name<STRING>', 'k<INT>']);
    const lines = consoleLines(result.stdout);
    const count = (table: string): number => lines.filter((line) => line.tableId === table).length;
    assert.deepEqual([count('db.t1'), count('db.t2'), count('t3')], [4, 6, 2]);
    assert.ok(lines.filter((line) => line.tableId === 'db.t1').every((line) => /^\d+$/.test(line.values) && line.kind === 'INSERT'));
    assert.ok(lines.filter((line) => line.tableId === 'db.t2').every((line) => /^[A-Za-z]{5}$/.test(line.values)));
    assert.deepEqual(lines.filter((line) => line.tableId === 't3').map((line) => `${line.kind}: ${line.values}`), ['DELETE: 7', 'DELETE: 7']);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 12);
  });

  it('table-names emits the schema under each name; schema.table names a single table', async () => {
    const result = await runJob(`
source {
  FakeSource { plugin_output = "a", row.num = 2, table-names = ["db.x", "db.y"], schema = { fields { id = int } } }
  FakeSource { plugin_output = "b", row.num = 1, schema = { table = "s.db.z", fields { id = int } } }
}
sink {
  Console { plugin_input = "a" }
  Console { plugin_input = "b" }
}
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(consoleLines(result.stdout).filter((l) => l.sink === 0).map((l) => l.tableId), ['db.x', 'db.x', 'db.y', 'db.y']);
    assert.deepEqual(consoleLines(result.stdout).filter((l) => l.sink === 1).map((l) => l.tableId), ['s.db.z']);
  });

  it('draws numbers, strings, dates and times from the configured ranges and sizes', async () => {
    const year = new Date().getFullYear();
    const result = await runJob(`
source {
  FakeSource {
    plugin_output = "in"
    row.num = 200
    schema = {
      fields { t = tinyint, s = smallint, i = int, b = bigint, d = double, f = float, dec = "decimal(6, 2)", str = string, by = bytes, a = "array<int>", m = "map<string, int>", dt = date, tm = time }
    }
    tinyint.min = 5
    tinyint.max = 5
    smallint.min = 100
    smallint.max = 103
    int.min = 10
    int.max = 12
    bigint.min = 9223372036854775800
    bigint.max = 9223372036854775807
    double.min = 1.5
    double.max = 2.5
    float.min = 3
    float.max = 4
    string.length = 3
    bytes.length = 2
    array.size = 2
    map.size = 1
  }
}
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    const rows = consoleLines(result.stdout).map((line) => line.values);
    assert.equal(rows.length, 200);
    const ints = new Set<string>();
    const bigints = new Set<string>();
    for (const row of rows) {
      const match = /^(\d+), (\d+), (\d+), (\d+), ([\d.E]+), ([\d.E]+), ([\d.]+), ([A-Za-z]*), \[(-?\d+), (-?\d+)\], \[(\d+), (\d+)\], \{"([A-Za-z]{3})":(\d+)\}, (\S+), (\S+)$/.exec(row);
      assert.ok(match, row);
      const [, t, s, i, b, d, f, dec, str, , , , , , , dt, tm] = match as unknown as string[];
      assert.equal(t, '5');
      assert.ok(Number(s) >= 100 && Number(s) < 103, s);
      assert.ok(i === '10' || i === '11', i);
      ints.add(i as string);
      assert.ok(BigInt(b as string) >= 9223372036854775800n && BigInt(b as string) < 9223372036854775807n, b);
      bigints.add(b as string);
      assert.ok(Number(d) >= 1.5 && Number(d) < 2.5, d);
      assert.ok(Number(f) >= 3 && Number(f) <= 4, f);
      assert.match(dec as string, /^(0|[1-9]\d{0,3})\.\d\d$/);
      assert.equal((str as string).length, 3);
      assert.match(dt as string, new RegExp(`^${year}-(0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8])$`));
      // LocalTime.toString leaves out zero seconds.
      assert.match(tm as string, /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/);
    }
    assert.deepEqual([...ints].sort(), ['10', '11']);
    assert.ok(bigints.size > 1, 'bigints spread over the range');
  });

  it('templates replace random values (in template mode and, as in SeaTunnel, in range mode)', async () => {
    const result = await runJob(`
source {
  FakeSource {
    plugin_output = "in"
    row.num = 50
    schema = { fields { s = string, i = int, b = bigint, f = float, d = date, t = time, ts = timestamp } }
    string.fake.mode = template
    string.template = [x, y]
    int.template = [7, 8]
    bigint.fake.mode = "template"
    bigint.template = [9223372036854775807]
    float.template = [1.5]
    date.year.template = [2020]
    date.month.template = [2]
    date.day.template = [30]
    time.hour.template = [23]
    time.minute.template = [59]
    time.second.template = [1, 2]
  }
}
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    const rows = consoleLines(result.stdout).map((line) => line.values);
    assert.equal(rows.length, 50);
    const seen = new Set<string>();
    for (const row of rows) {
      // Day 30 is clamped to the end of February 2020.
      assert.match(row, /^[xy], [78], 9223372036854775807, 1\.5, 2020-02-29, 23:59:0[12], 2020-02-29T23:59:0[12]$/);
      seen.add(row.slice(0, 1));
    }
    assert.deepEqual([...seen].sort(), ['x', 'y']);
  });

  it('converts every type written in rows, by position or by field name, and prints it as SeaTunnel does', async () => {
    const result = await runJob(`
source {
  FakeSource {
    plugin_output = "in"
    schema = {
      fields {
        c_null = "null", c_string = string, c_boolean = boolean, c_tinyint = tinyint, c_smallint = smallint, c_int = int, c_bigint = bigint,
        c_float = float, c_double = double, c_decimal = "decimal(30, 8)", c_dec2 = "decimal(10, 2)", c_date = date, c_time = time,
        c_timestamp = timestamp, c_bytes = bytes, c_array = "array<int>", c_map = "map<string, bigint>", c_row = { a = int, b = "array<string>" }
      }
    }
    rows = [
      { kind = INSERT, fields = [null, "AAA", false, 1, -2, 333, 9223372036854775807, 3.1, 9.33333, 99999.99999999, "1.5", "2012-12-21", "12:34:00",
          "2012-12-21 12:34:56.5", "bWlJWmo=", [0, 1, 2], { k1 = 1, k2 = "9007199254740993" }, [7, ["x", "y"]]] }
      { kind = "-D", fields = { c_string = "B", c_double = 1e10, c_float = 0.1, c_boolean = "TRUE", c_tinyint = "-128" } }
    ]
  }
}
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), [
      'c_null<NULL>, c_string<STRING>, c_boolean<BOOLEAN>, c_tinyint<TINYINT>, c_smallint<SMALLINT>, c_int<INT>, c_bigint<BIGINT>, c_float<FLOAT>, ' +
        'c_double<DOUBLE>, c_decimal<DECIMAL(30, 8)>, c_dec2<DECIMAL(10, 2)>, c_date<DATE>, c_time<TIME>, c_timestamp<TIMESTAMP>, c_bytes<BYTES>, ' +
        'c_array<ARRAY<INT>>, c_map<MAP<STRING, BIGINT>>, c_row<ROW<a INT, b ARRAY<STRING>>>',
    ]);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: , AAA, false, 1, -2, 333, 9223372036854775807, 3.1, 9.33333, 99999.99999999, 1.50, 2012-12-21, 12:34, 2012-12-21T12:34:56.500, ' +
        '[109, 105, 73, 90, 106], [0, 1, 2], {"k1":1,"k2":9007199254740993}, [7, [x, y]]',
      'DELETE: , B, true, -128, , , , 0.1, 1.0E10, , , , , , , , , ',
    ]);
  });

  it('reports bad options, schemas and rows with their paths and lines, all at once', async () => {
    const result = await runJob(`source {
  FakeSource {
    plugin_output = "a"
    schema = { fields { id = int, name = string } }
    int.min = 10
    int.max = 5
    string.fake.mode = template
    date.month.template = [13]
    rows = [
      { kind = INSERT, fields = [1, "a"] }
      { kind = INSERT, fields = ["x", "b"] }
    ]
  }
  FakeSource {
    plugin_output = "b"
    schema = { fields { id = "decimal(x)" } }
    row.num = -1
  }
  FakeSource {
    plugin_output = "c"
    tables_configs = [ { schema = { table = "t", fields { id = int } } }, { row.num = 1, schema = { table = "t", fields { id = int } } } ]
  }
  FakeSource {
    plugin_output = "d"
    schema = { fields { id = int } }
    rows = [ { kind = UPSERT, fields = [1] } ]
  }
  FakeSource { plugin_output = "e" }
}
sink { Console { plugin_input = [a, b, c, d, e] } }
`);
    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    const expected = [
      /source\[0\]\.string\.template: is required when string\.fake\.mode = template \(line 7, /,
      /source\[0\]\.int\.min: int\.min \(10\) is larger than int\.max \(5\) \(line 5, column 15\)/,
      /source\[0\]\.date\.month\.template: 13 is outside 1\.\.12 \(line 8, /,
      /source\[0\]\.rows\[1\]\.fields\[0\]: column id \(int\): expected int, got "x" \(line 11, column 34\)/,
      /source\[1\]\.row\.num: expected at least 0, got -1 \(line 17, /,
      /source\[2\]\.tables_configs: table name: \[t, t\] must be unique \(line 21, /,
      /source\[3\]\.rows\[0\]\.kind: expected INSERT, UPDATE_BEFORE, UPDATE_AFTER or DELETE, got "UPSERT" \(line 26, /,
      /source\[4\]\.schema: is required unless tables_configs is given \(line 28, /,
    ];
    for (const pattern of expected) assert.match(result.stderr, pattern);
  });
});
