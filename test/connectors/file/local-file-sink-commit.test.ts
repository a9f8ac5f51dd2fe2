import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localFileSink } from '../../../src/connectors/file/local-file-sink.js';
import type { FileCommitInfo } from '../../../src/connectors/file/file-commit.js';
import type { TableSchema } from '../../../src/core/table.js';
import { insert, jobContext, listFiles, readAll, sinkOptions, sinkWriter, tempDir, writeAndCommit } from './file-test-kit.js';

const table: TableSchema = { tablePath: 'db.orders', columns: [{ name: 'id', type: { kind: 'bigint' } }, { name: 'item', type: { kind: 'string' } }] };
const schema = { fields: { id: 'bigint', item: 'string' } };

function rows(from: number, to: number, tableId = 'db.orders'): ReturnType<typeof insert>[] {
  return Array.from({ length: to - from + 1 }, (_, i) => insert(tableId, BigInt(from + i), `item ${from + i}`));
}

function ids(read: { fields: unknown[] }[]): bigint[] {
  return read.map((r) => r.fields[0] as bigint).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function range(from: number, to: number): bigint[] {
  return Array.from({ length: to - from + 1 }, (_, i) => BigInt(from + i));
}

describe('LocalFile sink two-phase commit', () => {
  it('stages rows in a hidden directory: invisible to readers until commit, then visible under SeaTunnel-style names', async () => {
    const path = await tempDir();
    const context = jobContext('733584788375666689', 2, 3);
    const writer = sinkWriter({ path }, [table], context);
    await writer.write(rows(1, 5));
    assert.deepEqual(await readAll({ path, file_format_type: 'csv', schema }), [], 'nothing visible while writing');
    const info = (await writer.prepareCommit?.(7)) as FileCommitInfo;
    await writer.close?.();
    assert.deepEqual(await readAll({ path, file_format_type: 'csv', schema }), [], 'nothing visible after prepareCommit');
    const staged = await listFiles(path);
    assert.equal(staged.length, 1);
    assert.match(staged[0] as string, /^\.sluice-staging\/733584788375666689\//);
    assert.equal(info.files.length, 1);
    assert.match(info.files[0]?.final as string, /\/T_733584788375666689_[0-9a-f]{10}_2_7_0\.csv$/);
    assert.deepEqual(JSON.parse(JSON.stringify(info)), info, 'commit info is plain JSON');

    await localFileSink.commit?.(sinkOptions({ path }), [table], [info], context);
    const committed = await listFiles(path);
    assert.equal(committed.length, 1);
    assert.match(committed[0] as string, /^T_733584788375666689_[0-9a-f]{10}_2_7_0\.csv$/);
    assert.deepEqual(ids(await readAll({ path, file_format_type: 'csv', schema })), range(1, 5));
  });

  it('commit is idempotent: committing the same infos again changes nothing and duplicates nothing', async () => {
    const path = await tempDir();
    const context = jobContext();
    const writer = sinkWriter({ path }, [table], context);
    await writer.write(rows(1, 3));
    const info = await writer.prepareCommit?.(1);
    await localFileSink.commit?.(sinkOptions({ path }), [table], [info], context);
    const once = await listFiles(path);
    await localFileSink.commit?.(sinkOptions({ path }), [table], [info], context);
    await localFileSink.commit?.(sinkOptions({ path }), [table], [info, undefined], context);
    assert.deepEqual(await listFiles(path), once);
    assert.deepEqual(ids(await readAll({ path, file_format_type: 'csv', schema })), range(1, 3));
  });

  it('commit refuses to overwrite a file it did not write, and reports staged files that vanished', async () => {
    const path = await tempDir();
    const context = jobContext();
    const writer = sinkWriter({ path }, [table], context);
    await writer.write(rows(1, 1));
    const info = (await writer.prepareCommit?.(1)) as FileCommitInfo;
    const final = info.files[0]?.final as string;
    await writeFile(final, 'somebody else\n');
    await assert.rejects(Promise.resolve(localFileSink.commit?.(sinkOptions({ path }), [table], [info], context)), /already exists and is not this job's output/);
    assert.equal(await readFile(final, 'utf8'), 'somebody else\n');
    const lost = { files: [{ staged: join(path, '.sluice-staging', 'x', 'gone.csv'), final: join(path, 'never.csv') }] };
    await assert.rejects(Promise.resolve(localFileSink.commit?.(sinkOptions({ path }), [table], [lost], context)), /is gone and it was never published/);
  });

  it('abort deletes what prepareCommit staged, idempotently', async () => {
    const path = await tempDir();
    const context = jobContext();
    const writer = sinkWriter({ path }, [table], context);
    await writer.write(rows(1, 3));
    const info = await writer.prepareCommit?.(1);
    await localFileSink.abort?.(sinkOptions({ path }), [table], [info], context);
    await localFileSink.abort?.(sinkOptions({ path }), [table], [info], context);
    assert.deepEqual(await listFiles(path), []);
  });

  it('close without prepareCommit deletes the unprepared staged files', async () => {
    const path = await tempDir();
    const writer = sinkWriter({ path, batch_size: 2 }, [table]);
    await writer.write(rows(1, 5));
    await writer.close?.();
    assert.deepEqual(await listFiles(path), []);
  });

  it('a crash and restore: pending commits are re-committed, discardStaged removes the rest, every row exactly once', async () => {
    const path = await tempDir();
    const options = sinkOptions({ path, file_format_type: 'json' });
    const context = jobContext('99');
    // First attempt: checkpoint 1 completes and commits, checkpoint 2 is stored but its commit is
    // lost in the crash, rows 21..25 are staged for checkpoint 3 which never completes.
    const first = localFileSink.createWriter(options, [table], context);
    await first.write(rows(1, 10));
    const info1 = await first.prepareCommit?.(1);
    await localFileSink.commit?.(options, [table], [info1], context);
    await first.write(rows(11, 20));
    const info2 = await first.prepareCommit?.(2);
    await first.write(rows(21, 25));
    await first.prepareCommit?.(3);
    // (crash: no close, no commit of 2 or 3)

    // Restore from checkpoint 2: its commit infos are committed (again), then staging is discarded.
    await localFileSink.commit?.(options, [table], [info2], context);
    await localFileSink.discardStaged?.(options, [table], context);
    await localFileSink.discardStaged?.(options, [table], context);
    assert.ok((await listFiles(path)).every((f) => !f.startsWith('.sluice-staging')), 'no staged file left');
    const second = localFileSink.createWriter(options, [table], context);
    await second.write(rows(21, 30));
    const info3 = await second.prepareCommit?.(3);
    await second.close?.();
    await localFileSink.commit?.(options, [table], [info3], context);

    assert.deepEqual(ids(await readAll({ path, file_format_type: 'json', schema })), range(1, 30));
    assert.equal(new Set(await listFiles(path)).size, 3, 'one file per committed checkpoint, names never reused');
  });

  it('finish removes the job\'s staging directories once they are empty, never staged files', async () => {
    const path = await tempDir();
    const context = jobContext('12');
    await writeAndCommit({ path }, [table], [rows(1, 2)], context);
    assert.deepEqual((await readdir(join(path, '.sluice-staging'))), ['12']);
    const other = sinkWriter({ path }, [table], jobContext('13'));
    await other.write(rows(3, 3));
    await other.prepareCommit?.(1);
    await localFileSink.finish?.(sinkOptions({ path }), [table], [], context);
    assert.deepEqual((await readdir(join(path, '.sluice-staging'))).sort(), ['13']);
    await localFileSink.finish?.(sinkOptions({ path }), [table], [], jobContext('13'));
    assert.deepEqual((await readdir(join(path, '.sluice-staging'))).sort(), ['13'], 'uncommitted output stays');
  });

  it('discardStaged leaves other jobs\' staging alone', async () => {
    const path = await tempDir();
    const writer = sinkWriter({ path }, [table], jobContext('other'));
    await writer.write(rows(1, 1));
    await writer.prepareCommit?.(1);
    await localFileSink.discardStaged?.(sinkOptions({ path }), [table], jobContext('mine'));
    assert.equal((await listFiles(path)).length, 1);
  });

  it('rolls files after batch_size rows and numbers the parts', async () => {
    const path = await tempDir();
    const context = jobContext('5');
    const writer = sinkWriter({ path, batch_size: 4, file_format_type: 'text' }, [table], context);
    await writer.write(rows(1, 10));
    const info = (await writer.prepareCommit?.(1)) as FileCommitInfo;
    assert.deepEqual(info.files.map((f) => /_(\d+)\.txt$/.exec(f.final)?.[1]), ['0', '1', '2']);
    await localFileSink.commit?.(sinkOptions({ path }), [table], [info], context);
    assert.deepEqual(ids(await readAll({ path, file_format_type: 'text', schema })), range(1, 10));
  });

  it('a checkpoint without rows stages nothing', async () => {
    const path = await tempDir();
    const writer = sinkWriter({ path }, [table]);
    assert.equal(await writer.prepareCommit?.(1), undefined);
    await writer.write([]);
    assert.equal(await writer.prepareCommit?.(2), undefined);
    assert.deepEqual(await listFiles(path), []);
  });

  it('parallel writers of one checkpoint never collide', async () => {
    const path = await tempDir();
    const infos: unknown[] = [];
    for (let subtask = 0; subtask < 3; subtask++) {
      const writer = sinkWriter({ path }, [table], jobContext('1', subtask, 3));
      await writer.write(rows(subtask * 10 + 1, subtask * 10 + 10));
      infos.push(await writer.prepareCommit?.(1));
    }
    await localFileSink.commit?.(sinkOptions({ path }), [table], infos, jobContext());
    assert.equal((await listFiles(path)).length, 3);
    assert.deepEqual(ids(await readAll({ path, file_format_type: 'csv', schema })), range(1, 30));
  });

  it('is_enable_transaction = false writes final files directly, a new set per checkpoint', async () => {
    const path = await tempDir();
    const writer = sinkWriter({ path, is_enable_transaction: false }, [table], jobContext('8'));
    await writer.write(rows(1, 2));
    assert.equal(await writer.prepareCommit?.(1), undefined);
    await writer.write(rows(3, 4));
    await writer.prepareCommit?.(2);
    await writer.write(rows(5, 5));
    await writer.close?.();
    const files = await listFiles(path);
    assert.deepEqual(files.map((f) => /^T_8_[0-9a-f]{10}_0_(\d+)_0\.csv$/.exec(f)?.[1]), ['1', '2', '3']);
    assert.deepEqual(ids(await readAll({ path, file_format_type: 'csv', schema })), range(1, 5));
  });

  it('custom_filename with file_name_expression and filename_time_format', async () => {
    const path = await tempDir();
    const writer = sinkWriter({ path, custom_filename: true, file_name_expression: 'orders_${transactionId}_${now}', filename_time_format: 'yyyyMMdd' }, [table], jobContext('3'));
    await writer.write(rows(1, 1));
    const info = (await writer.prepareCommit?.(4)) as FileCommitInfo;
    const today = new Date();
    const stamp = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
    assert.match(info.files[0]?.final as string, new RegExp(`/orders_T_3_[0-9a-f]{10}_0_4_${stamp}_0\\.csv$`));
  });

  it('multi-table input: one directory per table, by ${table_name} or by sub-directory', async () => {
    const other: TableSchema = { tablePath: 'db.customers', columns: [{ name: 'id', type: { kind: 'bigint' } }, { name: 'item', type: { kind: 'string' } }] };
    for (const placeholder of [true, false]) {
      const root = await tempDir();
      const path = placeholder ? join(root, '${database_name}_${table_name}') : root;
      const context = jobContext();
      const writer = sinkWriter({ path }, [table, other], context);
      await writer.write([...rows(1, 2), ...rows(100, 101, 'db.customers'), ...rows(3, 3)]);
      const info = await writer.prepareCommit?.(1);
      await localFileSink.commit?.(sinkOptions({ path }), [table, other], [info], context);
      const orders = placeholder ? join(root, 'db_orders') : join(root, 'db.orders');
      const customers = placeholder ? join(root, 'db_customers') : join(root, 'db.customers');
      assert.deepEqual(ids(await readAll({ path: orders, file_format_type: 'csv', schema })), range(1, 3));
      assert.deepEqual(ids(await readAll({ path: customers, file_format_type: 'csv', schema })), range(100, 101));
      await localFileSink.discardStaged?.(sinkOptions({ path }), [table, other], context);
    }
  });

  it('validates options and input tables at plan time', () => {
    const problems = localFileSink.validate?.(sinkOptions({ path: '/x', custom_filename: true, file_name_expression: 'plain', encoding: 'EBCDIC', field_delimiter: '' }));
    assert.deepEqual(problems?.map((p) => p.path).sort(), ['encoding', 'field_delimiter', 'file_name_expression']);
    assert.deepEqual(localFileSink.validate?.(sinkOptions({ path: '/x', custom_filename: true, file_name_expression: 'plain', is_enable_transaction: false })), []);
    const check = localFileSink.check?.(sinkOptions({ path: '/x', sink_columns: ['id', 'missing'] }), [table]);
    assert.deepEqual(check?.map((p) => p.message), ['table db.orders has no column "missing"']);
    const clash = localFileSink.check?.(sinkOptions({ path: '/x/${table_name}' }), [table, { ...table, tablePath: 'db2.orders' }]);
    assert.deepEqual(clash?.map((p) => p.message), ['tables db.orders and db2.orders would both write to /x/orders']);
  });
});
