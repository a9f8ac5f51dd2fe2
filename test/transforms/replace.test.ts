import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import { replaceTransform } from '../../src/transforms/replace.js';
import { bind, problems, row, run, table } from './transform-harness.js';

const input = () => table('fake', { id: 'int', name: 'string' });

/** Replaces in one value of `name` and returns the result. */
function replace(options: Record<string, unknown>, value: string | null): unknown {
  return run(replaceTransform, { replace_field: 'name', ...options }, input(), [row([1, value])]).fields[0]![1];
}

describe('Replace', () => {
  it('replaces every literal occurrence (SeaTunnel docs example), in place', () => {
    const { fields, names, bound } = run(replaceTransform, { replace_field: 'name', pattern: ' ', replacement: '_' }, input(), [
      row([1, 'Joy Ding']),
      row([2, 'May Ding Dong']),
    ]);
    assert.deepEqual(fields, [[1, 'Joy_Ding'], [2, 'May_Ding_Dong']]);
    assert.deepEqual(names, ['id', 'name']);
    assert.deepEqual(bound.output, input());
  });

  it('without is_regex, pattern and replacement are literal and replace_first does not apply', () => {
    assert.equal(replace({ pattern: '.', replacement: '$1', replace_first: true }, 'a.b.c'), 'a$1b$1c');
    assert.equal(replace({ pattern: '', replacement: '-' }, 'abc'), '-a-b-c-', "Java's String.replace with an empty target");
  });

  it('with is_regex, replaces every match; $n inserts groups', () => {
    assert.equal(replace({ pattern: '(\\w+)@(\\w+)', replacement: '$2 at $1', is_regex: true }, 'joy@home, may@work'), 'home at joy, work at may');
    assert.equal(replace({ pattern: '.+', replacement: 'b', is_regex: true }, 'anything'), 'b', 'docs job example');
  });

  it('replace_first replaces only the first match', () => {
    assert.equal(replace({ pattern: '\\d', replacement: '#', is_regex: true, replace_first: true }, 'a1b2c3'), 'a#b2c3');
    assert.equal(replace({ pattern: '\\d', replacement: '#', is_regex: true }, 'a1b2c3'), 'a#b#c#');
  });

  it('reads the replacement as Java does: ${name}, \\$, $12 with fewer groups, unmatched groups', () => {
    assert.equal(replace({ pattern: '(?<user>\\w+)@', replacement: '${user} AT ', is_regex: true }, 'joy@x'), 'joy AT x');
    assert.equal(replace({ pattern: 'USD', replacement: '\\$', is_regex: true }, '5 USD'), '5 $');
    assert.equal(replace({ pattern: '(a)', replacement: '$10', is_regex: true }, 'a'), 'a0', '$10 is group 1 then 0');
    assert.equal(replace({ pattern: '(a)|(b)', replacement: '[$1$2]', is_regex: true }, 'ab'), '[a][b]');
    assert.equal(replace({ pattern: 'a', replacement: '$$', is_regex: false }, 'a'), '$$');
  });

  it('follows Java regex semantics where JavaScript differs', () => {
    assert.equal(replace({ pattern: 'a$', replacement: 'X', is_regex: true }, 'a\n'), 'X\n', 'Java $ matches before a final line break');
    assert.equal(replace({ pattern: '\\s', replacement: '_', is_regex: true }, 'a\u00a0b c'), 'a\u00a0b_c', 'Java \\s is ASCII only');
    assert.equal(replace({ pattern: '.', replacement: '_', is_regex: true }, 'a\u0085'), '_\u0085', 'Java . does not match U+0085');
    assert.equal(replace({ pattern: '(?i)joy', replacement: 'J', is_regex: true }, 'JOY joy'), 'J J');
    assert.equal(replace({ pattern: '\\-\\_', replacement: '+', is_regex: true }, 'a-_b'), 'a+b', 'Java accepts escaped punctuation');
    assert.equal(replace({ pattern: '\\Q1+1\\E', replacement: '2', is_regex: true }, '1+1=2'), '2=2');
  });

  it('leaves nulls alone', () => {
    assert.equal(replace({ pattern: 'x', replacement: 'y' }, null), null);
  });

  it('refuses invalid replacements and patterns at bind time, naming the option', () => {
    const options = (pattern: string, replacement: string) => ({ replace_field: 'name', pattern, replacement, is_regex: true });
    for (const [pattern, replacement, option, message] of [
      ['(a)', '$2', 'replacement', /no group 2/],
      ['a', '$x', 'replacement', /illegal group reference/],
      ['a', 'x\\', 'replacement', /ends with a backslash/],
      ['(?<n>a)', '${m}', 'replacement', /no group named "m"/],
      ['a++', 'x', 'pattern', /possessive/],
      ['(?>a)', 'x', 'pattern', /atomic/],
      ['[a-z&&[^e]]', 'x', 'pattern', /intersection/],
      ['(a', 'x', 'pattern', /invalid regex/],
    ] as const) {
      assert.throws(() => bind(replaceTransform, options(pattern, replacement), input()), (e: unknown) => e instanceof OptionError && e.option === option && message.test(e.message), `${pattern} / ${replacement}`);
    }
    assert.deepEqual(problems(replaceTransform, options('(a)', '$1')), []);
    assert.equal(problems(replaceTransform, options('(a', 'x')).length, 1);
  });

  it('refuses a missing field and a field that is not a string', () => {
    assert.throws(
      () => bind(replaceTransform, { replace_field: 'nope', pattern: 'a', replacement: 'b' }, input()),
      (e: unknown) => e instanceof OptionError && e.option === 'replace_field' && e.message === 'field "nope" is not in table fake (fields: id, name)',
    );
    assert.throws(
      () => bind(replaceTransform, { replace_field: 'id', pattern: 'a', replacement: 'b' }, input()),
      (e: unknown) => e instanceof OptionError && e.option === 'replace_field' && /is int; Replace works on string fields/.test(e.message),
    );
  });
});
