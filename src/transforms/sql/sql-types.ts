import { formatDataType, MAX_DECIMAL_PRECISION, sameDataType, type DataType } from '../../core/data-type.js';

/** Type helpers of the Sql transform (SeaTunnel's ZetaSQLType rules, widened where they would lose data). */

export const STRING: DataType = { kind: 'string' };
export const BOOLEAN: DataType = { kind: 'boolean' };
export const INT: DataType = { kind: 'int' };
export const BIGINT: DataType = { kind: 'bigint' };
export const DOUBLE: DataType = { kind: 'double' };
export const NULL_TYPE: DataType = { kind: 'null' };
export const DATE: DataType = { kind: 'date' };
export const TIME: DataType = { kind: 'time' };
export const TIMESTAMP: DataType = { kind: 'timestamp' };
export const BYTES: DataType = { kind: 'bytes' };

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const BIGINT_MIN = -9223372036854775808n;
export const BIGINT_MAX = 9223372036854775807n;

export function decimalType(precision: number, scale: number): DataType {
  return { kind: 'decimal', precision, scale };
}

/** tinyint, smallint and int: held as JS numbers. */
export function isSmallInteger(type: DataType): boolean {
  return type.kind === 'tinyint' || type.kind === 'smallint' || type.kind === 'int';
}

export function isInteger(type: DataType): boolean {
  return isSmallInteger(type) || type.kind === 'bigint';
}

export function isFloating(type: DataType): boolean {
  return type.kind === 'float' || type.kind === 'double';
}

export function isNumeric(type: DataType): boolean {
  return isInteger(type) || isFloating(type) || type.kind === 'decimal';
}

export function isTemporal(type: DataType): boolean {
  return type.kind === 'date' || type.kind === 'time' || type.kind === 'timestamp';
}

/** Values held as JS numbers: the small integers, float and double. */
export function isJsNumber(type: DataType): boolean {
  return isSmallInteger(type) || isFloating(type);
}

/** The decimal(p, s) an exact numeric type fits in: integers as decimal(3|5|10|19, 0). */
export function asDecimal(type: DataType): { precision: number; scale: number } {
  switch (type.kind) {
    case 'tinyint':
      return { precision: 3, scale: 0 };
    case 'smallint':
      return { precision: 5, scale: 0 };
    case 'int':
      return { precision: 10, scale: 0 };
    case 'bigint':
      return { precision: 19, scale: 0 };
    case 'decimal':
      return { precision: type.precision, scale: type.scale };
    default:
      throw new Error(`${formatDataType(type)} is not an exact numeric type`);
  }
}

/**
 * A decimal(p, s) bounded to 38 digits the way Spark and Hive do: when p exceeds 38, integer
 * digits are kept and the scale shrinks, but not below min(s, 6).
 */
export function boundedDecimal(precision: number, scale: number): DataType {
  if (precision <= MAX_DECIMAL_PRECISION) return decimalType(Math.max(precision, 1), scale);
  const integerDigits = precision - scale;
  const minScale = Math.min(scale, 6);
  const bounded = Math.max(MAX_DECIMAL_PRECISION - integerDigits, minScale);
  return decimalType(MAX_DECIMAL_PRECISION, bounded);
}

/**
 * The result type of decimal arithmetic, wide enough for the exact result (SQL's rules as Spark
 * and Hive apply them). SeaTunnel declares decimal(max p, max s), which cannot hold sums and
 * products of large values; Sluice widens instead of losing digits.
 */
export function decimalResult(op: '+' | '-' | '*' | '/' | '%', a: { precision: number; scale: number }, b: { precision: number; scale: number }): DataType {
  switch (op) {
    case '+':
    case '-': {
      const scale = Math.max(a.scale, b.scale);
      return boundedDecimal(Math.max(a.precision - a.scale, b.precision - b.scale) + scale + 1, scale);
    }
    case '*':
      return boundedDecimal(a.precision + b.precision + 1, a.scale + b.scale);
    case '/': {
      const scale = Math.max(6, a.scale + b.precision + 1);
      return boundedDecimal(a.precision - a.scale + b.scale + scale, scale);
    }
    case '%': {
      const scale = Math.max(a.scale, b.scale);
      return boundedDecimal(Math.min(a.precision - a.scale, b.precision - b.scale) + scale, scale);
    }
  }
}

/** The narrowest numeric type both fit in (ZetaSQLType.getMaxType): decimal over double over bigint over int. */
export function widerNumeric(a: DataType, b: DataType): DataType {
  if (sameDataType(a, b)) return a;
  if (a.kind === 'decimal' || b.kind === 'decimal') {
    if (isFloating(a) || isFloating(b)) return DOUBLE;
    const x = asDecimal(a);
    const y = asDecimal(b);
    const scale = Math.max(x.scale, y.scale);
    return boundedDecimal(Math.max(x.precision - x.scale, y.precision - y.scale) + scale, scale);
  }
  if (isFloating(a) || isFloating(b)) return a.kind === 'float' && b.kind === 'float' ? a : DOUBLE;
  if (a.kind === 'bigint' || b.kind === 'bigint') return BIGINT;
  const rank = ['tinyint', 'smallint', 'int'];
  return rank.indexOf(a.kind) >= rank.indexOf(b.kind) ? a : b;
}

/**
 * The common type of CASE branches, COALESCE arguments and IN lists: the same type, a wider
 * numeric type, a timestamp for dates with timestamps; the null type gives way to any other.
 * Undefined when the types cannot meet.
 */
export function commonType(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (sameDataType(a, b)) return a;
  if (isNumeric(a) && isNumeric(b)) return widerNumeric(a, b);
  if ((a.kind === 'date' && b.kind === 'timestamp') || (a.kind === 'timestamp' && b.kind === 'date')) return TIMESTAMP;
  return undefined;
}

export function typeName(type: DataType): string {
  return formatDataType(type);
}
