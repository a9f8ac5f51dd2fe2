import { formatDataType, type DataType } from '../../core/data-type.js';
import { describeValue, isPlainObject } from './config-path.js';
import { DecimalRangeError, toDecimalText } from './decimal-text.js';
import {
  currentDate,
  currentTime,
  currentTimestamp,
  parseDateText,
  parseTimeText,
  parseTimestampText,
} from './temporal-text.js';

/**
 * Converts a value written in a config (FakeSource `rows`, a column `defaultValue`, Assert
 * `equals_to`) to the core encoding of `type` (value.ts), as SeaTunnel's JSON-to-row converter
 * reads them: bytes as base64 text, dates and times as text, maps as objects, rows as arrays (in
 * field order) or objects (by field name), numbers also as numeric text, and the keywords
 * CURRENT_DATE / CURRENT_TIME / CURRENT_TIMESTAMP. Anything else throws ValueConversionError.
 */
export class ValueConversionError extends Error {
  /**
   * @param detail what is wrong with the value
   * @param path where inside the converted value: `[2]` (list element or row field by
   *   position), `.c_int` (row field by name, map entry); '' for the value itself
   */
  constructor(
    readonly detail: string,
    readonly path = '',
  ) {
    super(path === '' ? detail : `at ${path}: ${detail}`);
    this.name = 'ValueConversionError';
  }
}

export function convertConfigValue(type: DataType, raw: unknown, now: Date = new Date()): unknown {
  if (raw === null || raw === undefined || type.kind === 'null') return null;
  switch (type.kind) {
    case 'string':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') return String(raw);
      return jsonText(raw);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^\s*(true|false)\s*$/i.test(raw)) return raw.trim().toLowerCase() === 'true';
      return fail(type, raw);
    case 'tinyint':
      return smallWhole(type, raw, 127);
    case 'smallint':
      return smallWhole(type, raw, 32767);
    case 'int':
      return smallWhole(type, raw, 2147483647);
    case 'bigint': {
      const whole = toBigInt(raw);
      if (whole === undefined || whole < -(2n ** 63n) || whole >= 2n ** 63n) return fail(type, raw);
      return whole;
    }
    case 'float':
    case 'double': {
      const number = toNumber(raw);
      return number === undefined ? fail(type, raw) : number;
    }
    case 'decimal': {
      const text = typeof raw === 'number' || typeof raw === 'bigint' ? String(raw) : typeof raw === 'string' ? raw : undefined;
      if (text === undefined) return fail(type, raw);
      try {
        return toDecimalText(text, type.precision, type.scale);
      } catch (error) {
        if (error instanceof DecimalRangeError) throw new ValueConversionError(`${error.message}, for decimal(${type.precision}, ${type.scale})`);
        throw error;
      }
    }
    case 'bytes':
      if (typeof raw === 'string' && /^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(raw)) return new Uint8Array(Buffer.from(raw, 'base64'));
      if (raw instanceof Uint8Array) return raw;
      return fail(type, raw, 'base64 text');
    case 'date':
      return temporal(type, raw, 'CURRENT_DATE', () => currentDate(now), parseDateText, 'text like "2023-04-22"');
    case 'time':
      return temporal(type, raw, 'CURRENT_TIME', () => currentTime(now), parseTimeText, 'text like "12:34:56"');
    case 'timestamp':
      return temporal(type, raw, 'CURRENT_TIMESTAMP', () => currentTimestamp(now), parseTimestampText, 'text like "2023-04-22T23:20:58"');
    case 'array': {
      if (!Array.isArray(raw)) return fail(type, raw, 'a list');
      return raw.map((item, i) => nested(`[${i}]`, () => convertConfigValue(type.element, item, now)));
    }
    case 'map':
      return convertMap(type, raw, now);
    case 'row':
      return convertRowFields(type.fields, raw, now);
  }
}

/**
 * Field values of a row given as a list in field order (missing trailing fields are null) or as
 * an object keyed by field name (missing fields are null, unknown names are errors).
 */
