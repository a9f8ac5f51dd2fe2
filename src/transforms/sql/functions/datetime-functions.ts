import { epochDay } from '../../../core/epoch-day.js';
import { constant, derived, type Evaluator, type Operand } from '../operand.js';
import { parseDateText, parseTimestampText } from '../sql-convert.js';
import { SqlError, SqlEvaluationError } from '../sql-error.js';
import { BIGINT, DATE, INT, isInteger, isTemporal, STRING, TIME, TIMESTAMP } from '../sql-types.js';
import {
  dayOfWeek,
  dayOfYear,
  formatValue,
  isoWeekOfYear,
  nanosBetween,
  partsOf,
  periodMonths,
  plusDays,
  plusMonths,
  plusNanos,
  type DateTimeParts,
} from '../temporal.js';
import { argumentError, requireTemporal, strict1, textArg } from './arguments.js';
import type { CallContext, SqlFunction } from './sql-function.js';

/**
 * Date and time functions (SeaTunnel's DateTimeFunction; formatting and parsing are in
 * datetime-format-functions.ts). Values are the ISO text of value.ts;
 * patterns are java.time DateTimeFormatter patterns; NOW and the CURRENT_ values are local time,
 * read once per batch. Units are strings: 'YEAR', 'MONTH', 'DAY', 'HOUR', ...
 */

type TemporalKind = 'date' | 'time' | 'timestamp';

const DATE_UNITS = new Set(['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY']);
const TIME_UNITS = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND']);
const UNIT_NANOS: Record<string, bigint> = {
  WEEK: 604_800_000_000_000n,
  DAY: 86_400_000_000_000n,
  DAYTIME: 86_400_000_000_000n,
  HOUR: 3_600_000_000_000n,
  MINUTE: 60_000_000_000n,
  SECOND: 1_000_000_000n,
  MILLISECOND: 1_000_000n,
  MICROSECOND: 1_000n,
  NANOSECOND: 1n,
};
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A string constant where a date-time is expected is read as one: a timestamp when it has a time
 * of day, else a date (`DATEDIFF(d, '2024-03-31', 'DAY')`).
 */
export function temporalLiteral(arg: Operand): Operand {
  if (arg.type.kind !== 'string' || !arg.constant || arg.value == null) return arg;
  const text = arg.value as string;
  try {
    return text.includes(':') ? constant(parseTimestampText(text), TIMESTAMP, arg.node) : constant(parseDateText(text), DATE, arg.node);
  } catch (error) {
    if (error instanceof SqlEvaluationError) throw new SqlError(error.message, arg.node.pos);
    throw error;
  }
}

/** Reads string constants at `indices` as date-times before compiling. */
export function withTemporalLiterals(indices: readonly number[], compile: (args: Operand[], c: CallContext) => Operand): (args: Operand[], c: CallContext) => Operand {
  return (args, c) => compile(args.map((arg, i) => (indices.includes(i) ? temporalLiteral(arg) : arg)), c);
}

function kindOf(arg: Operand): TemporalKind {
  return arg.type.kind as TemporalKind;
}

/** Reads a temporal argument as parts. */
export function partsArg(arg: Operand, context: CallContext, kinds: readonly TemporalKind[] = ['date', 'time', 'timestamp']): Evaluator {
  requireTemporal(arg, context, kinds);
  if (arg.type.kind === 'null') return () => null;
  const kind = kindOf(arg);
  const read = arg.evaluate;
  return (f) => {
    const v = read(f);
    return v == null ? null : partsOf(v as string, kind);
  };
}

