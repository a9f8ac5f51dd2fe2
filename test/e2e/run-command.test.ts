import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFile, printedRows, runJob, sluice, statistic } from '../support/cli.js';

const people = `
  schema = {
    fields {
      id = bigint
      name = string
      age = int
    }
  }`;

describe('sluice run', () => {
  it('runs FakeSource to Console and prints every row and the statistics', async () => {
    const result = await runJob(`
      env { job.mode = "BATCH", parallelism = 2 }
      source { FakeSource { plugin_output = "fake", row.num = 7, ${people} } }
      sink { Console { plugin_input = "fake" } }
    `);
    assert.equal(result.code, 0, result.stderr);
    const rows = printedRows(result.stdout);
    assert.equal(rows.length, 14);
    assert.deepEqual(new Set(rows.map((r) => r.subtask)), new Set([0, 1]));
    assert.ok(rows.every((r) => r.tableId === 'fake' && r.kind === 'INSERT' && r.values.length === 3));
    assert.equal(statistic(result.stdout, 'Total Read Count'), 14);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 14);
    assert.equal(statistic(result.stdout, 'Total Failed Count'), 0);
    assert.match(result.stdout, /Job Statistic Information/);
    assert.match(result.stdout, /ended with state FINISHED/);
  });

  it('counts row.num per reader and split across parallel readers', async () => {
    const result = await runJob(`
      env { parallelism = 3 }
      source { FakeSource { row.num = 10, split.num = 2, split.read-interval = 0, ${people} } }
      sink { Console { log.print.data = false } }
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 30);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 30);
  });

  it('emits explicit rows with their kinds from every split of every reader', async () => {
    const result = await runJob(`
      env { parallelism = 2 }
      source {
        FakeSource {
          split.num = 2
          schema = { fields { id = int, name = string } }
          rows = [
            { kind = INSERT, fields = [1, "a"] }
            { kind = UPDATE_BEFORE, fields = [1, "a"] }
            { kind = UPDATE_AFTER, fields = [1, "b"] }
            { kind = DELETE, fields = [1, "b"] }
          ]
        }
      }
      sink { Console {} }
    `);
    assert.equal(result.code, 0, result.stderr);
    const rows = printedRows(result.stdout);
    assert.equal(rows.length, 4 * 2 * 2);
    assert.deepEqual(
      rows.filter((r) => r.subtask === 0).slice(0, 4).map((r) => `${r.kind}:${r.values.join('|')}`),
      ['INSERT:1|a', 'UPDATE_BEFORE:1|a', 'UPDATE_AFTER:1|b', 'DELETE:1|b'],
    );
  });

  it('keeps duplicate plugin blocks and wires them by name', async () => {
    const result = await runJob(`
      source {
        FakeSource { plugin_output = "a", row.num = 3, schema = { fields { x = int } } }
        FakeSource { plugin_output = "b", row.num = 5, schema = { fields { y = string } } }
      }
      sink {
        Assert { plugin_input = "a", rules { row_rules = [ { rule_type = MAX_ROW, rule_value = 3 }, { rule_type = MIN_ROW, rule_value = 3 } ] } }
        Assert { plugin_input = "b", rules { row_rules = [ { rule_type = MAX_ROW, rule_value = 5 }, { rule_type = MIN_ROW, rule_value = 5 } ] } }
      }
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 8);
    assert.match(result.stdout, /2 pipeline\(s\)/);
  });

  it('fails the job with the rule and the row when an Assert field rule is violated', async () => {
    const result = await runJob(`
      env { job.retry.times = 0 }
      source { FakeSource { schema = { fields { name = string } }, rows = [ { kind = INSERT, fields = ["abc"] } ] } }
      sink {
        Assert {
          rules {
            field_rules = [ { field_name = name, field_type = string, field_value = [ { rule_type = MIN_LENGTH, rule_value = 5 } ] } ]
          }
        }
      }
    `);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /ended with state FAILED/);
    assert.match(result.stderr, /MIN_LENGTH/);
    assert.match(result.stderr, /abc/);
  });

  it('checks Assert row rules over the sum of all parallel writers', async () => {
    const config = (max: number): string => `
      env { parallelism = 2 }
      source { FakeSource { row.num = 5, schema = { fields { id = int } } } }
      sink { Assert { rules { row_rules = [ { rule_type = MAX_ROW, rule_value = ${max} } ] } } }
    `;
    assert.equal((await runJob(config(10))).code, 0);
    const failing = await runJob(config(9));
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /row num :10 fail rule/);
  });

  it('runs multi-table sources and checks the table names', async () => {
    const result = await runJob(`
      source {
        FakeSource {
          tables_configs = [
            { row.num = 2, schema = { table = "test.table1", fields { id = int } } }
            { row.num = 3, schema = { table = "test.table2", fields { name = string } } }
          ]
        }
      }
      sink { Assert { rules { table-names = ["test.table1", "test.table2"] } } }
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 5);
  });

  it('substitutes -i variables, and names a missing one', async () => {
    const config = `
      source { FakeSource { row.num = \${rows}, schema = { fields { id = int } } } }
      sink { Console { log.print.data = false } }
    `;
    const result = await runJob(config, ['-i', 'rows=4']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 4);
    const missing = await runJob(config);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /rows/);
  });

  it('runs JSON configs', async () => {
    const json = JSON.stringify({
      env: { 'job.mode': 'BATCH', parallelism: 1 },
      source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 6, schema: { fields: { id: 'bigint' } } }],
      sink: [{ plugin_name: 'Console', plugin_input: 'fake', 'log.print.data': false }],
    });
    const result = await runJob(json, [], '.json');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 6);
  });

  it('reports every config problem at once with its location and exit code 2', async () => {
    const result = await runJob(`env {
  parallelism = "two"
}
source {
  FakeSorce { row.num = 5 }
  FakeSource { row.num = ten, schema = { fields { id = "decimal(x)" } } }
}
sink {
  Console { plugin_input = "nowhere" }
}
`);
    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.match(result.stderr, /env\.parallelism.*line 2/);
    assert.match(result.stderr, /source\[0\].*FakeSorce.*did you mean FakeSource/);
    assert.match(result.stderr, /source\[1\]\.row\.num/);
    assert.match(result.stderr, /decimal\(x\)/);
    assert.match(result.stderr, /sink\[0\]\.plugin_input.*nowhere/);
  });

  it('reports a malformed config with its line and column', async () => {
    const result = await runJob('source {\n  FakeSource {\n    row.num = 5\n');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /line \d+/);
  });

  it('validates without running with --check and `sluice validate`', async () => {
    const file = configFile(`
      source { FakeSource { plugin_output = "fake", ${people} } }
      transform { Copy { plugin_input = "fake", plugin_output = "copied", fields { name2 = name } } }
      sink { Console { plugin_input = "copied" } }
    `);
    for (const args of [['run', file, '--check'], ['validate', file]]) {
      const result = await sluice(args);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /pipeline-1 \[Source\[0\]-FakeSource\]/);
      assert.match(result.stdout, /pipeline-1 \[Sink\[0\]-Console-MultiTableSink\]/);
      assert.doesNotMatch(result.stdout, /subtaskIndex=/);
    }
  });
});
