import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteCsvString, splitCsvRecord } from '../../../src/connectors/file/csv-text.js';
import { exactJsonText, JsonNumber, parseExactJson } from '../../../src/connectors/file/exact-json.js';
import { temporalFormats } from '../../../src/connectors/file/temporal-formats.js';
import { compilePattern, formatTemporal, parseTimestampWith } from '../../../src/connectors/file/temporal-pattern.js';

describe('csv quoting (commons-csv MINIMAL as SeaTunnel applies it per value)', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['', '""'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' lead', '" lead"'],
    ['trail ', '"trail "'],
    ['#hash', '"#hash"'],
    ['!bang', '"!bang"'],
    ['a;b', 'a;b'],
  ];
  for (const [value, quoted] of cases) {
    it(`${JSON.stringify(value)} → ${quoted}`, () => {
      assert.equal(quoteCsvString(value, 'MINIMAL', ','), quoted);
      assert.deepEqual(splitCsvRecord(quoted, ','), { values: [value], quoted: [quoted.startsWith('"')] });
    });
  }

  it('ALL quotes everything; NONE writes raw and refuses values that would break the line', () => {
    assert.equal(quoteCsvString('x', 'ALL', ','), '"x"');
    assert.equal(quoteCsvString('x y', 'NONE', ','), 'x y');
    assert.throws(() => quoteCsvString('x,y', 'NONE', ','), /csv_string_quote_mode = NONE cannot write "x,y"/);
  });

  it('splits multi-character delimiters and keeps empty trailing fields', () => {
    assert.deepEqual(splitCsvRecord('a||"b||c"||', '||').values, ['a', 'b||c', '']);
  });
});

describe('exact JSON', () => {
  it('keeps number text, key order and odd keys', () => {
    const parsed = parseExactJson('{"b": 12345678901234567890123, "__proto__": [1.50e3, -0, null, "\\u00e9\\n"]}');
    assert.ok(parsed instanceof Map);
    assert.deepEqual([...parsed.keys()], ['b', '__proto__']);
    assert.deepEqual(parsed.get('b'), new JsonNumber('12345678901234567890123'));
    assert.equal(exactJsonText(parsed), '{"b":12345678901234567890123,"__proto__":[1.50e3,-0,null,"é\\n"]}');
  });

  it('rejects what JSON does not allow', () => {
    for (const bad of ['{a: 1}', '[1,]', '01', '"tab\there"', '{"a":1} x', 'NaN']) assert.throws(() => parseExactJson(bad), /at character/, bad);
  });
});

describe('date/time patterns', () => {
  it('formats with SeaTunnel patterns and never drops seconds or fraction digits', () => {
    assert.equal(formatTemporal('2024-03-04T05:06:07', compilePattern('yyyy-MM-dd HH:mm:ss')), '2024-03-04 05:06:07');
    assert.equal(formatTemporal('2024-03-04T05:06:07.250', compilePattern('yyyy-MM-dd HH:mm:ss')), '2024-03-04 05:06:07.25');
    assert.equal(formatTemporal('2024-03-04T05:06:07.123456789', compilePattern("yyyy-MM-dd'T'HH:mm:ss.SSS")), '2024-03-04T05:06:07.123456789');
    assert.equal(formatTemporal('2024-03-04T05:06:00', compilePattern('yyyy/M/d HH:mm')), '2024/3/4 05:06');
    assert.equal(formatTemporal('2024-03-04T05:06:07', compilePattern('yyyy/M/d HH:mm')), '2024/3/4 05:06:07');
    assert.equal(formatTemporal('2024-03-04', compilePattern('yyyy.MM.dd')), '2024.03.04');
  });

  it('reads the configured pattern first, then every known one', () => {
    const formats = temporalFormats('yyyy-MM-dd', 'yyyy/MM/dd HH:mm:ss', 'HH:mm:ss');
    for (const text of ['2024/03/04 05:06:07', '2024-03-04 05:06:07', '2024-03-04T05:06:07', '20240304050607', '2024/3/4 5:06:07']) {
      assert.equal(parseTimestampWith(formats.readDatetime, text), '2024-03-04T05:06:07', text);
    }
    assert.equal(parseTimestampWith(formats.readDatetime, '2024-02-30 00:00:00'), undefined);
  });

  it('rejects pattern letters it cannot honour', () => {
    assert.throws(() => compilePattern('yyyy-MM-dd zzz'), /pattern letter "z" is not supported/);
  });
});