/** A unit argument: checked now when constant; `allowed` by the value's type. */
function unitArg(args: readonly Operand[], index: number, fallback: string, context: CallContext, allowed: Set<string>, valueType: string): (f: unknown[]) => string | null {
  const arg = args[index];
  if (arg === undefined) return () => fallback;
  const text = textArg(arg, context);
  if (arg.constant) {
    const unit = arg.value == null ? fallback : String(arg.value).toUpperCase();
    if (!allowed.has(unit)) throw new SqlError(`${context.call.name.toUpperCase()} does not take the unit '${String(arg.value)}' for a ${valueType} (use ${[...allowed].join(', ')})`, arg.node.pos);
    return () => unit;
  }
  return (f) => {
    const v = text(f) as string | null;
    const unit = v == null ? fallback : v.toUpperCase();
    if (!allowed.has(unit)) throw new SqlEvaluationError(`${context.call.name.toUpperCase()} does not take the unit '${v}' for a ${valueType}`);
    return unit;
  };
}

function unitsFor(kind: string, extra: readonly string[] = []): Set<string> {
  const units = kind === 'date' ? [...DATE_UNITS] : kind === 'time' ? [...TIME_UNITS] : [...DATE_UNITS, ...TIME_UNITS];
  return new Set([...units, ...extra]);
}

function dateadd(args: Operand[], c: CallContext): Operand {
  const value = args[0] as Operand;
  requireTemporal(value, c);
  const kind = value.type.kind === 'null' ? 'timestamp' : kindOf(value);
  const count = args[1] as Operand;
  if (!isInteger(count.type) && count.type.kind !== 'null') argumentError(c, count, 'a whole number of units');
  const unit = unitArg(args, 2, 'DAY', c, unitsFor(kind), kind);
  const read = partsArg(value, c);
  const amount = count.evaluate;
  return derived(c.call, value.type, (f) => {
    const parts = read(f) as DateTimeParts | null;
    const n = amount(f);
    if (parts == null || n == null) return null;
    const u = unit(f) as string;
    let moved: DateTimeParts;
    switch (u) {
      case 'YEAR':
        moved = plusMonths(parts, Number(n) * 12);
        break;
      case 'QUARTER':
        moved = plusMonths(parts, Number(n) * 3);
        break;
      case 'MONTH':
        moved = plusMonths(parts, Number(n));
        break;
      case 'WEEK':
        moved = plusDays(parts, Number(n) * 7);
        break;
      case 'DAY':
        moved = plusDays(parts, Number(n));
        break;
      default:
        moved = plusNanos(parts, BigInt(n as number | bigint) * (UNIT_NANOS[u] as bigint), kind === 'time');
    }
    return formatValue(moved, kind as TemporalKind);
  }, args);
}

/** DATEDIFF(a, b, unit): b - a in whole units, as SeaTunnel computes it with java.time (Period for YEAR and MONTH, Duration below). */
function datediff(args: Operand[], c: CallContext): Operand {
  const [a, b] = args as [Operand, Operand];
  requireTemporal(a, c);
  requireTemporal(b, c);
  const kinds = new Set([a.type.kind, b.type.kind].filter((k) => k !== 'null'));
  const hasTime = kinds.has('time');
  if (hasTime && kinds.size > 1) throw new SqlError(`DATEDIFF cannot compare a time with a ${[...kinds].find((k) => k !== 'time')}`, b.node.pos);
  const allowed = hasTime ? new Set([...TIME_UNITS]) : new Set([...DATE_UNITS, ...TIME_UNITS, 'DAYTIME']);
  const unit = unitArg(args, 2, 'DAY', c, allowed, hasTime ? 'time' : [...kinds].join(' and ') || 'timestamp');
  const readA = partsArg(a, c);
  const readB = partsArg(b, c);
  return derived(c.call, BIGINT, (f) => {
    const x = readA(f) as DateTimeParts | null;
    if (x == null) return null;
    const y = readB(f) as DateTimeParts | null;
    if (y == null) return null;
    switch (unit(f) as string) {
      case 'YEAR':
        return BigInt(Math.trunc(periodMonths(x, y) / 12));
      case 'QUARTER':
        return BigInt(Math.trunc(periodMonths(x, y) / 3));
      case 'MONTH':
        return BigInt(periodMonths(x, y));
      case 'DAY':
        return BigInt(epochDay(y.year, y.month, y.day) - epochDay(x.year, x.month, x.day));
      default:
        return nanosBetween(x, y) / (UNIT_NANOS[unit(f) as string] as bigint);
    }
  }, args);
}

