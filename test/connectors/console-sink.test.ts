import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleSink } from '../../src/connectors/console/console-sink.js';
import { parseDataType } from '../../src/core/data-type.js';
import type { Row } from '../../src/core/row.js';
import type { TableSchema } from '../../src/core/table.js';
import { insert, runSink, testContext, withDefaults } from './plugin-harness.js';

function table(tablePath: string, fields: Record<string, string | Record<string, string>>): TableSchema {
  return { tablePath, columns: Object.entries(fields).map(([name, type]) => ({ name, type: parseDataType(type) })) };
}

const fake = table('fake', {
  id: 'bigint', name: 'string', price: 'decimal(10, 2)', ratio: 'double', weight: 'float', tags: 'array<int>', attrs: 'map<string, bigint>',
  raw: 'bytes', at: 'timestamp', day: 'date', nested: { a: 'string', b: 'int' },
});

describe('Console sink', () => {
  it('logs the row type at open and each row in SeaTunnel\'s format', async () => {
    const row: Row = {
      kind: '+I',
      tableId: 'fake',
      fields: [1n, 'A', '1.50', 3, 0.1, [1, 2], new Map([['k', 9007199254740993n]]), new Uint8Array([97, 200]), '2023-04-22T23:20:00', '2023-04-22', ['x', null]],
    };
    const { contexts } = await runSink(consoleSink, {}, [fake], [[[row, { kind: '-D', tableId: 'fake', fields: [2n, null, null, 1e21, null, [], new Map(), null, '2023-04-22T23:20:01.5', null, null] }]]]);
    assert.deepEqual(contexts[0]?.logs, [
      'output rowType: id<BIGINT>, name<STRING>, price<DECIMAL(10, 2)>, ratio<DOUBLE>, weight<FLOAT>, tags<ARRAY<INT>>, attrs<MAP<STRING, BIGINT>>, raw<BYTES>, at<TIMESTAMP>, day<DATE>, nested<ROW<a STRING, b INT>>',
      'subtaskIndex=0  rowIndex=1:  SeaTunnelRow#tableId=fake SeaTunnelRow#kind=INSERT : 1, A, 1.50, 3.0, 0.1, [1, 2], {"k":9007199254740993}, [97, -56], 2023-04-22T23:20, 2023-04-22, [x, null]',
      'subtaskIndex=0  rowIndex=2:  SeaTunnelRow#tableId=fake SeaTunnelRow#kind=DELETE : 2, , , 1.0E21, , [], {}, , 2023-04-22T23:20:01.500, , ',
    ]);
  });

  it('numbers rows per writer across batches and prints its subtask index', async () => {
    const t = table('db.t', { v: 'int' });
    const { contexts } = await runSink(consoleSink, {}, [t], [[[insert('db.t', 1)], [insert('db.t', 2), insert('db.t', 3)]], [[insert('db.t', 4)]]]);
    assert.deepEqual(contexts[0]?.logs.slice(1).map((l) => l.slice(0, l.indexOf(':  Sea'))), ['subtaskIndex=0  rowIndex=1', 'subtaskIndex=0  rowIndex=2', 'subtaskIndex=0  rowIndex=3']);
    assert.equal(contexts[1]?.logs[1], 'subtaskIndex=1  rowIndex=1:  SeaTunnelRow#tableId=db.t SeaTunnelRow#kind=INSERT : 4');
  });

  it('logs one row type per input table and renders each row with its own table', async () => {
    const a = table('a', { x: 'double' });
    const b = table('b', { y: 'string' });
    const { contexts } = await runSink(consoleSink, {}, [a, b], [[[insert('a', 2), insert('b', '2')]]]);
    assert.deepEqual(contexts[0]?.logs, [
      'output rowType: x<DOUBLE>',
      'output rowType: y<STRING>',
      'subtaskIndex=0  rowIndex=1:  SeaTunnelRow#tableId=a SeaTunnelRow#kind=INSERT : 2.0',
      'subtaskIndex=0  rowIndex=2:  SeaTunnelRow#tableId=b SeaTunnelRow#kind=INSERT : 2',
    ]);
  });

  it('log.print.data = false prints no rows', async () => {
    const { contexts } = await runSink(consoleSink, { 'log.print.data': false }, [fake], [[[insert('fake', 1n)]]]);
    assert.equal(contexts[0]?.logs.length, 1);
    assert.match(contexts[0]?.logs[0] ?? '', /^output rowType: /);
  });

  it('log.print.delay.ms pauses after each row and stops waiting when the job stops', async () => {
    const t = table('t', { v: 'int' });
    const rows = [insert('t', 1), insert('t', 2), insert('t', 3)];
    let started = Date.now();
    await runSink(consoleSink, { 'log.print.delay.ms': 30 }, [t], [[rows]]);
    assert.ok(Date.now() - started >= 85, `3 rows × 30 ms took ${Date.now() - started} ms`);

    const context = testContext();
    const writer = consoleSink.createWriter(withDefaults(consoleSink, { 'log.print.delay.ms': 10000 }), [t], context);
    started = Date.now();
    const pending = writer.write(rows);
    setTimeout(() => context.abort(), 20);
    await pending;
    assert.ok(Date.now() - started < 1000, 'abort ends the wait');
    assert.equal(context.logs.length, 1, 'the first row is printed, none after the stop');
  });
});
