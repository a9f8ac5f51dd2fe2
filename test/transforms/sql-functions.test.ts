import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sqlTransform } from '../../src/transforms/sql/sql.js';
import { bindFails, mapFails, sql, typeOf, value } from './sql-kit.js';
import { bind, row, table } from './transform-harness.js';

const S = (text: string | null): Record<string, [string, unknown]> => ({ s: ['string', text] });

describe('Sql: string functions', () => {
  it('CONCAT skips NULLs, CONCAT_WS joins non-NULLs with the separator', () => {
    assert.equal(value("concat(s, '-', 1, true)", S('a')), 'a-1true');
    assert.equal(value('concat(s, s)', S(null)), '');
    assert.equal(value("concat_ws(',', s, 'b', null, 'c')", S('a')), 'a,b,c');
    assert.equal(value("concat_ws(null, 'a', 'b')"), 'ab');
    assert.equal(value("concat_ws('/', a)", { a: ['array<string>', ['x', null, 'y']] }), 'x/y');
  });

  it('case, length and character functions', () => {
    assert.equal(value('upper(s)', S('Grüße')), 'GRÜSSE');
    assert.equal(value('lcase(s)', S('ABC')), 'abc');
    assert.equal(value('length(s)', S('héllo')), 5n);
    assert.equal(value('char_length(s)', S(null)), null);
    assert.equal(typeOf('length(s)', { s: 'string' }), 'bigint');
    assert.equal(value('octet_length(s)', S('héllo')), 6n);
    assert.equal(value('bit_length(s)', S('ab')), 16n);
    assert.equal(value('ascii(s)', S('Hi')), 72);
    assert.equal(value('chr(65)'), 'A');
    assert.equal(value('reverse(s)', S('abc😀')), '😀cba');
    assert.equal(value('soundex(s)', S('Robert')), 'R163');
    assert.equal(value('space(3)'), '   ');
    assert.equal(value("repeat(s, 3)", S('ab')), 'ababab');
  });

  it('SUBSTRING and SUBSTR as H2 and SeaTunnel count: 1-based, negative from the end, NULL when empty', () => {
    assert.equal(value('substring(s, 2)', S('[Hello]')), 'Hello]');
    assert.equal(value('substr(s, 3, 2)', S('hour')), 'ur');
    assert.equal(value('substring(s, -3)', S('abcdef')), 'def');
    assert.equal(value('substring(s, 0, 2)', S('abc')), 'ab');
    assert.equal(value('substring(s, 10)', S('abc')), null);
    assert.equal(value('substring(s from 2 for 2)', S('abcd')), 'bc');
  });

  it('LEFT, RIGHT, LPAD, RPAD, TRIM, LTRIM, RTRIM', () => {
    assert.equal(value('left(s, 2)', S('abc')), 'ab');
    assert.equal(value('right(s, 5)', S('abc')), 'abc');
    assert.equal(value("lpad(s, 5, '*')", S('ab')), '***ab');
    assert.equal(value('lpad(s, 2)', S('abcd')), 'ab');
    assert.equal(value("rpad(s, 4, '-=')", S('ab')), 'ab--');
    assert.equal(value('lpad(7, 3, 0)'), '007');
    assert.equal(value('trim(s)', S('  a b  ')), 'a b');
    assert.equal(value("ltrim(s, 'x')", S('xxaxx')), 'axx');
    assert.equal(value("rtrim(s, 'x')", S('xxaxx')), 'xxa');
    assert.equal(value("trim(both 'x' from s)", S('xxaxx')), 'a');
    assert.equal(value('trim(leading from s)', S('  a  ')), 'a  ');
  });

  it('LOCATE, POSITION and INSTR are 1-based, 0 when missing, backwards from a negative start', () => {
    assert.equal(value("locate('.', s)", S('a.b.c')), 2);
    assert.equal(value("locate('.', s, 3)", S('a.b.c')), 4);
    assert.equal(value("locate('.', s, -1)", S('a.b.c')), 4);
    assert.equal(value("position('c' in s)", S('a.b.c')), 5);
    assert.equal(value("instr(s, 'z')", S('abc')), 0);
    assert.equal(value("instr(s, 'b')", S(null)), null);
  });

  it('REPLACE, TRANSLATE, INSERT, HEXTORAW and RAWTOHEX', () => {
    assert.equal(value("replace(s, 'a', 'xy')", S('banana')), 'bxynxynxy');
    assert.equal(value("replace(s, 'a')", S('banana')), 'bnn');
    assert.equal(value("translate(s, 'eo', 'EO')", S('Hello world')), 'HEllO wOrld');
    assert.equal(value("insert(s, 2, 1, 'XY')", S('abc')), 'aXYc');
    assert.equal(value("insert(s, 1, 1, 'z')", S(null)), 'z');
    assert.equal(value('rawtohex(s)', S('A')), '0041');
    assert.equal(value("hextoraw('00410042')"), 'AB');
    assert.equal(value('rawtohex(b)', { b: ['bytes', new Uint8Array([1, 255])] }), '01ff');
  });

  it('regular expressions with Java syntax and flags', () => {
    assert.equal(value("regexp_replace(s, ' +', ' ')", S('Hello    World')), 'Hello World');
    assert.equal(value("regexp_replace(s, 'w+', 'W', 'i')", S('Hello WWWWorld')), 'Hello World');
    assert.equal(value("regexp_replace(s, '(\\w+) (\\w+)', '$2 $1')", S('Joy Ding')), 'Ding Joy');
    assert.equal(value("regexp_like(s, '[A-Z ]*', 'i')", S('Hello World')), true);
    assert.equal(value("regexp_like(s, '^\\d+$')", S('12a')), false);
    assert.equal(value("regexp_substr(s, '\\d{4}')", S('2020-10-01')), '2020');
    assert.equal(value("regexp_substr(s, '(\\d{4})-(\\d{2})-(\\d{2})', 1, 1, null, 2)", S('2020-10-01')), '10');
    assert.equal(value("regexp_substr(s, '\\d+', 1, 2)", S('a1b22c333')), '22');
    assert.deepEqual(value("split(s, ',')", S('a,b,,c,,')), ['a', 'b', '', 'c']);
    assert.equal(typeOf("split(s, ',')", { s: 'string' }), 'array<string>');
    bindFails("select regexp_like(s, 'a(') from t", table('t', { s: 'string' }), /^invalid regex "a\(": .* at line 1, column 23$/);
    bindFails("select regexp_like(s, 'a', 'z') from t", table('t', { s: 'string' }), 'unsupported regex flag "z" (use i, c, n or m) at line 1, column 23');
    assert.equal(value('regexp_replace(s, p, r)', { s: ['string', 'aaa'], p: ['string', 'a'], r: ['string', 'b'] }), 'bbb');
  });
});

