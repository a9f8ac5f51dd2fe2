import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError, SluiceError } from '../../src/core/errors.js';
import { jsonPathTransform } from '../../src/transforms/json-path/json-path.js';
import { bind, problems, row, run, table } from './transform-harness.js';

const input = () => table('fake', { id: 'int', data: 'string' });

/** Reads `path` from the JSON text into a `dest_type` column and returns the value. */
function read(json: string | null, path: string, destType?: string, extra: Record<string, unknown> = {}): unknown {
  const column: Record<string, unknown> = { src_field: 'data', path, dest_field: 'out', ...extra };
  if (destType !== undefined) column['dest_type'] = destType;
  const { fields } = run(jsonPathTransform, { columns: [column] }, input(), [row([1, json])]);
  return fields[0]![2];
}

const DOC = JSON.stringify({
  data: {
    c_string: 'this is a string',
    c_boolean: true,
    c_integer: 42,
    c_float: 3.14,
    c_double: 3.14,
    c_decimal: 10.55,
    c_date: '2023-10-29',
    c_datetime: '16:12:43.459',
    c_array: ['item1', 'item2', 'item3'],
    c_map_array: [{ c_string_1: 'c_string_1', c_string_2: 'c_string_2' }, { c_string_1: 'x', c_string_2: 'y' }],
  },
});

