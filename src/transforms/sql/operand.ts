import type { DataType } from '../../core/data-type.js';
import type { Expr } from './sql-ast.js';

/** Computes an expression's value from the fields of an input row. Never called with a missing row. */
export type Evaluator = (fields: unknown[]) => unknown;

/**
 * A compiled expression: its type, how to compute it, and what is known about it at bind time.
 * Values follow value.ts (bigint for bigint, decimal text with exactly the type's scale, ISO text
 * for temporal values); null stands for SQL NULL.
 */
export interface Operand {
  type: DataType;
  evaluate: Evaluator;
  /** True when the value is the same for every row and `value` holds it (literals, folded expressions). */
  constant: boolean;
  value?: unknown;
  node: Expr;
  /**
   * A numeric literal written with a fraction (`1.5`): typed double as in SeaTunnel, but exact
   * when it meets a decimal (`price * 1.1` stays decimal).
   */
  decimalLiteral?: { unscaled: bigint; precision: number; scale: number };
  /** Set for a plain read of input column `columnIndex` (lets operators read the field directly). */
  columnIndex?: number;
}

export function constant(value: unknown, type: DataType, node: Expr): Operand {
  return { type, evaluate: () => value, constant: true, value, node };
}

/** An operand with a new evaluator and type, constant-folded when every input is constant and the computation is deterministic. */
export function derived(node: Expr, type: DataType, evaluate: Evaluator, inputs: readonly Operand[], deterministic = true): Operand {
  if (deterministic && inputs.every((input) => input.constant)) {
    try {
      return constant(evaluate([]), type, node);
    } catch {
      // Left to fail at run time, where CASE may never reach it.
    }
  }
  return { type, evaluate, constant: false, node };
}
