import { parse as parseLossless } from 'lossless-json';
import type { DataType } from '../../core/data-type.js';
import { toDecimalText } from '../common/decimal-text.js';

/**
 * JSON text for values a database has no native column for (arrays in MySQL, maps and rows
 * everywhere), and back. Exact: bigints and decimals are written as JSON numbers with all their
 * digits, bytes as base64 strings, maps as objects, rows as objects by field name; float specials
 * as the strings "NaN", "Infinity", "-Infinity".
 */
export function toJsonText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'bigint':
    case 'decimal':
    case 'tinyint':
    case 'smallint':
    case 'int':
      return String(value);
    case 'float':
    case 'double': {
      const number = value as number;
      return Number.isFinite(number) ? (Object.is(number, -0) ? '-0.0' : String(number)) : JSON.stringify(String(number));
    }
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bytes':
      return JSON.stringify(Buffer.from(value as Uint8Array).toString('base64'));
    case 'array':
      // A nested array inside array<T> is a further dimension of a PostgreSQL multi-dimensional array.
      return `[${(value as unknown[]).map((item) => toJsonText(item, Array.isArray(item) && type.element.kind !== 'array' ? type : type.element)).join(',')}]`;
    case 'map': {
      const parts: string[] = [];
      for (const [k, v] of value as Map<unknown, unknown>) parts.push(`${JSON.stringify(String(k))}:${toJsonText(v, type.value)}`);
      return `{${parts.join(',')}}`;
    }
    case 'row': {
      const fields = value as unknown[];
      return `{${type.fields.map((field, i) => `${JSON.stringify(field.name)}:${toJsonText(fields[i], field.type)}`).join(',')}}`;
    }
    default:
      return JSON.stringify(String(value));
  }
}

export class JsonValueError extends Error {}

/** Reads JSON text written by toJsonText (or any JSON of the right shape) as a value of `type`. */
export function fromJsonText(text: string, type: DataType): unknown {
  return fromJson(parseExact(text), type);
}

/** A number as its JSON source text. */
class ExactNumber {
  constructor(readonly text: string) {}
}

/** A JSON parse that keeps integer and decimal digits exact: numbers arrive as ExactNumber. */
function parseExact(text: string): unknown {
  return parseLossless(text, null, (source: string) => new ExactNumber(source));
}

function fromJson(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  const numberText = value instanceof ExactNumber ? value.text : typeof value === 'number' ? String(value) : undefined;
  switch (type.kind) {
    case 'bigint':
      if (numberText === undefined || !/^-?\d+$/.test(numberText)) throw new JsonValueError(`expected a whole number, got ${JSON.stringify(value)}`);
      return BigInt(numberText);
    case 'tinyint':
    case 'smallint':
    case 'int':
      if (numberText === undefined || !/^-?\d+$/.test(numberText)) throw new JsonValueError(`expected a whole number, got ${JSON.stringify(value)}`);
      return Number(numberText);
    case 'float':
    case 'double':
      if (numberText !== undefined) return Number(numberText);
      if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
      throw new JsonValueError(`expected a number, got ${JSON.stringify(value)}`);
    case 'decimal':
      if (numberText === undefined) throw new JsonValueError(`expected a number, got ${JSON.stringify(value)}`);
      return toDecimalText(numberText, type.precision, type.scale);
    case 'boolean':
      if (typeof value !== 'boolean') throw new JsonValueError(`expected true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'bytes':
      if (typeof value !== 'string') throw new JsonValueError(`expected base64 text, got ${JSON.stringify(value)}`);
      return new Uint8Array(Buffer.from(value, 'base64'));
    case 'array':
      if (!Array.isArray(value)) throw new JsonValueError(`expected a JSON array, got ${JSON.stringify(value)}`);
      return value.map((item) => fromJson(item, Array.isArray(item) && type.element.kind !== 'array' ? type : type.element));
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value) || value instanceof ExactNumber) throw new JsonValueError('expected a JSON object');
      const map = new Map<unknown, unknown>();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) map.set(fromJson(type.key.kind === 'string' ? k : new ExactNumber(k), type.key), fromJson(v, type.value));
      return map;
    }
    case 'row': {
      if (typeof value !== 'object' || Array.isArray(value) || value instanceof ExactNumber) throw new JsonValueError('expected a JSON object');
      const object = value as Record<string, unknown>;
      return type.fields.map((field) => fromJson(object[field.name], field.type));
    }
    default:
      if (typeof value === 'string') return value;
      return numberText ?? String(value);
  }
}