describe('JsonPath', () => {
  it('extracts typed columns (SeaTunnel docs example)', () => {
    const columns = [
      ['$.data.c_string', 'c1_string', undefined],
      ['$.data.c_boolean', 'c1_boolean', 'boolean'],
      ['$.data.c_integer', 'c1_integer', 'int'],
      ['$.data.c_float', 'c1_float', 'float'],
      ['$.data.c_double', 'c1_double', 'double'],
      ['$.data.c_decimal', 'c1_decimal', 'decimal(4,2)'],
      ['$.data.c_date', 'c1_date', 'date'],
      ['$.data.c_datetime', 'c1_datetime', 'time'],
      ['$.data.c_array', 'c1_array', 'array<string>'],
      ['$.data.c_map_array', 'c1_map_array', 'array<map<string, string>>'],
    ].map(([path, dest, type]) => ({ src_field: 'data', path, dest_field: dest, ...(type === undefined ? {} : { dest_type: type }) }));
    const { names, fields, bound } = run(jsonPathTransform, { columns }, input(), [row([7, DOC], '+U')]);
    assert.deepEqual(names, ['id', 'data', ...columns.map((c) => c.dest_field)]);
    assert.deepEqual(bound.output.columns.slice(2).map((c) => c.type.kind), ['string', 'boolean', 'int', 'float', 'double', 'decimal', 'date', 'time', 'array', 'array']);
    assert.deepEqual(fields[0]!.slice(2), [
      'this is a string',
      true,
      42,
      3.14,
      3.14,
      '10.55',
      '2023-10-29',
      '16:12:43.459',
      ['item1', 'item2', 'item3'],
      [new Map([['c_string_1', 'c_string_1'], ['c_string_2', 'c_string_2']]), new Map([['c_string_1', 'x'], ['c_string_2', 'y']])],
    ]);
  });

  it('writes strings as SeaTunnel does: containers as compact JSON, numbers as Java prints them', () => {
    assert.equal(read('{"a":{"b":[1,"x",null],"c":true}}', '$.a'), '{"b":[1,"x",null],"c":true}');
    assert.equal(read('{"a":3.10}', '$.a'), '3.1');
    assert.equal(read('{"a":1e2}', '$.a'), '100.0');
    assert.equal(read('{"a":1.5e20}', '$.a'), '1.5E20');
    assert.equal(read('{"a":12345678901234567890}', '$.a'), '12345678901234567890');
    assert.equal(read('{"a":"tab\\there \\u0001"}', '$.a'), 'tab\there \u0001');
    assert.equal(read('{"a":["q\\"", "\\u0001"]}', '$.a'), '["q\\"","\\u0001"]');
  });

  it('supports the common JSONPath forms', () => {
    const json = '{"a":{"b":[10,20,30]},"it.em":{"name":"x"},"list":[{"name":"p"},{"name":"q"}]}';
    assert.equal(read(json, "$['it.em'].name"), 'x');
    assert.equal(read(json, '$["a"]["b"][0]', 'int'), 10);
    assert.equal(read(json, '$.a.b[-1]', 'int'), 30);
    assert.equal(read(json, 'a.b[1]', 'int'), 20, 'a path without $ gets $. in front, as in Jayway');
    assert.deepEqual(read(json, '$.a.b[*]', 'array<int>'), [10, 20, 30]);
    assert.deepEqual(read(json, '$.a.b[0,2]', 'array<int>'), [10, 30]);
    assert.deepEqual(read(json, '$.a.b[1:]', 'array<int>'), [20, 30]);
    assert.deepEqual(read(json, '$.a.b[:2]', 'array<int>'), [10, 20]);
    assert.deepEqual(read(json, '$.a.b[-2:]', 'array<int>'), [20, 30]);
    assert.deepEqual(read(json, '$.list[*].name', 'array<string>'), ['p', 'q']);
    assert.deepEqual(read(json, '$..name', 'array<string>'), ['x', 'p', 'q']);
    assert.equal(read(json, '$.list[*].name'), '["p","q"]');
    assert.equal(read(json, '$.list[*].missing'), '[]', 'an indefinite path with no match reads as an empty list');
    assert.equal(read(json, "$.list[0]['name','nope']"), '{"name":"p"}');
    assert.equal(read('[1,2]', '$'), '[1,2]');
  });

  it('keeps bigints and decimals exact', () => {
    assert.equal(read('{"a":9007199254740993}', '$.a', 'bigint'), 9007199254740993n);
    assert.equal(read('{"a":"-9223372036854775808"}', '$.a', 'bigint'), -9223372036854775808n);
    assert.equal(read('{"a":12345678901234567.891}', '$.a', 'decimal(20, 2)'), '12345678901234567.89');
    assert.equal(read('{"a":1.005}', '$.a', 'decimal(10, 2)'), '1.01', 'rounded half-up to the scale');
    assert.equal(read('{"a":"-0.5"}', '$.a', 'decimal(3, 0)'), '-1');
    assert.equal(read('{"a":2}', '$.a', 'decimal(5, 2)'), '2.00');
    assert.equal(read('{"a":"1E+3"}', '$.a', 'decimal(6, 1)'), '1000.0');
  });

  it('converts numbers the way SeaTunnel does', () => {
    assert.equal(read('{"a":42.9}', '$.a', 'int'), 42, 'a JSON number is truncated');
    assert.equal(read('{"a":" 42 "}', '$.a', 'int'), 42, 'text is trimmed and parsed');
    assert.equal(read('{"a":"-7"}', '$.a', 'smallint'), -7);
    assert.equal(read('{"a":"1e3"}', '$.a', 'double'), 1000);
    assert.equal(read('{"a":"2.5f"}', '$.a', 'float'), 2.5);
    assert.equal(read('{"a":1e39}', '$.a', 'float'), Infinity);
    assert.equal(read('{"a":"NaN"}', '$.a', 'double'), NaN);
    assert.equal(read('{"a":"TRUE"}', '$.a', 'boolean'), true);
    assert.equal(read('{"a":"yes"}', '$.a', 'boolean'), false);
    assert.equal(read('{"a":null}', '$.a', 'int'), null);
    for (const [json, type] of [['{"a":"42.9"}', 'int'], ['{"a":3.0}', 'tinyint'], ['{"a":200}', 'tinyint'], ['{"a":3000000000}', 'int'], ['{"a":"abc"}', 'double'], ['{"a":"12,5"}', 'decimal(4,1)'], ['{"a":123.4}', 'decimal(3,1)']] as const) {
      assert.throws(() => read(json, '$.a', type), SluiceError, `${json} as ${type}`);
    }
  });

  it('converts dates and times from the formats SeaTunnel recognises', () => {
    assert.equal(read('{"a":"2024/05/20"}', '$.a', 'date'), '2024-05-20');
    assert.equal(read('{"a":20240520}', '$.a', 'date'), '2024-05-20');
    assert.equal(read('{"a":""}', '$.a', 'date'), null);
    assert.equal(read('{"a":"12:00:00.500"}', '$.a', 'time'), '12:00:00.5');
    assert.equal(read('{"a":"2024-05-20 12:34:56.120"}', '$.a', 'timestamp'), '2024-05-20T12:34:56.12');
    assert.equal(read('{"a":"2024-05-20T12:34:56+08:00"}', '$.a', 'timestamp'), '2024-05-20T12:34:56');
    assert.equal(read('{"a":"2024-5-2 9:05:01"}', '$.a', 'timestamp'), '2024-05-02T09:05:01');
    assert.equal(read('{"a":"20240520123456"}', '$.a', 'timestamp'), '2024-05-20T12:34:56');
    assert.throws(() => read('{"a":"2023-02-30"}', '$.a', 'date'), SluiceError);
    assert.throws(() => read('{"a":"25:00:00"}', '$.a', 'time'), SluiceError);
  });

  it('converts to rows, maps and bytes', () => {
    assert.deepEqual(read('{"a":{"x":1,"y":"s"}}', '$.a', '{x = int, y = string, z = int}'), [1, 's', null]);
    assert.deepEqual(read('{"a":[1,"s"]}', '$.a', 'row<x int, y string>'), [1, 's']);
    assert.deepEqual(read('{"a":{"1":"2"}}', '$.a', 'map<int, bigint>'), new Map([[1, 2n]]));
    assert.deepEqual(read('{"a":"AQI="}', '$.a', 'bytes'), new Uint8Array([1, 2]));
    assert.throws(() => read('{"a":"x"}', '$.a', 'array<string>'), SluiceError);
  });

  it('gives null for a null source field, without error', () => {
    assert.equal(read(null, '$.a', 'int'), null);
  });

  it('fails the job on a read error by default, with a message naming the column', () => {
    assert.throws(
      () => read('{"b":1}', '$.a'),
      (e: unknown) => e instanceof SluiceError && e.code === 'PLUGIN_FAILED' && /columns\[0\] \(src_field data, path \$\.a, dest_field out/.test(e.message) && /no results/.test(e.message),
    );
    assert.throws(() => read('{not json', '$.a'), (e: unknown) => e instanceof SluiceError && /invalid JSON/.test(e.message));
    assert.throws(() => read('{"a":"text"}', '$.a.b'), /expected an object/);
    assert.throws(() => read('{"a":{}}', '$.a[0]'), /expected an array/);
  });

  describe('error handling', () => {
    const rows = () => [row([1, '{"f1":"a","f2":"b"}']), row([2, '{"f2":"only"}']), row([3, 'oops'])];
    const columns = (way1?: string) => [
      { src_field: 'data', path: '$.f1', dest_field: 'f1', ...(way1 === undefined ? {} : { column_error_handle_way: way1 }) },
      { src_field: 'data', path: '$.f2', dest_field: 'f2' },
    ];

    it('row_error_handle_way = SKIP drops rows with any error', () => {
      const { fields } = run(jsonPathTransform, { columns: columns(), row_error_handle_way: 'SKIP' }, input(), rows());
      assert.deepEqual(fields, [[1, '{"f1":"a","f2":"b"}', 'a', 'b']]);
    });

    it('column SKIP nulls that column and keeps the row; other columns follow the row way', () => {
      const { fields } = run(jsonPathTransform, { columns: columns('SKIP'), row_error_handle_way: 'SKIP' }, input(), rows());
      assert.deepEqual(fields.map((f) => f.slice(2)), [['a', 'b'], [null, 'only']]);
      assert.throws(() => run(jsonPathTransform, { columns: columns('SKIP') }, input(), rows()), SluiceError, 'f2 of row 3 fails');
    });

    it('column SKIP_ROW drops the row even when the row way is FAIL', () => {
      const twoRows = rows().slice(0, 2);
      const { fields } = run(jsonPathTransform, { columns: columns('skip_row') }, input(), twoRows);
      assert.deepEqual(fields.map((f) => f[0]), [1]);
    });

    it('column FAIL fails the job even when the row way is SKIP', () => {
      assert.throws(() => run(jsonPathTransform, { columns: columns('FAIL'), row_error_handle_way: 'SKIP' }, input(), rows()), SluiceError);
    });
  });

  it('reads row sources as the JSON array of their fields (SeaTunnel docs example)', () => {
    const rowTable = table('fake', { col: '{name = string, age = int}', other: 'string' });
    const { names, fields } = run(jsonPathTransform, {
      columns: [
        { src_field: 'col', path: '$[0]', dest_field: 'name', dest_type: 'string' },
        { src_field: 'col', path: '$[1]', dest_field: 'age', dest_type: 'int' },
        { src_field: 'col', path: '$', dest_field: 'col_json' },
      ],
    }, rowTable, [row([['a', 18], 'x'])]);
    assert.deepEqual(names, ['col', 'other', 'name', 'age', 'col_json']);
    assert.deepEqual(fields[0]!.slice(2), ['a', 18, '["a",18]']);
  });

  it('reads map, array and bytes sources', () => {
    const typed = table('fake', { m: 'map<string, double>', a: 'array<bigint>', b: 'bytes' });
    const { fields } = run(jsonPathTransform, {
      columns: [
        { src_field: 'm', path: '$.k', dest_field: 'k' },
        { src_field: 'a', path: '$[1]', dest_field: 'second', dest_type: 'bigint' },
        { src_field: 'b', path: '$.x', dest_field: 'x', dest_type: 'int' },
      ],
    }, typed, [row([new Map([['k', 2]]), [1n, 9007199254740993n], new TextEncoder().encode('{"x":5}')])]);
    assert.deepEqual(fields[0]!.slice(3), ['2.0', 9007199254740993n, 5]);
  });

  it('overwrites a dest_field the table has, with the new type', () => {
    const { names, fields, bound } = run(jsonPathTransform, { columns: [{ src_field: 'data', path: '$.n', dest_field: 'id', dest_type: 'string' }] }, input(), [row([1, '{"n":5}'])]);
    assert.deepEqual(names, ['id', 'data']);
    assert.equal(bound.output.columns[0]!.type.kind, 'string');
    assert.deepEqual(fields, [['5', '{"n":5}']]);
  });

  it('refuses unusable columns at bind time, naming the exact option', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ src_field: 'nope' }, 'columns[0].src_field', /^field "nope" is not in table fake \(fields: id, data\)$/],
      [{ src_field: 'id' }, 'columns[0].src_field', /is int; JsonPath reads string, bytes, array, map or row fields/],
      [{ path: '$.a[?(@.b > 1)]' }, 'columns[0].path', /filter expressions/],
      [{ path: '$.a.length()' }, 'columns[0].path', /functions/],
      [{ dest_type: 'integr' }, 'columns[0].dest_type', /unknown type "integr"/],
      [{ dest_field: ' ' }, 'columns[0].dest_field', /required/],
      [{ column_error_handle_way: 'IGNORE' }, 'columns[0].column_error_handle_way', /FAIL, SKIP, SKIP_ROW/],
    ];
    for (const [override, option, message] of cases) {
      const column = { src_field: 'data', path: '$.a', dest_field: 'a', ...override };
      assert.throws(() => bind(jsonPathTransform, { columns: [column] }, input()), (e: unknown) => e instanceof OptionError && e.option === option && message.test(e.message), option);
    }
    const twice = [{ src_field: 'data', path: '$.a', dest_field: 'a' }, { src_field: 'data', path: '$.b', dest_field: 'a' }];
    assert.throws(() => bind(jsonPathTransform, { columns: twice }, input()), (e: unknown) => e instanceof OptionError && e.option === 'columns');
    assert.throws(() => bind(jsonPathTransform, { columns: [] }, input()), (e: unknown) => e instanceof OptionError && e.option === 'columns');
  });

  it('validates every column at once and warns about unknown keys', () => {
    const columns = [{ src_field: 'data', path: '$.a', dest_field: 'a', dest_typ: 'int' }, { path: '', dest_field: 'b' }];
    assert.deepEqual(problems(jsonPathTransform, { columns }), [
      'columns[1].src_field: src_field is required and must be a non-blank string',
      'columns[1].path: path is required and must be a non-blank string',
    ]);
    assert.match(problems(jsonPathTransform, { columns }, true)[0]!, /^columns\[0\]\.dest_typ: unknown key/);
  });
});
