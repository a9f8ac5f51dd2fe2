import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { peopleJob, rowsOf, rowTypes } from './support.js';

describe('Filter from config text', () => {
  it('include_fields keeps the listed columns in the listed order; rows keep their kinds', async () => {
    const result = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", include_fields = [age, id] }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['age<INT>, id<INT>']);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: 20, 1', 'UPDATE_BEFORE: , 2', 'UPDATE_AFTER: 3, 2', 'DELETE: 4, 3']);
  });

  it('exclude_fields drops the listed columns and keeps the rest in table order', async () => {
    const result = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", exclude_fields = [name] }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, age<INT>']);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: 1, 20', 'UPDATE_BEFORE: 2, ', 'UPDATE_AFTER: 2, 3', 'DELETE: 3, 4']);
  });

  it('accepts the older spelling `fields`, and excluding every column leaves empty rows', async () => {
    const old = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", fields = [name] }'));
    assert.equal(old.code, 0, old.stderr);
    assert.deepEqual(rowTypes(old.stdout), ['name<STRING>']);
    assert.deepEqual(rowsOf(old.stdout), ['INSERT: Joy Ding', 'UPDATE_BEFORE: a.b.c', 'UPDATE_AFTER: ', 'DELETE: joy@home, may@work']);

    const empty = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", exclude_fields = [id, name, age] }'));
    assert.equal(empty.code, 0, empty.stderr);
    assert.deepEqual(rowTypes(empty.stdout), ['']);
    assert.deepEqual(rowsOf(empty.stdout), ['INSERT: ', 'UPDATE_BEFORE: ', 'UPDATE_AFTER: ', 'DELETE: ']);
  });

  it('refuses both or neither list, a field listed twice, and unknown fields, naming option and line', async () => {
    const both = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", exclude_fields = [name], include_fields = [id] }'));
    assert.equal(both.code, 2);
    assert.match(both.stderr, /transform\[0\]\.exclude_fields: set exactly one of include_fields and exclude_fields \(line 16, /);

    const neither = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out" }'));
    assert.equal(neither.code, 2);
    assert.match(neither.stderr, /transform\[0\]\.include_fields: set exactly one of include_fields and exclude_fields \(line 16, column 3\)/);

    const twice = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", include_fields = [id, id] }'));
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /transform\[0\]\.include_fields: include_fields lists a field twice/);

    const unknown = await runJob(peopleJob('Filter { plugin_input = "in", plugin_output = "out", include_fields = [id, nope, zip] }'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /transform\[0\]\.include_fields: fields "nope", "zip" are not in table in \(fields: id, name, age\) \(line 16, /);
  });
});
