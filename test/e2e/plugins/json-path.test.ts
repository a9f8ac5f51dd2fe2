import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob, statistic } from '../../support/cli.js';
import { rowsOf, rowTypes } from './support.js';

/** A job reading JSON texts (one row each, `id` numbering them) through JsonPath `body` into Console. */
function jsonJob(documents: string[], body: string): string {
  const rows = documents.map((doc, i) => `{ kind = ${i === documents.length - 1 ? 'DELETE' : 'INSERT'}, fields = [${i + 1}, ${doc}] }`);
  return `
env { job.retry.times = 0 }
source {
  FakeSource {
    plugin_output = "in"
    schema = { fields { id = int, data = string } }
    rows = [
      ${rows.join('\n      ')}
    ]
  }
}
transform {
  JsonPath {
    plugin_input = "in"
    plugin_output = "json"
    ${body}
  }
  Filter { plugin_input = "json", plugin_output = "out", exclude_fields = [data] }
}
sink { Console { plugin_input = "out" } }
`;
}

describe('JsonPath from config text', () => {
  it('extracts typed columns with the common path forms, printing values as SeaTunnel writes them', async () => {
    const result = await runJob(
      jsonJob(
        ['"""{"user": {"name": "Joy", "age": 42.9, "tags": ["a", "b", "c"]}, "price": 1e20, "ok": true, "big": 9223372036854775807}"""', 'null'],
        `columns = [
      { src_field = data, path = "$.user.name", dest_field = name }
      { src_field = data, path = "$.user.age", dest_field = age, dest_type = int }
      { src_field = data, path = "$.user.tags", dest_field = tags }
      { src_field = data, path = "$.user.tags[-1]", dest_field = last }
      { src_field = data, path = "$.user.tags[0:2]", dest_field = first_two }
      { src_field = data, path = "$['price']", dest_field = price, dest_type = double }
      { src_field = data, path = "$..name", dest_field = names }
      { src_field = data, path = "$.ok", dest_field = ok, dest_type = boolean }
      { src_field = data, path = "$.big", dest_field = big, dest_type = bigint }
      { src_field = data, path = "$.user.tags", dest_field = tag_list, dest_type = "array<string>" }
    ]`,
      ),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), [
      'id<INT>, name<STRING>, age<INT>, tags<STRING>, last<STRING>, first_two<STRING>, price<DOUBLE>, names<STRING>, ok<BOOLEAN>, big<BIGINT>, tag_list<ARRAY<STRING>>',
    ]);
    assert.deepEqual(rowsOf(result.stdout), [
      // age 42.9 into an int truncates; containers into strings are compact JSON.
      'INSERT: 1, Joy, 42, ["a","b","c"], c, ["a","b"], 1.0E20, ["Joy"], true, 9223372036854775807, [a, b, c]',
      // A null source gives null columns, without error.
      'DELETE: 2, , , , , , , , , , ',
    ]);
  });

  it('column_error_handle_way SKIP nulls the column, SKIP_ROW drops the row; row_error_handle_way = SKIP drops rows for the rest', async () => {
    const result = await runJob(
      jsonJob(
        ['"""{"a": 1, "b": "x"}"""', '"""{"a": "nope", "b": "y"}"""', '"not json"', '"""{"a": 2}"""', '"""{"a": 3, "b": "z", "c": "q"}"""'],
        `row_error_handle_way = SKIP
    columns = [
      { src_field = data, path = "$.a", dest_field = a, dest_type = bigint, column_error_handle_way = SKIP }
      { src_field = data, path = "$.b", dest_field = b }
      { src_field = data, path = "$.c", dest_field = c, column_error_handle_way = skip }
    ]`,
      ),
    );
    assert.equal(result.code, 0, result.stderr);
    // Row 2: "nope" is no bigint, a is null. Row 3: invalid JSON, b (row way SKIP) drops it. Row 4: no b, dropped.
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: 1, 1, x, ', 'INSERT: 2, , y, ', 'DELETE: 5, 3, z, q']);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 3);

    const skipRow = await runJob(
      jsonJob(['"""{"a": 1}"""', '"""{"a": "x"}"""', '"""{"a": 3}"""'], 'columns = [ { src_field = data, path = "$.a", dest_field = a, dest_type = int, column_error_handle_way = SKIP_ROW } ]'),
    );
    assert.equal(skipRow.code, 0, skipRow.stderr);
    assert.deepEqual(rowsOf(skipRow.stdout), ['INSERT: 1, 1', 'DELETE: 3, 3']);
  });

  it('fails the job by default on a read error, naming the column, path and cause', async () => {
    const result = await runJob(jsonJob(['"""{"a": 1}"""', '"""{"b": 2}"""'], 'columns = [ { src_field = data, path = "$.a", dest_field = a, dest_type = int } ]'));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /ended with state FAILED/);
    assert.match(
      result.stderr,
      /JsonPath: cannot read columns\[0\] \(src_field data, path \$\.a, dest_field a, dest_type int\) in a row of table in: no results for path \$\.a\. Set column_error_handle_way/,
    );
  });

  it('reads row sources as the JSON array of their fields', async () => {
    const result = await runJob(`
source {
  FakeSource {
    plugin_output = "in"
    schema = { fields { r = { name = string, scores = "array<int>" } } }
    rows = [ { fields = [ ["Joy", [3, 4]] ] } ]
  }
}
transform {
  JsonPath {
    plugin_input = "in", plugin_output = "out"
    columns = [
      { src_field = r, path = "$[0]", dest_field = name }
      { src_field = r, path = "$[1][1]", dest_field = second, dest_type = smallint }
    ]
  }
}
sink { Console { plugin_input = "out" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['r<ROW<name STRING, scores ARRAY<INT>>>, name<STRING>, second<SMALLINT>']);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: [Joy, [3, 4]], Joy, 4']);
  });

  it('reports every bad column at once with its path and line, and a source field of the wrong type', async () => {
    const result = await runJob(`source { FakeSource { plugin_output = "in", schema = { fields { id = int, data = string } } } }
transform {
  JsonPath {
    plugin_input = "in", plugin_output = "out"
    columns = [
      { src_field = data, path = "$.a[", dest_field = a }
      { src_field = data, path = "$.b", dest_field = b, dest_type = "decimal(x)" }
      { src_field = data, path = "$.c", dest_field = c, column_error_handle_way = IGNORE }
    ]
  }
}
sink { Console { plugin_input = "out" } }
`);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /transform\[0\]\.columns\[0\]\.path: invalid JSONPath "\$\.a\[": unclosed "\[" \(line 6, column 34\)/);
    assert.match(result.stderr, /transform\[0\]\.columns\[1\]\.dest_type: invalid type "decimal\(x\)": .* \(line 7, /);
    assert.match(result.stderr, /transform\[0\]\.columns\[2\]\.column_error_handle_way: expected one of FAIL, SKIP, SKIP_ROW, got "IGNORE" \(line 8, /);

    const wrongType = await runJob(`source { FakeSource { plugin_output = "in", schema = { fields { id = int } } } }
transform { JsonPath { plugin_input = "in", plugin_output = "out", columns = [ { src_field = id, path = "$.b", dest_field = b } ] } }
sink { Console { plugin_input = "out" } }
`);
    assert.equal(wrongType.code, 2);
    assert.match(wrongType.stderr, /transform\[0\]\.columns\[0\]\.src_field: field "id" of table in is int; JsonPath reads string, bytes, array, map or row fields \(line 2, /);

    const empty = await runJob(`source { FakeSource { plugin_output = "in", schema = { fields { id = int } } } }
transform { JsonPath { plugin_input = "in", plugin_output = "out", columns = [] } }
sink { Console { plugin_input = "out" } }
`);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /transform\[0\]\.columns: columns must be a non-empty list/);
  });

  it('warns about unknown keys in a column and runs anyway', async () => {
    const result = await runJob(jsonJob(['"[10, 20, 30]"'], 'columns = [ { src_field = data, path = "$[1]", dest_field = b, dest_type = int, colour = red } ]'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: transform\[0\]\.columns\[0\]\.colour: unknown key "colour" .*it is ignored \(line \d+, /);
    assert.deepEqual(rowsOf(result.stdout), ['DELETE: 1, 20']);
  });
});
