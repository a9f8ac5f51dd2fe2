import type { DataType } from '../../core/data-type.js';
import { decimalPrecision, decimalScale } from '../common/decimal-text.js';
import { javaString } from '../common/java-text.js';
import type { AssertRule } from './assert-rules.js';

/**
 * AssertExecutor's checks in terms of the core encoding. In SeaTunnel a value's Java class comes
 * from its column type, so "the value's class equals field_type's class" becomes "the column
 * type equals field_type", walked through arrays, maps and rows element by element as
 * checkType walks the values (so an empty array passes whatever its element type).
 */
export function typeMatches(value: unknown, fieldType: DataType, columnType: DataType): boolean {
  if (value === null || value === undefined) return true;
  if (fieldType.kind === 'null') return false;
  switch (fieldType.kind) {
    case 'row': {
      if (columnType.kind !== 'row' || !Array.isArray(value)) return false;
      return value.every((field, i) => {
        const want = fieldType.fields[i]?.type;
        const have = columnType.fields[i]?.type;
        return want !== undefined && have !== undefined && typeMatches(field, want, have);
      });
    }
    case 'array':
      if (columnType.kind !== 'array' || !Array.isArray(value)) return false;
      return value.every((item) => typeMatches(item, fieldType.element, columnType.element));
    case 'map':
      if (columnType.kind !== 'map' || !(value instanceof Map)) return false;
      for (const [k, v] of value) if (!typeMatches(k, fieldType.key, columnType.key) || !typeMatches(v, fieldType.value, columnType.value)) return false;
      return true;
    case 'decimal':
      // BigDecimal: same scale, and no more significant digits than the declared precision.
      return columnType.kind === 'decimal' && typeof value === 'string' && decimalScale(value) === fieldType.scale && decimalPrecision(value) <= fieldType.precision;
    default:
      return columnType.kind === fieldType.kind;
  }
}

const NUMERIC = new Set(['tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'decimal']);

/**
 * One `field_value` entry: its rule_type (NULL, NOT_NULL, MIN/MAX on numbers, MIN_LENGTH /
 * MAX_LENGTH on String.valueOf, null counting as "") and, for a non-null value, equality with
 * `expected` (equals_to already converted to the column type). Both parts must hold.
 */
export function ruleHolds(value: unknown, columnType: DataType, rule: AssertRule, expected: unknown): boolean {
  let pass = true;
  const isNull = value === null || value === undefined;
  switch (rule.ruleType) {
    case undefined:
      break;
    case 'NULL':
      pass = isNull;
      break;
    case 'NOT_NULL':
      pass = !isNull;
      break;
    case 'MIN':
    case 'MAX': {
      if (isNull || !NUMERIC.has(columnType.kind)) {
        pass = false;
        break;
      }
      const number = Number(value);
      pass = rule.ruleType === 'MIN' ? number >= (rule.ruleValue as number) : number <= (rule.ruleValue as number);
      break;
    }
    case 'MIN_LENGTH':
    case 'MAX_LENGTH': {
      const length = isNull ? 0 : javaString(value, columnType).length;
      pass = rule.ruleType === 'MIN_LENGTH' ? length >= (rule.ruleValue as number) : length <= (rule.ruleValue as number);
      break;
    }
    default:
      // MAX_ROW / MIN_ROW are row rules; as field rules they never pass (AssertExecutor's default).
      pass = false;
  }
  if (!isNull && rule.equalsTo !== undefined) pass = pass && valuesEqual(value, expected, columnType);
  return pass;
}

/** AssertExecutor.compareValue: rows and arrays element-wise, maps by key, bytes by content. */
export function valuesEqual(a: unknown, b: unknown, type: DataType): boolean {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull && bNull;
  switch (type.kind) {
    case 'null':
      return false;
    case 'row':
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => valuesEqual(v, b[i], type.fields[i]?.type ?? { kind: 'string' }));
    case 'array':
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => valuesEqual(v, b[i], type.element));
    case 'map': {
      if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
      for (const [key, expected] of b) {
        if (!a.has(key) || !valuesEqual(a.get(key), expected, type.value)) return false;
      }
      return true;
    }
    case 'bytes':
      return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((v, i) => v === b[i]);
    case 'float':
      return Object.is(Math.fround(a as number), Math.fround(b as number)) || Math.fround(a as number) === Math.fround(b as number);
    case 'double':
      return Object.is(a, b) || a === b;
    case 'time':
    case 'timestamp':
      return typeof a === 'string' && typeof b === 'string' && trimFraction(a) === trimFraction(b);
    default:
      return a === b;
  }
}

/** `12:00:00.500` and `12:00:00.5` are the same LocalTime. */
function trimFraction(text: string): string {
  return text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}
