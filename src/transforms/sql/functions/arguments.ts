import type { DataType } from '../../../core/data-type.js';
import { unscaledOf, pow10 } from '../exact-decimal.js';
import { derived, type Evaluator, type Operand } from '../operand.js';
import { startOf } from '../sql-ast.js';
import { SqlError, SqlEvaluationError } from '../sql-error.js';
import { valueText } from '../sql-text.js';
import { isFloating, isInteger, isNumeric, isSmallInteger, isTemporal, typeName } from '../sql-types.js';
import type { CallContext } from './sql-function.js';

/** Argument readers shared by the functions: each returns an evaluator of the converted value, null for null. */

export function argumentError(context: CallContext, arg: Operand, what: string): never {
  throw new SqlError(`${context.call.name.toUpperCase()} expects ${what}, got ${typeName(arg.type)}`, startOf(arg.node));
}

/** Text: strings as they are; numbers, booleans, temporal values and bytes as CAST(x AS STRING) writes them. */
export function textArg(arg: Operand, context: CallContext): Evaluator {
  const type = arg.type;
  if (type.kind === 'string' || type.kind === 'null') return arg.evaluate;
  if (type.kind === 'array' || type.kind === 'map' || type.kind === 'row') argumentError(context, arg, 'a string');
  const read = arg.evaluate;
  return (f) => {
    const v = read(f);
    return v == null ? null : valueText(v, type);
  };
}

/** A whole number as a JS number: integers as they are, other numbers truncated toward zero (Java's intValue). */
export function intArg(arg: Operand, context: CallContext): Evaluator {
  const type = arg.type;
  const read = arg.evaluate;
  if (isSmallInteger(type) || type.kind === 'null') return read;
  if (type.kind === 'bigint') return (f) => toInt(read(f));
  if (isFloating(type)) return (f) => toInt(read(f));
  if (type.kind === 'decimal') {
    const scale = type.scale;
    return (f) => {
      const v = read(f);
      return v == null ? null : toInt(unscaledOf(v as string, scale) / pow10(scale));
    };
  }
  return argumentError(context, arg, 'a number');
}

function toInt(v: unknown): number | null {
  if (v == null) return null;
  const n = typeof v === 'bigint' ? Number(v) : Math.trunc(v as number);
  if (!Number.isFinite(n) || n > 2147483647 || n < -2147483648) throw new SqlEvaluationError(`${String(v)} is out of range for an int argument`);
  return n;
}

/** Any number as a JS double. */
export function doubleArg(arg: Operand, context: CallContext): Evaluator {
  const type = arg.type;
  const read = arg.evaluate;
  if (isSmallInteger(type) || isFloating(type) || type.kind === 'null') return read;
  if (type.kind === 'bigint' || type.kind === 'decimal') {
    return (f) => {
      const v = read(f);
      return v == null ? null : Number(v);
    };
  }
  return argumentError(context, arg, 'a number');
}

export function requireNumeric(arg: Operand, context: CallContext): void {
  if (!isNumeric(arg.type) && arg.type.kind !== 'null') argumentError(context, arg, 'a number');
}

export function requireTemporal(arg: Operand, context: CallContext, kinds: readonly string[] = ['date', 'time', 'timestamp']): void {
  if (arg.type.kind !== 'null' && !(isTemporal(arg.type) && kinds.includes(arg.type.kind))) argumentError(context, arg, `a ${kinds.join(' or ')}`);
}

export function requireInteger(arg: Operand, context: CallContext): void {
  if (!isInteger(arg.type) && arg.type.kind !== 'null') argumentError(context, arg, 'a whole number');
}

/** The value of an argument that must be a constant string (a format, a unit); null when it is NULL. */
export function constantText(arg: Operand, context: CallContext, what: string): string | null {
  if (!arg.constant) throw new SqlError(`${context.call.name.toUpperCase()} expects ${what} as a constant string`, arg.node.pos);
  if (arg.value === null) return null;
  if (typeof arg.value !== 'string') argumentError(context, arg, `${what} as a string`);
  return arg.value;
}

/** fn over one argument; null in, null out. */
export function strict1(context: CallContext, type: DataType, args: readonly Operand[], a: Evaluator, fn: (x: unknown) => unknown): Operand {
  return derived(context.call, type, (f) => {
    const x = a(f);
    return x == null ? null : fn(x);
  }, args);
}

/** fn over two arguments; null if either is null. */
export function strict2(context: CallContext, type: DataType, args: readonly Operand[], a: Evaluator, b: Evaluator, fn: (x: unknown, y: unknown) => unknown): Operand {
  return derived(context.call, type, (f) => {
    const x = a(f);
    if (x == null) return null;
    const y = b(f);
    return y == null ? null : fn(x, y);
  }, args);
}

/** fn over any number of arguments; null if any is null. */
export function strictN(context: CallContext, type: DataType, args: readonly Operand[], readers: readonly Evaluator[], fn: (values: unknown[]) => unknown, deterministic = true): Operand {
  const count = readers.length;
  return derived(context.call, type, (f) => {
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const v = (readers[i] as Evaluator)(f);
      if (v == null) return null;
      values[i] = v;
    }
    return fn(values);
  }, args, deterministic);
}

/** An evaluator for an optional argument: the given one, or a constant. */
export function optional(args: readonly Operand[], index: number, fallback: unknown, read: (arg: Operand) => Evaluator): Evaluator {
  const arg = args[index];
  return arg === undefined ? () => fallback : read(arg);
}
