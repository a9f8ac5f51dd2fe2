import { formatDataType, type DataType } from '../../core/data-type.js';
import { asText, JsonNumber, writeJson, type JsonNode } from './json-node.js';

/**
 * Turns what a JSONPath read into a value of the destination column, encoded as `value.ts` says.
 * The rules are those of SeaTunnel's `JsonToRowConverters` (which JsonPath uses), working on the
 * Jackson node of the result:
 *
 * - null → null, for every type.
 * - string: an object or array as compact JSON, a number as Java prints it (`3.14`, `1.0E20`,
 *   `42`), a boolean as `true`/`false`.
 * - boolean: a JSON boolean, else `true` exactly when the text is "true" in any case.
 * - tinyint, smallint: the text must be a whole number in range (`3.0` fails, as in Java).
 * - int, bigint: a JSON number in range is truncated towards zero (`42.9` → 42); otherwise the text
 *   must be a whole number in range.
 * - float, double: a number, or text Java's `Double.parseDouble` accepts (`1e3`, ` 2.5 `, `NaN`).
 *   A float holds the double nearest the text (so it prints as written); beyond float range it
 *   becomes ±Infinity or 0, as Java's float does.
 * - decimal(p, s): any decimal text (`1.5`, `1e3`); rounded half-up to s fraction digits (SeaTunnel
 *   keeps the unrounded BigDecimal; Sluice's decimals always have exactly s digits); more than p - s
 *   integer digits fail.
 * - date: `yyyy-MM-dd`, `yyyy/MM/dd`, `yyyy.MM.dd`, `yyyyMMdd`, `yyyy年MM月dd日`.
 * - time: `HH:mm:ss[.fraction]`.
 * - timestamp: `yyyy-MM-dd HH:mm:ss[.fraction]` with `-`, `/` or `.` between date parts and a space
 *   or `T` before the time, `yyyy-M-d H:mm[:ss]`, `yyyyMMddHHmmss`, `yyyy年MM月dd日 HH时mm分ss秒`; a
 *   trailing zone offset (`Z`, `+08:00`) is dropped, keeping the wall-clock time, as SeaTunnel does.
 *   For date, time and timestamp an empty text (or an object/array) gives null. SeaTunnel picks the
 *   format from the first value of a field and reuses it; Sluice matches each value on its own.
 * - bytes: a JSON string holding base64; any other node gives null (Jackson's binaryValue).
 * - array<T>, map<K, V>, row: a JSON array, object, and array-or-object respectively, converted
 *   element by element (a row takes array elements by position, object members by field name).
 *   SeaTunnel turns a mismatched node into an empty array/map or an all-null row; Sluice reports
 *   a conversion error instead, which the error-handling options then handle.
 *
 * A value that does not convert throws JsonConversionError (a data error).
 */
export type JsonConverter = (node: JsonNode) => unknown;

export class JsonConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonConversionError';
  }
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

/** Builds the converter for `type` once, at bind time. */
export function jsonConverter(type: DataType): JsonConverter {
  const convert = notNullConverter(type);
  return (node) => (node === null ? null : convert(node));
}

