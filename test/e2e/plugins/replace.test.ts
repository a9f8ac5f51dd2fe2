import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runJob } from '../../support/cli.js';
import { fakeRows, peopleJob, rowsOf, rowTypes } from './support.js';

describe('Replace from config text', () => {
  it('replaces every literal occurrence in place, leaving nulls, kinds and the schema alone', async () => {
    const result = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = name, pattern = " ", replacement = "_" }'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(rowTypes(result.stdout), ['id<INT>, name<STRING>, age<INT>']);
    assert.deepEqual(rowsOf(result.stdout), [
      'INSERT: 1, Joy_Ding, 20',
      'UPDATE_BEFORE: 2, a.b.c, ',
      'UPDATE_AFTER: 2, , 3',
      'DELETE: 3, joy@home,_may@work, 4',
    ]);
  });

  it('without is_regex, pattern and replacement are literal and replace_first does not apply', async () => {
    const result = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = name, pattern = ".", replacement = "$1", replace_first = true }'));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(rowsOf(result.stdout)[1], 'UPDATE_BEFORE: 2, a$1b$1c, ');
    assert.equal(rowsOf(result.stdout)[0], 'INSERT: 1, Joy Ding, 20');
  });

  it('with is_regex, replaces Java-regex matches with groups; replace_first only the first', async () => {
    const all = await runJob(
      peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = name, pattern = "(\\\\w+)@(\\\\w+)", replacement = "$2 of $1", is_regex = true }'),
    );
    assert.equal(all.code, 0, all.stderr);
    assert.equal(rowsOf(all.stdout)[3], 'DELETE: 3, home of joy, work of may, 4');

    const first = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = name, pattern = "[a-z]", replacement = "#", is_regex = true, replace_first = true }'));
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(rowsOf(first.stdout), ['INSERT: 1, J#y Ding, 20', 'UPDATE_BEFORE: 2, #.b.c, ', 'UPDATE_AFTER: 2, , 3', 'DELETE: 3, #oy@home, may@work, 4']);
  });

  it('follows Java where JavaScript differs: \\s is ASCII, $ matches before a final line break, \\$ is a dollar', async () => {
    const result = await runJob(`
${fakeRows('s = string', ['{ fields = ["a\\u00a0b c"] }', '{ fields = ["5 USD\\n"] }'])}
transform {
  Replace { plugin_input = "in", plugin_output = "dollars", replace_field = s, pattern = "USD$", replacement = "\\\\$", is_regex = true }
  Replace { plugin_input = "dollars", plugin_output = "out", replace_field = s, pattern = "\\\\s", replacement = "_", is_regex = true }
}
sink { Console { plugin_input = "out" } }
`);
    assert.equal(result.code, 0, result.stderr);
    // "5 USD\\n" becomes "5 $\\n" (USD$ matches before the final line break), then "5_$_";
    // \\s does not match the no-break space.
    assert.deepEqual(rowsOf(result.stdout), ['INSERT: a\u00a0b_c', 'INSERT: 5_$_']);
  });

  it('refuses a non-string field, a bad regex, a missing group and a missing option, naming option and line', async () => {
    const notString = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = age, pattern = "1", replacement = "2" }'));
    assert.equal(notString.code, 2);
    assert.match(notString.stderr, /transform\[0\]\.replace_field: field "age" of table in is int; Replace works on string fields \(line 16, /);

    const badRegex = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = name, pattern = "a*+", replacement = "x", is_regex = true }'));
    assert.equal(badRegex.code, 2);
    assert.match(badRegex.stderr, /transform\[0\]\.pattern: invalid regex "a\*\+": possessive quantifiers \(like a\*\+\) are not supported \(line 16, /);

    const noGroup = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = name, pattern = "(a)", replacement = "$2", is_regex = true }'));
    assert.equal(noGroup.code, 2);
    assert.match(noGroup.stderr, /transform\[0\]\.replacement: invalid replacement "\$2": no group 2 in the pattern \(it has 1\)/);

    const missing = await runJob(peopleJob('Replace { plugin_input = "in", plugin_output = "out", replace_field = nam, pattern = "a" }'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /transform\[0\]\.replacement: required option is not set \(line 16, column 3\)/);
  });
});
