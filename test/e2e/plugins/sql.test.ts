import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { fakeRows, peopleJob, rowsOf, rowTypes } from './support.js';

describe('Sql from config text', () => {
  it('runs the SeaTunnel docs example: expressions, aliases, WHERE; rows keep their kinds', async () => {
    const result = await runJob(peopleJob(`Sql { plugin_input = "in", plugin_output = "out", query = "select id, concat(name, '_') as name, age+1 as age from dual where id>1" }`));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>']);
    assert.deepEqual(rowsOf(result.stdout), ['UPDATE_BEFORE: 2, a.b.c_, ', 'UPDATE_AFTER: 2, _, 4', 'DELETE: 3, joy@home, may@work_, 5']);
  });

  it('takes a multi-line query in a """ string, with CASE, CAST, IS NULL and functions', async () => {
    const result = await runJob(
      peopleJob(`Sql {
    plugin_input = "in"
    plugin_output = "out"
    query = """
      select upper(name) as who,
             case when age is null then 'unknown' when age < 10 then 'child' else 'adult' end as stage,
             cast(id as bigint) * 3000000000 as big,
             coalesce(name, 'nobody') || '!' as greeting
      from in
      where name is not null or age > 0
    """
  }`),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['who<STRING>, stage<STRING>, big<BIGINT>, greeting<STRING>']);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: JOY DING, adult, 3000000000, Joy Ding!',
      'UPDATE_BEFORE: A.B.C, unknown, 6000000000, a.b.c!',
      'UPDATE_AFTER: , child, 6000000000, nobody!',
      'DELETE: JOY@HOME, MAY@WORK, child, 9000000000, joy@home, may@work!',
    ]);
  });

  it('keeps decimals and bigints exact end to end', async () => {
    const result = await runJob(`env { job.retry.times = 0 }
${fakeRows('id = bigint, price = "decimal(20, 2)"', ['{ kind = INSERT, fields = [9007199254740993, "123456789012345678.91"] }'])}
transform {
  Sql { plugin_input = "in", plugin_output = "out", query = "select id + 1 as next, price * 2 as twice, price / 3 as third from in" }
}
sink { Console { plugin_input = "out" } }
`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['next<BIGINT>, twice<DECIMAL(22, 2)>, third<DECIMAL(24, 6)>']);
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: 9007199254740994, 246913578024691357.82, 41152263004115226.303333']);
  });

  it('refuses a bad query before running, pointing at the place in the query and the config line', async () => {
    const unknown = await runJob(peopleJob('Sql { plugin_input = "in", plugin_output = "out", query = "select nme, age from in" }'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /transform\[0\]\.query: unknown column "nme" at line 1, column 8; did you mean name\? \(line 16, column \d+\)/);

    const syntax = await runJob(peopleJob('Sql { plugin_input = "in", plugin_output = "out", query = "select id, from in" }'));
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /transform\[0\]\.query: expected an expression, found "from" at line 1, column 12/);

    const types = await runJob(peopleJob('Sql { plugin_input = "in", plugin_output = "out", query = "select id from in where name > 3" }'));
    assert.equal(types.code, 2);
    assert.match(types.stderr, /transform\[0\]\.query: cannot compare string with int at line 1, column 30/);

    const missing = await runJob(peopleJob('Sql { plugin_input = "in", plugin_output = "out" }'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /transform\[0\]/);
  });

  it('fails the job when a row cannot be computed, naming the expression', async () => {
    const result = await runJob(peopleJob('Sql { plugin_input = "in", plugin_output = "out", query = "select id / (id - 2) as x from in" }'));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /ended with state FAILED/);
    assert.match(result.stderr, /Sql: cannot evaluate "id \/ \(id - 2\)" at line 1, column 8 for a row of table in: division by zero/);
  });
});
