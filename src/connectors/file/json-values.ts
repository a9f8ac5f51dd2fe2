import { formatDataType, type DataType } from '../../core/data-type.js';
import { describeValue } from '../common/config-path.js';
import { ValueConversionError } from '../common/config-value.js';
import { DecimalRangeError, toDecimalText } from '../common/decimal-text.js';
import { javaDouble } from '../common/java-text.js';
import { exactJsonText, JsonNumber, type JsonValue } from './exact-json.js';
import { ISO_FORMATS } from './temporal-formats.js';
import { textToValue, valueToText, wholeNumber, parseJavaDouble, type TextValueFormat } from './text-values.js';

/**
 * Field values in JSON lines, as SeaTunnel's JsonSerializationSchema writes them (Jackson):
 * numbers as numbers (bigint and decimal as exact literals), bytes as base64, dates and times as
 * ISO text, maps as objects, rows as objects by field name. Reading also accepts numbers and
 * booleans as strings, rows as arrays, and any JSON for a string column (kept as JSON text), as
 * SeaTunnel's JsonToRowConverters do. Non-finite doubles are written as the strings "NaN",
 * "Infinity" and "-Infinity".
 */
const KEY_FORMAT: TextValueFormat = { separators: ['\u0001', '\u0002', '\u0003'], temporal: ISO_FORMATS };

export function valueToJson(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'string':
      return JSON.stringify(String(value));
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'decimal':
      return String(value);
    case 'float':
    case 'double': {
      const n = value as number;
      return Number.isFinite(n) ? javaDouble(n) : JSON.stringify(String(n));
    }
    case 'date':
    case 'time':
    case 'timestamp':
      return JSON.stringify(String(value));
    case 'null':
      return 'null';
    case 'bytes':
      return JSON.stringify(Buffer.from(value as Uint8Array).toString('base64'));
    case 'array':
      return `[${(value as unknown[]).map((item) => valueToJson(item, type.element)).join(',')}]`;
    case 'map': {
      const parts: string[] = [];
      for (const [k, v] of value as Map<unknown, unknown>) parts.push(`${JSON.stringify(valueToText(k, type.key, 0, KEY_FORMAT))}:${valueToJson(v, type.value)}`);
      return `{${parts.join(',')}}`;
    }
    case 'row':
      return rowToJson(value as unknown[], type.fields);
  }
}

/** A row as one JSON object: `{"name": value, ...}` in field order. */
export function rowToJson(values: readonly unknown[], fields: readonly { name: string; type: DataType }[]): string {
  let out = '{';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as { name: string; type: DataType };
    if (i > 0) out += ',';
    out += `${JSON.stringify(field.name)}:${valueToJson(values[i], field.type)}`;
  }
  return `${out}}`;
}

/** Converts a parsed JSON value to the core encoding of `type`. Throws ValueConversionError. */
export function jsonToValue(json: JsonValue | undefined, type: DataType): unknown {
  if (json === null || json === undefined || type.kind === 'null') return null;
  switch (type.kind) {
    case 'string':
      return typeof json === 'string' ? json : exactJsonText(json);
    case 'boolean':
      if (typeof json === 'boolean') return json;
      if (typeof json === 'string') return textToValue(json, type, 0, KEY_FORMAT);
      return fail(type, json);
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      if (json instanceof JsonNumber || typeof json === 'string') {
        const text = json instanceof JsonNumber ? json.text : json;
        if (wholeNumber(text) === undefined) return fail(type, json);
        try {
          return textToValue(text, type, 0, KEY_FORMAT);
        } catch (error) {
          if (error instanceof ValueConversionError) return fail(type, json);
          throw error;
        }
      }
      return fail(type, json);
    case 'float':
    case 'double': {
      const text = json instanceof JsonNumber ? json.text : typeof json === 'string' ? json : undefined;
      const number = text === undefined ? undefined : parseJavaDouble(text);
      return number ?? fail(type, json);
    }
    case 'decimal': {
      const text = json instanceof JsonNumber ? json.text : typeof json === 'string' ? json : undefined;
      if (text === undefined) return fail(type, json);
      try {
        return toDecimalText(text, type.precision, type.scale);
      } catch (error) {
        if (error instanceof DecimalRangeError) throw new ValueConversionError(`${error.message}, for ${formatDataType(type)}`);
        throw error;
      }
    }
    case 'bytes':
      if (typeof json === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(json)) return new Uint8Array(Buffer.from(json, 'base64'));
      return fail(type, json, 'base64 text');
    case 'date':
    case 'time':
    case 'timestamp':
      if (typeof json !== 'string') return fail(type, json, `${type.kind} text`);
      return textToValue(json, type, 0, KEY_FORMAT);
    case 'array':
      if (!Array.isArray(json)) return fail(type, json, 'a JSON array');
      return json.map((item, i) => nested(`[${i}]`, () => jsonToValue(item, type.element)));
    case 'map': {
      if (!(json instanceof Map)) return fail(type, json, 'a JSON object');
      const map = new Map<unknown, unknown>();
      for (const [key, item] of json) {
        map.set(
          nested(`.${key}`, () => textToValue(key, type.key, 0, KEY_FORMAT)),
          nested(`.${key}`, () => jsonToValue(item, type.value)),
        );
      }
      return map;
    }
    case 'row':
      return jsonToRowFields(json, type.fields);
  }
}

/** The field values of a row given as a JSON object (by field name; missing fields are null) or array (by position). */
export function jsonToRowFields(json: JsonValue, fields: readonly { name: string; type: DataType }[]): unknown[] {
  if (json instanceof Map) return fields.map((field) => nested(`.${field.name}`, () => jsonToValue(json.get(field.name), field.type)));
  if (Array.isArray(json)) return fields.map((field, i) => nested(`[${i}]`, () => jsonToValue(json[i], field.type)));
  throw new ValueConversionError(`expected a JSON object, got ${describeJson(json)}`);
}

function nested<T>(where: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ValueConversionError) throw new ValueConversionError(error.detail, where + error.path);
    throw error;
  }
}

function describeJson(json: JsonValue): string {
  return json instanceof JsonNumber ? json.text : json instanceof Map || Array.isArray(json) ? exactJsonText(json) : describeValue(json);
}

function fail(type: DataType, json: JsonValue, expected?: string): never {
  throw new ValueConversionError(`expected ${expected ?? formatDataType(type)}, got ${describeJson(json)}`);
}