function notNullConverter(type: DataType): JsonConverter {
  switch (type.kind) {
    case 'null':
      return () => null;
    case 'string':
      return (node) => (Array.isArray(node) || node instanceof Map ? writeJson(node) : asText(node));
    case 'boolean':
      return (node) => (typeof node === 'boolean' ? node : javaTrim(asText(node)).toLowerCase() === 'true');
    case 'tinyint':
      return (node) => Number(parseWholeNumber(javaTrim(asText(node)), -128n, 127n, 'tinyint'));
    case 'smallint':
      return (node) => Number(parseWholeNumber(javaTrim(asText(node)), -32768n, 32767n, 'smallint'));
    case 'int':
      return (node) => {
        const truncated = node instanceof JsonNumber ? truncateInRange(node, BigInt(INT_MIN), BigInt(INT_MAX)) : undefined;
        return Number(truncated ?? parseWholeNumber(javaTrim(asText(node)), BigInt(INT_MIN), BigInt(INT_MAX), 'int'));
      };
    case 'bigint':
      return (node) => {
        const truncated = node instanceof JsonNumber ? truncateInRange(node, LONG_MIN, LONG_MAX) : undefined;
        return truncated ?? parseWholeNumber(javaTrim(asText(node)), LONG_MIN, LONG_MAX, 'bigint');
      };
    case 'double':
      return (node) => (node instanceof JsonNumber && node.isDouble ? Number(node.text) : parseJavaDouble(asText(node)));
    case 'float':
      return (node) => toFloat(node instanceof JsonNumber && node.isDouble ? Number(node.text) : parseJavaDouble(asText(node)));
    case 'decimal': {
      const { precision, scale } = type;
      return (node) => toDecimal(node instanceof JsonNumber ? node.text : asText(node), precision, scale);
    }
    case 'date':
      return (node) => emptyToNull(asText(node), parseDate);
    case 'time':
      return (node) => emptyToNull(asText(node), parseTime);
    case 'timestamp':
      return (node) => emptyToNull(asText(node), parseTimestamp);
    case 'bytes':
      return (node) => (typeof node === 'string' ? decodeBase64(node) : null);
    case 'array': {
      const element = jsonConverter(type.element);
      const name = formatDataType(type);
      return (node) => {
        if (!Array.isArray(node)) throw new JsonConversionError(`expected a JSON array for ${name}`);
        const out = new Array<unknown>(node.length);
        for (let i = 0; i < node.length; i++) out[i] = element(node[i] as JsonNode);
        return out;
      };
    }
    case 'map': {
      const key = jsonConverter(type.key);
      const value = jsonConverter(type.value);
      const name = formatDataType(type);
      return (node) => {
        if (!(node instanceof Map)) throw new JsonConversionError(`expected a JSON object for ${name}`);
        const out = new Map<unknown, unknown>();
        for (const [k, v] of node) out.set(key(k), value(v));
        return out;
      };
    }
    case 'row': {
      const names = type.fields.map((field) => field.name);
      const fields = type.fields.map((field) => jsonConverter(field.type));
      return (node) => {
        const out = new Array<unknown>(fields.length);
        if (Array.isArray(node)) {
          for (let i = 0; i < fields.length; i++) out[i] = (fields[i] as JsonConverter)(node[i] ?? null);
        } else if (node instanceof Map) {
          for (let i = 0; i < fields.length; i++) out[i] = (fields[i] as JsonConverter)(node.get(names[i] as string) ?? null);
        } else {
          throw new JsonConversionError('expected a JSON array or object for a row');
        }
        return out;
      };
    }
  }
}

/** Java's String.trim: strips every char <= U+0020 at both ends. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Integer.parseInt and friends: an optional sign and decimal digits, within the type's range. */
function parseWholeNumber(text: string, min: bigint, max: bigint, type: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new JsonConversionError(`not a whole number, cannot be read as ${type}`);
  const value = BigInt(text);
  if (value < min || value > max) throw new JsonConversionError(`out of range for ${type}`);
  return value;
}

/**
 * Jackson's canConvertToInt/Long + asInt/Long on a number node: in range → truncated towards zero,
 * else undefined (and the caller parses the text, which then fails).
 */
function truncateInRange(node: JsonNumber, min: bigint, max: bigint): bigint | undefined {
  let value: bigint;
  if (node.integral) {
    value = BigInt(node.text);
  } else if (node.isDouble) {
    const double = Number(node.text);
    if (double < Number(min) || double > Number(max)) return undefined;
    value = BigInt(Math.trunc(double));
    return value > max ? max : value < min ? min : value; // (long) of 2^63 saturates
  } else {
    const decimal = parseDecimal(node.text);
    if (decimal === undefined) return undefined;
    value = decimalInteger(decimal);
  }
  return value < min || value > max ? undefined : value;
}

/** Double.parseDouble: trims, accepts a sign, NaN, Infinity, exponents and a d/f suffix. */
function parseJavaDouble(text: string): number {
  const trimmed = javaTrim(text);
  const match = /^([+-]?)(?:(NaN)|(Infinity)|((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?)$/.exec(trimmed);
  if (match === null) throw new JsonConversionError('not a number, cannot be read as a floating-point value');
  if (match[2] !== undefined) return NaN;
  const sign = match[1] === '-' ? -1 : 1;
  if (match[3] !== undefined) return sign * Infinity;
  return sign * Number(match[4]);
}

function toFloat(value: number): number {
  const float = Math.fround(value);
  return float === 0 || !Number.isFinite(float) ? float : value;
}

interface Decimal {
  negative: boolean;
  /** Unscaled digits, without leading zeros ("0" for zero). */
  digits: string;
  /** value = digits × 10^-scale; may be negative. */
  scale: number;
}

/** BigDecimal(String) syntax: optional sign, digits with an optional point, optional exponent. */
function parseDecimal(text: string): Decimal | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) return undefined;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  return { negative: match[1] === '-', digits, scale: fraction.length - Number(match[4] ?? '0') };
}

