import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionError } from '../../src/core/errors.js';
import type { RowKind } from '../../src/core/row-kind.js';
import { filterRowKindTransform } from '../../src/transforms/filter-row-kind.js';
import { bind, problems, row, run, table } from './transform-harness.js';

const input = () => table('fake', { id: 'int' });
const changelog = () => (['+I', '-U', '+U', '-D', '+I'] as RowKind[]).map((kind, i) => row([i], kind));

describe('FilterRowKind', () => {
  it('include_kinds keeps only those kinds, in order', () => {
    const { out, bound } = run(filterRowKindTransform, { include_kinds: ['INSERT'] }, input(), changelog());
    assert.deepEqual(out.map((r) => [r.kind, r.fields[0]]), [['+I', 0], ['+I', 4]]);
    assert.deepEqual(bound.output, input());
  });

  it('exclude_kinds drops those kinds', () => {
    const { out } = run(filterRowKindTransform, { exclude_kinds: ['DELETE', 'UPDATE_BEFORE'] }, input(), changelog());
    assert.deepEqual(out.map((r) => r.kind), ['+I', '+U', '+I']);
  });

  it('accepts kind names in any case and the short forms', () => {
    const { out } = run(filterRowKindTransform, { include_kinds: ['update_after', '-D'] }, input(), changelog());
    assert.deepEqual(out.map((r) => r.kind), ['+U', '-D']);
  });

  it('needs exactly one non-empty list', () => {
    for (const options of [{}, { include_kinds: ['INSERT'], exclude_kinds: ['DELETE'] }, { include_kinds: [] }]) {
      assert.equal(problems(filterRowKindTransform, options).length, 1, JSON.stringify(options));
      assert.throws(() => bind(filterRowKindTransform, options, input()), OptionError);
    }
  });

  it('refuses an unknown kind, naming the option', () => {
    assert.throws(
      () => bind(filterRowKindTransform, { exclude_kinds: ['UPSERT'] }, input()),
      (e: unknown) => e instanceof OptionError && e.option === 'exclude_kinds' && /unknown row kind "UPSERT"/.test(e.message),
    );
  });
});
