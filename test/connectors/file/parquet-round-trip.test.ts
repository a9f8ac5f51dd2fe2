import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parquetMetadata, type SchemaElement } from 'hyparquet';
import { localFileSink } from '../../../src/connectors/file/local-file-sink.js';
import { localFileSource } from '../../../src/connectors/file/local-file-source.js';
import { parseDataType } from '../../../src/core/data-type.js';
import { OptionError } from '../../../src/core/errors.js';
import type { TableSchema } from '../../../src/core/table.js';
import { drain, insert, jobContext, listFiles, readAll, sinkOptions, sinkWriter, sourceReader, sourceSplits, tempDir, writeAndCommit } from './file-test-kit.js';

/** Every Sluice type, written as parquet, committed, read back: equal values, the same types. */
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
  c_small_decimal: 'decimal(1, 0)',
  c_null: 'null',
  c_bytes: 'bytes',
  c_date: 'date',
  c_time: 'time',
  c_timestamp: 'timestamp',
  c_array: 'array<int>',
  c_strings: 'array<string>',
  c_nested: 'array<array<bigint>>',
  c_map: 'map<string, bigint>',
  c_int_map: 'map<int, decimal(5, 2)>',
  c_row: 'row<a int, b string, c decimal(5, 1), d array<date>>',
};
const table: TableSchema = { tablePath: 'db.t', columns: Object.entries(fields).map(([name, type]) => ({ name, type: parseDataType(type) })) };

function row(values: Partial<Record<string, unknown>>): unknown[] {
  return Object.keys(fields).map((name) => (name in values ? values[name] : null));
}

const rows = [
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
    c_small_decimal: '-9',
    c_bytes: new Uint8Array([0, 1, 128, 255]),
    c_date: '2024-02-29',
    c_time: '23:59:58.123456789',
    c_timestamp: '1999-12-31T23:59:59.987654',
    c_array: [1, null, -3],
    c_strings: ['a', '', 'b c'],
    c_nested: [[1n, 9007199254740993n], [], null],
    c_map: new Map<string, bigint | null>([['k1', 9007199254740993n], ['k2', null]]),
    c_int_map: new Map([[-1, '1.25'], [7, null]]),
    c_row: [7, 'seven', '-1234.5', ['2024-01-01', null]],
  }),
  row({
    c_string: '',
    c_boolean: false,
    c_tinyint: 127,
    c_smallint: -32768,
    c_int: 2147483647,
    c_bigint: -9223372036854775808n,
    c_float: -0.25,
    c_double: 1.7976931348623157e308,
    c_decimal: '-0.000000000000000001',
    c_money: '99999999.99',
    c_small_decimal: '0',
    c_bytes: new Uint8Array([]),
    c_date: '0001-01-01',
    c_time: '00:00:00',
    c_timestamp: '0001-01-01T00:00:00',
    c_array: [],
    c_strings: ['x'],
    c_nested: [],
    c_map: new Map(),
    c_int_map: new Map(),
    c_row: [null, null, null, null],
  }),
  row({ c_double: Number.NaN, c_float: Number.POSITIVE_INFINITY, c_timestamp: '9999-12-31T23:59:59.999999', c_date: '9999-12-31' }),
  row({ c_double: -0, c_decimal: '-99999999999999999999.999999999999999999', c_timestamp: '1969-12-31T23:59:59.000001' }),
  row({}),
];

async function footer(path: string): Promise<{ elements: SchemaElement[]; codecs: string[]; groups: number[] }> {
  const [file] = (await listFiles(path)).filter((f) => f.endsWith('.parquet'));
  const bytes = await readFile(join(path, file as string));
  const metadata = parquetMetadata(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return {
    elements: metadata.schema,
    codecs: metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? '')),
    groups: metadata.row_groups.map((g) => Number(g.num_rows)),
  };
}

