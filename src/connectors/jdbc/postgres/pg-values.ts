import type { DataType } from '../../../core/data-type.js';
import { toDecimalText } from '../../common/decimal-text.js';
import { bigintOf } from '../../common/whole-number-text.js';
import { ValueEncodeError, type ValueEncoder } from '../jdbc-session.js';
import { toJsonText } from '../json-text.js';
import { formatArrayText, parseArrayText } from './pg-array-text.js';
import type { PgTypeInfo } from './postgres-types.js';

/**
 * PostgreSQL text values (what COPY TO and the text protocol send, with the session settings
 * Sluice sets: DateStyle ISO, TimeZone UTC, bytea_output hex, extra_float_digits 3) to core values,
 * and core values to COPY text fields and SQL literals.
 */
export class ValueDecodeError extends Error {}

export type ValueDecoder = (text: string) => unknown;

/** Decodes the text of one column of PostgreSQL type `info` into core type `type` (its pgCoreType). */
export function pgDecoder(info: PgTypeInfo, type: DataType): ValueDecoder {
  switch (type.kind) {
    case 'boolean':
      return (text) => text === 't';
    case 'tinyint':
    case 'smallint':
    case 'int':
      return (text) => Number(text);
    case 'bigint':
      return bigintOf;
    case 'float':
    case 'double':
      return (text) => Number(text);
    case 'decimal': {
      const { precision, scale } = type;
      return (text) => {
        const dot = text.indexOf('.');
        if ((scale === 0 && dot < 0) || (dot >= 0 && text.length - dot - 1 === scale)) return text;
        if (text === 'NaN' || text.endsWith('Infinity')) throw new ValueDecodeError(`${text} cannot be held by decimal(${precision}, ${scale})`);
        return toDecimalText(text, precision, scale);
      };
    }
    case 'bytes':
      return hexBytes;
    case 'date':
      return (text) => {
        if (!/^\d{4}-\d\d-\d\d$/.test(text)) throw new ValueDecodeError(`date ${text} is outside the years 0001-9999 that Sluice holds`);
        return text;
      };
    case 'time':
      return info.name === 'timetz' ? (text) => checkTime(text.replace(/[+-]\d\d(:\d\d){0,2}$/, '')) : checkTime;
    case 'timestamp':
      return info.name === 'timestamptz'
        ? (text) => checkTimestamp(text.replace(/[+-]\d\d(:\d\d){0,2}$/, ''))
        : checkTimestamp;
    case 'array': {
      // PostgreSQL arrays are multi-dimensional arrays of one element type.
      let leaf: DataType = type.element;
      while (leaf.kind === 'array') leaf = leaf.element;
      const element = pgDecoder(info.element ?? info, leaf);
      return (text) => parseArrayText(text, element);
    }
    default:
      return (text) => text;
  }
}

function checkTime(text: string): string {
  if (!/^\d\d:\d\d:\d\d(\.\d+)?$/.test(text) || text.startsWith('24')) throw new ValueDecodeError(`time ${text} is not a time of day Sluice holds`);
  return text;
}

/** `2024-01-02 03:04:05.6` → `2024-01-02T03:04:05.6`; five-digit years, BC and infinity are refused. */
function checkTimestamp(text: string): string {
  if (text.length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(text.length - 1) === 67 || text.charCodeAt(0) > 57) {
    throw new ValueDecodeError(`timestamp ${text} is outside the years 0001-9999 that Sluice holds`);
  }
  // replace() builds a flat string; a concatenation would be flattened again by its first reader.
  return text.replace(' ', 'T');
}

/** `\x0a0b` → a fresh Uint8Array (not a slice of Buffer's shared pool, which would be copied whole between threads). */
export function hexBytes(text: string): Uint8Array {
  if (!text.startsWith('\\x')) throw new ValueDecodeError('bytea is not in hex output format');
  const bytes = new Uint8Array((text.length - 2) >> 1);
  Buffer.from(bytes.buffer).write(text.slice(2), 'hex');
  return bytes;
}

/** COPY text format: a backslash starts an escape; `\N` alone is NULL (handled by the caller). */
export function unescapeCopy(text: string): string {
  if (text.indexOf('\\') < 0) return text;
  return text.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_m, octal: string | undefined, hex: string | undefined, char: string | undefined) => {
    if (octal !== undefined) return String.fromCharCode(parseInt(octal, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    switch (char) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'v':
        return '\v';
      default:
        return char ?? '';
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** The text PostgreSQL reads back as the same value (before COPY escaping or SQL quoting). */
function pgText(type: DataType): (value: unknown) => string {
  switch (type.kind) {
    case 'boolean':
      return (value) => (value ? 't' : 'f');
    case 'float':
    case 'double':
      return (value) => floatText(value as number);
    case 'bytes':
      return (value) => `\\x${Buffer.from((value as Uint8Array).buffer, (value as Uint8Array).byteOffset, (value as Uint8Array).byteLength).toString('hex')}`;
    case 'string':
      return (value) => {
        const text = value as string;
        if (text.indexOf('\u0000') >= 0) throw new ValueEncodeError('PostgreSQL text cannot hold the character U+0000');
        return text;
      };
    case 'array': {
      let leaf: DataType = type.element;
      while (leaf.kind === 'array') leaf = leaf.element;
      const element = pgText(leaf);
      return (value) => formatArrayText(value as unknown[], element);
    }
    case 'map':
    case 'row':
      return (value) => toJsonText(value, type);
    default:
      return (value) => String(value);
  }
}

export function floatText(number: number): string {
  if (Number.isNaN(number)) return 'NaN';
  if (number === Infinity) return 'Infinity';
  if (number === -Infinity) return '-Infinity';
  return Object.is(number, -0) ? '-0' : String(number);
}

/** A COPY text field (escaped; `\N` for null) for values of `type`. */
export function copyEncoder(type: DataType): ValueEncoder {
  const text = pgText(type);
  switch (type.kind) {
    case 'boolean':
      return (value) => (value === null || value === undefined ? '\\N' : value ? 't' : 'f');
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'decimal':
    case 'date':
    case 'time':
    case 'timestamp':
      return (value) => (value === null || value === undefined ? '\\N' : String(value));
    case 'float':
    case 'double':
      return (value) => (value === null || value === undefined ? '\\N' : floatText(value as number));
    default:
      return (value) => (value === null || value === undefined ? '\\N' : escapeCopy(text(value)));
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/;

export function escapeCopy(text: string): string {
  if (!COPY_SPECIAL.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else out += c;
  }
  return out;
}

/** A SQL literal for values of `type` (standard_conforming_strings on). */
export function literalEncoder(type: DataType): ValueEncoder {
  const text = pgText(type);
  switch (type.kind) {
    case 'boolean':
      return (value) => (value === null || value === undefined ? 'NULL' : value ? 'TRUE' : 'FALSE');
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return (value) => (value === null || value === undefined ? 'NULL' : String(value));
    case 'decimal':
      return (value) => (value === null || value === undefined ? 'NULL' : `'${String(value)}'`);
    case 'float':
    case 'double':
      return (value) => (value === null || value === undefined ? 'NULL' : `'${floatText(value as number)}'`);
    default:
      return (value) => (value === null || value === undefined ? 'NULL' : quoteLiteral(text(value)));
  }
}

export function quoteLiteral(text: string): string {
  if (text.indexOf('\u0000') >= 0) throw new ValueEncodeError('PostgreSQL text cannot hold the character U+0000');
  return `'${text.indexOf("'") < 0 ? text : text.replace(/'/g, "''")}'`;
}
