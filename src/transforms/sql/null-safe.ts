import type { Evaluator, Operand } from './operand.js';

/**
 * A two-argument evaluator that is NULL when either side is, with fast paths for a column or a
 * constant on either side (no closure call to read them).
 */
export function nullSafe(left: Operand, right: Operand, l: Evaluator, r: Evaluator, fn: (a: unknown, b: unknown) => unknown): Evaluator {
  const li = l === left.evaluate ? left.columnIndex : undefined;
  const ri = r === right.evaluate ? right.columnIndex : undefined;
  if (right.constant) {
    const b = r([]);
    if (b == null) return () => null;
    if (li !== undefined) return (f) => {
      const a = f[li];
      return a == null ? null : fn(a, b);
    };
    return (f) => {
      const a = l(f);
      return a == null ? null : fn(a, b);
    };
  }
  if (left.constant) {
    const a = l([]);
    if (a == null) return () => null;
    if (ri !== undefined) return (f) => {
      const b = f[ri];
      return b == null ? null : fn(a, b);
    };
    return (f) => {
      const b = r(f);
      return b == null ? null : fn(a, b);
    };
  }
  if (li !== undefined && ri !== undefined) {
    return (f) => {
      const a = f[li];
      if (a == null) return null;
      const b = f[ri];
      return b == null ? null : fn(a, b);
    };
  }
  return (f) => {
    const a = l(f);
    if (a == null) return null;
    const b = r(f);
    return b == null ? null : fn(a, b);
  };
}

