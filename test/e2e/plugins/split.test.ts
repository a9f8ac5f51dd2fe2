import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { fakeRows, peopleJob, rowsOf, rowTypes } from './support.js';

describe('Split from config text', () => {
  it('appends string columns from the parts; the last one takes the rest, missing parts are null', async () => {
    const result = await runJob(peopleJob('Split { plugin_input = "in", plugin_output = "out", split_field = name, separator = " ", output_fields = [first, second] }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>, first<STRING>, second<STRING>']);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: 1, Joy Ding, 20, Joy, Ding',
      'UPDATE_BEFORE: 2, a.b.c, , a.b.c, ',
      'UPDATE_AFTER: 2, , 3, , ',
      'DELETE: 3, joy@home, may@work, 4, joy@home,, may@work',
    ]);
  });

  it('reads the separator as a Java regex: "." splits at every character, "\\\\." at dots', async () => {
    const anyChar = await runJob(peopleJob('Split { plugin_input = "in", plugin_output = "out", split_field = name, separator = ".", output_fields = [p1, p2] }'));
    assert.equal(anyChar.code, 0, anyChar.stderr);
    assert.deepEqual(rowsOf(anyChar.stdout).slice(0, 2), ['INSERT: 1, Joy Ding, 20, , oy Ding', 'UPDATE_BEFORE: 2, a.b.c, , , .b.c']);

    // An output field the table has is overwritten and becomes a string column.
    const dots = await runJob(peopleJob('Split { plugin_input = "in", plugin_output = "out", split_field = name, separator = "\\\\.", output_fields = [p1, age] }'));
    assert.equal(dots.code, 0, dots.stderr);
    assert.deepEqual(rowTypes(dots.stdout), ['id<INT>, name<STRING>, age<STRING>, p1<STRING>']);
    assert.deepEqual(rowsOf(dots.stdout).slice(0, 2), ['INSERT: 1, Joy Ding, , Joy Ding', 'UPDATE_BEFORE: 2, a.b.c, b.c, a']);
  });

  it('keeps empty parts apart from missing (null) ones, and splits the Java text of numbers', async () => {
    const result = await runJob(`
env { job.retry.times = 0 }
${fakeRows('s = string, d = double', ['{ fields = ["a,,b", 1e10] }', '{ fields = ["a,", 2.5] }'])}
transform {
  Split { plugin_input = "in", plugin_output = "parts", split_field = s, separator = ",", output_fields = [x, y, z] }
  Split { plugin_input = "parts", plugin_output = "out", split_field = d, separator = "E", output_fields = [mantissa, exponent] }
}
sink {
  Assert {
    plugin_input = "out"
    rules {
      field_rules = [
        { field_name = x, field_value = [ { rule_type = NOT_NULL, equals_to = "a" } ] }
        { field_name = y, field_value = [ { rule_type = NOT_NULL }, { rule_type = MAX_LENGTH, rule_value = 0 } ] }
        { field_name = exponent, field_value = [ { rule_type = MAX_LENGTH, rule_value = 2 } ] }
      ]
    }
  }
  Console { plugin_input = "out" }
}
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowsOf(result.stdout, 1), ['INSERT: a,,b, 1.0E10, a, , b, 1.0, 10', 'INSERT: a,, 2.5, a, , , 2.5, ']);
    // z of "a," and the exponent of 2.5 are null: a NOT_NULL rule on them fails, naming the row.
    const nullZ = await runJob(`
env { job.retry.times = 0 }
${fakeRows('s = string', ['{ fields = ["a,,b"] }', '{ fields = ["a,"] }'])}
transform { Split { plugin_input = "in", plugin_output = "out", split_field = s, separator = ",", output_fields = [x, y, z] } }
sink { Assert { plugin_input = "out", rules { field_rules = [ { field_name = z, field_value = [ { rule_type = NOT_NULL } ] } ] } } }
`);
    assert.equal(nullZ.code, 1);
    assert.match(nullZ.stderr, /row :SeaTunnelRow\{tableId=in, kind=\+I, fields=\[a,, a, , null\]\} fail rule: AssertFieldRule\(fieldName=z,/);
  });

  it('refuses an unknown field, an empty output list, a bad separator and a bytes field, naming option and line', async () => {
    const unknown = await runJob(peopleJob('Split { plugin_input = "in", plugin_output = "out", split_field = nam, separator = " ", output_fields = [a] }'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /transform\[0\]\.split_field: field "nam" is not in table in \(fields: id, name, age\) \(line 16, /);

    const empty = await runJob(peopleJob('Split { plugin_input = "in", plugin_output = "out", split_field = name, separator = " ", output_fields = [] }'));
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /transform\[0\]\.output_fields: output_fields must be a non-empty list of field names \(line 16, /);

    const badSeparator = await runJob(peopleJob('Split { plugin_input = "in", plugin_output = "out", split_field = name, separator = "[", output_fields = [a] }'));
    assert.equal(badSeparator.code, 2);
    assert.match(badSeparator.stderr, /transform\[0\]\.separator: invalid regex "\[": unclosed character class \(line 16, /);

    const bytes = await runJob(`
${fakeRows('b = bytes', ['{ fields = ["YQ=="] }'])}
transform { Split { plugin_input = "in", plugin_output = "out", split_field = b, separator = " ", output_fields = [a] } }
sink { Console { plugin_input = "out" } }
`);
    assert.equal(bytes.code, 2);
    assert.match(bytes.stderr, /transform\[0\]\.split_field: field "b" of table in is bytes; Split works on strings and other scalar fields \(line 12, /);
  });
});
