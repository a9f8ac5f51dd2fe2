import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FileSplit } from '../../../src/connectors/file/file-splits.js';
import { localFileSource } from '../../../src/connectors/file/local-file-source.js';
import type { Row } from '../../../src/core/row.js';
import type { TableSchema } from '../../../src/core/table.js';
import { drain, insert, readAll, sourceOptions, sourceReader, sourceSplits, tempDir, writeAndCommit } from './file-test-kit.js';

const schema = { fields: { id: 'bigint', name: 'string' } };

/** Reads with a reader that is replaced by a fresh one (restored from snapshotSplits) after every `every` polls. */
async function readWithRestores(raw: Record<string, unknown>, maxRows: number, every: number): Promise<{ rows: Row[]; restores: number }> {
  const { options, tables, splits } = await sourceSplits(raw);
  let reader = sourceReader(options, tables);
  reader.addSplits(splits);
  const rows: Row[] = [];
  let restores = 0;
  for (let polls = 1; ; polls++) {
    const batch = await reader.poll(maxRows);
    if (batch === null) break;
    assert.ok(batch.length <= maxRows, 'at most maxRows per poll');
    rows.push(...batch);
    if (polls % every === 0) {
      const snapshot = JSON.parse(JSON.stringify(reader.snapshotSplits?.() ?? [])) as FileSplit[];
      await reader.close?.();
      reader = sourceReader(options, tables);
      reader.addSplits(snapshot);
      restores++;
    }
  }
  return { rows, restores };
}

