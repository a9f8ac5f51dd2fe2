import { formatDataType, type DataType } from '../../core/data-type.js';
import { describeValue } from '../common/config-path.js';
import { ValueConversionError } from '../common/config-value.js';
import { DecimalRangeError, toDecimalText } from '../common/decimal-text.js';
import { javaDouble } from '../common/java-text.js';
import { smallDigits } from '../common/whole-number-text.js';
import type { TemporalFormats } from './temporal-formats.js';
import { formatTemporal, isoTimestamp, parseDateWith, parseTimeWith, parseTimestampWith } from './temporal-pattern.js';

/**
 * Field values as text and csv files hold them (SeaTunnel's TextSerializationSchema and
 * TextDeserializationSchema): scalars as text, null as the empty string, bytes as UTF-8 text,
 * arrays / maps / rows flattened with Hive's separators one nesting level down (`\u0002` between
 * the elements of a top-level array, `\u0003` between a map key and its value, ...).
 *
 * Two deliberate differences, both to keep values exact: floating point numbers print the
 * shortest digits that read back to the same double, and a map's keys and values nest one level
 * below its entry separator (SeaTunnel reuses the key/value separator for nested collections).
 */
export const HIVE_SEPARATORS: readonly string[] = ['\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007'];

export interface TextValueFormat {
  /** `separators[0]` separates the fields of a line; deeper levels separate nested values. */
  separators: readonly string[];
  temporal: TemporalFormats;
}

export function valueToText(value: unknown, type: DataType, level: number, format: TextValueFormat): string {
  if (value === null || value === undefined) return '';
  switch (type.kind) {
    case 'string':
    case 'decimal':
      return String(value);
    case 'float':
    case 'double':
      return typeof value === 'number' ? javaDouble(value) : String(value);
    case 'date':
      return formatTemporal(String(value), format.temporal.date);
    case 'time':
      return formatTemporal(String(value), format.temporal.time);
    case 'timestamp':
      return formatTemporal(String(value), format.temporal.datetime);
    case 'null':
      return '';
    case 'bytes':
      return Buffer.from(value as Uint8Array).toString('utf8');
    case 'array':
      return (value as unknown[]).map((item) => valueToText(item, type.element, level + 1, format)).join(separator(format, level + 1));
    case 'map': {
      const entry = separator(format, level + 1);
      const pair = separator(format, level + 2);
      const parts: string[] = [];
      for (const [k, v] of value as Map<unknown, unknown>) {
        parts.push(`${valueToText(k, type.key, level + 2, format)}${pair}${valueToText(v, type.value, level + 2, format)}`);
      }
      return parts.join(entry);
    }
    case 'row':
      return (value as unknown[]).map((item, i) => valueToText(item, (type.fields[i] as { type: DataType }).type, level + 1, format)).join(separator(format, level + 1));
    default:
      return String(value);
  }
}

/** Reads a field; the empty string is null (as SeaTunnel reads it). Throws ValueConversionError. */
export function textToValue(text: string, type: DataType, level: number, format: TextValueFormat): unknown {
  if (text === '') return null;
  switch (type.kind) {
    case 'string':
      return text;
    case 'boolean': {
      if (text === 'true') return true;
      if (text === 'false') return false;
      const lower = text.trim().toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      return fail(type, text);
    }
    case 'tinyint':
      return smallWhole(type, text, 127);
    case 'smallint':
      return smallWhole(type, text, 32767);
    case 'int':
      return smallWhole(type, text, 2147483647);
    case 'bigint': {
      const whole = wholeNumber(text);
      if (whole === undefined || whole < MIN_INT64 || whole > MAX_INT64) return fail(type, text);
      return whole;
    }
    case 'float':
    case 'double':
      return parseJavaDouble(text) ?? fail(type, text);
    case 'decimal':
      try {
        return toDecimalText(text.trim(), type.precision, type.scale);
      } catch (error) {
        if (error instanceof DecimalRangeError) throw new ValueConversionError(`${error.message}, for ${formatDataType(type)}`);
        throw error;
      }
    case 'date':
      return parseDateWith(format.temporal.readDate, text.trim()) ?? fail(type, text, `a date like ${format.temporal.date.text}`);
    case 'time':
      return parseTimeWith(format.temporal.readTime, text.trim()) ?? fail(type, text, `a time like ${format.temporal.time.text}`);
    case 'timestamp':
      // Every read list holds both ISO patterns, which read ISO text as isoTimestamp does.
      return isoTimestamp(text) ?? parseTimestampWith(format.temporal.readDatetime, text.trim()) ?? fail(type, text, `a timestamp like ${format.temporal.datetime.text}`);
    case 'null':
      return null;
    case 'bytes':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'array':
      return text.split(separator(format, level + 1)).map((item, i) => nested(`[${i}]`, () => textToValue(item, type.element, level + 1, format)));
    case 'map': {
      const map = new Map<unknown, unknown>();
      const pair = separator(format, level + 2);
      for (const entry of text.split(separator(format, level + 1))) {
        const at = entry.indexOf(pair);
        const keyText = at < 0 ? entry : entry.slice(0, at);
        const key = nested(`.${keyText}`, () => textToValue(keyText, type.key, level + 2, format));
        map.set(key, at < 0 ? null : nested(`.${keyText}`, () => textToValue(entry.slice(at + pair.length), type.value, level + 2, format)));
      }
      return map;
    }
    case 'row': {
      const parts = text.split(separator(format, level + 1));
      return type.fields.map((field, i) => nested(`.${field.name}`, () => textToValue(parts[i] ?? '', field.type, level + 1, format)));
    }
  }
}