describe('LocalFile parquet: sink → commit → source', () => {
  it('keeps every type exactly, and the source reads the columns and types from the file', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'parquet' }, [table], [rows.map((f) => insert('db.t', ...f))]);
    const files = await listFiles(path);
    assert.equal(files.length, 1);
    assert.match(files[0] as string, /^T_733584788375666689_[0-9a-f]{10}_0_1_0\.parquet$/);

    const { tables } = await sourceSplits({ path, file_format_type: 'parquet' }, 'copy');
    assert.deepEqual(tables[0]?.columns.map((c) => [c.name, c.type]), table.columns.map((c) => [c.name, c.type]));
    const read = await readAll({ path, file_format_type: 'parquet' });
    assert.deepEqual(read.map((r) => r.fields), rows);
    assert.ok(Object.is(read[3]?.fields[7], -0), '-0.0 stays -0.0');
    assert.ok(read.every((r) => r.kind === '+I' && r.tableId === 'default.default.default'));
  });

  it('annotates columns with Parquet logical types, as documented', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'parquet' }, [table], [rows.map((f) => insert('db.t', ...f))]);
    const { elements } = await footer(path);
    const byName = (name: string): SchemaElement => elements.find((e) => e.name === name) as SchemaElement;
    assert.deepEqual(
      { type: byName('c_string').type, logical: byName('c_string').logical_type },
      { type: 'BYTE_ARRAY', logical: { type: 'STRING' } },
    );
    assert.deepEqual(byName('c_tinyint').logical_type, { type: 'INTEGER', bitWidth: 8, isSigned: true });
    assert.equal(byName('c_bigint').type, 'INT64');
    assert.deepEqual(
      { type: byName('c_decimal').type, length: byName('c_decimal').type_length, precision: byName('c_decimal').precision, scale: byName('c_decimal').scale },
      { type: 'FIXED_LEN_BYTE_ARRAY', length: 16, precision: 38, scale: 18 },
    );
    assert.equal(byName('c_money').type_length, 5);
    assert.deepEqual(byName('c_date').logical_type, { type: 'DATE' });
    assert.deepEqual(byName('c_time').logical_type, { type: 'TIME', isAdjustedToUTC: false, unit: 'NANOS' });
    assert.deepEqual(byName('c_timestamp').logical_type, { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' });
    assert.equal(byName('c_array').converted_type, 'LIST');
    assert.equal(byName('c_map').converted_type, 'MAP');
    assert.equal(byName('c_row').num_children, 4);
    assert.ok(elements.filter((e) => e.name.startsWith('c_')).every((e) => e.repetition_type === 'OPTIONAL'));
  });

  for (const [codec, extension, parquetCodec] of [
    ['none', '.parquet', 'UNCOMPRESSED'],
    ['snappy', '.snappy.parquet', 'SNAPPY'],
    ['gzip', '.gz.parquet', 'GZIP'],
    ['brotli', '.br.parquet', 'BROTLI'],
  ] as const) {
    it(`compress_codec ${codec}: ${extension} files with ${parquetCodec} pages, read back exactly`, async () => {
      const path = await tempDir();
      const many = Array.from({ length: 300 }, (_, i) => row({ c_int: i, c_string: `value ${i % 7}`, c_decimal: `${i}.000000000000000001`, c_timestamp: '2024-01-01T00:00:00.5' }));
      await writeAndCommit({ path, file_format_type: 'parquet', compress_codec: codec }, [table], [many.map((f) => insert('db.t', ...f))]);
      const [file] = await listFiles(path);
      assert.ok((file as string).endsWith(extension), file);
      assert.ok((await footer(path)).codecs.every((c) => c === parquetCodec));
      assert.deepEqual((await readAll({ path, file_format_type: 'parquet' })).map((r) => r.fields), many);
    });
  }

  it('reads a declared schema by column name: a subset, reordered, widened, missing columns as NULL', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'parquet' }, [table], [rows.slice(0, 2).map((f) => insert('db.t', ...f))]);
    const read = await readAll({
      path,
      file_format_type: 'parquet',
      schema: { fields: { C_MONEY: 'decimal(12, 4)', c_int: 'bigint', c_date: 'timestamp', c_float: 'double', absent: 'string', c_bytes: 'string' } },
    });
    assert.deepEqual(read.map((r) => r.fields), [
      ['-0.0500', -2147483648n, '2024-02-29T00:00:00', 1.5, null, '\u0000\u0001\ufffd\ufffd'],
      ['99999999.9900', 2147483647n, '0001-01-01T00:00:00', -0.25, null, ''],
    ]);
    await assert.rejects(readAll({ path, file_format_type: 'parquet', schema: { fields: { c_string: 'int' } } }), /cannot read .*: column c_string is string in the file, which cannot be read as int/);
    await assert.rejects(readAll({ path, file_format_type: 'parquet', schema: { fields: { c_decimal: 'decimal(38, 2)' } } }), /column c_decimal is decimal\(38, 18\) in the file, which cannot be read as decimal\(38, 2\)/);
  });

  it('writes row groups of 65536 rows and rolls files after batch_size rows', async () => {
    const path = await tempDir();
    const small: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'bigint' } }] };
    const batch = Array.from({ length: 140_000 }, (_, i) => insert('t', BigInt(i)));
    await writeAndCommit({ path, file_format_type: 'parquet' }, [small], [batch]);
    assert.deepEqual((await footer(path)).groups, [65536, 65536, 8928]);

    const rolled = await tempDir();
    await writeAndCommit({ path: rolled, file_format_type: 'parquet', batch_size: 40 }, [small], [batch.slice(0, 100)]);
    assert.deepEqual((await listFiles(rolled)).map((f) => f.replace(/^T_.*_(\d+)\.parquet$/, 'part $1')), ['part 0', 'part 1', 'part 2']);
    const ids = (await readAll({ path: rolled, file_format_type: 'parquet' })).map((r) => r.fields[0] as bigint).sort((a, b) => Number(a - b));
    assert.deepEqual(ids, Array.from({ length: 100 }, (_, i) => BigInt(i)));
  });

  it('resumes a read from a snapshot in the middle of a row group, neither losing nor repeating rows', async () => {
    const path = await tempDir();
    const small: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'bigint' } }, { name: 'name', type: { kind: 'string' } }] };
    const total = 150_000;
    await writeAndCommit({ path, file_format_type: 'parquet' }, [small], [Array.from({ length: total }, (_, i) => insert('t', BigInt(i), `n${i}`))]);
    const { options, tables, splits } = await sourceSplits({ path, file_format_type: 'parquet' });
    const first = sourceReader(options, tables);
    first.addSplits(splits);
    const seen: bigint[] = [];
    for (let i = 0; i < 7; i++) for (const r of (await first.poll(10_000)) ?? []) seen.push(r.fields[0] as bigint);
    const snapshot = first.snapshotSplits?.() ?? [];
    assert.equal(snapshot[0]?.['offset'], 70_000, 'the split remembers the row it reached');
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot, 'plain JSON');
    await first.close?.();

    const second = sourceReader(options, tables);
    second.addSplits(snapshot);
    const { rows: rest } = await drain(second, 3333);
    const all = [...seen, ...rest.map((r) => r.fields[0] as bigint)];
    assert.equal(all.length, total);
    assert.deepEqual(all, Array.from({ length: total }, (_, i) => BigInt(i)));
    assert.equal(rest[0]?.fields[1], 'n70000');
  });

  it('stages parquet files invisibly until commit; abort and close discard them', async () => {
    const path = await tempDir();
    const small: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'int' } }] };
    const context = jobContext();
    const writer = sinkWriter({ path, file_format_type: 'parquet' }, [small], context);
    await writer.write([insert('t', 1), insert('t', 2)]);
    const info = await writer.prepareCommit?.(1);
    await writer.write([insert('t', 3)]);
    const later = await writer.prepareCommit?.(2);
    await writer.close?.();
    assert.deepEqual(await readAll({ path, file_format_type: 'parquet', schema: { fields: { id: 'int' } } }), [], 'nothing visible before commit');
    await localFileSink.commit?.(sinkOptions({ path, file_format_type: 'parquet' }), [small], [info], context);
    await localFileSink.abort?.(sinkOptions({ path, file_format_type: 'parquet' }), [small], [later], context);
    assert.deepEqual((await readAll({ path, file_format_type: 'parquet' })).map((r) => r.fields), [[1], [2]]);
  });

  it('refuses at plan time what Parquet cannot hold, and at run time timestamps with nanoseconds', async () => {
    const bad: TableSchema = { tablePath: 't', columns: [{ name: 'm', type: parseDataType('map<decimal(5, 2), int>') }, { name: 'ok', type: { kind: 'int' } }] };
    const problems = localFileSink.check?.(sinkOptions({ path: '/tmp/x', file_format_type: 'parquet' }), [bad]) ?? [];
    assert.deepEqual(problems.map((p) => `${p.path}: ${p.message}`), [
      'file_format_type: column m of table t is map<decimal(5, 2), int>: Parquet map keys must be strings, numbers, booleans, dates or times, not decimal(5, 2)',
    ]);
    assert.deepEqual(localFileSink.check?.(sinkOptions({ path: '/tmp/x', file_format_type: 'parquet', sink_columns: ['ok'] }), [bad]), [], 'only written columns count');
    const ts: TableSchema = { tablePath: 't', columns: [{ name: 'ts', type: { kind: 'timestamp' } }] };
    await assert.rejects(
      writeAndCommit({ path: await tempDir(), file_format_type: 'parquet' }, [ts], [[insert('t', '2024-01-01T00:00:00.123456789')]]),
      /cannot write column ts to .*: timestamp 2024-01-01T00:00:00.123456789 has nanoseconds; Parquet timestamps are written to the microsecond/,
    );
  });

  it('checks compress_codec against the format, and reads parquet whatever the source says about compression', async () => {
    const problems = (raw: Record<string, unknown>): string[] => (localFileSink.validate?.(sinkOptions({ path: '/x', ...raw })) ?? []).map((p) => `${p.path}: ${p.message}`);
    assert.deepEqual(problems({ file_format_type: 'csv', compress_codec: 'snappy' }), ['compress_codec: snappy is for parquet files; csv files take none or gzip']);
    assert.deepEqual(problems({ file_format_type: 'parquet', compress_codec: 'lz4' }), ['compress_codec: lz4 is not supported by Sluice; use snappy, gzip or brotli']);
    assert.deepEqual(problems({ file_format_type: 'parquet', compress_codec: 'gzip' }), []);
    const path = await tempDir();
    const small: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'int' } }] };
    await writeAndCommit({ path, file_format_type: 'parquet', compress_codec: 'snappy' }, [small], [[insert('t', 5)]]);
    assert.deepEqual((await readAll({ path, file_format_type: 'parquet', compress_codec: 'gzip' })).map((r) => r.fields), [[5]]);
  });

  it('reports files that are not parquet, and a source without files or schema, clearly', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'not.parquet'), 'hello, this is text');
    assert.throws(() => localFileSource.tables(sinkOptionsFor(path), undefined), (e: unknown) => e instanceof OptionError && e.option === 'path' && /cannot read the columns of .*not\.parquet: not a Parquet file/.test(e.message));
    await assert.rejects(readAll({ path, file_format_type: 'parquet', schema: { fields: { a: 'int' } } }), /LocalFile: cannot read .*not\.parquet: not a readable Parquet file/);
    const empty = await tempDir();
    assert.throws(() => localFileSource.tables(sinkOptionsFor(empty), undefined), /no parquet file under .* to read the columns from; give a schema or check path/);
  });
});

function sinkOptionsFor(path: string): Parameters<typeof localFileSource.tables>[0] {
  const values: Record<string, unknown> = {};
  for (const spec of localFileSource.options) values[spec.key] = spec.default;
  return { ...values, path, file_format_type: 'parquet' };
}