describe('LocalFile source', () => {
  it('without schema, a text line is one string column `content` (SeaTunnel\'s simple text schema)', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.txt'), 'tyrantlucifer#26#male\nsecond line\n');
    const { tables } = await sourceSplits({ path, file_format_type: 'text' }, 'out');
    assert.deepEqual(tables, [{ tablePath: 'out', columns: [{ name: 'content', type: { kind: 'string' } }] }]);
    assert.deepEqual((await readAll({ path, file_format_type: 'text' })).map((r) => r.fields), [['tyrantlucifer#26#male'], ['second line']]);
  });

  it('reads text with a schema and a field delimiter, as in SeaTunnel\'s docs', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.txt'), 'tyrantlucifer#26#male\r\n');
    const read = await readAll({ path, file_format_type: 'text', field_delimiter: '#', schema: { fields: { name: 'string', age: 'int', gender: 'string' } } });
    assert.deepEqual(read.map((r) => r.fields), [['tyrantlucifer', 26, 'male']]);
  });

  it('plans one split per file in path order, skipping hidden entries, _SUCCESS and empty files, with file_filter_pattern', async () => {
    const path = await tempDir();
    await mkdir(join(path, 'sub'));
    await mkdir(join(path, '.hidden'));
    await writeFile(join(path, 'b.csv'), '2,b\n');
    await writeFile(join(path, 'a.csv'), '1,a\n');
    await writeFile(join(path, 'sub', 'c.csv'), '3,c\n');
    await writeFile(join(path, 'sub', 'notes.txt'), 'x\n');
    await writeFile(join(path, '.hidden', 'd.csv'), '4,d\n');
    await writeFile(join(path, '.e.csv'), '5,e\n');
    await writeFile(join(path, '_SUCCESS'), 'ok\n');
    await writeFile(join(path, 'empty.csv'), '');
    const { splits } = await sourceSplits({ path, file_format_type: 'csv', schema });
    assert.deepEqual(splits.map((s) => (s as FileSplit).path.slice(path.length)), ['/a.csv', '/b.csv', '/sub/c.csv', '/sub/notes.txt']);
    const filtered = await sourceSplits({ path, file_format_type: 'csv', schema, file_filter_pattern: '.*\\.csv' });
    assert.deepEqual(filtered.splits.map((s) => (s as FileSplit).path.slice(path.length)), ['/a.csv', '/b.csv', '/sub/c.csv']);
    const byPath = await sourceSplits({ path, file_format_type: 'csv', schema, file_filter_pattern: `${path}/sub/.*` });
    assert.deepEqual(byPath.splits.map((s) => (s as FileSplit).path.slice(path.length)), ['/sub/c.csv', '/sub/notes.txt']);
    const single = await sourceSplits({ path: `file://${join(path, 'b.csv')}`, file_format_type: 'csv', schema });
    assert.equal(single.splits.length, 1);
  });

  it('a missing path fails planning with the path in the message', async () => {
    await assert.rejects(sourceSplits({ path: '/no/such/dir', file_format_type: 'csv', schema }), /LocalFile: path \/no\/such\/dir cannot be read/);
  });

  it('hands out batches of at most maxRows, across files', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.csv'), '1,a\n2,b\n3,c\n');
    await writeFile(join(path, 'b.csv'), '4,d\n5,e');
    const { options, tables, splits } = await sourceSplits({ path, file_format_type: 'csv', schema });
    const reader = sourceReader(options, tables);
    reader.addSplits(splits);
    const { rows, batches } = await drain(reader, 2);
    assert.deepEqual(batches, [2, 2, 1]);
    assert.deepEqual(rows.map((r) => r.fields), [[1n, 'a'], [2n, 'b'], [3n, 'c'], [4n, 'd'], [5n, 'e']]);
  });

  const formats = [
    { format: 'csv', codec: 'none' },
    { format: 'csv', codec: 'gzip' },
    { format: 'text', codec: 'none' },
    { format: 'json', codec: 'none' },
    { format: 'json', codec: 'gzip' },
  ] as const;
  for (const { format, codec } of formats) {
    it(`resumes exactly after the last returned row from snapshotSplits (${format}, ${codec})`, async () => {
      const path = await tempDir();
      const table: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'bigint' } }, { name: 'name', type: { kind: 'string' } }] };
      const name = (i: number): string => (format === 'text' ? `name ${i} ü` : i % 3 === 0 ? `multi\nline, "${i}"` : `name ${i} ü`);
      // Two writers → two files; batch_size spreads rows over several files per writer.
      for (let subtask = 0; subtask < 2; subtask++) {
        const written = Array.from({ length: 40 }, (_, k) => insert('t', BigInt(subtask * 100 + k), name(subtask * 100 + k)));
        await writeAndCommit({ path, file_format_type: format, compress_codec: codec, batch_size: 25, enable_header_write: true }, [table], [written]);
      }
      const raw = { path, file_format_type: format, schema, skip_header_row_number: 1 };
      const expected = (await readAll(raw)).map((r) => r.fields);
      assert.equal(expected.length, 80);
      for (const [maxRows, every] of [[1, 1], [3, 1], [7, 2], [25, 1], [15, 1]] as const) {
        const { rows, restores } = await readWithRestores(raw, maxRows, every);
        assert.ok(restores > 0);
        assert.deepEqual(rows.map((r) => r.fields), expected, `maxRows ${maxRows}, restore every ${every} polls`);
      }
    });
  }

  it('a snapshot carries the byte offset and line of the next record, and survives JSON', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.csv'), 'id,name\n1,"x\ny"\n2,b\n');
    const { options, tables, splits } = await sourceSplits({ path, file_format_type: 'csv', schema, skip_header_row_number: 1 });
    const reader = sourceReader(options, tables);
    reader.addSplits(splits);
    assert.deepEqual((await reader.poll(1))?.map((r) => r.fields), [[1n, 'x\ny']]);
    const [split] = reader.snapshotSplits?.() as FileSplit[];
    assert.deepEqual({ offset: split?.offset, line: split?.line, records: split?.records }, { offset: 16, line: 4, records: 2 });
  });

  it('reads multi-member gzip files written in several flushes, and resumes inside them', async () => {
    const path = await tempDir();
    const table: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'bigint' } }, { name: 'name', type: { kind: 'string' } }] };
    const filler = 'x'.repeat(200);
    const written = Array.from({ length: 12000 }, (_, i) => insert('t', BigInt(i), `${filler}${i}`));
    await writeAndCommit({ path, file_format_type: 'csv', compress_codec: 'gzip' }, [table], [written]);
    const { rows, restores } = await readWithRestores({ path, file_format_type: 'csv', schema }, 1000, 3);
    assert.ok(restores >= 3);
    assert.equal(rows.length, 12000);
    assert.ok(rows.every((r, i) => r.fields[0] === BigInt(i) && r.fields[1] === `${filler}${i}`));
  });

  it('gzip files from other tools are read by their .gz name', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'data.csv.gz'), gzipSync('1,a\n2,b\n'));
    assert.deepEqual((await readAll({ path, file_format_type: 'csv', schema })).map((r) => r.fields), [[1n, 'a'], [2n, 'b']]);
  });

  it('a bad value fails with the file, line and column', async () => {
    const path = await tempDir();
    const file = join(path, 'bad.csv');
    await writeFile(file, '1,a\n2,b\nthree,c\n');
    await assert.rejects(readAll({ path, file_format_type: 'csv', schema }), (error: Error) => {
      assert.equal(error.message, `LocalFile: cannot read ${file} line 3, column 1 (id): expected bigint, got "three"`);
      return true;
    });
    await writeFile(file, '1,a\n"2,b\n');
    await assert.rejects(readAll({ path, file_format_type: 'csv', schema }), new RegExp(`cannot read ${file} line 2: bad csv: the file ends inside a quoted field`));
    await writeFile(file, '"1"x,a\n');
    await assert.rejects(readAll({ path, file_format_type: 'csv', schema }), /line 1: bad csv: unexpected character after a closing quote/);
    const json = join(path, 'bad.json');
    await writeFile(file, '');
    await writeFile(json, '{"id": 1}\n\n{"id": 2, "name": 5}\n{"id": 99999999999999999999}\n');
    await assert.rejects(readAll({ path, file_format_type: 'json', schema }), new RegExp(`cannot read ${json} line 4, column 1 \\(id\\): expected bigint, got 99999999999999999999`));
    await writeFile(json, '{"id": 1,}\n');
    await assert.rejects(readAll({ path, file_format_type: 'json', schema }), /line 1: bad JSON: expected a quoted key at character 10/);
    await writeFile(json, '');
    const text = join(path, 'bad.txt');
    await writeFile(text, `2024-01-01\u00012024-13-01\n`);
    await assert.rejects(readAll({ path, file_format_type: 'text', schema: { fields: { a: 'date', b: 'date' } } }), new RegExp(`cannot read ${text} line 1, column 2 \\(b\\): expected a date like yyyy-MM-dd, got "2024-13-01"`));
  });

  it('json keeps integers beyond 2^53 and decimals exact, accepts numbers as strings and skips blank lines', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.json'), '{"id": 9007199254740993, "name": "a", "d": 0.1000000000000000055511151231257827}\n\n  \n{"id": "-9223372036854775808", "name": {"nested": [1.50, true]}, "d": "1e-3"}\n');
    const read = await readAll({ path, file_format_type: 'json', schema: { fields: { id: 'bigint', name: 'string', d: 'decimal(38, 34)' } } });
    assert.deepEqual(read.map((r) => r.fields), [
      [9007199254740993n, 'a', '0.1000000000000000055511151231257827'],
      [-9223372036854775808n, '{"nested":[1.50,true]}', '0.0010000000000000000000000000000000'],
    ]);
  });

  it('null_format, quoted empty strings, missing and extra fields (csv)', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.csv'), '1,\\N,x\n2,""\n3\n\n4,"",extra\n');
    const read = await readAll({ path, file_format_type: 'csv', schema: { fields: { id: 'int', name: 'string', tag: 'string' } }, null_format: '\\N' });
    assert.deepEqual(read.map((r) => r.fields), [[1, null, 'x'], [2, '', null], [3, null, null], [4, '', 'extra']]);
  });

  it('custom row delimiter and GBK files', async () => {
    const path = await tempDir();
    await writeFile(join(path, 'a.txt'), Buffer.from([0x31, 0x7c, 0xc4, 0xe3, 0xba, 0xc3, 0x3b, 0x32, 0x7c, 0x62])); // 1|你好;2|b in GBK
    const read = await readAll({ path, file_format_type: 'text', field_delimiter: '|', row_delimiter: ';', encoding: 'GBK', schema });
    assert.deepEqual(read.map((r) => r.fields), [[1n, '你好'], [2n, 'b']]);
  });

  it('enable_file_split cuts large files into byte ranges at row ends, read in parallel and resumable', async () => {
    const dir = await tempDir();
    const lines = ['id,name'];
    for (let i = 1; i <= 600; i++) lines.push(`${i},${'ünïcödé-'.repeat(i % 7)}${i % 50 === 0 ? '"quoted, part"' : 'n'}`);
    const text = `${lines.join('\n')}\n`;
    await writeFile(join(dir, 'big.csv'), text);
    await writeFile(join(dir, 'small.csv'), 'id,name\n1001,x\n');
    await writeFile(join(dir, 'zipped.csv.gz'), gzipSync(text));
    const raw = { path: dir, file_format_type: 'csv', schema, skip_header_row_number: 1, enable_file_split: true, file_split_size: 1000 };
    const { options, tables, splits } = await sourceSplits(raw);
    const ranges = (splits as FileSplit[]).filter((split) => split.path.endsWith('big.csv'));
    assert.ok(ranges.length > 5, `${ranges.length} ranges`);
    assert.equal(new Set(splits.map((split) => split.splitId)).size, splits.length);
    assert.equal(ranges[0]!.start, 0);
    assert.equal(ranges.at(-1)!.end, Buffer.byteLength(text));
    for (let i = 1; i < ranges.length; i++) {
      assert.equal(ranges[i]!.start, ranges[i - 1]!.end, 'ranges follow each other');
      assert.equal(Buffer.from(text).at(ranges[i]!.start! - 1), 0x0a, 'a range starts after a row delimiter');
    }
    assert.equal((splits as FileSplit[]).filter((split) => !split.path.endsWith('big.csv')).every((split) => split.end === undefined), true, 'small and gzip files are read whole');

    // Three readers take the splits round robin, as parallel subtasks would.
    const rows: Row[] = [];
    for (let r = 0; r < 3; r++) {
      const reader = sourceReader(options, tables);
      reader.addSplits(splits.filter((_, i) => i % 3 === r));
      rows.push(...(await drain(reader, 37)).rows);
      await reader.close?.();
    }
    const whole = await readAll({ ...raw, enable_file_split: false });
    const ids = (list: Row[]): bigint[] => list.map((row) => row.fields[0] as bigint).sort((a, b) => (a < b ? -1 : 1));
    assert.equal(rows.length, 600 * 2 + 1);
    assert.deepEqual(ids(rows), ids(whole));
    const byId = new Map(whole.map((row) => [`${row.fields[0]}|${row.fields[1]}`, true]));
    assert.ok(rows.every((row) => byId.has(`${row.fields[0]}|${row.fields[1]}`)), 'every row reads as in a whole-file read');

    const restored = await readWithRestores(raw, 23, 2);
    assert.ok(restored.restores > 10);
    assert.deepEqual(ids(restored.rows), ids(whole));
  });

  it('a bad value in a file range names the range the line number counts from', async () => {
    const dir = await tempDir();
    const lines = Array.from({ length: 200 }, (_, i) => `${i},n${i}`);
    lines[150] = 'oops,bad';
    await writeFile(join(dir, 'ranged.csv'), `${lines.join('\n')}\n`);
    await assert.rejects(readAll({ path: dir, file_format_type: 'csv', schema, enable_file_split: true, file_split_size: 500 }), /ranged\.csv \(the range from byte \d+\) line \d+, column 1 \(id\)/);
  });

  it('validates options at plan time', () => {
    const problems = localFileSource.validate?.(sourceOptions({ path: '/x', file_format_type: 'json', encoding: 'klingon', file_filter_pattern: '(' }));
    assert.deepEqual(problems?.map((p) => p.path).sort(), ['encoding', 'file_filter_pattern', 'schema']);
    assert.deepEqual(localFileSource.validate?.(sourceOptions({ path: '/x', file_format_type: 'csv', field_delimiter: ';' })), []);
  });
});
