import { MAX_DECIMAL_PRECISION, parseDataType, sameDataType, type DataType } from '../../core/data-type.js';
import { javaDoubleToString } from '../shared/java-number-format.js';
import { checkPrecision, decimalText, parseDecimalText, pow10, rescale, unscaledOf } from './exact-decimal.js';
import { SqlEvaluationError } from './sql-error.js';
import { valueText } from './sql-text.js';
import { isFloating, isInteger, isNumeric, isSmallInteger, typeName } from './sql-types.js';
import { daysInMonth, formatDateValue, formatTimestampValue, localParts, systemZoneParts } from './temporal.js';

/** Turns a non-null value of one type into the value of another; the caller handles null. */
export type Converter = (value: unknown) => unknown;

const INTEGER_RANGE: Record<string, [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

const NUMBER_RANGE: Record<string, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
};

/**
 * The lossless widening of a value to a wider type (CASE branches, COALESCE, IN lists, numeric
 * operands): small integers to bigint, decimal or double, decimals to a wider decimal, dates to
 * timestamps. Undefined when nothing needs to change.
 */
export function widening(from: DataType, to: DataType): Converter | undefined {
  if (from.kind === 'null' || sameDataType(from, to)) return undefined;
  if (isSmallInteger(from) && (isSmallInteger(to) || isFloating(to))) return undefined;
  if (from.kind === 'float' && to.kind === 'double') return undefined;
  if (from.kind === 'date' && to.kind === 'timestamp') return (v) => `${v as string}T00:00:00`;
  if (isNumeric(from) && isNumeric(to)) return castConverter(from, to);
  throw new Error(`no widening from ${typeName(from)} to ${typeName(to)}`);
}

/** The type CAST(x AS name(args)) produces; undefined for names CAST does not know. */
export function castTargetType(name: string, args: readonly number[]): DataType | undefined {
  switch (name.toUpperCase()) {
    case 'STRING':
    case 'VARCHAR':
    case 'CHAR':
    case 'TEXT':
      return { kind: 'string' };
    case 'INT':
    case 'INTEGER':
      return { kind: 'int' };
    case 'BIGINT':
    case 'LONG':
      return { kind: 'bigint' };
    case 'BYTE':
    case 'TINYINT':
      return { kind: 'tinyint' };
    case 'SMALLINT':
    case 'SHORT':
      return { kind: 'smallint' };
    case 'FLOAT':
    case 'REAL':
      return { kind: 'float' };
    case 'DOUBLE':
      return { kind: 'double' };
    case 'DECIMAL':
    case 'NUMERIC':
      return args.length === 0 ? parseDataType('decimal') : parseDataType(`decimal(${args[0]}, ${args[1] ?? 0})`);
    case 'BOOLEAN':
    case 'BOOL':
      return { kind: 'boolean' };
    case 'TIMESTAMP':
    case 'DATETIME':
      return { kind: 'timestamp' };
    case 'DATE':
      return { kind: 'date' };
    case 'TIME':
      return { kind: 'time' };
    case 'BYTES':
    case 'BINARY':
    case 'VARBINARY':
      return { kind: 'bytes' };
    default:
      return undefined;
  }
}

export const CAST_TYPE_NAMES = 'STRING, VARCHAR, INT, INTEGER, BIGINT, LONG, BYTE, TINYINT, SMALLINT, FLOAT, DOUBLE, DECIMAL(p, s), BOOLEAN, TIMESTAMP, DATETIME, DATE, TIME, BYTES, BINARY';

/**
 * CAST semantics (SeaTunnel's SystemFunction.castAs, made exact): numbers to integers truncate
 * toward zero and must fit; decimals round HALF_UP to the target scale and must fit its
 * precision (SeaTunnel rounds CEILING and never checks); text is parsed (integers, decimals,
 * booleans, ISO dates and times); bigint to timestamp reads epoch milliseconds in the local zone;
 * an int to date reads yyyymmdd, to time hhmmss. Returns undefined when the cast can never work.
 */
