import type { Expr } from '../sql-ast.js';
import type { Operand } from '../operand.js';
import type { QueryClock } from '../query-clock.js';

/** What a function needs to compile a call. */
export interface CallContext {
  /** The call node: its name as written and its position. */
  call: Extract<Expr, { kind: 'call' }>;
  clock: QueryClock;
}

/**
 * A SQL function of the Sql transform: its names (the first is the canonical one), how many
 * arguments it takes, and how a call compiles. `compile` checks the argument types (throwing a
 * SqlError at the offending argument) and returns the call's operand: its result type and its
 * evaluator, constant-folded when every argument is constant and the function is deterministic.
 */
export interface SqlFunction {
  names: readonly string[];
  minArgs: number;
  maxArgs: number;
  /** The signature for messages, e.g. `LPAD(string, length[, padding])`. */
  signature: string;
  compile(args: Operand[], context: CallContext): Operand;
}
