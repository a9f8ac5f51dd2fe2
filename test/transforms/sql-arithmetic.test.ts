import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapFails, sql, typeOf, value } from './sql-kit.js';
import { row, table } from './transform-harness.js';

describe('Sql: arithmetic keeps values exact', () => {
  it('types results as SeaTunnel does for integers and doubles', () => {
    assert.equal(typeOf('a + b', { a: 'int', b: 'smallint' }), 'int');
    assert.equal(typeOf('a * b', { a: 'tinyint', b: 'bigint' }), 'bigint');
    assert.equal(typeOf('a - b', { a: 'int', b: 'double' }), 'double');
    assert.equal(typeOf('a / b', { a: 'float', b: 'float' }), 'double');
    assert.equal(typeOf('a * 1.5', { a: 'int' }), 'double');
    assert.equal(typeOf('1 + 2'), 'int');
    assert.equal(typeOf('2147483648 + 1'), 'bigint');
    assert.equal(typeOf('-a', { a: 'smallint' }), 'smallint');
  });

  it('int arithmetic: truncating division, remainder with the dividend\'s sign, overflow is an error', () => {
    assert.equal(value('a / b', { a: ['int', -7], b: ['int', 2] }), -3);
    assert.equal(value('a % b', { a: ['int', -7], b: ['int', 2] }), -1);
    assert.equal(value('a % b', { a: ['int', -4], b: ['int', 2] }), 0);
    assert.ok(Object.is(value('a * b', { a: ['int', 0], b: ['int', -5] }), 0), 'never -0');
    const input = table('t', { a: 'int', b: 'int' });
    mapFails('select a * b from t', input, [row([65536, 65536], '+I', 't')], /integer overflow: the result 4294967296 is out of range for int \(CAST to BIGINT first\)/);
    mapFails('select a / b from t', input, [row([1, 0], '+I', 't')], /division by zero/);
    mapFails('select -a from t', input, [row([-2147483648, 0], '+I', 't')], /-\(-2147483648\) is out of range for int/);
    assert.equal(value('cast(a as bigint) * b', { a: ['int', 65536], b: ['int', 65536] }), 4294967296n);
  });

  it('bigint arithmetic stays in bigint: no rounding through doubles', () => {
    assert.equal(value('a + 1', { a: ['bigint', 9007199254740993n] }), 9007199254740994n);
    assert.equal(value('a * b', { a: ['bigint', 3037000499n], b: ['int', 3037000499 % 2147483647] }), 3037000499n * BigInt(3037000499 % 2147483647));
    assert.equal(value('a / 2', { a: ['bigint', -9223372036854775807n] }), -4611686018427387903n);
    assert.equal(value('a % 10', { a: ['bigint', -9223372036854775807n] }), -7n);
    mapFails('select a + 1 from t', table('t', { a: 'bigint' }), [row([9223372036854775807n], '+I', 't')], /out of range for bigint/);
    assert.equal(value('a = b', { a: ['bigint', 9007199254740993n], b: ['bigint', 9007199254740992n] }), false);
    assert.equal(value('a > b', { a: ['bigint', 9007199254740993n], b: ['double', 9007199254740992] }), true);
  });

  it('decimal arithmetic is exact, with types wide enough for the result', () => {
    const f = { p: ['decimal(10, 2)', '12.34'] as [string, unknown], q: ['decimal(5, 3)', '-0.005'] as [string, unknown] };
    assert.equal(typeOf('p + q', { p: 'decimal(10, 2)', q: 'decimal(5, 3)' }), 'decimal(12, 3)');
    assert.equal(value('p + q', f), '12.335');
    assert.equal(value('p - q', f), '12.345');
    assert.equal(typeOf('p * q', { p: 'decimal(10, 2)', q: 'decimal(5, 3)' }), 'decimal(16, 5)');
    assert.equal(value('p * q', f), '-0.06170');
    assert.equal(typeOf('p / q', { p: 'decimal(10, 2)', q: 'decimal(5, 3)' }), 'decimal(19, 8)');
    assert.equal(value('p / q', f), '-2468.00000000');
    assert.equal(value('p % 5', f), '2.34');
    assert.equal(typeOf('p + a', { p: 'decimal(10, 2)', a: 'int' }), 'decimal(13, 2)');
    assert.equal(value('p + a', { ...f, a: ['int', 2147483647] }), '2147483659.34');
    assert.equal(value('p + a', { ...f, a: ['bigint', 9223372036854775807n] }), '9223372036854775819.34');
  });

  it('decimal literals next to decimals are exact: price * 1.1 is not a double', () => {
    assert.equal(typeOf('p * 1.1', { p: 'decimal(10, 2)' }), 'decimal(13, 3)');
    assert.equal(value('p * 1.1', { p: ['decimal(10, 2)', '0.10'] }), '0.110');
    assert.equal(value('p + 0.1', { p: ['decimal(10, 2)', '0.20'] }), '0.30');
    assert.equal(typeOf('p / 3', { p: 'decimal(10, 2)' }), 'decimal(14, 6)');
    assert.equal(value('p / 3', { p: ['decimal(10, 2)', '2.00'] }), '0.666667', 'HALF_UP');
    assert.equal(value('p / 3', { p: ['decimal(10, 2)', '-2.00'] }), '-0.666667');
    assert.equal(value('p > 0.1', { p: ['decimal(10, 2)', '0.10'] }), false);
    assert.equal(value('p = 0.1', { p: ['decimal(10, 2)', '0.10'] }), true);
  });

  it('decimals beyond 2^53 and near 38 digits stay exact', () => {
    const big = ['decimal(38, 18)', '12345678901234567890.123456789012345678'] as [string, unknown];
    assert.equal(typeOf('p + p', { p: 'decimal(38, 18)' }), 'decimal(38, 17)', '39 digits do not fit: the scale gives way, as in Spark and Hive');
    assert.equal(value('p + p', { p: big }), '24691357802469135780.24691357802469136');
    assert.equal(value('p - p', { p: big }), '0.00000000000000000');
    assert.equal(value('p + p', { p: ['decimal(30, 10)', '99999999999999999999.9999999999'] }), '199999999999999999999.9999999998');
    assert.equal(value('-p', { p: big }), '-12345678901234567890.123456789012345678');
    assert.equal(typeOf('p * p', { p: 'decimal(38, 18)' }), 'decimal(38, 6)');
    mapFails('select p * p from t', table('t', { p: 'decimal(38, 18)' }), [row([big[1]], '+I', 't')], /does not fit decimal\(38, 6\)/);
    assert.equal(value('p * 2', { p: ['decimal(20, 0)', '99999999999999999999'] }), '199999999999999999998');
    assert.equal(value('p / 7', { p: ['decimal(38, 10)', '1.0000000000'] }), '0.1428571429');
    assert.equal(value('p / 7', { p: ['decimal(20, 10)', '1.0000000000'] }), '0.142857142857', 'scale max(6, s1 + p2 + 1) = 12');
    mapFails('select p / 0 from t', table('t', { p: 'decimal(10, 2)' }), [row(['1.00'], '+I', 't')], /division by zero/);
  });

  it('doubles follow IEEE: division by zero gives infinity, decimals and bigints join as doubles', () => {
    assert.equal(value('a / 0', { a: ['double', 1] }), Infinity);
    assert.ok(Number.isNaN(value('a % 0', { a: ['double', 1] }) as number));
    assert.equal(value('p + d', { p: ['decimal(10, 2)', '1.25'], d: ['double', 0.5] }), 1.75);
    assert.equal(typeOf('p + d', { p: 'decimal(10, 2)', d: 'double' }), 'double');
    assert.equal(value('b * 0.5', { b: ['bigint', 3n] }), 1.5);
  });

  it('NULL in gives NULL out, typed by the other operand', () => {
    assert.equal(value('a + null', { a: ['int', 1] }), null);
    assert.equal(typeOf('a + null', { a: 'bigint' }), 'bigint');
    assert.equal(value('a * b', { a: ['decimal(5, 1)', null], b: ['int', 3] }), null);
    assert.equal(value("'x' || null"), null);
    assert.equal(value("'x' || 1 || true"), 'x1true');
  });

  it('a batch with many rows: every row computed, the failing row named in the error', () => {
    const input = table('t', { a: 'int' });
    const rows = Array.from({ length: 2000 }, (_, i) => row([i], '+I', 't'));
    const result = sql('select a * 2 as d from t where a % 3 = 0', input, rows);
    assert.equal(result.rows.length, 667);
    assert.deepEqual(result.rows[666], [3996]);
  });
});