export function convertRowFields(fields: readonly { name: string; type: DataType }[], raw: unknown, now: Date = new Date()): unknown[] {
  if (Array.isArray(raw)) {
    if (raw.length > fields.length) {
      throw new ValueConversionError(`has ${raw.length} values but the row has ${fields.length} fields`);
    }
    return fields.map((field, i) => nested(`[${i}]`, () => convertConfigValue(field.type, raw[i], now)));
  }
  if (isPlainObject(raw)) {
    const known = new Set(fields.map((field) => field.name));
    const unknown = Object.keys(raw).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new ValueConversionError(`has no field named ${unknown.map((k) => `"${k}"`).join(', ')}`);
    return fields.map((field) => nested(`.${field.name}`, () => convertConfigValue(field.type, raw[field.name], now)));
  }
  throw new ValueConversionError(`expected a list of field values or an object by field name, got ${describeValue(raw)}`);
}

function convertMap(type: Extract<DataType, { kind: 'map' }>, raw: unknown, now: Date): Map<unknown, unknown> {
  let entries: [string, unknown][];
  if (raw instanceof Map) entries = [...raw.entries()].map(([k, v]) => [String(k), v]);
  else if (isPlainObject(raw)) entries = Object.entries(raw);
  else if (typeof raw === 'string') entries = parseMapText(raw) ?? fail(type, raw, 'an object');
  else return fail(type, raw, 'an object');
  const map = new Map<unknown, unknown>();
  for (const [key, value] of entries) {
    const mapKey = nested(`.${key}`, () => {
      try {
        return convertConfigValue(type.key, key, now);
      } catch (error) {
        if (error instanceof ValueConversionError) throw new ValueConversionError(`key: ${error.detail}`, error.path);
        throw error;
      }
    });
    map.set(mapKey, nested(`.${key}`, () => convertConfigValue(type.value, value, now)));
  }
  return map;
}

/**
 * A map written as text: JSON (`{"k": 1}`) or the HOCON-like `{ 12:01:26 = v0, k2 = v2 }` that
 * SeaTunnel's own docs use for maps with time keys. Flat maps only.
 */
function parseMapText(text: string): [string, unknown][] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? Object.entries(parsed) : undefined;
  } catch {
    // not JSON, try the HOCON-like form
  }
  const body = /^\s*\{(.*)\}\s*$/s.exec(text);
  if (body === null) return undefined;
  const entries: [string, unknown][] = [];
  for (const part of (body[1] as string).split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    entries.push([unquote(part.slice(0, eq)), unquote(part.slice(eq + 1))]);
  }
  return entries;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^".*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

function temporal(
  type: DataType,
  raw: unknown,
  keyword: string,
  current: () => string,
  parse: (text: string) => string | undefined,
  expected: string,
): string {
  if (typeof raw !== 'string') return fail(type, raw, expected);
  if (raw.trim().toUpperCase() === keyword) return current();
  return parse(raw) ?? fail(type, raw, expected);
}

function smallWhole(type: DataType, raw: unknown, max: number): number {
  const whole = toBigInt(raw);
  if (whole === undefined || whole < -BigInt(max) - 1n || whole > BigInt(max)) return fail(type, raw);
  return Number(whole);
}

function toBigInt(raw: unknown): bigint | undefined {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') return Number.isInteger(raw) ? BigInt(raw) : undefined;
  if (typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw)) return BigInt(raw.trim());
  return undefined;
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^[+-]?(NaN|Infinity)$/.test(text)) return Number(text.replace(/^\+/, ''));
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(text)) return undefined;
  return Number(text.replace(/[fFdD]$/, ''));
}

function jsonText(raw: unknown): string {
  return JSON.stringify(raw, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

function nested<T>(where: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ValueConversionError) throw new ValueConversionError(error.detail, where + error.path);
    throw error;
  }
}

function fail(type: DataType, raw: unknown, expected?: string): never {
  const what = expected === undefined ? formatDataType(type) : expected;
  throw new ValueConversionError(`expected ${what}, got ${describeValue(raw)}`);
}