describe('Sql: numeric functions', () => {
  it('ABS keeps the type and refuses the minimum value', () => {
    assert.equal(value('abs(a)', { a: ['int', -5] }), 5);
    assert.equal(value('abs(a)', { a: ['bigint', -9007199254740993n] }), 9007199254740993n);
    assert.equal(value('abs(a)', { a: ['decimal(5, 2)', '-1.50'] }), '1.50');
    mapFails('select abs(a) from t', table('t', { a: 'int' }), [row([-2147483648], '+I', 't')], /out of range for int/);
  });

  it('CEIL and FLOOR: int for ints and doubles (as SeaTunnel), exact for bigint and decimal', () => {
    assert.equal(value('ceil(a)', { a: ['double', 1.2] }), 2);
    assert.equal(value('floor(a)', { a: ['double', -1.2] }), -2);
    assert.equal(typeOf('ceiling(a)', { a: 'double' }), 'int');
    assert.equal(typeOf('ceil(a)', { a: 'decimal(10, 2)' }), 'decimal(9, 0)');
    assert.equal(value('ceil(a)', { a: ['decimal(10, 2)', '-1.50'] }), '-1');
    assert.equal(value('floor(a)', { a: ['decimal(10, 2)', '-1.50'] }), '-2');
    assert.equal(value('floor(a)', { a: ['bigint', 9007199254740993n] }), 9007199254740993n);
  });

  it('ROUND (HALF_UP) and TRUNCATE keep the type, also with negative digits', () => {
    assert.equal(value('round(a, 1)', { a: ['decimal(10, 2)', '2.45'] }), '2.50');
    assert.equal(value('round(a, 1)', { a: ['decimal(10, 2)', '-2.45'] }), '-2.50');
    assert.equal(value('truncate(a, 1)', { a: ['decimal(10, 2)', '-2.49'] }), '-2.40');
    assert.equal(value('round(a)', { a: ['double', 2.5] }), 3);
    assert.equal(value('round(a, 2)', { a: ['double', 1.005] }), 1.01, 'rounds the decimal digits Java prints');
    assert.equal(value('trunc(a, 1)', { a: ['double', -1.99] }), -1.9);
    assert.equal(value('round(a, -2)', { a: ['int', 1250] }), 1300);
    assert.equal(value('round(a, -1)', { a: ['bigint', 9007199254740995n] }), 9007199254741000n);
    assert.equal(typeOf('round(a, 1)', { a: 'float' }), 'float');
  });

  it('MOD takes the divisor\'s type for integers; math functions give doubles', () => {
    assert.equal(value('mod(a, 3)', { a: ['bigint', -10n] }), -1);
    assert.equal(typeOf('mod(a, 3)', { a: 'bigint' }), 'int');
    assert.equal(value('mod(a, 0.3)', { a: ['decimal(5, 1)', '1.0'] }), '0.1');
    mapFails('select mod(a, 0) from t', table('t', { a: 'int' }), [row([1], '+I', 't')], /MOD by zero/);
    assert.equal(value('power(2, 10)'), 1024);
    assert.equal(value('sqrt(a)', { a: ['int', 16] }), 4);
    assert.equal(value('exp(0)'), 1);
    assert.equal(value('ln(1)'), 0);
    assert.equal(value('log10(1000)'), 3);
    assert.equal(value('log(2, 8)'), 3);
    assert.equal(value('sign(a)', { a: ['decimal(5, 2)', '-0.01'] }), -1);
    assert.equal(value('sign(0)'), 0);
    assert.equal(value('pi()'), Math.PI);
    assert.ok(Math.abs((value('cos(0) + sin(0) + tan(0) + atan2(1, 1) - radians(45)') as number) - 1) < 1e-12);
    mapFails('select ln(a) from t', table('t', { a: 'int' }), [row([0], '+I', 't')], /LN\(0.0\): the argument must be positive/);
  });

  it('RAND: a fresh number per row, or Java\'s Random(seed) for a seed', () => {
    const input = table('t', { a: 'int' });
    const result = sql('select rand() as r, rand(42) as s from t', input, [row([1], '+I', 't'), row([2], '+I', 't')]);
    const [first, second] = result.rows as [number[], number[]];
    assert.ok(first[0]! >= 0 && first[0]! < 1);
    assert.notEqual(first[0], second[0]);
    assert.equal(first[1], 0.7275636800328681, 'new java.util.Random(42).nextDouble()');
  });
});