/**
 * textToValue for fields of one type, chosen once per column: the common kinds try their fast
 * path without the per-value switch, and fall back to textToValue for everything else.
 */
export function textReader(type: DataType, format: TextValueFormat): (text: string) => unknown {
  const general = (text: string): unknown => textToValue(text, type, 0, format);
  switch (type.kind) {
    case 'string':
      return (text) => (text === '' ? null : text);
    case 'bigint':
      return (text) => {
        const small = smallDigits(text);
        return small === undefined ? general(text) : BigInt(small);
      };
    case 'float':
    case 'double':
      return (text) => {
        const plain = plainNumber(text);
        return plain === plain ? plain : general(text);
      };
    case 'timestamp':
      return (text) => (text === '' ? null : (isoTimestamp(text) ?? general(text)));
    default:
      return general;
  }
}

/** Double.parseDouble's syntax: decimal or exponent notation, NaN, Infinity, an optional f/d suffix. */
export function parseJavaDouble(text: string): number | undefined {
  const plain = plainNumber(text);
  if (plain === plain) return plain;
  const trimmed = text.trim();
  if (/^[+-]?(NaN|Infinity)$/.test(trimmed)) return Number(trimmed.replace(/^\+/, ''));
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/[fFdD]$/, ''));
}

export function wholeNumber(text: string): bigint | undefined {
  const small = smallDigits(text);
  if (small !== undefined) return BigInt(small);
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) ? BigInt(trimmed) : undefined;
}

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * Number(text) when `text` starts with a digit or `-` and ends with a digit (not `0x..`, `0b..`,
 * `0o..`), where Number() reads exactly what Double.parseDouble does; NaN otherwise.
 */
function plainNumber(text: string): number {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (!((first >= 48 && first <= 57) || first === 45) || !(last >= 48 && last <= 57)) return NaN;
  const second = text.charCodeAt(1) | 0x20;
  return second === 0x78 || second === 0x62 || second === 0x6f ? NaN : Number(text);
}

function smallWhole(type: DataType, text: string, max: number): number {
  const small = smallDigits(text);
  if (small !== undefined && small >= -max - 1 && small <= max) return small;
  const whole = wholeNumber(text);
  if (whole === undefined || whole < -BigInt(max) - 1n || whole > BigInt(max)) return fail(type, text);
  return Number(whole);
}

function separator(format: TextValueFormat, level: number): string {
  const found = format.separators[level];
  if (found === undefined) throw new ValueConversionError(`values nest deeper than the ${format.separators.length} levels text and csv files can separate`);
  return found;
}

function nested<T>(where: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ValueConversionError) throw new ValueConversionError(error.detail, where + error.path);
    throw error;
  }
}

function fail(type: DataType, raw: string, expected?: string): never {
  throw new ValueConversionError(`expected ${expected ?? formatDataType(type)}, got ${describeValue(raw)}`);
}
