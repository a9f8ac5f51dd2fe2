import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { peopleJob, rowsOf, rowTypes } from './support.js';

const keyed = (mapping: string, keyColumns: string): string => `
env { job.retry.times = 0 }
source {
  FakeSource {
    plugin_output = "in"
    row.num = 3
    schema = {
      columns = [ { name = id, type = bigint, nullable = false }, { name = name, type = string } ]
      primaryKey = { name = pk, columnNames = [id] }
    }
  }
}
transform { FieldMapper { plugin_input = "in", plugin_output = "out", field_mapper = ${mapping} } }
sink {
  Assert {
    plugin_input = "out"
    rules {
      catalog_table_rule { primary_key_rule = { primary_key_name = pk, primary_key_columns = [${keyColumns}] } }
      row_rules = [ { rule_type = MIN_ROW, rule_value = 3 } ]
    }
  }
}
`;

describe('FieldMapper from config text', () => {
  it('keeps only the listed fields, in the listed order, renamed, with kinds and nulls unchanged', async () => {
    const result = await runJob(peopleJob('FieldMapper { plugin_input = "in", plugin_output = "out", field_mapper = { age = years, id = id, name = full_name } }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['years<INT>, id<INT>, full_name<STRING>']);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: 20, 1, Joy Ding',
      'UPDATE_BEFORE: , 2, a.b.c',
      'UPDATE_AFTER: 3, 2, ',
      'DELETE: 4, 3, joy@home, may@work',
    ]);
  });

  it('can keep a single field', async () => {
    const single = await runJob(peopleJob('FieldMapper { plugin_input = "in", plugin_output = "out", field_mapper { name = name } }'));
    assert.equal(single.code, 0, single.stderr);
    assert.deepEqual(rowTypes(single.stdout), ['name<STRING>']);
    assert.deepEqual(rowsOf(single.stdout), ['INSERT: Joy Ding', 'UPDATE_BEFORE: a.b.c', 'UPDATE_AFTER: ', 'DELETE: joy@home, may@work']);
  });

  it('keeps the primary key under its renamed column, and drops it when its column is dropped', async () => {
    const renamed = await runJob(keyed('{ id = user_id, name = name }', 'user_id'));
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.match(renamed.stdout, /ended with state FINISHED/);

    const dropped = await runJob(keyed('{ name = name }', 'id'));
    assert.equal(dropped.code, 2);
    assert.match(dropped.stderr, /sink\[0\]\.rules\.catalog_table_rule: table "in": primaryKey is null \(line 18, /);
  });

  it('refuses missing fields (all at once), two fields mapped to one name, and a list', async () => {
    const missing = await runJob(peopleJob('FieldMapper { plugin_input = "in", plugin_output = "out", field_mapper { nope = a, id = id, zip = b } }'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /transform\[0\]\.field_mapper: fields "nope", "zip" are not in table in \(fields: id, name, age\) \(line 16, column \d+\)/);

    const twice = await runJob(peopleJob('FieldMapper { plugin_input = "in", plugin_output = "out", field_mapper { name = a, id = a } }'));
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /transform\[0\]\.field_mapper: two fields are mapped to the same output name "a" \(line 16, /);

    const list = await runJob(peopleJob('FieldMapper { plugin_input = "in", plugin_output = "out", field_mapper = [id] }'));
    assert.equal(list.code, 2);
    assert.match(list.stderr, /transform\[0\]\.field_mapper: expected an object \{ \.\.\. \}, got a list \(line 16, /);

    const absent = await runJob(peopleJob('FieldMapper { plugin_input = "in", plugin_output = "out" }'));
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, /transform\[0\]\.field_mapper: required option is not set \(line 16, column 3\)/);
  });
});
