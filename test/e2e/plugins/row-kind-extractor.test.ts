import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { fakeRows, peopleJob, rowsOf, rowTypes } from './support.js';

describe('RowKindExtractor from config text', () => {
  it('appends the short kind as row_kind and turns every row into an INSERT', async () => {
    const result = await runJob(peopleJob('RowKindExtractor { plugin_input = "in", plugin_output = "out" }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>, row_kind<STRING>']);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: 1, Joy Ding, 20, +I',
      'INSERT: 2, a.b.c, , -U',
      'INSERT: 2, , 3, +U',
      'INSERT: 3, joy@home, may@work, 4, -D',
    ]);
  });

  it('writes FULL names (transform_type in any case) under custom_field_name', async () => {
    const result = await runJob(peopleJob('RowKindExtractor { plugin_input = "in", plugin_output = "out", custom_field_name = op, transform_type = full }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>, op<STRING>']);
    assert.deepEqual(rowsOf(result.stdout).map((row) => row.split(', ').at(-1)), ['INSERT', 'UPDATE_BEFORE', 'UPDATE_AFTER', 'DELETE']);
    assert.ok(rowsOf(result.stdout).every((row) => row.startsWith('INSERT: ')));
  });

  it('declares the column as SeaTunnel does (not null, default +I, length 13, comment), and a later FilterRowKind sees only INSERTs', async () => {
    const result = await runJob(`
env { job.retry.times = 0 }
${fakeRows('id = int', ['{ kind = DELETE, fields = [1] }', '{ kind = UPDATE_AFTER, fields = [2] }'])}
transform {
  RowKindExtractor { plugin_input = "in", plugin_output = "kinds" }
  FilterRowKind { plugin_input = "kinds", plugin_output = "out", exclude_kinds = [DELETE, UPDATE_AFTER] }
}
sink {
  Assert {
    plugin_input = "out"
    rules {
      row_rules = [ { rule_type = MIN_ROW, rule_value = 2 }, { rule_type = MAX_ROW, rule_value = 2 } ]
      field_rules = [ { field_name = row_kind, field_type = string, field_value = [ { rule_type = MAX_LENGTH, rule_value = 2 } ] } ]
      catalog_table_rule {
        column_rule = [
          { name = id, type = int }
          { name = row_kind, type = string, column_length = 13, nullable = false, default_value = "+I", comment = "Output column of RowKind" }
        ]
      }
    }
  }
}
`);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /ended with state FINISHED/);
  });

  it('refuses a custom_field_name the table has and an unknown transform_type, naming option and line', async () => {
    const taken = await runJob(peopleJob('RowKindExtractor { plugin_input = "in", plugin_output = "out", custom_field_name = name }'));
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /transform\[0\]\.custom_field_name: field "name" already exists in table in; choose another custom_field_name \(line 16, /);

    const unknown = await runJob(peopleJob('RowKindExtractor { plugin_input = "in", plugin_output = "out", transform_type = LONG }'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /transform\[0\]\.transform_type: expected one of SHORT, FULL, got "LONG" \(line 16, /);
  });
});