/** The integer part, truncated towards zero. */
function decimalInteger(decimal: Decimal): bigint {
  const { digits, scale } = decimal;
  const integer = scale <= 0 ? digits + '0'.repeat(-scale) : digits.slice(0, Math.max(0, digits.length - scale));
  const value = BigInt(integer === '' ? '0' : integer);
  return decimal.negative ? -value : value;
}

function toDecimal(text: string, precision: number, scale: number): string {
  const decimal = parseDecimal(text);
  if (decimal === undefined) throw new JsonConversionError(`not a decimal number, cannot be read as decimal(${precision}, ${scale})`);
  let unscaled: bigint;
  if (decimal.scale <= scale) {
    unscaled = BigInt(decimal.digits + '0'.repeat(scale - decimal.scale));
  } else {
    const drop = decimal.scale - scale;
    const kept = decimal.digits.length > drop ? decimal.digits.slice(0, decimal.digits.length - drop) : '0';
    const next = decimal.digits.length >= drop ? decimal.digits[decimal.digits.length - drop] ?? '0' : '0';
    unscaled = BigInt(kept) + (next >= '5' ? 1n : 0n); // ROUND_HALF_UP
  }
  let plain = unscaled.toString();
  if (plain.length > precision) throw new JsonConversionError(`does not fit decimal(${precision}, ${scale})`);
  plain = plain.padStart(scale + 1, '0');
  const integer = plain.slice(0, plain.length - scale);
  const fraction = plain.slice(plain.length - scale);
  const sign = decimal.negative && unscaled !== 0n ? '-' : '';
  return scale === 0 ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
}

function emptyToNull(text: string, parse: (text: string) => string): string | null {
  return text === '' ? null : parse(text);
}

const DATE_FORMS = [
  /^(\d{4})-(\d{2})-(\d{2})$/,
  /^(\d{4})年(\d{2})月(\d{2})日$/,
  /^(\d{4})\/(\d{2})\/(\d{2})$/,
  /^(\d{4})\.(\d{2})\.(\d{2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

function parseDate(text: string): string {
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    if (match !== null) return formatDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  throw new JsonConversionError('not a date in a supported format (like 2024-05-20)');
}

const TIME_FORM = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

function parseTime(text: string): string {
  const match = TIME_FORM.exec(text);
  if (match === null) throw new JsonConversionError('not a time in the format HH:mm:ss[.fraction]');
  return formatTime(Number(match[1]), Number(match[2]), Number(match[3]), match[4]);
}

/** [regex, index of year, month, day, hour, minute, second, fraction] */
const TIMESTAMP_FORMS: [RegExp, number[]][] = [
  [/^(\d{4})([-/.])(\d{2})\2(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|[+-]\d{2}:\d{2})?$/, [1, 3, 4, 5, 6, 7, 8]],
  [/^(\d{4})([-/])(\d{1,2})\2(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/, [1, 3, 4, 5, 6, 7, 0]],
  [/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, [1, 2, 3, 4, 5, 6, 0]],
  [/^(\d{4})年(\d{2})月(\d{2})日 (\d{2})时(\d{2})分(\d{2})秒$/, [1, 2, 3, 4, 5, 6, 0]],
];

function parseTimestamp(text: string): string {
  for (const [form, at] of TIMESTAMP_FORMS) {
    const match = form.exec(text);
    if (match === null) continue;
    const part = (i: number): number => Number(match[at[i] as number] ?? '0');
    const fraction = at[6] === 0 ? undefined : match[at[6] as number];
    return `${formatDate(part(0), part(1), part(2))}T${formatTime(part(3), part(4), part(5), fraction)}`;
  }
  throw new JsonConversionError('not a timestamp in a supported format (like 2024-05-20 12:34:56)');
}

function formatDate(year: number, month: number, day: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) throw new JsonConversionError('not a valid calendar date');
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The fraction keeps its significant digits only, so equal times have equal text. */
function formatTime(hour: number, minute: number, second: number, fraction: string | undefined): string {
  if (hour > 23 || minute > 59 || second > 59) throw new JsonConversionError('not a valid time of day');
  const digits = (fraction ?? '').replace(/0+$/, '');
  return `${pad2(hour)}:${pad2(minute)}:${pad2(second)}${digits === '' ? '' : `.${digits}`}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new JsonConversionError('not valid base64 for bytes');
  return new Uint8Array(Buffer.from(text, 'base64'));
}
