import type { DataType } from '../../../core/data-type.js';
import { javaDoubleToString } from '../../shared/java-number-format.js';
import { checkPrecision, decimalText, divideHalfUp, parseDecimalText, pow10, rescale, unscaledOf } from '../exact-decimal.js';
import { exactPair } from '../exact-literals.js';
import { derived, type Evaluator, type Operand } from '../operand.js';
import { SqlEvaluationError } from '../sql-error.js';
import { asDecimal, boundedDecimal, decimalResult, DOUBLE, INT, isFloating, isInteger, isSmallInteger } from '../sql-types.js';
import { doubleArg, intArg, optional, requireNumeric, strict1, strict2 } from './arguments.js';
import type { CallContext, SqlFunction } from './sql-function.js';

/**
 * Numeric functions (SeaTunnel's NumericFunction). ABS, ROUND and TRUNC keep the argument's type;
 * CEIL and FLOOR give an int for int and floating arguments (as SeaTunnel), but keep bigint and
 * give decimal(p - s + 1, 0) for decimals, where an int would lose data; the math functions give
 * doubles. Exact types stay exact: rounding a decimal or a bigint never goes through a double.
 */

const INT_LIMIT: Record<string, [number, number]> = { tinyint: [-128, 127], smallint: [-32768, 32767], int: [-2147483648, 2147483647] };
const BIGINT_MIN = -9223372036854775808n;
const BIGINT_MAX = 9223372036854775807n;

function checkedSmall(kind: string, n: number): number {
  const [min, max] = INT_LIMIT[kind] as [number, number];
  if (n < min || n > max) throw new SqlEvaluationError(`${n} is out of range for ${kind}`);
  return n;
}

function checkedBig(n: bigint): bigint {
  if (n < BIGINT_MIN || n > BIGINT_MAX) throw new SqlEvaluationError(`${n} is out of range for bigint`);
  return n;
}

type Mode = 'half-up' | 'down' | 'ceiling' | 'floor';

/** Rounds an unscaled value at `scale` to `digits` fraction digits (negative: to tens, hundreds...), keeping its scale. */
function roundUnscaled(unscaled: bigint, scale: number, digits: number, mode: Mode): bigint {
  if (digits >= scale) return unscaled;
  const divisor = pow10(scale - digits);
  let q: bigint;
  switch (mode) {
    case 'half-up':
      q = divideHalfUp(unscaled, divisor);
      break;
    case 'down':
      q = unscaled / divisor;
      break;
    case 'ceiling':
      q = unscaled / divisor + (unscaled > 0n && unscaled % divisor !== 0n ? 1n : 0n);
      break;
    case 'floor':
      q = unscaled / divisor - (unscaled < 0n && unscaled % divisor !== 0n ? 1n : 0n);
      break;
  }
  return q * divisor;
}

/** BigDecimal.valueOf(d).setScale(digits, mode).doubleValue(): rounding on the double's shortest decimal digits. */
function roundDouble(value: number, digits: number, mode: Mode): number {
  if (!Number.isFinite(value)) return value;
  const parsed = parseDecimalText(javaDoubleToString(value)) as { unscaled: bigint; scale: number };
  const scale = Math.max(parsed.scale, digits, 0);
  const rounded = roundUnscaled(rescale(parsed.unscaled, parsed.scale, scale), scale, digits, mode);
  return Number(decimalText(rounded, scale));
}

/** ROUND and TRUNC: the argument's type, rounded to `digits` (default 0). */
function rounding(mode: Mode) {
  return (args: Operand[], c: CallContext): Operand => {
    const arg = args[0] as Operand;
    requireNumeric(arg, c);
    const digits = optional(args, 1, 0, (a) => intArg(a, c));
    const type = arg.type;
    let fn: (v: unknown, d: number) => unknown;
    if (isSmallInteger(type)) fn = (v, d) => (d >= 0 ? v : checkedSmall(type.kind, Number(roundUnscaled(BigInt(v as number), 0, d, mode))));
    else if (type.kind === 'bigint') fn = (v, d) => (d >= 0 ? v : checkedBig(roundUnscaled(v as bigint, 0, d, mode)));
    else if (type.kind === 'decimal') {
      const { precision, scale } = type;
      fn = (v, d) => decimalText(checkPrecision(roundUnscaled(unscaledOf(v as string, scale), scale, d, mode), precision, scale), scale);
    } else if (type.kind === 'float') fn = (v, d) => Math.fround(roundDouble(v as number, d, mode));
    else fn = (v, d) => roundDouble(v as number, d, mode);
    return strict2(c, type, args, arg.evaluate, digits, (v, d) => fn(v, d as number));
  };
}

