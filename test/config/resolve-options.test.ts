import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourcePosition } from '../../src/config/job-config.js';
import { resolveOptions } from '../../src/config/resolve-options.js';
import type { OptionSpec } from '../../src/core/option-spec.js';

const SPECS: OptionSpec[] = [
  { key: 'row.num', type: 'int', min: 1, default: 5, description: '' },
  { key: 'total', type: 'long', description: '' },
  { key: 'ratio', type: 'double', max: 1, description: '' },
  { key: 'log.print.data', type: 'boolean', default: true, description: '' },
  { key: 'mode', type: 'enum', values: ['BATCH', 'STREAMING'], description: '' },
  { key: 'names', type: 'list', elementType: 'string', description: '' },
  { key: 'ids', type: 'list', elementType: 'int', description: '' },
  { key: 'schema', type: 'object', description: '' },
  { key: 'query', type: 'string', required: true, fallbackKeys: ['sql'], description: '' },
];

function resolve(raw: Record<string, unknown>, positions = new Map<string, SourcePosition>()) {
  return resolveOptions(SPECS, { query: 'q', ...raw }, 'source[0]', positions);
}

describe('resolveOptions', () => {
  it('finds dotted keys written literally or as nested objects, and fallback keys', () => {
    assert.equal(resolve({ 'row.num': 7 }).values['row.num'], 7);
    assert.equal(resolve({ row: { num: 8 } }).values['row.num'], 8);
    assert.equal(resolve({ log: { 'print.data': false } }).values['log.print.data'], false);
    assert.equal(resolveOptions(SPECS, { sql: 'select 1' }, 'source[0]', new Map()).values.query, 'select 1');
  });

  it('fills defaults and leaves undeclared defaults undefined, with every declared key present', () => {
    const { values, problems } = resolve({});
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(values), SPECS.map((spec) => spec.key));
    assert.equal(values['row.num'], 5);
    assert.equal(values['log.print.data'], true);
    assert.equal(values.total, undefined);
  });

  it('coerces like Typesafe config: quoted numbers, boolean words, case-insensitive enums', () => {
    const { values, problems } = resolve({ row: { num: '10' }, ratio: '0.5', log: { print: { data: 'off' } }, mode: 'streaming', ids: ['1', 2], names: 'one' });
    assert.deepEqual(problems, []);
    assert.equal(values['row.num'], 10);
    assert.equal(values.ratio, 0.5);
    assert.equal(values['log.print.data'], false);
    assert.equal(values.mode, 'STREAMING');
    assert.deepEqual(values.ids, [1, 2]);
    assert.deepEqual(values.names, ['one']);
  });

  it('reads longs as numbers when safe and bigint beyond 2^53', () => {
    assert.equal(resolve({ total: 42 }).values.total, 42);
    assert.equal(resolve({ total: 733584788375666689n }).values.total, 733584788375666689n);
    assert.equal(resolve({ total: '733584788375666689' }).values.total, 733584788375666689n);
  });

  it('reports each bad value at its path and position and keeps the default', () => {
    const positions = new Map<string, SourcePosition>([
      ['source[0]', { line: 2, column: 3 }],
      ['source[0].row.num', { line: 3, column: 15 }],
      ['source[0].ids[1]', { line: 4, column: 14 }],
    ]);
    const { values, problems } = resolve({ row: { num: 'ten' }, ids: [1, 'x'], ratio: 2, mode: 'STREAM', total: 1.5, schema: 'no' }, positions);
    assert.equal(values['row.num'], 5);
    assert.deepEqual(
      problems.map((p) => [p.path, p.message, p.line, p.column]),
      [
        ['source[0].row.num', 'expected an integer, got "ten"', 3, 15],
        ['source[0].total', 'expected an integer, got 1.5', 2, 3],
        ['source[0].ratio', 'expected at most 1, got 2', 2, 3],
        ['source[0].mode', 'expected one of BATCH, STREAMING, got "STREAM"; did you mean STREAMING?', 2, 3],
        ['source[0].ids[1]', 'expected an integer, got "x"', 4, 14],
        ['source[0].schema', 'expected an object { ... }, got "no"', 2, 3],
      ],
    );
  });

  it('checks int range and min', () => {
    assert.deepEqual(
      resolve({ row: { num: 3000000000 } }).problems.map((p) => p.message),
      ['expected an integer between -2147483648 and 2147483647, got 3000000000'],
    );
    assert.deepEqual(resolve({ row: { num: 0 } }).problems.map((p) => p.message), ['expected at least 1, got 0']);
  });

  it('reports a missing required option at the block', () => {
    const positions = new Map([['source[0]', { line: 4, column: 3 }]]);
    const { problems } = resolveOptions(SPECS, {}, 'source[0]', positions);
    assert.deepEqual(problems, [{ path: 'source[0].query', message: 'required option is not set', line: 4, column: 3 }]);
  });

  it('warns about unknown keys with a suggestion, but not about prefixes, object contents or common keys', () => {
    const positions = new Map([['source[0].row.nm', { line: 6, column: 12 }]]);
    const raw = {
      row: { nm: 1 },
      querry: 'x',
      schema: { fields: { a: 'int' } },
      'schema.extra': 1,
      plugin_output: 't',
      parallelism: 2,
      zzz: 1,
    };
    const warnings = resolve(raw, positions).problems;
    assert.deepEqual(warnings, [
      { path: 'source[0].row.nm', message: 'unknown option "row.nm" is ignored; did you mean row.num?', severity: 'warning', line: 6, column: 12 },
      { path: 'source[0].querry', message: 'unknown option "querry" is ignored; did you mean query?', severity: 'warning' },
      { path: 'source[0].zzz', message: 'unknown option "zzz" is ignored', severity: 'warning' },
    ]);
  });
});
