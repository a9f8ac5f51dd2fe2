import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob, statistic } from '../../support/cli.js';

/** Alice then Bob, from each of `parallelism` readers, into an Assert sink with `rules`. */
function job(rules: string, parallelism = 1): string {
  return `
env { job.retry.times = 0, parallelism = ${parallelism} }
source {
  FakeSource {
    plugin_output = "in"
    split.read-interval = 0
    schema = { fields { name = string, age = int, id = bigint, price = "decimal(10, 2)", note = string, src = string } }
    rows = [
      { kind = INSERT, fields = ["Alice", 33, 1, "9.99", null, "fake"] }
      { kind = UPDATE_AFTER, fields = ["Bob", 20, 2, "1.50", null, "fake"] }
    ]
  }
}
sink {
  Assert {
    plugin_input = "in"
    rules {
      ${rules}
    }
  }
}
`;
}

const ALICE = 'SeaTunnelRow{tableId=in, kind=+I, fields=[Alice, 33, 1, 9.99, null, fake]}';
const BOB = 'SeaTunnelRow{tableId=in, kind=+U, fields=[Bob, 20, 2, 1.50, null, fake]}';
const rule = (type: string, value = 'null', equalTo = 'null'): string => `AssertFieldRule.AssertRule(ruleType=${type}, ruleValue=${value}, equalTo=${equalTo})`;

