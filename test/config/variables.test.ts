import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHocon } from '../../src/config/hocon-parser.js';
import { objectToValue } from '../../src/config/object-to-value.js';
import { createVariableResolver } from '../../src/config/variable-resolver.js';

function substituted(text: string, variables: Record<string, string>, env: Record<string, string> = {}) {
  const { root, problems } = parseHocon(text, { resolve: createVariableResolver(variables, env) });
  return { value: objectToValue(root, '', new Map()), problems };
}

describe('variable substitution', () => {
  it('resolves ${var}, ${var:default} and ${var:}', () => {
    const { value, problems } = substituted('a = ${name}\nb = ${missing:fallback}\nc = ${missing:}\nd = ${name:unused}', { name: 'job1' });
    assert.deepEqual(problems, []);
    assert.deepEqual(value, { a: 'job1', b: 'fallback', c: '', d: 'job1' });
  });

  it('prefers -i variables over environment variables, and falls back to the environment', () => {
    const { value } = substituted('a = ${X}\nb = ${Y}', { X: 'from-i' }, { X: 'from-env', Y: 'env-only' });
    assert.deepEqual(value, { a: 'from-i', b: 'env-only' });
  });

  it('types a whole-value substitution as if its text were written there', () => {
    const { value } = substituted('n = ${N}\nb = ${B}\ns = "${N}"', { N: '10', B: 'true' });
    assert.deepEqual(value, { n: 10, b: true, s: '10' });
  });

  it('substitutes inside quoted strings, triple-quoted strings and concatenations', () => {
    const { value } = substituted('q = "select * from ${t}"\nm = """a\n${t}"""\nc = prefix_${t}_suffix', { t: 'users' });
    assert.deepEqual(value, { q: 'select * from users', m: 'a\nusers', c: 'prefix_users_suffix' });
  });

  it('never substitutes the reserved sink placeholders', () => {
    const text = 'table = "${table_name}_copy"\nkey = ${primary_key}\nall = "${database_name}.${schema_name}.${table_full_name}"';
    const { value, problems } = substituted(text, { table_name: 'nope', primary_key: 'nope' });
    assert.deepEqual(problems, []);
    assert.deepEqual(value, { table: '${table_name}_copy', key: '${primary_key}', all: '${database_name}.${schema_name}.${table_full_name}' });
  });

  it('drops a field whose ${?var} is unset and keeps it when set', () => {
    assert.deepEqual(substituted('a = ${?A}\nb = 1', {}).value, { b: 1 });
    assert.deepEqual(substituted('a = ${?A}\nb = 1', { A: 'x' }).value, { a: 'x', b: 1 });
  });

  it('reports every missing variable with its line and column', () => {
    const { problems } = substituted('a = ${password}\nb = "jdbc:${host}/db"', {});
    assert.deepEqual(problems, [
      { path: '', message: "variable 'password' is not set; pass -i password=value or set the environment variable password", line: 1, column: 5 },
      { path: '', message: "variable 'host' is not set; pass -i host=value or set the environment variable host", line: 2, column: 11 },
    ]);
  });

  it('keeps substitutions literally when no resolver is given', () => {
    const { root, problems } = parseHocon('a = ${password}\nb = "x ${y}"');
    assert.deepEqual(problems, []);
    assert.deepEqual(objectToValue(root, '', new Map()), { a: '${password}', b: 'x ${y}' });
  });
});
