import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { escapePartitionValue, partitionDirectory, partitionsOfPath, unescapePartitionValue } from '../../../src/connectors/file/partition-path.js';
import { localFileSink } from '../../../src/connectors/file/local-file-sink.js';
import type { TableSchema } from '../../../src/core/table.js';
import { insert, jobContext, listFiles, readAll, sinkOptions, sinkWriter, sourceSplits, tempDir, writeAndCommit } from './file-test-kit.js';

const orders: TableSchema = {
  tablePath: 'shop.orders',
  columns: [
    { name: 'id', type: { kind: 'bigint' } },
    { name: 'item', type: { kind: 'string' } },
    { name: 'dt', type: { kind: 'date' } },
    { name: 'country', type: { kind: 'string' } },
  ],
};

const rows = () => [
  insert('shop.orders', 1n, 'apple', '2024-01-01', 'DE'),
  insert('shop.orders', 2n, 'pear', '2024-01-01', 'FR'),
  insert('shop.orders', 3n, 'plum', '2024-01-02', 'DE'),
  insert('shop.orders', 4n, 'fig', '2024-01-01', 'DE'),
];

const byId = (read: { fields: unknown[] }[]): unknown[][] => read.map((r) => r.fields).sort((a, b) => Number((a[0] as bigint) - (b[0] as bigint)));

