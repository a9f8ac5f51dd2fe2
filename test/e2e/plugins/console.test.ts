import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob, statistic } from '../../support/cli.js';
import { consoleLines, rowsOf, rowTypes } from './support.js';

const PREFIX = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO  \[pipeline-1 \[Sink\[0\]-Console-MultiTableSink\]\] - `;

/** Milliseconds of a log line's `yyyy-MM-dd HH:mm:ss,SSS` timestamp. */
function timeOf(line: string): number {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) /.exec(line);
  assert.ok(match, line);
  return Date.parse(`${match[1]}T${match[2]}.${match[3]}`);
}

describe('Console from config text', () => {
  it('logs the row type, then one line per row in SeaTunnel\'s exact format, nulls as nothing', async () => {
    const result = await runJob(`
source {
  FakeSource {
    plugin_output = "people"
    schema = { fields { id = bigint, name = string, score = double, tags = "array<string>" } }
    rows = [
      { kind = INSERT, fields = [1, "Joy", 1.5, ["a", "b"]] }
      { kind = UPDATE_BEFORE, fields = [2, null, 1e10, []] }
      { kind = DELETE, fields = [3, "", null, null] }
    ]
  }
}
sink { Console { plugin_input = "people" } }
`);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n').filter((line) => line.includes('Console-MultiTableSink'));
    assert.equal(lines.length, 4);
    assert.match(lines[0] as string, new RegExp(`^${PREFIX}output rowType: id<BIGINT>, name<STRING>, score<DOUBLE>, tags<ARRAY<STRING>>$`));
    const rows = [
      'subtaskIndex=0  rowIndex=1:  SeaTunnelRow#tableId=people SeaTunnelRow#kind=INSERT : 1, Joy, 1.5, [a, b]',
      'subtaskIndex=0  rowIndex=2:  SeaTunnelRow#tableId=people SeaTunnelRow#kind=UPDATE_BEFORE : 2, , 1.0E10, []',
      'subtaskIndex=0  rowIndex=3:  SeaTunnelRow#tableId=people SeaTunnelRow#kind=DELETE : 3, , , ',
    ];
    rows.forEach((row, i) => {
      const line = lines[i + 1] as string;
      assert.match(line, new RegExp(`^${PREFIX}`));
      assert.equal(line.replace(new RegExp(`^${PREFIX}`), ''), row);
    });
  });

  it('numbers rows per writer and prints each writer\'s subtask index and its own row type line', async () => {
    const result = await runJob(`
env { parallelism = 2 }
source { FakeSource { plugin_output = "in", row.num = 3, split.num = 3, split.read-interval = 0, schema = { fields { id = int } } } }
sink { Console { plugin_input = "in" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>', 'id<INT>']);
    for (const subtask of [0, 1]) {
      assert.deepEqual(consoleLines(result.stdout).filter((l) => l.subtask === subtask).map((l) => l.rowIndex), [1, 2, 3]);
    }
  });

  it('logs one row type per input table and renders each row with its own table\'s types', async () => {
    const result = await runJob(`
source {
  FakeSource {
    plugin_output = "multi"
    tables_configs = [
      { schema = { table = "t1", fields { a = double } }, rows = [ { fields = [1e10] } ] }
      { schema = { table = "t2", fields { b = string, c = time } }, rows = [ { fields = ["1e10", "10:00:00"] } ] }
    ]
  }
}
sink { Console { plugin_input = "multi" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['a<DOUBLE>', 'b<STRING>, c<TIME>']);
    assert.deepEqual(consoleLines(result.stdout).map((l) => `${l.tableId} ${l.values}`).sort(), ['t1 1.0E10', 't2 1e10, 10:00']);
  });

  it('log.print.data = false logs the row type but no rows, and still consumes every row', async () => {
    const result = await runJob(`
env { parallelism = 2 }
source { FakeSource { plugin_output = "in", row.num = 4, schema = { fields { id = int, name = string } } } }
sink { Console { plugin_input = "in", log.print.data = false } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>', 'id<INT>, name<STRING>']);
    assert.equal(consoleLines(result.stdout).length, 0);
    assert.doesNotMatch(result.stdout, /subtaskIndex=/);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 8);
  });

  it('log.print.delay.ms pauses after each row', async () => {
    const result = await runJob(`
source { FakeSource { plugin_output = "in", row.num = 4, schema = { fields { id = int } } } }
sink { Console { plugin_input = "in", log.print.delay.ms = 60 } }
`);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n').filter((line) => line.includes('subtaskIndex='));
    assert.equal(lines.length, 4);
    assert.ok(timeOf(lines[3] as string) - timeOf(lines[0] as string) >= 170, lines.join('\n'));
    assert.equal(rowsOf(result.stdout).length, 4);
  });

  it('refuses bad option values with their lines, and warns about unknown options', async () => {
    const bad = await runJob(`source { FakeSource { plugin_output = "in", schema = { fields { id = int } } } }
sink {
  Console {
    plugin_input = "in"
    log.print.data = maybe
    log.print.delay.ms = -1
  }
}
`);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /sink\[0\]\.log\.print\.data: expected a boolean \(true or false\), got "maybe" \(line 5, column 22\)/);
    assert.match(bad.stderr, /sink\[0\]\.log\.print\.delay\.ms: expected at least 0, got -1 \(line 6, column 26\)/);

    const typo = await runJob(`source { FakeSource { plugin_output = "in", row.num = 1, schema = { fields { id = int } } } }
sink { Console { plugin_input = "in", log.print.datas = false } }
`);
    assert.equal(typo.code, 0, typo.stderr);
    assert.match(typo.stderr, /warning: sink\[0\]\.log\.print\.datas: unknown option "log\.print\.datas" is ignored; did you mean log\.print\.data\? \(line 2, /);
    assert.equal(consoleLines(typo.stdout).length, 1, 'the misspelt option does not stop printing');
  });
});
