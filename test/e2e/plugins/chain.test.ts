import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob, statistic } from '../../support/cli.js';
import { consoleLines, PEOPLE_FIELDS, PEOPLE_ROWS, fakeRows, rowsOf, rowTypes } from './support.js';

describe('Transform chains from config text', () => {
  it('fans one table out to three sinks through different chains, each branch seeing the rows unchanged by the others', async () => {
    const result = await runJob(`
env { job.retry.times = 0, parallelism = 2 }
${fakeRows(PEOPLE_FIELDS, PEOPLE_ROWS, 'split.read-interval = 0')}
transform {
  RowKindExtractor { plugin_input = "in", plugin_output = "kinds", transform_type = FULL }
  Replace { plugin_input = "kinds", plugin_output = "replaced", replace_field = name, pattern = " ", replacement = "_" }
  Copy { plugin_input = "replaced", plugin_output = "a", fields { name_copy = name } }

  FilterRowKind { plugin_input = "in", plugin_output = "changes", include_kinds = [UPDATE_AFTER, DELETE, INSERT] }
  Split { plugin_input = "changes", plugin_output = "split", split_field = name, separator = " ", output_fields = [first, rest] }
  FieldMapper { plugin_input = "split", plugin_output = "b", field_mapper { rest = rest, first = first, id = key } }

  Filter { plugin_input = "in", plugin_output = "c", include_fields = [id] }
}
sink {
  Console { plugin_input = "a" }
  Console { plugin_input = "b" }
  Assert {
    plugin_input = "c"
    rules {
      row_rules = [ { rule_type = MIN_ROW, rule_value = 8 }, { rule_type = MAX_ROW, rule_value = 8 } ]
      field_rules = [ { field_name = id, field_type = int, field_value = [ { rule_type = MIN, rule_value = 1 }, { rule_type = MAX, rule_value = 3 } ] } ]
    }
  }
}
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout, 0), ['id<INT>, name<STRING>, age<INT>, row_kind<STRING>, name_copy<STRING>', 'id<INT>, name<STRING>, age<INT>, row_kind<STRING>, name_copy<STRING>']);
    assert.deepEqual(rowTypes(result.stdout, 1), ['rest<STRING>, first<STRING>, key<INT>', 'rest<STRING>, first<STRING>, key<INT>']);
    for (const subtask of [0, 1]) {
      assert.deepEqual(rowsOf(result.stdout, 0, subtask), [
        'INSERT: 1, Joy_Ding, 20, INSERT, Joy_Ding',
        'INSERT: 2, a.b.c, , UPDATE_BEFORE, a.b.c',
        'INSERT: 2, , 3, UPDATE_AFTER, ',
        'INSERT: 3, joy@home,_may@work, 4, DELETE, joy@home,_may@work',
      ]);
      // Kinds and names as the source emitted them: the other branch's RowKindExtractor and Replace did not touch these rows.
      assert.deepEqual(rowsOf(result.stdout, 1, subtask), ['INSERT: Ding, Joy, 1', 'UPDATE_AFTER: , , 2', 'DELETE: may@work, joy@home,, 3']);
    }
    assert.equal(consoleLines(result.stdout).length, 14);
    assert.equal(statistic(result.stdout, 'Total Read Count'), 8);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 8 + 6 + 8);
  });

  it('fails the whole job when one branch fails, with the cause on stderr', async () => {
    const result = await runJob(`
env { job.retry.times = 0 }
${fakeRows('id = int, data = string', ['{ fields = [1, "{}"] }'])}
transform {
  Copy { plugin_input = "in", plugin_output = "ok", fields { id2 = id } }
  JsonPath { plugin_input = "in", plugin_output = "bad", columns = [ { src_field = data, path = "$.missing", dest_field = m } ] }
}
sink {
  Console { plugin_input = "ok" }
  Console { plugin_input = "bad" }
}
`);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /ended with state FAILED/);
    assert.match(result.stderr, /JsonPath: cannot read columns\[0\] \(src_field data, path \$\.missing, dest_field m, dest_type string\)/);
  });

  it('reports a plugin_input naming no table, with a suggestion and the line', async () => {
    const result = await runJob(`${fakeRows(PEOPLE_FIELDS, PEOPLE_ROWS)}
transform {
  Copy { plugin_input = "in", plugin_output = "copied", fields { n = name } }
  Filter { plugin_input = "copies", plugin_output = "out", include_fields = [n] }
}
sink { Console { plugin_input = "out" } }
`);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /transform\[1\]\.plugin_input: unknown table "copies"; did you mean copied\? \(line 16, column 27\)/);
  });
});
