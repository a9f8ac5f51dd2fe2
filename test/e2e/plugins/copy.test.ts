import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { fakeRows, peopleJob, problems, rowsOf, rowTypes } from './support.js';

describe('Copy from config text', () => {
  it('appends copies with the source types, in the order written, keeping kinds and nulls', async () => {
    const result = await runJob(peopleJob('Copy { plugin_input = "in", plugin_output = "out", fields { age2 = age, name2 = name, id2 = id } }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>, age2<INT>, name2<STRING>, id2<INT>']);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: 1, Joy Ding, 20, 20, Joy Ding, 1',
      'UPDATE_BEFORE: 2, a.b.c, , , a.b.c, 2',
      'UPDATE_AFTER: 2, , 3, 3, , 2',
      'DELETE: 3, joy@home, may@work, 4, 4, joy@home, may@work, 3',
    ]);
  });

  it('overwrites a column it names (taking the source type), reads every source first, and copies containers', async () => {
    const result = await runJob(`
${fakeRows('id = int, name = string, tags = "array<string>", score = double', ['{ fields = [1, "Joy", ["a", "b"], 1.5] }', '{ fields = [2, null, [], 1e10] }'])}
transform {
  Copy {
    plugin_input = "in"
    plugin_output = "out"
    fields { id = name, name = id, t2 = tags, a.b = score }
  }
}
sink { Console { plugin_input = "out" } }
`);
    assert.equal(result.code, 0, result.stderr);
    // id takes name's value and type, name takes id's old value: the sources are read before writing.
    assert.deepEqual(rowTypes(result.stdout), ['id<STRING>, name<INT>, tags<ARRAY<STRING>>, score<DOUBLE>, t2<ARRAY<STRING>>, a.b<DOUBLE>']);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: Joy, 1, [a, b], 1.5, [a, b], 1.5', 'INSERT: , 2, [], 1.0E10, [], 1.0E10']);
  });

  it('accepts the deprecated src_field / dest_field pair', async () => {
    const result = await runJob(peopleJob('Copy { plugin_input = "in", plugin_output = "out", src_field = name, dest_field = name1 }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>, name1<STRING>']);
    assert.equal(rowsOf(result.stdout)[0], 'INSERT: 1, Joy Ding, 20, Joy Ding');
  });

  it('refuses a missing source field, a lone src_field and a non-name value, with option and line', async () => {
    const missing = await runJob(peopleJob(`Copy {
    plugin_input = "in"
    plugin_output = "out"
    fields { n2 = nam, a2 = age }
  }`));
    assert.equal(missing.code, 2);
    assert.doesNotMatch(missing.stdout, /subtaskIndex=/);
    assert.ok(problems(missing.stderr).some((p) => p === 'transform[0].fields: field "nam" is not in table in (fields: id, name, age) (line 19, column 12)'), missing.stderr);

    const lone = await runJob(peopleJob('Copy { plugin_input = "in", plugin_output = "out", src_field = name }'));
    assert.equal(lone.code, 2);
    assert.match(lone.stderr, /transform\[0\]\.dest_field: src_field and dest_field must be given together .*\(line 16, /);

    const none = await runJob(peopleJob('Copy { plugin_input = "in", plugin_output = "out" }'));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /transform\[0\]\.fields: fields is required.*\(line 16, column 3\)/);

    const notName = await runJob(peopleJob('Copy { plugin_input = "in", plugin_output = "out", fields { x = 1 } }'));
    assert.equal(notName.code, 2);
    assert.match(notName.stderr, /transform\[0\]\.fields: fields\.x must be a field name \(a string\), got 1 \(line 16, /);
  });
});
