import { randomUUID } from 'node:crypto';
import { derived, type Evaluator, type Operand } from '../operand.js';
import { comparisonPlan } from '../sql-compare.js';
import { widening } from '../sql-convert.js';
import { SqlError } from '../sql-error.js';
import { commonType, STRING, typeName } from '../sql-types.js';
import type { CallContext, SqlFunction } from './sql-function.js';

/**
 * COALESCE, IFNULL / NVL, NULLIF and UUID (SeaTunnel's SystemFunction). The result of COALESCE
 * and IFNULL is the common type of the arguments (SeaTunnel takes the first argument's type, which
 * mislabels `COALESCE(int_col, bigint_col)`); NULLIF keeps the first argument's type.
 */
function coalesce(args: Operand[], c: CallContext): Operand {
  let type = (args[0] as Operand).type;
  for (const arg of args.slice(1)) {
    const common = commonType(type, arg.type);
    if (common === undefined) throw new SqlError(`${c.call.name.toUpperCase()} arguments must have one type: ${typeName(type)} and ${typeName(arg.type)} do not mix`, arg.node.pos);
    type = common;
  }
  const readers = args.map((arg): Evaluator => {
    const widen = widening(arg.type, type);
    if (widen === undefined) return arg.evaluate;
    const read = arg.evaluate;
    return (f) => {
      const v = read(f);
      return v == null ? null : widen(v);
    };
  });
  const count = readers.length;
  return derived(c.call, type, (f) => {
    for (let i = 0; i < count; i++) {
      const v = (readers[i] as Evaluator)(f);
      if (v != null) return v;
    }
    return null;
  }, args);
}

function nullif(args: Operand[], c: CallContext): Operand {
  const [a, b] = args as [Operand, Operand];
  const plan = comparisonPlan(a.type, b.type);
  if (plan === undefined) throw new SqlError(`NULLIF cannot compare ${typeName(a.type)} with ${typeName(b.type)}`, b.node.pos);
  const { left, right, compare } = plan;
  const readA = a.evaluate;
  const readB = b.evaluate;
  return derived(c.call, a.type, (f) => {
    const x = readA(f);
    if (x == null) return null;
    const y = readB(f);
    if (y == null) return x;
    return compare(left === undefined ? x : left(x), right === undefined ? y : right(y)) === 0 ? null : x;
  }, args);
}

export const SYSTEM_FUNCTIONS: readonly SqlFunction[] = [
  { names: ['COALESCE'], minArgs: 1, maxArgs: Infinity, signature: 'COALESCE(a, b[, ...])', compile: coalesce },
  { names: ['IFNULL', 'NVL'], minArgs: 2, maxArgs: 2, signature: 'IFNULL(a, b)', compile: coalesce },
  { names: ['NULLIF'], minArgs: 2, maxArgs: 2, signature: 'NULLIF(a, b)', compile: nullif },
  { names: ['UUID'], minArgs: 0, maxArgs: 0, signature: 'UUID()', compile: (args, c) => derived(c.call, STRING, () => randomUUID(), args, false) },
];
