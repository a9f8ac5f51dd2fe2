import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDecimalText } from '../../../src/connectors/common/decimal-text.js';
import { temporalFormats } from '../../../src/connectors/file/temporal-formats.js';
import { parseJavaDouble, textToValue } from '../../../src/connectors/file/text-values.js';

/**
 * Field text as files hold it, read into core values. The common layouts take fast paths; these
 * cases sit on the edges of those paths and must read exactly as the general rules do.
 */
const format = { separators: [','], temporal: temporalFormats('yyyy-MM-dd', 'yyyy-MM-dd HH:mm:ss', 'HH:mm:ss') };
const read = (text: string, type: Parameters<typeof textToValue>[1]): unknown => textToValue(text, type, 0, format);

describe('text values', () => {
  it('reads decimals canonically and refuses what does not fit', () => {
    assert.equal(toDecimalText('671006.16', 12, 2), '671006.16');
    assert.equal(toDecimalText('007.50', 12, 2), '7.50');
    assert.equal(toDecimalText('-0.00', 12, 2), '0.00');
    assert.equal(toDecimalText('-0.01', 12, 2), '-0.01');
    assert.equal(toDecimalText('0.12', 2, 2), '0.12');
    assert.equal(toDecimalText('5', 12, 2), '5.00');
    assert.equal(toDecimalText('1.5e2', 12, 2), '150.00');
    assert.equal(toDecimalText('42', 5, 0), '42');
    assert.throws(() => toDecimalText('5.12', 2, 2), /does not fit decimal\(2, 2\)/);
    assert.throws(() => toDecimalText('1234', 5, 2), /does not fit/);
    assert.throws(() => toDecimalText('1.234', 5, 2), /more than 2 fraction digits/);
    assert.throws(() => toDecimalText('1.2.3', 5, 2), /not a decimal number/);
  });

  it('reads doubles as Double.parseDouble does', () => {
    const cases: [string, number | undefined][] = [
      ['918.7476522842178', 918.7476522842178], ['-2.5E-3', -0.0025], ['1e5', 1e5], ['00012', 12], ['1.', 1], ['.5', 0.5],
      [' 7 ', 7], ['1f', 1], ['-Infinity', -Infinity], ['0x10', undefined], ['0b1', undefined], ['1.2.3', undefined], ['-', undefined], ['1_0', undefined],
    ];
    for (const [text, want] of cases) assert.equal(parseJavaDouble(text), want, text);
    assert.ok(Number.isNaN(parseJavaDouble('NaN')));
  });

  it('reads whole numbers with their ranges', () => {
    assert.equal(read('-0', { kind: 'int' }), 0);
    assert.ok(Object.is(read('-0', { kind: 'int' }), 0));
    assert.equal(read('2147483647', { kind: 'int' }), 2147483647);
    assert.throws(() => read('2147483648', { kind: 'int' }), /expected int/);
    assert.equal(read('123456789012345', { kind: 'bigint' }), 123456789012345n);
    assert.equal(read('-9223372036854775808', { kind: 'bigint' }), -9223372036854775808n);
    assert.throws(() => read('9223372036854775808', { kind: 'bigint' }), /expected bigint/);
  });

  it('reads timestamps in ISO layout directly and others by pattern', () => {
    assert.equal(read('2021-04-15 23:21:42.585', { kind: 'timestamp' }), '2021-04-15T23:21:42.585');
    assert.equal(read('2021-04-15T23:21:42', { kind: 'timestamp' }), '2021-04-15T23:21:42');
    assert.equal(read('2024-02-29 00:00:00.123456789', { kind: 'timestamp' }), '2024-02-29T00:00:00.123456789');
    assert.equal(read('2021/04/15 23:21:42', { kind: 'timestamp' }), '2021-04-15T23:21:42');
    assert.equal(read('20210415232142', { kind: 'timestamp' }), '2021-04-15T23:21:42');
    for (const bad of ['2023-02-29 00:00:00', '2021-04-15 24:00:00', '2021-04-15 23:21:42.', '2021-13-01 00:00:00']) {
      assert.throws(() => read(bad, { kind: 'timestamp' }), /timestamp/, bad);
    }
  });
});