export function castConverter(from: DataType, to: DataType): Converter | undefined {
  if (from.kind === 'null') return (v) => v;
  if (sameDataType(from, to) && to.kind !== 'decimal') return (v) => v;
  switch (to.kind) {
    case 'string':
      return (v) => valueText(v, from);
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return toInteger(from, to.kind);
    case 'float':
    case 'double': {
      const round = to.kind === 'float' ? Math.fround : (n: number): number => n;
      if (isSmallInteger(from) || isFloating(from)) return (v) => round(v as number);
      if (from.kind === 'bigint' || from.kind === 'decimal') return (v) => round(Number(v));
      if (from.kind === 'string') return (v) => round(parseJavaDouble(v as string, to.kind));
      if (from.kind === 'boolean') return (v) => (v === true ? 1 : 0);
      return undefined;
    }
    case 'decimal':
      return toDecimal(from, to.precision, to.scale);
    case 'boolean':
      if (from.kind === 'string') {
        return (v) => {
          const text = (v as string).trim().toLowerCase();
          if (text === 'true') return true;
          if (text === 'false') return false;
          throw new SqlEvaluationError(`cannot cast '${v as string}' to boolean`);
        };
      }
      if (isNumeric(from)) return (v) => (from.kind === 'decimal' ? /[1-9]/.test(v as string) : Number(v) !== 0);
      return undefined;
    case 'date':
      if (from.kind === 'timestamp') return (v) => (v as string).slice(0, (v as string).indexOf('T'));
      if (from.kind === 'string') return (v) => parseDateText(v as string);
      if (isInteger(from)) return (v) => dateFromNumber(Number(v));
      return undefined;
    case 'time':
      if (from.kind === 'timestamp') return (v) => (v as string).slice((v as string).indexOf('T') + 1);
      if (from.kind === 'date') return () => '00:00:00';
      if (from.kind === 'string') return (v) => parseTimeText(v as string);
      if (isInteger(from)) return (v) => timeFromNumber(Number(v));
      return undefined;
    case 'timestamp':
      if (from.kind === 'date') return (v) => `${v as string}T00:00:00`;
      if (from.kind === 'time') return (v) => `${formatDateValue(localParts(new Date()))}T${v as string}`;
      if (from.kind === 'bigint' || isSmallInteger(from)) return (v) => formatTimestampValue(systemZoneParts(Number(v)));
      if (from.kind === 'string') return (v) => parseTimestampText(v as string);
      return undefined;
    case 'bytes':
      if (from.kind === 'bytes') return (v) => v;
      return (v) => new Uint8Array(Buffer.from(valueText(v, from), 'utf8'));
    default:
      return undefined;
  }
}

function toInteger(from: DataType, kind: 'tinyint' | 'smallint' | 'int' | 'bigint'): Converter | undefined {
  const [min, max] = INTEGER_RANGE[kind] as [bigint, bigint];
  const out = (n: bigint, shown: unknown): unknown => {
    if (n < min || n > max) throw new SqlEvaluationError(`${String(shown)} is out of range for ${kind}`);
    return kind === 'bigint' ? n : Number(n);
  };
  if (isSmallInteger(from) && kind !== 'bigint') {
    const [lo, hi] = NUMBER_RANGE[kind] as [number, number];
    return (v) => {
      if ((v as number) < lo || (v as number) > hi) throw new SqlEvaluationError(`${v as number} is out of range for ${kind}`);
      return v;
    };
  }
  if (isInteger(from)) return (v) => out(BigInt(v as number | bigint), v);
  if (isFloating(from)) {
    return (v) => {
      if (!Number.isFinite(v as number)) throw new SqlEvaluationError(`${v as number} cannot be cast to ${kind}`);
      return out(BigInt(Math.trunc(v as number)), v);
    };
  }
  if (from.kind === 'decimal') return (v) => out(unscaledOf(v as string, from.scale) / pow10(from.scale), v);
  if (from.kind === 'string') {
    return (v) => {
      const text = (v as string).trim();
      if (!/^[+-]?\d+$/.test(text)) throw new SqlEvaluationError(`cannot cast '${v as string}' to ${kind}`);
      return out(BigInt(text), `'${v as string}'`);
    };
  }
  if (from.kind === 'boolean') return undefined;
  return undefined;
}

