import type { DataType } from '../../../core/data-type.js';
import { toDecimalText } from '../../common/decimal-text.js';
import { ValueEncodeError, type ValueEncoder } from '../jdbc-session.js';
import { toJsonText } from '../json-text.js';

/**
 * MySQL values as mysql2 hands them over from the text protocol (numbers for integer and float
 * columns, strings for BIGINT, DECIMAL, dates, times and text, Buffers for binary columns and
 * bits) to core values, and core values to SQL literals (multi-row INSERT is MySQL's bulk path).
 */
export class MysqlValueError extends Error {}

export type MysqlDecoder = (raw: unknown) => unknown;

export interface DecodeOptions {
  /** zeroDateTimeBehavior=CONVERT_TO_NULL: read 0000-00-00 dates as null instead of failing. */
  zeroDatesAsNull: boolean;
}

export function mysqlDecoder(type: DataType, native: { binary: boolean; bit: boolean }, options: DecodeOptions): MysqlDecoder {
  switch (type.kind) {
    case 'bytes':
      return (raw) => {
        const buffer = raw as Buffer;
        const bytes = new Uint8Array(buffer.length);
        bytes.set(buffer);
        return bytes;
      };
    case 'boolean':
      return native.bit ? (raw) => (raw as Buffer)[0] !== 0 : (raw) => raw !== 0 && raw !== '0';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'float':
    case 'double':
      return (raw) => (typeof raw === 'number' ? raw : Number(raw));
    case 'bigint':
      return (raw) => BigInt(raw as string | number);
    case 'decimal': {
      const { precision, scale } = type;
      return (raw) => {
        const text = typeof raw === 'string' ? raw : String(raw);
        const dot = text.indexOf('.');
        if ((scale === 0 && dot < 0) || (dot >= 0 && text.length - dot - 1 === scale)) return text;
        return toDecimalText(text, precision, scale);
      };
    }
    case 'date':
      return (raw) => zeroCheck(raw as string, options) ?? raw;
    case 'time':
      return (raw) => {
        const text = raw as string;
        if (!/^\d\d:\d\d:\d\d(\.\d+)?$/.test(text) || Number(text.slice(0, 2)) > 23) throw new MysqlValueError(`time ${text} is not a time of day Sluice holds`);
        return trimFraction(text);
      };
    case 'timestamp':
      return (raw) => {
        const text = raw as string;
        if (zeroCheck(text, options) === null) return null;
        return trimFraction(`${text.slice(0, 10)}T${text.slice(11)}`);
      };
    case 'null':
      return () => null;
    default:
      return (raw) => (typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw));
  }
}

/** Null (or a thrown error) for MySQL's zero dates; undefined for real dates. */
function zeroCheck(text: string, options: DecodeOptions): null | undefined {
  if (!text.startsWith('0000-00-00')) return undefined;
  if (options.zeroDatesAsNull) return null;
  throw new MysqlValueError(`${text} is not a date (MySQL's zero date); add zeroDateTimeBehavior=CONVERT_TO_NULL to the url to read it as null`);
}

/** `10:00:00.500000` → `10:00:00.5`, as PostgreSQL and the core print fractions. */
function trimFraction(text: string): string {
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  let end = text.length;
  while (end > dot + 1 && text[end - 1] === '0') end--;
  return text.slice(0, end === dot + 1 ? dot : end);
}

// ---------------------------------------------------------------------------------------------
// Encoding

// MySQL's escapes: NUL, newline, return, backslash, quotes and Ctrl-Z.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\0\n\r\\'"\x1a]/;

/** A quoted MySQL string literal (backslash escapes, as without NO_BACKSLASH_ESCAPES). */
export function quoteMysql(text: string, backslashEscapes = true): string {
  if (!backslashEscapes) return `'${text.replace(/'/g, "''")}'`;
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    switch (c) {
      case '\0':
        out += '\\0';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\\':
        out += '\\\\';
        break;
      case "'":
        out += "\\'";
        break;
      case '"':
        out += '\\"';
        break;
      case '\x1a':
        out += '\\Z';
        break;
      default:
        out += c;
    }
  }
  return `${out}'`;
}

export function hexLiteral(bytes: Uint8Array): string {
  return `X'${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}'`;
}

/** SQL literals for values of `type`; `backslashEscapes` is false under sql_mode NO_BACKSLASH_ESCAPES. */
export function mysqlLiteral(type: DataType, backslashEscapes: boolean): ValueEncoder {
  const quote = (text: string): string => quoteMysql(text, backslashEscapes);
  switch (type.kind) {
    case 'boolean':
      return (value) => (value === null || value === undefined ? 'NULL' : value ? '1' : '0');
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'decimal':
      return (value) => (value === null || value === undefined ? 'NULL' : String(value));
    case 'float':
    case 'double': {
      // A float's shortest decimal (3.4028235e38 for the largest) can lie just outside MySQL's range check; its exact value does not.
      const exact = type.kind === 'float' ? Math.fround : (n: number): number => n;
      return (value) => {
        if (value === null || value === undefined) return 'NULL';
        const number = exact(value as number);
        if (!Number.isFinite(number)) throw new ValueEncodeError(`MySQL cannot store ${number}`);
        return Object.is(number, -0) ? '-0e0' : String(number);
      };
    }
    case 'bytes':
      return (value) => (value === null || value === undefined ? 'NULL' : hexLiteral(value as Uint8Array));
    case 'timestamp':
      return (value) => (value === null || value === undefined ? 'NULL' : `'${(value as string).replace('T', ' ')}'`);
    case 'date':
    case 'time':
      return (value) => (value === null || value === undefined ? 'NULL' : `'${value as string}'`);
    case 'array':
    case 'map':
    case 'row':
      return (value) => (value === null || value === undefined ? 'NULL' : quote(toJsonText(value, type)));
    case 'null':
      return () => 'NULL';
    default:
      return (value) => (value === null || value === undefined ? 'NULL' : quote(String(value)));
  }
}
