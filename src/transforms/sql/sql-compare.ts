import type { DataType } from '../../core/data-type.js';
import { unscaledOf } from './exact-decimal.js';
import { widening, type Converter } from './sql-convert.js';
import { commonType, isFloating, isInteger, isJsNumber } from './sql-types.js';

/** Orders two non-null values: negative, 0, positive, or NaN when they are unordered (NaN). */
export type Comparator = (a: unknown, b: unknown) => number;

/** How two operands of given types are compared: converters to apply first, then the comparator. */
export interface ComparisonPlan {
  left: Converter | undefined;
  right: Converter | undefined;
  compare: Comparator;
  /** The type both sides are compared as. */
  type: DataType;
}

/**
 * JavaScript's own ordering, exact across numbers and bigints (`1 < 2n`), and UTF-16 code-unit
 * order for strings, as Java's String.compareTo.
 */
export const jsCompare: Comparator = (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : (a as number) == (b as number) ? 0 : NaN);

/**
 * Numbers compare exactly whatever their types (an int with a bigint, a bigint with a double,
 * decimals at a common scale; a decimal with a double as doubles); strings by code units; dates,
 * times and timestamps in time order (a date is midnight of its day); booleans false before true;
 * bytes unsigned, byte by byte. Undefined when the types cannot be compared.
 */
export function comparisonPlan(a: DataType, b: DataType): ComparisonPlan | undefined {
  if (a.kind === 'null' || b.kind === 'null') return { left: undefined, right: undefined, compare: jsCompare, type: a.kind === 'null' ? b : a };
  if ((isJsNumber(a) || a.kind === 'bigint') && (isJsNumber(b) || b.kind === 'bigint')) {
    return { left: undefined, right: undefined, compare: jsCompare, type: isFloating(a) || isFloating(b) ? { kind: 'double' } : a };
  }
  const type = commonType(a, b);
  if (type === undefined) return undefined;
  if (type.kind === 'double' && (a.kind === 'decimal' || b.kind === 'decimal')) {
    const toNumber: Converter = (v) => Number(v);
    return { left: a.kind === 'decimal' ? toNumber : undefined, right: b.kind === 'decimal' ? toNumber : undefined, compare: jsCompare, type };
  }
  switch (type.kind) {
    case 'decimal': {
      const scale = type.scale;
      const side = (t: DataType): Converter => (isInteger(t) ? (v) => BigInt(v as number | bigint) * 10n ** BigInt(scale) : (v) => unscaledOf(v as string, scale));
      return { left: side(a), right: side(b), compare: jsCompare, type };
    }
    case 'string':
    case 'boolean':
    case 'date':
      return { left: undefined, right: undefined, compare: jsCompare, type };
    case 'time':
    case 'timestamp': {
      const widenLeft = widening(a, type);
      const widenRight = widening(b, type);
      return {
        left: widenLeft === undefined ? normalTime : (v) => normalTime(widenLeft(v)),
        right: widenRight === undefined ? normalTime : (v) => normalTime(widenRight(v)),
        compare: jsCompare,
        type,
      };
    }
    case 'bytes':
      return { left: undefined, right: undefined, compare: compareBytes, type };
    default:
      return undefined;
  }
}

/** Time text without trailing fraction zeros, so that equal times are equal text and text order is time order. */
export function normalTime(value: unknown): string {
  const text = value as string;
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end === dot + 1 ? text.slice(0, dot) : text.slice(0, end);
}

function compareBytes(a: unknown, b: unknown): number {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