describe('Assert from config text', () => {
  it('passes when every rule type holds, row rules counting the rows of all parallel writers together', async () => {
    const result = await runJob(
      job(
        `field_rules = [
        { field_name = name, field_type = string, field_value = [ { rule_type = NOT_NULL }, { rule_type = MIN_LENGTH, rule_value = 3 }, { rule_type = MAX_LENGTH, rule_value = 5 } ] }
        { field_name = age, field_type = int, field_value = [ { rule_type = MIN, rule_value = 20 }, { rule_type = MAX, rule_value = 33 } ] }
        { field_name = id, field_type = bigint, field_value = [ { rule_type = MIN, rule_value = 1 }, { rule_type = MAX, rule_value = 2 } ] }
        { field_name = price, field_type = "decimal(10, 2)", field_value = [ { rule_type = MAX, rule_value = 9.99 } ] }
        { field_name = note, field_type = string, field_value = [ { rule_type = NULL }, { rule_type = MAX_LENGTH, rule_value = 0 } ] }
        { field_name = src, field_value = [ { rule_type = NOT_NULL, equals_to = "fake" }, { equals_to = fake } ] }
      ]
      row_rules = [ { rule_type = MIN_ROW, rule_value = 4 }, { rule_type = MAX_ROW, rule_value = 4 } ]`,
        2,
      ),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /ended with state FINISHED/);
    assert.equal(statistic(result.stdout, 'Total Write Count'), 4);
  });

  const failures: [string, string, string][] = [
    ['NULL', '{ field_name = name, field_type = string, field_value = [ { rule_type = NULL } ] }', `${ALICE} fail rule: AssertFieldRule(fieldName=name, fieldType=STRING, fieldRules=[${rule('NULL')}])`],
    ['NOT_NULL', '{ field_name = note, field_value = [ { rule_type = NOT_NULL } ] }', `${ALICE} fail rule: AssertFieldRule(fieldName=note, fieldType=null, fieldRules=[${rule('NOT_NULL')}])`],
    ['MIN', '{ field_name = age, field_type = int, field_value = [ { rule_type = MIN, rule_value = 21 } ] }', `${BOB} fail rule: AssertFieldRule(fieldName=age, fieldType=INT, fieldRules=[${rule('MIN', '21.0')}])`],
    ['MAX', '{ field_name = price, field_value = [ { rule_type = MAX, rule_value = 9.98 } ] }', `${ALICE} fail rule: AssertFieldRule(fieldName=price, fieldType=null, fieldRules=[${rule('MAX', '9.98')}])`],
    ['MIN_LENGTH', '{ field_name = name, field_value = [ { rule_type = MIN_LENGTH, rule_value = 4 } ] }', `${BOB} fail rule: AssertFieldRule(fieldName=name, fieldType=null, fieldRules=[${rule('MIN_LENGTH', '4.0')}])`],
    ['MAX_LENGTH', '{ field_name = age, field_value = [ { rule_type = MAX_LENGTH, rule_value = 1 } ] }', `${ALICE} fail rule: AssertFieldRule(fieldName=age, fieldType=null, fieldRules=[${rule('MAX_LENGTH', '1.0')}])`],
    ['equals_to', '{ field_name = name, field_value = [ { equals_to = "Alice" } ] }', `${BOB} fail rule: AssertFieldRule(fieldName=name, fieldType=null, fieldRules=[${rule('null', 'null', 'Alice')}])`],
    ['field_type', '{ field_name = id, field_type = int }', `${ALICE} fail rule: AssertFieldRule(fieldName=id, fieldType=INT, fieldRules=[])`],
  ];
  for (const [name, fieldRule, message] of failures) {
    it(`fails the job on a broken ${name} field rule with the row and the rule`, async () => {
      const result = await runJob(job(`field_rules = [ ${fieldRule} ]`));
      assert.equal(result.code, 1);
      assert.match(result.stdout, /ended with state FAILED/);
      assert.ok(result.stderr.includes(`failed: row :${message}\n`), result.stderr);
    });
  }

  it('fails MAX_ROW and MIN_ROW on the sum over parallel writers', async () => {
    const max = await runJob(job('row_rules = [ { rule_type = MAX_ROW, rule_value = 3 } ]', 2));
    assert.equal(max.code, 1);
    assert.ok(max.stderr.includes(`failed: row num :4 fail rule: ${rule('MAX_ROW', '3.0')}\n`), max.stderr);

    const min = await runJob(job('row_rules = [ { rule_type = MIN_ROW, rule_value = 5 } ]', 2));
    assert.equal(min.code, 1);
    assert.ok(min.stderr.includes(`failed: row num :4 fail rule: ${rule('MIN_ROW', '5.0')}\n`), min.stderr);
  });

  it('checks table-names against the tables seen, and tables_configs rules per table', async () => {
    const config = (names: string, t2Max: number): string => `
env { job.retry.times = 0, parallelism = 2 }
source {
  FakeSource {
    plugin_output = "in"
    tables_configs = [
      { row.num = 2, split.read-interval = 0, schema = { table = "db.t1", fields { id = int } } }
      { row.num = 3, split.read-interval = 0, schema = { table = "db.t2", fields { name = string } } }
    ]
  }
}
sink {
  Assert {
    plugin_input = "in"
    rules {
      table-names = ${names}
      tables_configs = [
        { table_path = "db.t1", row_rules = [ { rule_type = MIN_ROW, rule_value = 4 }, { rule_type = MAX_ROW, rule_value = 4 } ] }
        { table_path = "db.t2", row_rules = [ { rule_type = MAX_ROW, rule_value = ${t2Max} } ], field_rules = [ { field_name = name, field_value = [ { rule_type = MIN_LENGTH, rule_value = 5 } ] } ] }
      ]
    }
  }
}
`;
    const pass = await runJob(config('["db.t2", "db.t1"]', 6));
    assert.equal(pass.code, 0, pass.stderr);
    assert.equal(statistic(pass.stdout, 'Total Write Count'), 10);

    const names = await runJob(config('["db.t1"]', 6));
    assert.equal(names.code, 1);
    assert.match(names.stderr, /failed: table names: \[(db\.t1, db\.t2|db\.t2, db\.t1)\] is not equal to \[db\.t1\]\n/);

    const rows = await runJob(config('["db.t1", "db.t2"]', 5));
    assert.equal(rows.code, 1);
    assert.ok(rows.stderr.includes(`failed: row num :6 fail rule: ${rule('MAX_ROW', '5.0')}\n`), rows.stderr);
  });

  it('refuses unusable rules before running, with their paths and lines', async () => {
    const result = await runJob(`source { FakeSource { plugin_output = "in", schema = { fields { id = int } } } }
sink {
  Assert {
    plugin_input = "in"
    rules {
      row_rules = [
        { rule_type = MAX_ROWS, rule_value = 5 }
      ]
      field_rules = [
        { field_name = id, field_value = [ { rule_type = MAX_ROW, rule_value = 1 }, { rule_type = MIN, rule_value = "ten" } ] }
      ]
    }
  }
  Assert { plugin_input = "in" }
  Assert { plugin_input = "in", rules { } }
}
`);
    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stdout, /started/);
    assert.match(result.stderr, /sink\[0\]\.rules\.row_rules\[0\]\.rule_type: expected one of NULL, NOT_NULL, MIN, MAX, MIN_LENGTH, MAX_LENGTH, MAX_ROW, MIN_ROW, got "MAX_ROWS" \(line 7, /);
    assert.match(result.stderr, /sink\[0\]\.rules\.field_rules\[0\]\.field_value\[0\]\.rule_type: MAX_ROW belongs in row_rules; as a field rule it fails every row \(line 10, /);
    assert.match(result.stderr, /sink\[0\]\.rules\.field_rules\[0\]\.field_value\[1\]\.rule_value: expected a number, got "ten" \(line 10, /);
    assert.match(result.stderr, /sink\[1\]\.rules: required option is not set \(line 14, column 3\)/);
    assert.match(result.stderr, /sink\[2\]\.rules: Assert rule config is empty, please add rule config\. \(line 15, /);
  });

  it('refuses, at plan time, a field the table lacks and an equals_to that does not fit the column', async () => {
    const result = await runJob(`source { FakeSource { plugin_output = "in", schema = { fields { id = int, name = string } } } }
sink {
  Assert {
    plugin_input = "in"
    rules {
      field_rules = [
        { field_name = nam, field_value = [ { rule_type = NOT_NULL } ] }
        { field_name = id, field_value = [ { equals_to = "abc" } ] }
      ]
    }
  }
}
`);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /sink\[0\]\.rules\.field_rules\[0\]\.field_name: table "in" has no field "nam" \(fields: id, name\) \(line 7, /);
    assert.match(result.stderr, /sink\[0\]\.rules\.field_rules\[1\]\.field_value\[0\]\.equals_to: cannot be compared with field "id" of table "in": expected int, got "abc" \(line 8, /);
  });
});
