import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob, statistic } from '../../support/cli.js';
import { consoleLines, peopleJob, rowsOf, rowTypes } from './support.js';

describe('FilterRowKind from config text', () => {
  it('include_kinds keeps only those kinds (full and short names), schema and values unchanged', async () => {
    const result = await runJob(peopleJob('FilterRowKind { plugin_input = "in", plugin_output = "out", include_kinds = [INSERT, "+U"] }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>']);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: 1, Joy Ding, 20', 'UPDATE_AFTER: 2, , 3']);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 4);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 2);
  });

  it('exclude_kinds drops those kinds, names in any case', async () => {
    const result = await runJob(peopleJob('FilterRowKind { plugin_input = "in", plugin_output = "out", exclude_kinds = [delete, Update_Before] }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: 1, Joy Ding, 20', 'UPDATE_AFTER: 2, , 3']);
  });

  it('can drop every row: the job still finishes, with nothing written', async () => {
    const result = await runJob(
      peopleJob('FilterRowKind { plugin_input = "in", plugin_output = "out", exclude_kinds = [INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE] }', 'parallelism = 2'),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(consoleLines(result.stdout).length, 0);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 8);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 0);
  });

  it('refuses both lists, an empty list, and an unknown kind, naming option and line', async () => {
    const both = await runJob(peopleJob('FilterRowKind { plugin_input = "in", plugin_output = "out", exclude_kinds = [INSERT], include_kinds = [DELETE] }'));
    assert.equal(both.code, 2);
    assert.match(both.stderr, /transform\[0\]\.include_kinds: set exactly one of include_kinds and exclude_kinds, with at least one kind .*\(line 16, /);

    const empty = await runJob(peopleJob('FilterRowKind { plugin_input = "in", plugin_output = "out", include_kinds = [] }'));
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /transform\[0\]\.include_kinds: set exactly one of include_kinds and exclude_kinds, with at least one kind/);

    const unknown = await runJob(peopleJob('FilterRowKind { plugin_input = "in", plugin_output = "out", include_kinds = [INSERT, UPSERT] }'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /transform\[0\]\.include_kinds: unknown row kind "UPSERT"; expected one of INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE \(line 16, /);
    assert.doesNotMatch(unknown.stdout, /subtaskIndex=/);
  });
});
