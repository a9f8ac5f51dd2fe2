import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localFileSource } from '../../../src/connectors/file/local-file-source.js';
import { parseDataType } from '../../../src/core/data-type.js';
import type { TableSchema } from '../../../src/core/table.js';
import { insert, listFiles, readAll, sourceOptions, tempDir, writeAndCommit } from './file-test-kit.js';

/** Every SeaTunnel type, written by the sink, committed, read back by the source: equal values. */
const fields: Record<string, string> = {
  c_string: 'string',
  c_boolean: 'boolean',
  c_tinyint: 'tinyint',
  c_smallint: 'smallint',
  c_int: 'int',
  c_bigint: 'bigint',
  c_float: 'float',
  c_double: 'double',
  c_decimal: 'decimal(38, 18)',
  c_money: 'decimal(10, 2)',
  c_null: 'null',
  c_bytes: 'bytes',
  c_date: 'date',
  c_time: 'time',
  c_timestamp: 'timestamp',
  c_array: 'array<int>',
  c_strings: 'array<string>',
  c_map: 'map<string, bigint>',
  c_row: 'row<a int, b string, c decimal(5, 1)>',
};
const schema = { fields };
const table: TableSchema = { tablePath: 'db.t', columns: Object.entries(fields).map(([name, type]) => ({ name, type: parseDataType(type) })) };