/** CEIL and FLOOR. */
function ceilFloor(mode: 'ceiling' | 'floor') {
  return (args: Operand[], c: CallContext): Operand => {
    const arg = args[0] as Operand;
    requireNumeric(arg, c);
    const type = arg.type;
    const round = mode === 'ceiling' ? Math.ceil : Math.floor;
    if (isSmallInteger(type) || type.kind === 'null') return strict1(c, INT, args, arg.evaluate, (v) => v);
    if (type.kind === 'bigint') return strict1(c, type, args, arg.evaluate, (v) => v);
    if (isFloating(type)) {
      return strict1(c, INT, args, arg.evaluate, (v) => {
        const n = round(v as number);
        if (!Number.isFinite(n)) throw new SqlEvaluationError(`${v as number} cannot be made an int`);
        return checkedSmall('int', n);
      });
    }
    const { precision, scale } = asDecimal(type);
    const result = boundedDecimal(precision - scale + 1, 0);
    const resultPrecision = (result as { precision: number }).precision;
    return strict1(c, result, args, arg.evaluate, (v) => decimalText(checkPrecision(roundUnscaled(unscaledOf(v as string, scale), scale, 0, mode) / pow10(scale), resultPrecision, 0), 0));
  };
}

function abs(args: Operand[], c: CallContext): Operand {
  const arg = args[0] as Operand;
  requireNumeric(arg, c);
  const type = arg.type;
  if (isSmallInteger(type)) return strict1(c, type, args, arg.evaluate, (v) => checkedSmall(type.kind, Math.abs(v as number)));
  if (type.kind === 'bigint') return strict1(c, type, args, arg.evaluate, (v) => checkedBig((v as bigint) < 0n ? -(v as bigint) : (v as bigint)));
  if (type.kind === 'decimal') return strict1(c, type, args, arg.evaluate, (v) => ((v as string).startsWith('-') ? (v as string).slice(1) : v));
  return strict1(c, type, args, arg.evaluate, (v) => Math.abs(v as number));
}

function mod(args: Operand[], c: CallContext): Operand {
  const [a, b] = exactPair(args[0] as Operand, args[1] as Operand);
  requireNumeric(a, c);
  requireNumeric(b, c);
  const zero = (): never => {
    throw new SqlEvaluationError('MOD by zero');
  };
  if (isFloating(a.type) || isFloating(b.type)) {
    return strict2(c, DOUBLE, [a, b], doubleArg(a, c), doubleArg(b, c), (x, y) => ((y as number) === 0 ? zero() : (x as number) % (y as number)));
  }
  if (a.type.kind === 'decimal' || b.type.kind === 'decimal') {
    const x = asDecimal(a.type);
    const y = asDecimal(b.type);
    const result = decimalResult('%', x, y) as { kind: 'decimal'; precision: number; scale: number };
    const scale = Math.max(x.scale, y.scale);
    const read = (t: DataType, s: number) => (v: unknown): bigint => (isInteger(t) ? BigInt(v as number | bigint) * pow10(scale) : rescale(unscaledOf(v as string, s), s, scale));
    const left = read(a.type, x.scale);
    const right = read(b.type, y.scale);
    return strict2(c, result, [a, b], a.evaluate, b.evaluate, (v, w) => {
      const divisor = right(w);
      if (divisor === 0n) zero();
      return decimalText(checkPrecision(rescale(left(v) % divisor, scale, result.scale), result.precision, result.scale), result.scale);
    });
  }
  // Integers: the divisor's type, as SeaTunnel (the remainder is smaller than the divisor).
  const type = b.type.kind === 'null' ? a.type : b.type;
  if (isSmallInteger(a.type) && isSmallInteger(b.type)) {
    return strict2(c, type, args, a.evaluate, b.evaluate, (x, y) => ((y as number) === 0 ? zero() : (x as number) % (y as number) || 0));
  }
  const big = type.kind === 'bigint';
  return strict2(c, type, args, a.evaluate, b.evaluate, (x, y) => {
    const divisor = BigInt(y as number | bigint);
    if (divisor === 0n) zero();
    const r = BigInt(x as number | bigint) % divisor;
    return big ? r : Number(r);
  });
}

function sign(args: Operand[], c: CallContext): Operand {
  const arg = args[0] as Operand;
  requireNumeric(arg, c);
  if (arg.type.kind === 'decimal') return strict1(c, INT, args, arg.evaluate, (v) => ((v as string).startsWith('-') ? -1 : /[1-9]/.test(v as string) ? 1 : 0));
  return strict1(c, INT, args, arg.evaluate, (v) => ((v as number) > 0 ? 1 : (v as number) < 0 ? -1 : 0));
}

/** A double function of one argument. */
function math1(name: string, fn: (x: number) => number, domain?: (x: number) => string | undefined): SqlFunction {
  return {
    names: [name],
    minArgs: 1,
    maxArgs: 1,
    signature: `${name}(number)`,
    compile: (args, c) =>
      strict1(c, DOUBLE, args, doubleArg(args[0] as Operand, c), (x) => {
        const problem = domain?.(x as number);
        if (problem !== undefined) throw new SqlEvaluationError(`${name}(${javaDoubleToString(x as number)}): ${problem}`);
        return fn(x as number);
      }),
  };
}

const positive = (x: number): string | undefined => (x <= 0 ? 'the argument must be positive' : undefined);