describe('LocalFile partition_by: Hive directories', () => {
  it('writes one directory per partition value, k0=v0/k1=v1, without the partition fields in the files', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'csv', have_partition: true, partition_by: ['dt', 'country'] }, [orders], [rows()]);
    const files = await listFiles(path);
    assert.deepEqual(
      files.map((f) => f.replace(/T_733584788375666689_[0-9a-f]{10}_0_1_/, 'T_')),
      ['dt=2024-01-01/country=DE/T_0.csv', 'dt=2024-01-01/country=FR/T_0.csv', 'dt=2024-01-02/country=DE/T_0.csv'],
    );
    assert.equal(await readFile(join(path, files[0] as string), 'utf8'), '1,apple\n4,fig\n');
  });

  it('reads partition directories back as string columns after the file columns (parse_partition_from_path)', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'json', partition_by: ['dt', 'country'] }, [orders], [rows()]);
    const schema = { fields: { id: 'bigint', item: 'string' } };
    const { tables } = await sourceSplits({ path, file_format_type: 'json', schema });
    assert.deepEqual(tables[0]?.columns.map((c) => `${c.name} ${c.type.kind}`), ['id bigint', 'item string', 'dt string', 'country string']);
    assert.deepEqual(byId(await readAll({ path, file_format_type: 'json', schema })), [
      [1n, 'apple', '2024-01-01', 'DE'],
      [2n, 'pear', '2024-01-01', 'FR'],
      [3n, 'plum', '2024-01-02', 'DE'],
      [4n, 'fig', '2024-01-01', 'DE'],
    ]);
    assert.deepEqual(byId(await readAll({ path, file_format_type: 'json', schema, parse_partition_from_path: false })), [
      [1n, 'apple'],
      [2n, 'pear'],
      [3n, 'plum'],
      [4n, 'fig'],
    ]);
  });

  it('keeps partition fields in the files with is_partition_field_write_in_file; the files\' values win on reading', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'text', field_delimiter: ',', partition_by: ['country'], is_partition_field_write_in_file: true }, [orders], [rows()]);
    const files = await listFiles(path);
    assert.equal(await readFile(join(path, files.find((f) => f.startsWith('country=FR/')) as string), 'utf8'), '2,pear,2024-01-01,FR\n');
    const schema = { fields: { id: 'bigint', item: 'string', dt: 'date', country: 'string' } };
    const { tables } = await sourceSplits({ path, file_format_type: 'text', field_delimiter: ',', schema });
    assert.deepEqual(tables[0]?.columns.map((c) => c.name), ['id', 'item', 'dt', 'country'], 'no second country column');
    assert.deepEqual(byId(await readAll({ path, file_format_type: 'text', field_delimiter: ',', schema }))[1], [2n, 'pear', '2024-01-01', 'FR']);
  });

  it('partition_dir_expression places ${kN} and ${vN} anywhere', async () => {
    const path = await tempDir();
    await writeAndCommit({ path, file_format_type: 'csv', partition_by: ['country', 'dt'], partition_dir_expression: '${v0}/day_${v1}/${k1}' }, [orders], [rows()]);
    const dirs = [...new Set((await listFiles(path)).map((f) => f.slice(0, f.lastIndexOf('/'))))];
    assert.deepEqual(dirs, ['DE/day_2024-01-01/dt', 'DE/day_2024-01-02/dt', 'FR/day_2024-01-01/dt']);
  });

  it('escapes values as Hive does, so no value leaves its directory; NULL and empty go to __HIVE_DEFAULT_PARTITION__', async () => {
    const path = await tempDir();
    const t: TableSchema = { tablePath: 't', columns: [{ name: 'id', type: { kind: 'int' } }, { name: 'p', type: { kind: 'string' } }] };
    const values = ['a/b', '..', 'x=y%z', 'ok', null, '', 'ünï cödé'];
    await writeAndCommit({ path, file_format_type: 'csv', partition_by: ['p'] }, [t], [values.map((v, i) => insert('t', i, v))]);
    const dirs = [...new Set((await listFiles(path)).map((f) => f.slice(0, f.lastIndexOf('/'))))].sort();
    assert.deepEqual(dirs, ['p=%2E%2E', 'p=__HIVE_DEFAULT_PARTITION__', 'p=a%2Fb', 'p=ok', 'p=x%3Dy%25z', 'p=ünï cödé']);
    const read = await readAll({ path, file_format_type: 'csv', schema: { fields: { id: 'int' } } });
    const back = new Map(read.map((r) => [r.fields[0], r.fields[1]]));
    assert.deepEqual(values.map((_, i) => back.get(i)), ['a/b', '..', 'x=y%z', 'ok', null, null, 'ünï cödé']);
  });

  it('writes partitioned parquet with transactions: staged, then published into the partition directories', async () => {
    const path = await tempDir();
    const context = jobContext();
    const writer = sinkWriter({ path, file_format_type: 'parquet', partition_by: ['dt'] }, [orders], context);
    await writer.write(rows());
    const info = await writer.prepareCommit?.(3);
    await writer.close?.();
    assert.ok((await listFiles(path)).every((f) => f.startsWith('.sluice-staging/')), 'nothing published before commit');
    await localFileSink.commit?.(sinkOptions({ path, file_format_type: 'parquet' }), [orders], [info], context);
    await localFileSink.finish?.(sinkOptions({ path, file_format_type: 'parquet' }), [orders], [], context);
    const files = await listFiles(path);
    assert.deepEqual(files.map((f) => f.replace(/T_.*_3_0\.parquet$/, 'file')), ['dt=2024-01-01/file', 'dt=2024-01-02/file']);
    const { tables } = await sourceSplits({ path, file_format_type: 'parquet' });
    assert.deepEqual(tables[0]?.columns.map((c) => `${c.name} ${c.type.kind}`), ['id bigint', 'item string', 'country string', 'dt string']);
    assert.deepEqual(byId(await readAll({ path, file_format_type: 'parquet' })), [
      [1n, 'apple', 'DE', '2024-01-01'],
      [2n, 'pear', 'FR', '2024-01-01'],
      [3n, 'plum', 'DE', '2024-01-02'],
      [4n, 'fig', 'DE', '2024-01-01'],
    ]);
  });

  it('without transactions writes straight into the partition directories; batch_size rolls each partition\'s file', async () => {
    const path = await tempDir();
    const many = Array.from({ length: 10 }, (_, i) => insert('shop.orders', BigInt(i), `i${i}`, '2024-01-01', i % 2 === 0 ? 'DE' : 'FR'));
    await writeAndCommit({ path, file_format_type: 'csv', partition_by: ['country'], is_enable_transaction: false, batch_size: 2 }, [orders], [many]);
    const files = await listFiles(path);
    assert.deepEqual(files.filter((f) => f.startsWith('country=DE/')).map((f) => f.replace(/^.*_(\d+)\.csv$/, '$1')), ['0', '1', '2']);
    assert.equal(files.length, 6);
  });

  it('refuses partition fields the table lacks, outside sink_columns, or leaving nothing to write', () => {
    const check = (raw: Record<string, unknown>): string[] => (localFileSink.check?.(sinkOptions({ path: '/tmp/p', ...raw }), [orders]) ?? []).map((p) => `${p.path}: ${p.message}`);
    assert.deepEqual(check({ partition_by: ['DT', 'region'] }), ['partition_by: table shop.orders has no column "region"']);
    assert.deepEqual(check({ partition_by: ['dt'], sink_columns: ['id', 'item'] }), ['partition_by: partition fields must be sink columns: "dt" is not in sink_columns']);
    assert.deepEqual(check({ partition_by: ['dt'], sink_columns: ['dt'] }), [
      'partition_by: table shop.orders would have no columns left to write into its files; set is_partition_field_write_in_file = true',
    ]);
    assert.deepEqual(check({ partition_by: ['dt'] }), []);
    assert.deepEqual((localFileSink.validate?.(sinkOptions({ path: '/tmp/p', partition_by: ['dt', 'DT'] })) ?? []).map((p) => p.message), ['names a field twice']);
  });

  it('reads hand-made Hive layouts: partitions anywhere in the path, from the first file\'s directories', async () => {
    const path = await tempDir();
    await mkdir(join(path, 'year=2023', 'month=12'), { recursive: true });
    await mkdir(join(path, 'year=2024', 'month=01'), { recursive: true });
    await writeFile(join(path, 'year=2023', 'month=12', 'a.txt'), 'x\n');
    await writeFile(join(path, 'year=2024', 'month=01', 'b.txt'), 'y\n');
    const read = await readAll({ path: join(path, 'year=2024'), file_format_type: 'text' });
    assert.deepEqual(read.map((r) => r.fields), [['y', '2024', '01']]);
    assert.deepEqual((await readAll({ path, file_format_type: 'text' })).map((r) => r.fields), [['x', '2023', '12'], ['y', '2024', '01']]);
  });
});