function dateTrunc(args: Operand[], c: CallContext): Operand {
  // DATE_TRUNC(value, unit) as SeaTunnel; also DATE_TRUNC('unit', value) as H2 and PostgreSQL write it.
  const swapped = (args[0] as Operand).type.kind === 'string' && args[1] !== undefined && isTemporal(temporalLiteral(args[1] as Operand).type);
  const ordered = (swapped ? [args[1] as Operand, args[0] as Operand] : args).map((arg, i) => (i === 0 ? temporalLiteral(arg) : arg));
  const value = ordered[0] as Operand;
  const read = partsArg(value, c, ['date', 'timestamp']);
  const unit = unitArg(ordered, 1, 'DAY', c, new Set(['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND']), 'timestamp');
  return derived(c.call, TIMESTAMP, (f) => {
    const p = read(f) as DateTimeParts | null;
    if (p == null) return null;
    const t: DateTimeParts = { ...p, nano: 0 };
    switch (unit(f) as string) {
      case 'YEAR':
        Object.assign(t, { month: 1, day: 1, hour: 0, minute: 0, second: 0 });
        break;
      case 'QUARTER':
        Object.assign(t, { month: Math.floor((p.month - 1) / 3) * 3 + 1, day: 1, hour: 0, minute: 0, second: 0 });
        break;
      case 'MONTH':
        Object.assign(t, { day: 1, hour: 0, minute: 0, second: 0 });
        break;
      case 'WEEK':
        Object.assign(t, plusDays(t, 1 - dayOfWeek(t)), { hour: 0, minute: 0, second: 0 });
        break;
      case 'DAY':
        Object.assign(t, { hour: 0, minute: 0, second: 0 });
        break;
      case 'HOUR':
        Object.assign(t, { minute: 0, second: 0 });
        break;
      case 'MINUTE':
        t.second = 0;
        break;
      default:
        break;
    }
    return formatValue(t, 'timestamp');
  }, ordered);
}

/** A field of a date-time as an int (YEAR(x), EXTRACT(MONTH FROM x), ...). */
const FIELDS: Record<string, { kinds: TemporalKind[]; get: (p: DateTimeParts) => number }> = {
  YEAR: { kinds: ['date', 'timestamp'], get: (p) => p.year },
  QUARTER: { kinds: ['date', 'timestamp'], get: (p) => Math.floor((p.month - 1) / 3) + 1 },
  MONTH: { kinds: ['date', 'timestamp'], get: (p) => p.month },
  WEEK: { kinds: ['date', 'timestamp'], get: (p) => isoWeekOfYear(p) + 1 },
  DAY: { kinds: ['date', 'timestamp'], get: (p) => p.day },
  DAYOFWEEK: { kinds: ['date', 'timestamp'], get: (p) => dayOfWeek(p) },
  DAYOFYEAR: { kinds: ['date', 'timestamp'], get: (p) => dayOfYear(p) },
  HOUR: { kinds: ['time', 'timestamp'], get: (p) => p.hour },
  MINUTE: { kinds: ['time', 'timestamp'], get: (p) => p.minute },
  SECOND: { kinds: ['time', 'timestamp'], get: (p) => p.second },
  MILLISECOND: { kinds: ['time', 'timestamp'], get: (p) => Math.floor(p.nano / 1e6) },
  MICROSECOND: { kinds: ['time', 'timestamp'], get: (p) => Math.floor(p.nano / 1e3) },
};
const FIELD_ALIASES: Record<string, string> = { DOW: 'DAYOFWEEK', DOY: 'DAYOFYEAR', DAY_OF_WEEK: 'DAYOFWEEK', DAY_OF_YEAR: 'DAYOFYEAR', DAY_OF_MONTH: 'DAY', DAYOFMONTH: 'DAY' };

export const EXTRACT_FIELDS = Object.keys(FIELDS);