describe('Sql: date and time functions', () => {
  const D = { d: ['date', '2024-01-31'] as [string, unknown], ts: ['timestamp', '2024-02-29T23:59:58.5'] as [string, unknown], tm: ['time', '10:30:00'] as [string, unknown] };

  it('DATEADD / TIMESTAMPADD: same type back, months clamp the day, times wrap', () => {
    assert.equal(value("dateadd(d, 1, 'MONTH')", D), '2024-02-29');
    assert.equal(value("timestampadd(d, -1, 'YEAR')", D), '2023-01-31');
    assert.equal(value('dateadd(d, 1)', D), '2024-02-01');
    assert.equal(value("dateadd(ts, 2, 'SECOND')", D), '2024-03-01T00:00:00.5');
    assert.equal(value("dateadd(ts, 1500, 'MILLISECOND')", D), '2024-03-01T00:00:00');
    assert.equal(value("dateadd(tm, 14, 'HOUR')", D), '00:30:00');
    assert.equal(typeOf("dateadd(ts, 1, 'DAY')", { ts: 'timestamp' }), 'timestamp');
    bindFails("select dateadd(d, 1, 'HOUR') from t", table('t', { d: 'date' }), /^DATEADD does not take the unit 'HOUR' for a date \(use YEAR, QUARTER, MONTH, WEEK, DAY\) at line 1, column 22$/);
  });

  it('DATEDIFF counts b - a in units, as SeaTunnel computes it', () => {
    assert.equal(value("datediff(d, '2024-03-31', 'DAY')", D), 60n);
    assert.equal(value("datediff('2024-01-31', '2024-02-29', 'MONTH')"), 0n);
    assert.equal(value("datediff('2024-01-31', '2024-03-31', 'MONTH')"), 2n);
    assert.equal(value("datediff('2020-02-29', '2024-02-28', 'YEAR')"), 3n);
    assert.equal(value("datediff(ts, '2024-03-01 00:00:00', 'SECOND')", D), 1n);
    assert.equal(value("datediff(ts, '2024-03-01 00:00:00', 'MILLISECOND')", D), 1500n);
    assert.equal(value("datediff(tm, time '12:00:00', 'MINUTE')", D), 90n);
    assert.equal(typeOf("datediff(d, d, 'DAY')", { d: 'date' }), 'bigint');
  });

  it('fields: YEAR .. SECOND, DAY_OF_WEEK (Monday 1), WEEK, QUARTER, EXTRACT, DAYNAME, MONTHNAME', () => {
    assert.equal(value('year(d)', D), 2024);
    assert.equal(value('month(ts)', D), 2);
    assert.equal(value('day(d)', D), 31);
    assert.equal(value('day_of_month(ts)', D), 29);
    assert.equal(value('hour(ts)', D), 23);
    assert.equal(value('minute(tm)', D), 30);
    assert.equal(value('second(ts)', D), 58);
    assert.equal(value('day_of_week(d)', D), 3);
    assert.equal(value('dayofweek(d)', D), 3);
    assert.equal(value('day_of_year(ts)', D), 60);
    assert.equal(value('quarter(ts)', D), 1);
    assert.equal(value('week(d)', D), 6);
    assert.equal(value('extract(year from d)', D), 2024);
    assert.equal(value('extract(millisecond from ts)', D), 500);
    assert.equal(value('extract(dayofweek from ts)', D), 4);
    assert.equal(value('dayname(d)', D), 'Wednesday');
    assert.equal(value('monthname(d)', D), 'January');
    bindFails('select hour(d) from t', table('t', { d: 'date' }), 'HOUR expects a time or timestamp, got date at line 1, column 13');
    bindFails('select extract(fortnight from d) from t', table('t', { d: 'date' }), /^unknown date-time field FORTNIGHT .* at line 1, column 16$/);
  });

  it('FORMATDATETIME, DATE_FORMAT (also MySQL specifiers), TO_CHAR with java.time patterns', () => {
    assert.equal(value("formatdatetime(ts, 'yyyy-MM-dd HH:mm:ss.SSS')", D), '2024-02-29 23:59:58.500');
    assert.equal(value("formatdatetime(d, 'EEE, d MMM yy')", D), 'Wed, 31 Jan 24');
    assert.equal(value("formatdatetime(ts, 'hh:mm a ''at'' EEEE')", D), "11:59 PM at Thursday");
    assert.equal(value("date_format(ts, '%Y/%m/%d %H:%i:%s')", D), '2024/02/29 23:59:58');
    assert.equal(value("date_format(d, 'yyyyMMdd')", D), '20240131');
    assert.equal(value("to_char(ts, 'yyyy')", D), '2024');
    assert.equal(value('to_char(1.5)'), '1.5');
    bindFails("select formatdatetime(d, 'HH:mm') from t", table('t', { d: 'date' }), 'the pattern "HH:mm" formats time fields, which a date does not have at line 1, column 26');
    bindFails("select formatdatetime(d, 'yyyy-MM-dd VV') from t", table('t', { d: 'date' }), /^pattern letter "V" is not supported/);
  });

  it('PARSEDATETIME / TO_DATE: the type follows the pattern; IS_DATE tests; FROM_UNIXTIME formats in a zone', () => {
    assert.equal(value("parsedatetime('2021-04-08 13:34:45', 'yyyy-MM-dd HH:mm:ss')"), '2021-04-08T13:34:45');
    assert.equal(typeOf("parsedatetime(s, 'yyyy-MM-dd HH:mm:ss')", { s: 'string' }), 'timestamp');
    assert.equal(typeOf("to_date(s, 'yyyy/MM/dd')", { s: 'string' }), 'date');
    assert.equal(typeOf("to_date(s, 'HH:mm')", { s: 'string' }), 'time');
    assert.equal(value("to_date(s, 'dd.MM.yyyy')", S('08.04.2021')), '2021-04-08');
    assert.equal(value("to_date(s, 'yyyy-MM-dd')", S('2021-02-30')), '2021-02-28', 'SMART resolution clamps the day');
    assert.equal(value("to_date(s, 'HH:mm:ss.SSS')", S('01:02:03.450')), '01:02:03.45');
    mapFails("select to_date(s, 'yyyy-MM-dd') from t", table('t', { s: 'string' }), [row(['2021/04/08'], '+I', 't')], /"2021\/04\/08" does not match the pattern "yyyy-MM-dd"/);
    bindFails("select to_date(s, 'dd') from t", table('t', { s: 'string' }), /needs yy \(a date\), mm \(a time\) or both/);
    assert.equal(value("is_date(s, 'yyyy-MM-dd')", S('2021-04-08')), true);
    assert.equal(value("is_date(s, 'yyyy-MM-dd')", S('nope')), false);
    assert.equal(value("from_unixtime(1672502400, 'yyyy-MM-dd HH:mm:ss', 'UTC+8')"), '2023-01-01 00:00:00');
    assert.equal(value("from_unixtime(1672502400, 'yyyy-MM-dd HH:mm', 'America/New_York')"), '2022-12-31 11:00');
  });

  it('NOW, CURRENT_DATE, CURRENT_TIME and CURRENT_TIMESTAMP: local time, one instant per batch', () => {
    const input = table('t', { a: 'int' });
    const before = Date.now();
    const result = sql('select now() as n, current_timestamp as c, current_date as d, current_time() as t from t', input, [row([1], '+I', 't'), row([2], '+I', 't')]);
    assert.deepEqual(result.types, ['timestamp', 'timestamp', 'date', 'time']);
    const [a, b] = result.rows as [string[], string[]];
    assert.deepEqual(a, b);
    assert.equal(a[0], a[1]);
    assert.ok(a[0]!.startsWith(a[2]!));
    const parsed = new Date(a[0]!).getTime();
    assert.ok(parsed >= before - 1000 && parsed <= Date.now() + 1000);
  });
});