/** java.util.Random(seed).nextDouble(), so RAND(seed) gives the number SeaTunnel gives. */
function javaRandomDouble(seed: number): number {
  const mask = (1n << 48n) - 1n;
  let state = (BigInt(seed) ^ 0x5deece66dn) & mask;
  const next = (bits: number): bigint => {
    state = (state * 0x5deece66dn + 0xbn) & mask;
    return state >> BigInt(48 - bits);
  };
  const high = next(26);
  const low = next(27);
  return Number((high << 27n) + low) * 2 ** -53;
}

export const NUMERIC_FUNCTIONS: readonly SqlFunction[] = [
  { names: ['ABS'], minArgs: 1, maxArgs: 1, signature: 'ABS(number)', compile: abs },
  { names: ['CEIL', 'CEILING'], minArgs: 1, maxArgs: 1, signature: 'CEIL(number)', compile: ceilFloor('ceiling') },
  { names: ['FLOOR'], minArgs: 1, maxArgs: 1, signature: 'FLOOR(number)', compile: ceilFloor('floor') },
  { names: ['ROUND'], minArgs: 1, maxArgs: 2, signature: 'ROUND(number[, digits])', compile: rounding('half-up') },
  { names: ['TRUNC', 'TRUNCATE'], minArgs: 1, maxArgs: 2, signature: 'TRUNCATE(number[, digits])', compile: rounding('down') },
  { names: ['MOD'], minArgs: 2, maxArgs: 2, signature: 'MOD(dividend, divisor)', compile: mod },
  { names: ['SIGN'], minArgs: 1, maxArgs: 1, signature: 'SIGN(number)', compile: sign },
  math1('ACOS', Math.acos),
  math1('ASIN', Math.asin),
  math1('ATAN', Math.atan),
  math1('COS', Math.cos),
  math1('COSH', Math.cosh),
  math1('COT', (x) => 1 / Math.tan(x), (x) => (Math.tan(x) === 0 ? 'division by zero' : undefined)),
  math1('SIN', Math.sin),
  math1('SINH', Math.sinh),
  math1('TAN', Math.tan),
  math1('TANH', Math.tanh),
  math1('EXP', Math.exp),
  math1('LN', Math.log, positive),
  math1('LOG10', Math.log10, positive),
  math1('RADIANS', (x) => (x / 180) * Math.PI),
  math1('DEGREES', (x) => (x * 180) / Math.PI),
  math1('SQRT', Math.sqrt),
  {
    names: ['LOG'],
    minArgs: 1,
    maxArgs: 2,
    signature: 'LOG(base, number)',
    compile: (args, c) => {
      if (args.length === 1) return strict1(c, DOUBLE, args, doubleArg(args[0] as Operand, c), (x) => (positive(x as number) === undefined ? Math.log(x as number) : fail('LOG', x as number)));
      return strict2(c, DOUBLE, args, doubleArg(args[0] as Operand, c), doubleArg(args[1] as Operand, c), (b, x) => {
        if ((b as number) <= 0 || b === 1) fail('LOG base', b as number);
        if ((x as number) <= 0) fail('LOG', x as number);
        return b === 10 ? Math.log10(x as number) : b === Math.E ? Math.log(x as number) : Math.log(x as number) / Math.log(b as number);
      });
    },
  },
  {
    names: ['ATAN2'],
    minArgs: 2,
    maxArgs: 2,
    signature: 'ATAN2(y, x)',
    compile: (args, c) => strict2(c, DOUBLE, args, doubleArg(args[0] as Operand, c), doubleArg(args[1] as Operand, c), (y, x) => Math.atan2(y as number, x as number)),
  },
  {
    names: ['POWER', 'POW'],
    minArgs: 2,
    maxArgs: 2,
    signature: 'POWER(base, exponent)',
    compile: (args, c) => strict2(c, DOUBLE, args, doubleArg(args[0] as Operand, c), doubleArg(args[1] as Operand, c), (x, y) => Math.pow(x as number, y as number)),
  },
  { names: ['PI'], minArgs: 0, maxArgs: 0, signature: 'PI()', compile: (args, c) => derived(c.call, DOUBLE, () => Math.PI, args) },
  {
    names: ['RAND', 'RANDOM'],
    minArgs: 0,
    maxArgs: 1,
    signature: 'RAND([seed])',
    compile: (args, c) => {
      if (args.length === 0) return derived(c.call, DOUBLE, () => Math.random(), args, false);
      const seed: Evaluator = intArg(args[0] as Operand, c);
      return derived(c.call, DOUBLE, (f) => {
        const s = seed(f);
        return s == null ? Math.random() : javaRandomDouble(s as number);
      }, args, (args[0] as Operand).constant && (args[0] as Operand).value != null);
    },
  },
];

function fail(what: string, x: number): never {
  throw new SqlEvaluationError(`${what} must be positive${what === 'LOG base' ? ' and not 1' : ''}, got ${javaDoubleToString(x)}`);
}