/** EXTRACT(field FROM value); the field is checked by the caller's position. */
export function extractField(field: string, value: Operand, context: CallContext, fieldPos: number): Operand {
  const name = FIELD_ALIASES[field] ?? field;
  const spec = FIELDS[name];
  if (spec === undefined) throw new SqlError(`unknown date-time field ${field} (use ${EXTRACT_FIELDS.join(', ')})`, fieldPos);
  const read = partsArg(value, context, spec.kinds);
  return strict1(context, INT, [value], read, (p) => spec.get(p as DateTimeParts));
}

function fieldFunction(names: string[], field: string): SqlFunction {
  return {
    names,
    minArgs: 1,
    maxArgs: 1,
    signature: `${names[0]}(${FIELDS[field]?.kinds.join(' | ')})`,
    compile: (args, c) => extractField(field, temporalLiteral(args[0] as Operand), c, c.call.pos),
  };
}

function now(kind: 'timestamp' | 'date' | 'time'): (args: Operand[], c: CallContext) => Operand {
  const type = kind === 'timestamp' ? TIMESTAMP : kind === 'date' ? DATE : TIME;
  return (args, c) => {
    const clock = c.clock;
    const read = kind === 'timestamp' ? () => clock.timestamp() : kind === 'date' ? () => clock.date() : () => clock.time();
    return derived(c.call, type, read, args, false);
  };
}

export const DATETIME_FUNCTIONS: readonly SqlFunction[] = [
  { names: ['NOW', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP'], minArgs: 0, maxArgs: 0, signature: 'NOW()', compile: now('timestamp') },
  { names: ['CURRENT_DATE', 'CURDATE'], minArgs: 0, maxArgs: 0, signature: 'CURRENT_DATE', compile: now('date') },
  { names: ['CURRENT_TIME', 'CURTIME', 'LOCALTIME'], minArgs: 0, maxArgs: 0, signature: 'CURRENT_TIME', compile: now('time') },
  { names: ['DATEADD', 'TIMESTAMPADD'], minArgs: 2, maxArgs: 3, signature: "DATEADD(dateAndTime, count[, 'unit'])", compile: withTemporalLiterals([0], dateadd) },
  { names: ['DATEDIFF', 'TIMESTAMPDIFF'], minArgs: 2, maxArgs: 3, signature: "DATEDIFF(a, b[, 'unit'])", compile: withTemporalLiterals([0, 1], datediff) },
  { names: ['DATE_TRUNC'], minArgs: 2, maxArgs: 2, signature: "DATE_TRUNC(dateAndTime, 'unit')", compile: dateTrunc },
  {
    names: ['DAYNAME'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'DAYNAME(date | timestamp)',
    compile: withTemporalLiterals([0], (args, c) => strict1(c, STRING, args, partsArg(args[0] as Operand, c, ['date', 'timestamp']), (p) => DAY_NAMES[dayOfWeek(p as DateTimeParts) - 1])),
  },
  {
    names: ['MONTHNAME'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'MONTHNAME(date | timestamp)',
    compile: withTemporalLiterals([0], (args, c) => strict1(c, STRING, args, partsArg(args[0] as Operand, c, ['date', 'timestamp']), (p) => MONTH_NAMES[(p as DateTimeParts).month - 1])),
  },
  fieldFunction(['YEAR'], 'YEAR'),
  fieldFunction(['QUARTER'], 'QUARTER'),
  fieldFunction(['MONTH'], 'MONTH'),
  fieldFunction(['WEEK'], 'WEEK'),
  fieldFunction(['DAY_OF_MONTH', 'DAYOFMONTH', 'DAY'], 'DAY'),
  fieldFunction(['DAY_OF_WEEK', 'DAYOFWEEK'], 'DAYOFWEEK'),
  fieldFunction(['DAY_OF_YEAR', 'DAYOFYEAR'], 'DAYOFYEAR'),
  fieldFunction(['HOUR'], 'HOUR'),
  fieldFunction(['MINUTE'], 'MINUTE'),
  fieldFunction(['SECOND'], 'SECOND'),
];

