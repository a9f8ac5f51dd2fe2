import type { DataType } from '../../core/data-type.js';
import { unscaledOf } from './exact-decimal.js';
import { exactPair } from './exact-literals.js';
import { temporalLiteral } from './literal-coercion.js';
import { nullSafe } from './null-safe.js';
import { constant, derived, type Evaluator, type Operand } from './operand.js';
import type { Expr } from './sql-ast.js';
import { comparisonPlan, jsCompare, normalTime, type ComparisonPlan } from './sql-compare.js';
import { widening } from './sql-convert.js';
import { SqlError } from './sql-error.js';
import { BOOLEAN, commonType, isNumeric, typeName } from './sql-types.js';

/**
 * Comparisons, IN and BETWEEN. Numbers compare exactly across types, string literals beside
 * temporal values are read as such, and NULL makes a comparison unknown (three-valued logic).
 */
export function comparisonFor(left: Operand, right: Operand, pos: number, what: string): ComparisonPlan {
  const plan = comparisonPlan(left.type, right.type);
  if (plan === undefined) {
    const hint = isNumeric(left.type) !== isNumeric(right.type) && (left.type.kind === 'string' || right.type.kind === 'string') ? 'CAST one side to the other\'s type' : undefined;
    throw new SqlError(`cannot ${what} ${typeName(left.type)} with ${typeName(right.type)}`, pos, hint);
  }
  return plan;
}

const TESTS: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

/** Direct JS operators, exact for numbers, bigints, strings and booleans of any mix the plan allows. */
const DIRECT: Record<string, (a: unknown, b: unknown) => boolean> = {
  '=': (a, b) => a == b,
  '<>': (a, b) => a != b,
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

export function comparison(node: Extract<Expr, { kind: 'binary' }>, op: string, leftIn: Operand, rightIn: Operand): Operand {
  let [left, right] = exactPair(leftIn, rightIn);
  left = temporalLiteral(right, left);
  right = temporalLiteral(left, right);
  const plan = comparisonFor(left, right, node.pos, 'compare');
  if (left.type.kind === 'null' || right.type.kind === 'null') return constant(null, BOOLEAN, node);
  const { compare } = plan;
  const lc = plan.left;
  const rc = plan.right;
  let fn: (a: unknown, b: unknown) => unknown;
  if (lc === undefined && rc === undefined && compare === jsCompare) {
    fn = DIRECT[op] as (a: unknown, b: unknown) => boolean;
  } else {
    const test = TESTS[op] as (c: number) => boolean;
    if (right.constant && rc !== undefined && right.value != null) {
      const b = rc(right.value);
      right = constant(b, right.type, right.node);
      fn = lc === undefined ? (x, y) => test(compare(x, y)) : (x, y) => test(compare(lc(x), y));
    } else {
      fn = (x, y) => test(compare(lc === undefined ? x : lc(x), rc === undefined ? y : rc(y)));
    }
  }
  return derived(node, BOOLEAN, nullSafe(left, right, left.evaluate, right.evaluate, fn), [left, right]);
}

/** A value's key for IN lookups: equal keys exactly when the values compare equal as `type`. */
function keyOf(type: DataType): ((v: unknown) => unknown) | undefined {
  switch (type.kind) {
    case 'decimal': {
      const scale = type.scale;
      return (v) => unscaledOf(v as string, scale);
    }
    case 'time':
    case 'timestamp':
      return normalTime;
    case 'bytes':
      return (v) => Buffer.from(v as Uint8Array).toString('hex');
    case 'array':
    case 'map':
    case 'row':
      return undefined;
    default:
      return (v) => v;
  }
}

/** `x [NOT] IN (a, b, ...)`: NULL when x is NULL, or when nothing matches and the list holds a NULL. */
export function inList(node: Extract<Expr, { kind: 'in' }>, operandIn: Operand, itemsIn: Operand[]): Operand {
  let operand = operandIn;
  const items = itemsIn.map((item) => {
    const [o, i] = exactPair(operand, item);
    operand = o;
    return temporalLiteral(operand, i);
  });
  let type = operand.type;
  for (const item of items) {
    comparisonFor(operand, item, item.node.pos, 'compare');
    const common = commonType(type, item.type);
    if (common === undefined) throw new SqlError(`cannot compare ${typeName(operand.type)} with ${typeName(item.type)}`, item.node.pos);
    type = common;
  }
  const not = node.not;
  const key = keyOf(type);
  const widen = (operandType: DataType): ((v: unknown) => unknown) => {
    const w = widening(operandType, type);
    const k = key as (v: unknown) => unknown;
    return w === undefined ? k : (v) => k(w(v));
  };
  const read = operand.evaluate;
  if (key !== undefined && items.every((item) => item.constant) && (type.kind !== 'double' && type.kind !== 'float')) {
    const keys = new Set<unknown>();
    let hasNull = false;
    for (const item of items) {
      if (item.value == null) hasNull = true;
      else keys.add(widen(item.type)(item.value));
    }
    const operandKey = widen(operand.type);
    const missing = hasNull ? null : not;
    return derived(node, BOOLEAN, (f) => {
      const v = read(f);
      if (v == null) return null;
      return keys.has(operandKey(v)) ? !not : missing;
    }, [operand, ...items]);
  }
  const plans = items.map((item) => comparisonFor(operand, item, item.node.pos, 'compare'));
  const readers = items.map((item) => item.evaluate);
  return derived(node, BOOLEAN, (f) => {
    const v = read(f);
    if (v == null) return null;
    let sawNull = false;
    for (let i = 0; i < readers.length; i++) {
      const w = (readers[i] as Evaluator)(f);
      if (w == null) {
        sawNull = true;
        continue;
      }
      const plan = plans[i] as ComparisonPlan;
      if (plan.compare(plan.left === undefined ? v : plan.left(v), plan.right === undefined ? w : plan.right(w)) === 0) return !not;
    }
    return sawNull ? null : not;
  }, [operand, ...items]);
}

/** `x [NOT] BETWEEN low AND high`, as `x >= low AND x <= high` with three-valued logic. */
export function between(node: Extract<Expr, { kind: 'between' }>, operandIn: Operand, lowIn: Operand, highIn: Operand): Operand {
  let [operand, low] = exactPair(operandIn, lowIn);
  let high: Operand;
  [operand, high] = exactPair(operand, highIn);
  low = temporalLiteral(operand, low);
  high = temporalLiteral(operand, high);
  const lowPlan = comparisonFor(operand, low, low.node.pos, 'compare');
  const highPlan = comparisonFor(operand, high, high.node.pos, 'compare');
  const read = operand.evaluate;
  const readLow = low.evaluate;
  const readHigh = high.evaluate;
  const not = node.not;
  const side = (plan: ComparisonPlan, v: unknown, w: unknown): number => plan.compare(plan.left === undefined ? v : plan.left(v), plan.right === undefined ? w : plan.right(w));
  return derived(node, BOOLEAN, (f) => {
    const v = read(f);
    if (v == null) return null;
    const lo = readLow(f);
    const hi = readHigh(f);
    const aboveLow = lo == null ? null : side(lowPlan, v, lo) >= 0;
    const belowHigh = hi == null ? null : side(highPlan, v, hi) <= 0;
    let inside: boolean | null;
    if (aboveLow === false || belowHigh === false) inside = false;
    else if (aboveLow === null || belowHigh === null) inside = null;
    else inside = true;
    return inside === null ? null : inside !== not;
  }, [operand, low, high]);
}

