import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaDoubleToString, javaFloatToString } from '../../src/transforms/shared/java-number-format.js';
import { compileJavaRegex, globalOf, JavaRegexError } from '../../src/transforms/shared/java-regex.js';
import { javaSplit } from '../../src/transforms/shared/java-split.js';

/** Whether the Java regex finds a match in `text`. */
const finds = (pattern: string, text: string): boolean => compileJavaRegex(pattern).regex.test(text);

describe('Java regex translation', () => {
  it('anchors like Java', () => {
    assert.equal(finds('a$', 'a\n'), true);
    assert.equal(finds('a$', 'a\r\n'), true);
    assert.equal(finds('a$', 'a\nb'), false);
    assert.equal(finds('a\\z', 'a\n'), false);
    assert.equal(finds('a\\Z', 'a\n'), true);
    assert.equal(finds('\\Ab', 'ab'), false);
    assert.equal(finds('(?m)^b$', 'a\nb\nc'), true);
    assert.equal(finds('^b', 'a\nb'), false);
  });

  it('reads Java escapes and classes', () => {
    assert.equal(finds('^\\x{1F600}$', '\u{1F600}'), true);
    assert.equal(finds('^\\0101$', 'A'), true);
    assert.equal(finds('^\\e$', '\x1b'), true);
    assert.equal(finds('^\\p{Alpha}+$', 'abcXYZ'), true);
    assert.equal(finds('^\\p{Alpha}+$', 'é'), false, 'POSIX classes are ASCII');
    assert.equal(finds('^[\\p{Lower}\\d]+$', 'ab12'), true);
    assert.equal(finds('^\\p{L}+$', 'é'), true);
    assert.equal(finds('^\\h$', '\u00a0'), true);
    assert.equal(finds('^\\v$', '\n'), true);
    assert.equal(finds('^a\\Rb$', 'a\r\nb'), true);
    assert.equal(finds('^[]a]+$', ']a]'), true, 'a ] first in a class is literal');
    assert.equal(finds('^a]}$', 'a]}'), true, 'a lone ] or } is literal');
    assert.equal(finds('^.$', '\u{1F600}'), true, 'a dot matches a whole code point');
  });

  it('numbers back references the Java way', () => {
    assert.equal(finds('^(a)\\11$', 'aa1'), true, '\\11 with one group is \\1 then 1');
    assert.equal(finds('^(a)\\2$', 'a'), false, 'a group that never exists never matches');
    const named = compileJavaRegex('(?<year>\\d{4})-(\\d\\d)');
    assert.equal(named.groupCount, 2);
    assert.equal(named.groupNames.get('year'), 1);
  });

  it('applies leading flags, including comments mode', () => {
    assert.equal(finds('(?i)^abc$', 'ABC'), true);
    assert.equal(finds('(?s)^a.b$', 'a\nb'), true);
    assert.equal(finds('^a.b$', 'a\nb'), false);
    assert.equal(finds('(?x) ^ a b # a comment\n $', 'ab'), true);
  });

  it('refuses what JavaScript cannot express', () => {
    for (const pattern of ['a*+', '(?>a)', 'a(?i)b', '[a-z&&[^e]]', '[a[b]]', '\\G', '\\y', 'a{', '\\p{InGreek}']) {
      assert.throws(() => compileJavaRegex(pattern), JavaRegexError, pattern);
    }
  });
});

describe('Java String.split with a limit', () => {
  const split = (input: string, pattern: string, limit: number) => javaSplit(input, globalOf(compileJavaRegex(pattern).regex), limit);

  it('matches Java results', () => {
    assert.deepEqual(split('boo:and:foo', ':', 2), ['boo', 'and:foo']);
    assert.deepEqual(split('boo:and:foo', ':', 5), ['boo', 'and', 'foo']);
    assert.deepEqual(split('boo:and:foo', 'o', 5), ['b', '', ':and:f', '', '']);
    assert.deepEqual(split('abc', '', 2), ['a', 'bc']);
    assert.deepEqual(split('abc', 'x', 3), ['abc']);
    assert.deepEqual(split('', ',', 3), ['']);
    assert.deepEqual(split(',', ',', 3), ['', '']);
  });
});

describe('Java number text', () => {
  it('prints doubles as Double.toString', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [-0, '-0.0'], [0.001, '0.001'], [0.0001, '1.0E-4'], [1234567, '1234567.0'], [1e7, '1.0E7'],
      [12345678.9, '1.23456789E7'], [3.14, '3.14'], [1e21, '1.0E21'], [NaN, 'NaN'], [-Infinity, '-Infinity'], [100, '100.0'],
    ];
    for (const [value, text] of cases) assert.equal(javaDoubleToString(value), text, String(value));
  });

  it('prints floats as Float.toString, whether held rounded or not', () => {
    assert.equal(javaFloatToString(3.14), '3.14');
    assert.equal(javaFloatToString(Math.fround(3.14)), '3.14');
    assert.equal(javaFloatToString(1.1e10), '1.1E10');
  });
});
