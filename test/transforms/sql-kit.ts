import assert from 'node:assert/strict';
import { formatDataType } from '../../src/core/data-type.js';
import { OptionError } from '../../src/core/errors.js';
import type { Row } from '../../src/core/row.js';
import type { TableSchema } from '../../src/core/table.js';
import { sqlTransform } from '../../src/transforms/sql/sql.js';
import { bind, row, table } from './transform-harness.js';

/** Test support for the Sql transform: bind a query to a table, map rows, read names, types and values. */

export const PEOPLE = (): TableSchema => table('fake', { id: 'int', name: 'string', age: 'int' }, { primaryKey: { name: 'pk', columns: ['id'] } });

export function people(): Row[] {
  return [row([1, 'Joy Ding', 20]), row([2, 'May Ding', 21], '-U'), row([3, 'Kin Dom', 24], '+U'), row([4, null, null], '-D')];
}

export interface SqlResult {
  names: string[];
  types: string[];
  rows: unknown[][];
  out: Row[];
  output: TableSchema;
}

export function sql(query: string, input: TableSchema, rows: Row[]): SqlResult {
  const bound = bind(sqlTransform, { query }, input);
  const out = bound.map(rows);
  return {
    names: bound.output.columns.map((c) => c.name),
    types: bound.output.columns.map((c) => formatDataType(c.type)),
    rows: out.map((r) => r.fields),
    out,
    output: bound.output,
  };
}

/** The value of one expression over one row of `fields` (`{ a: ['int', 5] }`). */
export function value(expression: string, fields: Record<string, [string, unknown]> = {}): unknown {
  const input = table('t', Object.fromEntries(Object.entries(fields).map(([name, [type]]) => [name, type])));
  const result = sql(`select ${expression} as v from t`, input, [row(Object.values(fields).map(([, v]) => v), '+I', 't')]);
  return result.rows[0]?.[0];
}

/** The type of one expression over a table of `fields`. */
export function typeOf(expression: string, fields: Record<string, string> = {}): string {
  return sql(`select ${expression} as v from t`, table('t', fields), []).types[0] as string;
}

/** Asserts that binding fails with an OptionError on `query` whose message is `message` (or matches it). */
export function bindFails(query: string, input: TableSchema, message: string | RegExp): void {
  assert.throws(
    () => bind(sqlTransform, { query }, input),
    (error: unknown) => {
      assert.ok(error instanceof OptionError, String(error));
      assert.equal(error.option, 'query');
      if (typeof message === 'string') assert.equal(error.message, message);
      else assert.match(error.message, message);
      return true;
    },
  );
}

/** Asserts that mapping fails at run time with a message matching `message`. */
export function mapFails(query: string, input: TableSchema, rows: Row[], message: RegExp): void {
  const bound = bind(sqlTransform, { query }, input);
  assert.throws(() => bound.map(rows), message);
}
