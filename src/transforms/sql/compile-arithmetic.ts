import { checkPrecision, decimalText, pow10, rescale, smallDecimalText, smallUnscaled, unscaledOf } from './exact-decimal.js';
import { exactPair } from './exact-literals.js';
import { nullSafe } from './null-safe.js';
import { constant, derived, type Evaluator, type Operand } from './operand.js';
import type { Expr } from './sql-ast.js';
import { SqlError, SqlEvaluationError } from './sql-error.js';
import { asDecimal, BIGINT, BIGINT_MAX, BIGINT_MIN, decimalResult, DOUBLE, INT, INT_MAX, INT_MIN, isFloating, isInteger, isNumeric, isSmallInteger, typeName } from './sql-types.js';

/**
 * `+ - * / %` with SeaTunnel's result types (int, bigint, double), exact: integer overflow and
 * division by zero fail the row instead of wrapping; decimals are computed on bigints.
 */
export function arithmetic(node: Extract<Expr, { kind: 'binary' }>, op: '+' | '-' | '*' | '/' | '%', leftIn: Operand, rightIn: Operand): Operand {
  const [left, right] = exactPair(leftIn, rightIn);
  const a = left.type;
  const b = right.type;
  for (const side of [left, right]) {
    if (!isNumeric(side.type) && side.type.kind !== 'null') {
      const hint = op === '+' && (a.kind === 'string' || b.kind === 'string') ? 'join strings with || or CONCAT' : undefined;
      throw new SqlError(`"${op}" needs numbers, got ${typeName(a)} and ${typeName(b)}`, node.pos, hint);
    }
  }
  if (a.kind === 'null' || b.kind === 'null') return constant(null, a.kind === 'null' ? b : a, node);
  const zero = (): never => {
    throw new SqlEvaluationError('division by zero');
  };
  if (isFloating(a) || isFloating(b)) {
    const num = (operand: Operand): Evaluator => {
      if (operand.type.kind !== 'bigint' && operand.type.kind !== 'decimal') return operand.evaluate;
      const read = operand.evaluate;
      return (f) => {
        const v = read(f);
        return v == null ? null : Number(v);
      };
    };
    const fn = { '+': (x: number, y: number) => x + y, '-': (x: number, y: number) => x - y, '*': (x: number, y: number) => x * y, '/': (x: number, y: number) => x / y, '%': (x: number, y: number) => x % y }[op];
    return derived(node, DOUBLE, nullSafe(left, right, num(left), num(right), fn as (x: unknown, y: unknown) => unknown), [left, right]);
  }
  if (a.kind === 'decimal' || b.kind === 'decimal') return decimalArithmetic(node, op, left, right);
  if (isSmallInteger(a) && isSmallInteger(b)) {
    const check = (r: number): number => {
      if (r > INT_MAX || r < INT_MIN) throw new SqlEvaluationError(`integer overflow: the result ${r} is out of range for int (CAST to BIGINT first)`);
      return r;
    };
    const fns = {
      '+': (x: number, y: number) => check(x + y),
      '-': (x: number, y: number) => check(x - y),
      '*': (x: number, y: number) => check(x * y) || 0,
      '/': (x: number, y: number) => (y === 0 ? zero() : check(Math.trunc(x / y)) || 0),
      '%': (x: number, y: number) => (y === 0 ? zero() : x % y || 0),
    };
    return derived(node, INT, nullSafe(left, right, left.evaluate, right.evaluate, fns[op] as (x: unknown, y: unknown) => unknown), [left, right]);
  }
  // bigint arithmetic, exact, overflow is an error
  const big = (operand: Operand): Evaluator => {
    if (operand.type.kind === 'bigint') return operand.evaluate;
    if (operand.constant) {
      const v = operand.value == null ? null : BigInt(operand.value as number);
      return () => v;
    }
    const read = operand.evaluate;
    return (f) => {
      const v = read(f);
      return v == null ? null : BigInt(v as number);
    };
  };
  const check = (r: bigint): bigint => {
    if (r > BIGINT_MAX || r < BIGINT_MIN) throw new SqlEvaluationError(`integer overflow: the result ${r} is out of range for bigint (CAST to DECIMAL first)`);
    return r;
  };
  const fns = {
    '+': (x: bigint, y: bigint) => check(x + y),
    '-': (x: bigint, y: bigint) => check(x - y),
    '*': (x: bigint, y: bigint) => check(x * y),
    '/': (x: bigint, y: bigint) => (y === 0n ? zero() : check(x / y)),
    '%': (x: bigint, y: bigint) => (y === 0n ? zero() : x % y),
  };
  const bl = big(left);
  const br = big(right);
  const l2: Operand = left.type.kind === 'bigint' ? left : { ...left, evaluate: bl, columnIndex: undefined, value: left.constant ? bl([]) : undefined };
  const r2: Operand = right.type.kind === 'bigint' ? right : { ...right, evaluate: br, columnIndex: undefined, value: right.constant ? br([]) : undefined };
  return derived(node, BIGINT, nullSafe(l2, r2, bl, br, fns[op] as (x: unknown, y: unknown) => unknown), [left, right]);
}