describe('Sql: NULL functions and UUID', () => {
  it('COALESCE, IFNULL and NVL take the first non-NULL, in the arguments\' common type', () => {
    assert.equal(value('coalesce(a, b, 7)', { a: ['int', null], b: ['bigint', null] }), 7n);
    assert.equal(typeOf('coalesce(a, b)', { a: 'int', b: 'bigint' }), 'bigint');
    assert.equal(value("ifnull(s, 'x')", S(null)), 'x');
    assert.equal(value("nvl(s, 'x')", S('y')), 'y');
    assert.equal(value('coalesce(null, null)'), null);
    bindFails("select coalesce(a, 'x') from t", table('t', { a: 'int' }), 'COALESCE arguments must have one type: int and string do not mix at line 1, column 20');
  });

  it('NULLIF returns NULL when both are equal', () => {
    assert.equal(value('nullif(a, 1)', { a: ['int', 1] }), null);
    assert.equal(value('nullif(a, 1)', { a: ['int', 2] }), 2);
    assert.equal(value('nullif(a, 1.0)', { a: ['decimal(3, 2)', '1.00'] }), null);
    assert.equal(value('nullif(a, 1)', { a: ['int', null] }), null);
  });

  it('UUID gives a new random UUID per row', () => {
    const bound = bind(sqlTransform, { query: 'select uuid() as u from t' }, table('t', { a: 'int' }));
    const [a, b] = bound.map([row([1], '+I', 't'), row([2], '+I', 't')]).map((r) => r.fields[0] as string);
    assert.match(a!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a, b);
  });
});