describe('partition paths', () => {
  it('escape and unescape as Hive\'s FileUtils does', () => {
    assert.equal(escapePartitionValue('a b/c:d'), 'a b%2Fc%3Ad');
    assert.equal(escapePartitionValue('\n#?'), '%0A%23%3F');
    assert.equal(escapePartitionValue('.hidden'), '%2Ehidden', 'a leading dot would hide the directory');
    assert.equal(unescapePartitionValue('a b%2Fc%3Ad'), 'a b/c:d');
    assert.equal(unescapePartitionValue('__HIVE_DEFAULT_PARTITION__'), null);
  });

  it('build directories from the default and custom expressions, and parse them back', () => {
    assert.equal(partitionDirectory(undefined, ['a', 'b'])(['1', null]), 'a=1/b=__HIVE_DEFAULT_PARTITION__');
    assert.equal(partitionDirectory('${k0}=${v0}/${k1}=${v1}/.../${kn}=${vn}/', ['a'])(['x']), 'a=x');
    assert.equal(partitionDirectory('/${v1}/../${v0}/', ['a', 'b'])(['1', '2']), '2/1');
    assert.deepEqual([...partitionsOfPath('/data/t/a=1/b=x%2Fy/file.csv')], [['a', '1'], ['b', 'x/y']]);
  });
});