function row(values: Partial<Record<keyof typeof fields, unknown>>): unknown[] {
  return Object.keys(fields).map((name) => (name in values ? values[name] : null));
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Values every format keeps exactly. */
const common = [
  row({
    c_string: 'Grüße, 世界 🌍',
    c_boolean: true,
    c_tinyint: -128,
    c_smallint: 32767,
    c_int: -2147483648,
    c_bigint: 9223372036854775807n,
    c_float: 1.5,
    c_double: 0.1,
    c_decimal: '12345678901234567890.123456789012345678',
    c_money: '-0.05',
    c_bytes: utf8('bytes ü'),
    c_date: '2024-02-29',
    c_time: '23:59:58.123456',
    c_timestamp: '1999-12-31T23:59:59.987654321',
    c_array: [1, null, -3],
    c_strings: ['a', 'b c'],
    c_map: new Map<string, bigint | null>([['k1', 9007199254740993n], ['k2', null]]),
    c_row: [7, 'seven', '-1234.5'],
  }),
  row({
    c_string: 'plain',
    c_boolean: false,
    c_tinyint: 0,
    c_smallint: -1,
    c_int: 42,
    c_bigint: -9223372036854775808n,
    c_float: -0.25,
    c_double: 1.7976931348623157e308,
    c_decimal: '-0.000000000000000001',
    c_money: '99999999.99',
    c_bytes: utf8(''),
    c_date: '0001-01-01',
    c_time: '00:00:00',
    c_timestamp: '2024-01-01T00:00:00',
    c_array: [2147483647],
    c_strings: ['x'],
    c_map: new Map([['only', 1n]]),
    c_row: [null, 'x', null],
  }),
  row({ c_double: Number.NaN, c_float: Number.POSITIVE_INFINITY, c_bigint: 9007199254740993n }),
  row({ c_double: -0, c_float: 3.4028234663852886e38, c_decimal: '0.000000000000000000' }),
  row({}),
];

/** Bytes that are empty text read back as null in text/csv (SeaTunnel reads an empty field as null). */
function textual(rows: unknown[][]): unknown[][] {
  const bytes = Object.keys(fields).indexOf('c_bytes');
  return rows.map((values) => values.map((v, i) => (i === bytes && v instanceof Uint8Array && v.length === 0 ? null : v)));
}

describe('LocalFile round trip: sink → commit → source', () => {
  it('text keeps every type exactly, with the default \\u0001 delimiter', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'text' }, [table], [common.map((f) => insert('db.t', ...f))]);
    const rows = await readAll({ path, file_format_type: 'text', schema });
    assert.deepEqual(rows.map((r) => r.fields), textual(common));
    assert.ok(rows.every((r) => r.kind === '+I' && r.tableId === 'default.default.default'));
  });

  it('csv keeps every type exactly, with delimiters, quotes and line breaks inside values, and "" apart from null', async () => {
    const path = await tempDir();
    const tricky = [
      row({ c_string: 'a,b', c_strings: ['x,y', 'quote "q"'] }),
      row({ c_string: 'say "hi"' }),
      row({ c_string: 'line1\nline2\r\nline3' }),
      row({ c_string: '' }),
      row({ c_string: ' leading and trailing ' }),
      row({ c_string: '#not a comment' }),
      row({ c_string: null }),
      row({ c_string: '"' }),
    ];
    const all = [...common, ...tricky];
    await writeAndCommit({ path, file_format_type: 'csv' }, [table], [all.map((f) => insert('db.t', ...f))]);
    const rows = await readAll({ path, file_format_type: 'csv', schema });
    assert.deepEqual(rows.map((r) => r.fields), textual(all));
  });

  it('json lines keep every type exactly, bigints beyond 2^53 as exact numbers', async () => {
    const path = await tempDir();
    const extra = [row({ c_string: '', c_bytes: new Uint8Array([0, 255, 128, 10]) }), row({ c_string: 'new\nline "quoted" \\ \u0001' })];
    const all = [...common, ...extra];
    await writeAndCommit({ path, file_format_type: 'json' }, [table], [all.map((f) => insert('db.t', ...f))]);
    const rows = await readAll({ path, file_format_type: 'json', schema });
    assert.deepEqual(rows.map((r) => r.fields), all);
    const [file] = await listFiles(path);
    const text = await readFile(join(path, file as string), 'utf8');
    assert.match(text, /"c_bigint":9223372036854775807,/);
    assert.match(text, /"c_decimal":12345678901234567890\.123456789012345678,/);
    assert.equal(text.split('\n').length, all.length + 1, 'one object per line, newlines inside strings escaped');
  });

  for (const format of ['text', 'csv', 'json'] as const) {
    it(`${format} with gzip writes .gz files that the source reads (by codec and by extension)`, async () => {
      const path = await tempDir();
      const rows = Array.from({ length: 50 }, (_, i) => row({ c_int: i, c_string: `row ${i}`, c_bigint: BigInt(i) * 1000000000000n }));
      await writeAndCommit({ path, file_format_type: format, compress_codec: 'gzip' }, [table], [rows.map((f) => insert('db.t', ...f))]);
      const files = await listFiles(path);
      assert.equal(files.length, 1);
      assert.match(files[0] as string, new RegExp(`\\.${format === 'text' ? 'txt' : format}\\.gz$`));
      const raw = await readFile(join(path, files[0] as string));
      assert.deepEqual([raw[0], raw[1]], [0x1f, 0x8b], 'gzip magic');
      assert.deepEqual((await readAll({ path, file_format_type: format, schema, compress_codec: 'gzip' })).map((r) => r.fields), rows);
      assert.deepEqual((await readAll({ path, file_format_type: format, schema })).map((r) => r.fields), rows);
    });
  }

  it('custom delimiters, a header line and skip_header_row_number', async () => {
    const path = await tempDir();
    const small: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'bigint' } }, { name: 'name', type: { kind: 'string' } }] };
    const rows = [insert('t', 1n, 'a|b'), insert('t', 2n, null)];
    for (const format of ['text', 'csv'] as const) {
      const dir = join(path, format);
      const options = { path: dir, file_format_type: format, field_delimiter: '\t', row_delimiter: '\r\n', enable_header_write: true };
      await writeAndCommit(options, [small], [rows]);
      const [file] = await listFiles(dir);
      assert.equal(await readFile(join(dir, file as string), 'utf8'), 'id\tname\r\n1\ta|b\r\n2\t\r\n');
      const read = await readAll({ ...options, schema: { fields: { id: 'bigint', name: 'string' } }, skip_header_row_number: 1 });
      assert.deepEqual(read.map((r) => r.fields), [[1n, 'a|b'], [2n, null]]);
    }
  });

  it('a one-column table keeps its null rows (written as empty lines)', async () => {
    const path = await tempDir();
    const one: TableSchema = { tablePath: 't', columns: [{ name: 'v', type: { kind: 'int' } }] };
    for (const format of ['text', 'csv'] as const) {
      const dir = join(path, format);
      await writeAndCommit({ path: dir, file_format_type: format }, [one], [[insert('t', 1), insert('t', null), insert('t', 3)]]);
      assert.deepEqual((await readAll({ path: dir, file_format_type: format, schema: { fields: { v: 'int' } } })).map((r) => r.fields), [[1], [null], [3]]);
    }
  });

  it('sink_columns writes the named columns in their order', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'json', sink_columns: ['C_INT', 'c_string'] }, [table], [[insert('db.t', ...row({ c_string: 's', c_int: 5, c_bigint: 1n }))]]);
    const [file] = await listFiles(path);
    assert.equal(await readFile(join(path, file as string), 'utf8'), '{"c_int":5,"c_string":"s"}\n');
  });

  it('date, time and datetime formats are used for writing and accepted for reading', async () => {
    const path = await tempDir();
    const t: TableSchema = {
      tablePath: 't',
      columns: [
        { name: 'd', type: { kind: 'date' } },
        { name: 'ts', type: { kind: 'timestamp' } },
        { name: 'tm', type: { kind: 'time' } },
      ],
    };
    const options = { path, file_format_type: 'csv', date_format: 'yyyy/MM/dd', datetime_format: 'yyyyMMddHHmmss', time_format: 'HH:mm:ss.SSS' };
    await writeAndCommit(options, [t], [[insert('t', '2024-03-04', '2024-03-04T05:06:07', '01:02:03'), insert('t', '2024-03-04', '2024-03-04T05:06:07.5', '01:02:03.123456')]]);
    const [file] = await listFiles(path);
    assert.equal(await readFile(join(path, file as string), 'utf8'), '2024/03/04,20240304050607,01:02:03.000\n2024/03/04,20240304050607.5,01:02:03.123456\n');
    const read = await readAll({ ...options, schema: { fields: { d: 'date', ts: 'timestamp', tm: 'time' } } });
    assert.deepEqual(read.map((r) => r.fields), [
      ['2024-03-04', '2024-03-04T05:06:07', '01:02:03.000'],
      ['2024-03-04', '2024-03-04T05:06:07.5', '01:02:03.123456'],
    ]);
  });

  it('ISO-8859-1 files round trip; characters outside it fail the write with a clear message', async () => {
    const path = await tempDir();
    const t: TableSchema = { tablePath: 't', columns: [{ name: 's', type: { kind: 'string' } }] };
    await writeAndCommit({ path, file_format_type: 'text', encoding: 'ISO-8859-1' }, [t], [[insert('t', 'café ñ')]]);
    const [file] = await listFiles(path);
    assert.deepEqual([...(await readFile(join(path, file as string)))], [...Buffer.from('café ñ\n', 'latin1')]);
    assert.deepEqual((await readAll({ path, file_format_type: 'text', encoding: 'ISO-8859-1', schema: { fields: { s: 'string' } } })).map((r) => r.fields), [['café ñ']]);
    await assert.rejects(writeAndCommit({ path: await tempDir(), file_format_type: 'text', encoding: 'ISO-8859-1' }, [t], [[insert('t', '€')]]), /cannot write "€" .* in latin1; choose encoding UTF-8/);
  });

  it('declares SeaTunnel source option names and defaults', () => {
    const options = sourceOptions({ path: '/x', file_format_type: 'text' });
    assert.equal(options['row_delimiter'], '\n');
    assert.equal(options['skip_header_row_number'], 0);
    assert.equal(options['compress_codec'], 'none');
    assert.equal(options['encoding'], 'UTF-8');
    assert.equal(options['date_format'], 'yyyy-MM-dd');
    assert.equal(options['datetime_format'], 'yyyy-MM-dd HH:mm:ss');
    assert.equal(options['time_format'], 'HH:mm:ss');
    assert.ok(localFileSource.options.every((o) => o.description.length > 0 && o.example !== undefined), 'every option has a description and an example');
  });
});