/**
 * Exact decimal arithmetic on unscaled bigints, results rounded HALF_UP to the result type's
 * scale. Sums, differences and products of values up to 15 digits take a fast path in JS numbers,
 * where they are just as exact.
 */
function decimalArithmetic(node: Expr, op: '+' | '-' | '*' | '/' | '%', left: Operand, right: Operand): Operand {
  const x = asDecimal(left.type);
  const y = asDecimal(right.type);
  const result = decimalResult(op, x, y) as { kind: 'decimal'; precision: number; scale: number };
  const { precision, scale } = result;
  const leftInteger = isInteger(left.type);
  const rightInteger = isInteger(right.type);
  const big = (v: unknown, integer: boolean, s: number): bigint => (integer ? BigInt(v as number | bigint) : unscaledOf(v as string, s));
  const small = (v: unknown, integer: boolean, s: number): number =>
    integer ? (typeof v === 'number' ? v : (v as bigint) <= MAX_SAFE_BIG && (v as bigint) >= -MAX_SAFE_BIG ? Number(v) : NaN) : smallUnscaled(v as string, s);
  const finish = (u: bigint, from: number): string => decimalText(checkPrecision(rescale(u, from, scale), precision, scale), scale);
  const limit = precision >= 16 ? Infinity : 10 ** precision;
  let fn: (a: unknown, b: unknown) => string;
  switch (op) {
    case '+':
    case '-': {
      const s = Math.max(x.scale, y.scale);
      const fa = pow10(s - x.scale);
      const fb = pow10(s - y.scale);
      const na = Number(fa);
      const nb = Number(fb);
      const minus = op === '-';
      const fast = s === scale;
      fn = (va, vb) => {
        if (fast) {
          const a = small(va, leftInteger, x.scale);
          const b = small(vb, rightInteger, y.scale);
          const r = minus ? a * na - b * nb : a * na + b * nb;
          if (r < MAX_SAFE && r > -MAX_SAFE && r < limit && r > -limit) return smallDecimalText(r, scale);
        }
        const a = big(va, leftInteger, x.scale) * fa;
        const b = big(vb, rightInteger, y.scale) * fb;
        return finish(minus ? a - b : a + b, s);
      };
      break;
    }
    case '*': {
      const fast = x.scale + y.scale === scale;
      fn = (va, vb) => {
        if (fast) {
          const r = small(va, leftInteger, x.scale) * small(vb, rightInteger, y.scale);
          if (r < MAX_SAFE && r > -MAX_SAFE && r < limit && r > -limit) return smallDecimalText(r || 0, scale);
        }
        return finish(big(va, leftInteger, x.scale) * big(vb, rightInteger, y.scale), x.scale + y.scale);
      };
      break;
    }
    case '/': {
      const exponent = scale + y.scale - x.scale;
      fn = (va, vb) => {
        const a = big(va, leftInteger, x.scale);
        const b = big(vb, rightInteger, y.scale);
        if (b === 0n) throw new SqlEvaluationError('division by zero');
        const quotient = exponent >= 0 ? divide(a * pow10(exponent), b) : divide(a, b * pow10(-exponent));
        return decimalText(checkPrecision(quotient, precision, scale), scale);
      };
      break;
    }
    case '%': {
      const s = Math.max(x.scale, y.scale);
      const fa = pow10(s - x.scale);
      const fb = pow10(s - y.scale);
      fn = (va, vb) => {
        const b = big(vb, rightInteger, y.scale) * fb;
        if (b === 0n) throw new SqlEvaluationError('division by zero');
        return finish((big(va, leftInteger, x.scale) * fa) % b, s);
      };
      break;
    }
  }
  return derived(node, result, nullSafe(left, right, left.evaluate, right.evaluate, fn), [left, right]);
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

function divide(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < (denominator < 0n ? -denominator : denominator)) return q;
  return (numerator < 0n) !== (denominator < 0n) ? q - 1n : q + 1n;
}