function toDecimal(from: DataType, precision: number, scale: number): Converter | undefined {
  const finish = (unscaled: bigint): string => decimalText(checkPrecision(unscaled, precision, scale), scale);
  if (isInteger(from)) return (v) => finish(BigInt(v as number | bigint) * pow10(scale));
  if (from.kind === 'decimal') {
    if (from.scale === scale && from.precision - from.scale <= precision - scale) return (v) => v;
    return (v) => finish(rescale(unscaledOf(v as string, from.scale), from.scale, scale));
  }
  const fromText = (text: string, shown: string): string => {
    const parsed = parseDecimalText(text);
    if (parsed === undefined) throw new SqlEvaluationError(`cannot cast ${shown} to decimal(${precision}, ${scale})`);
    return finish(rescale(parsed.unscaled, parsed.scale, scale));
  };
  if (isFloating(from)) return (v) => fromText(javaDoubleToString(v as number), javaDoubleToString(v as number));
  if (from.kind === 'string') return (v) => fromText(v as string, `'${v as string}'`);
  return undefined;
}

/** Double.parseDouble: surrounding blanks, NaN, Infinity, exponents and a d/f suffix allowed. */
function parseJavaDouble(text: string, kind: string): number {
  const trimmed = text.trim();
  if (/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?)$/.test(trimmed)) return Number(trimmed.replace(/[dDfF]$/, '').replace(/^\+/, ''));
  throw new SqlEvaluationError(`cannot cast '${text}' to ${kind}`);
}

/** `YYYY-MM-DD`, also the date of an ISO timestamp text. */
export function parseDateText(text: string): string {
  const match = /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$/.exec(text);
  if (match === null) throw new SqlEvaluationError(`cannot cast '${text}' to date`);
  return checkedDate(Number(match[1]), Number(match[2]), Number(match[3]), text);
}

export function parseTimeText(text: string): string {
  const match = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*$/.exec(text);
  if (match === null) throw new SqlEvaluationError(`cannot cast '${text}' to time`);
  return checkedTime(Number(match[1]), Number(match[2]), Number(match[3] ?? 0), match[4] ?? '', text);
}

/** `YYYY-MM-DD[( |T)HH:MM[:SS[.fraction]]]`. */
export function parseTimestampText(text: string): string {
  const match = /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*$/.exec(text);
  if (match === null) throw new SqlEvaluationError(`cannot cast '${text}' to timestamp`);
  const date = checkedDate(Number(match[1]), Number(match[2]), Number(match[3]), text);
  return `${date}T${checkedTime(Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0), match[7] ?? '', text)}`;
}

function checkedDate(year: number, month: number, day: number, text: string): string {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new SqlEvaluationError(`'${text}' is not a valid date`);
  return formatDateValue({ year, month, day });
}

function checkedTime(hour: number, minute: number, second: number, fraction: string, text: string): string {
  if (hour > 23 || minute > 59 || second > 59) throw new SqlEvaluationError(`'${text}' is not a valid time`);
  const base = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
  const digits = fraction.slice(1).replace(/0+$/, '');
  return digits === '' ? base : `${base}.${digits}`;
}

function dateFromNumber(n: number): string {
  return checkedDate(Math.trunc(n / 10000), Math.trunc(n / 100) % 100, n % 100, String(n));
}

function timeFromNumber(n: number): string {
  return checkedTime(Math.trunc(n / 10000), Math.trunc(n / 100) % 100, n % 100, '', String(n));
}

export const MAX_PRECISION = MAX_DECIMAL_PRECISION;
