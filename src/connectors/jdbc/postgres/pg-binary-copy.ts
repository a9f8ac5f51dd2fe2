import type { DataType } from '../../../core/data-type.js';
import { epochDay } from '../../../core/epoch-day.js';
import { ValueEncodeError } from '../jdbc-session.js';

/**
 * PostgreSQL's binary COPY format, for the sink's bulk path: the server parses it with less work
 * than text (about 40% less for numbers and timestamps) and Sluice skips printing numbers.
 * Only column types whose binary form is simple are written this way; a table with any other
 * column is written as text.
 */
export const BINARY_HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Writes one non-null value at `out.offset` (length prefix included). */
export type BinaryEncoder = (value: unknown, out: BinaryBuffer) => void;

/** An output buffer that grows; `offset` is where the next byte goes. */
export class BinaryBuffer {
  buffer: Buffer;
  offset = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(next, 0, 0, this.offset);
    this.buffer = next;
  }

  /** Hands out what was written and starts over in a new buffer of the same size. */
  take(): Buffer {
    const out = this.buffer.subarray(0, this.offset);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.offset = 0;
    return out;
  }
}

const TWO_32 = 4294967296;

/** The binary encoder for writing core type `type` into a column of PostgreSQL type `typname`, or undefined when Sluice writes it as text. */
export function binaryEncoder(type: DataType, typname: string): BinaryEncoder | undefined {
  switch (typname) {
    case 'int2':
    case 'int4':
    case 'int8':
      return isWhole(type) ? integer(typname) : undefined;
    case 'float4':
      return type.kind === 'float' || type.kind === 'double' ? float4 : undefined;
    case 'float8':
      return type.kind === 'float' || type.kind === 'double' ? float8 : undefined;
    case 'numeric':
      return type.kind === 'decimal' || isWhole(type) ? numeric : undefined;
    case 'bool':
      return type.kind === 'boolean' ? bool : undefined;
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'name':
    case 'json':
      return type.kind === 'string' ? text : undefined;
    case 'jsonb':
      return type.kind === 'string' ? jsonb : undefined;
    case 'bytea':
      return type.kind === 'bytes' ? bytea : undefined;
    case 'date':
      return type.kind === 'date' ? date : undefined;
    case 'time':
      return type.kind === 'time' ? time : undefined;
    case 'timetz':
      return type.kind === 'time' ? timetz : undefined;
    case 'uuid':
      return type.kind === 'string' ? uuid : undefined;
    case 'timestamp':
    case 'timestamptz':
      return type.kind === 'timestamp' ? timestamp : undefined;
    default:
      return undefined;
  }
}

function isWhole(type: DataType): boolean {
  return type.kind === 'tinyint' || type.kind === 'smallint' || type.kind === 'int' || type.kind === 'bigint';
}

function integer(typname: 'int2' | 'int4' | 'int8'): BinaryEncoder {
  if (typname === 'int8') {
    return (value, out) => {
      out.ensure(12);
      const b = out.buffer;
      b.writeInt32BE(8, out.offset);
      if (typeof value === 'bigint') {
        // Most values fit a double exactly, and two int32 writes beat writeBigInt64BE.
        const n = Number(value);
        if (Number.isSafeInteger(n)) {
          writeInt64(b, out.offset + 4, n);
        } else {
          if (value < -9223372036854775808n || value > 9223372036854775807n) throw new ValueEncodeError(`${value} is out of range for bigint`);
          b.writeBigInt64BE(value, out.offset + 4);
        }
      } else {
        writeInt64(b, out.offset + 4, value as number);
      }
      out.offset += 12;
    };
  }
  const size = typname === 'int2' ? 2 : 4;
  const [min, max] = typname === 'int2' ? [-32768, 32767] : [-2147483648, 2147483647];
  return (value, out) => {
    const n = Number(value);
    if (n < min || n > max) throw new ValueEncodeError(`${String(value)} is out of range for ${typname === 'int2' ? 'smallint' : 'integer'}`);
    out.ensure(4 + size);
    const b = out.buffer;
    b.writeInt32BE(size, out.offset);
    if (size === 2) b.writeInt16BE(n, out.offset + 4);
    else b.writeInt32BE(n, out.offset + 4);
    out.offset += 4 + size;
  };
}

/** Writes a whole number below 2^53 in magnitude as a big-endian int64. */
function writeInt64(b: Buffer, at: number, value: number): void {
  const high = Math.floor(value / TWO_32);
  b.writeInt32BE(high, at);
  b.writeUInt32BE(value - high * TWO_32, at + 4);
}

const float4: BinaryEncoder = (value, out) => {
  out.ensure(8);
  out.buffer.writeInt32BE(4, out.offset);
  out.buffer.writeFloatBE(value as number, out.offset + 4);
  out.offset += 8;
};

const float8: BinaryEncoder = (value, out) => {
  out.ensure(12);
  out.buffer.writeInt32BE(8, out.offset);
  out.buffer.writeDoubleBE(value as number, out.offset + 4);
  out.offset += 12;
};

const bool: BinaryEncoder = (value, out) => {
  out.ensure(5);
  out.buffer.writeInt32BE(1, out.offset);
  out.buffer[out.offset + 4] = value ? 1 : 0;
  out.offset += 5;
};

const text: BinaryEncoder = (value, out) => {
  const string = value as string;
  out.ensure(4 + string.length * 3);
  const written = writeUtf8(string, out.buffer, out.offset + 4);
  out.buffer.writeInt32BE(written, out.offset);
  out.offset += 4 + written;
};

/** Buffer.write(string, at, 'utf8'), with short ASCII strings copied in JS (cheaper than the call into C++). */
function writeUtf8(string: string, buffer: Buffer, at: number): number {
  const length = string.length;
  if (length <= 64) {
    let i = 0;
    for (; i < length; i++) {
      const code = string.charCodeAt(i);
      if (code >= 0x80) break;
      buffer[at + i] = code;
    }
    if (i === length) return length;
  }
  return buffer.write(string, at, 'utf8');
}

const jsonb: BinaryEncoder = (value, out) => {
  const string = value as string;
  out.ensure(5 + string.length * 3);
  out.buffer[out.offset + 4] = 1;
  const written = out.buffer.write(string, out.offset + 5, 'utf8');
  out.buffer.writeInt32BE(written + 1, out.offset);
  out.offset += 5 + written;
};

const bytea: BinaryEncoder = (value, out) => {
  const bytes = value as Uint8Array;
  out.ensure(4 + bytes.length);
  out.buffer.writeInt32BE(bytes.length, out.offset);
  out.buffer.set(bytes, out.offset + 4);
  out.offset += 4 + bytes.length;
};

/** Digits of `text` from `at`, `count` of them, as a number (no allocation). */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** PostgreSQL counts days from 2000-01-01: 10,957 days after 1970-01-01. */
export const PG_EPOCH_DAY = 10957;

/** The two digits of `text` at `at`, as a number. */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/** `YYYY-MM-DD` at `at` → days since 2000-01-01. */
function daysOf(text: string, at = 0): number {
  return epochDay(twoDigits(text, at) * 100 + twoDigits(text, at + 2), twoDigits(text, at + 5), twoDigits(text, at + 8)) - PG_EPOCH_DAY;
}

const date: BinaryEncoder = (value, out) => {
  out.ensure(8);
  out.buffer.writeInt32BE(4, out.offset);
  out.buffer.writeInt32BE(daysOf(value as string), out.offset + 4);
  out.offset += 8;
};

/** `HH:MM:SS[.fraction]` at `at` → microseconds since midnight (fraction rounded to microseconds). */
function microsOfDay(text: string, at = 0): number {
  const seconds = twoDigits(text, at) * 3600 + twoDigits(text, at + 3) * 60 + twoDigits(text, at + 6);
  return seconds * 1_000_000 + fractionMicros(text, at + 8);
}

function fractionMicros(text: string, at: number): number {
  if (text.charCodeAt(at) !== 46) return 0;
  const length = text.length - at - 1;
  if (length <= 6) {
    let n = digitsAt(text, at + 1, length);
    for (let i = length; i < 6; i++) n *= 10;
    return n;
  }
  return Math.round(digitsAt(text, at + 1, 6) + Number(`0.${text.slice(at + 7)}`));
}

const time: BinaryEncoder = (value, out) => {
  out.ensure(12);
  out.buffer.writeInt32BE(8, out.offset);
  writeInt64(out.buffer, out.offset + 4, microsOfDay(value as string));
  out.offset += 12;
};

/** A time of day at UTC (offset 0), as the session's TimeZone reads a time without a zone. */
const timetz: BinaryEncoder = (value, out) => {
  out.ensure(16);
  out.buffer.writeInt32BE(12, out.offset);
  writeInt64(out.buffer, out.offset + 4, microsOfDay(value as string));
  out.buffer.writeInt32BE(0, out.offset + 12);
  out.offset += 16;
};

/** The 32 hex digits of a uuid, with or without hyphens and braces. */
const uuid: BinaryEncoder = (value, out) => {
  const hex = (value as string).replace(/[-{}]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new ValueEncodeError(`${String(value)} is not a uuid`);
  out.ensure(20);
  out.buffer.writeInt32BE(16, out.offset);
  out.buffer.write(hex, out.offset + 4, 'hex');
  out.offset += 20;
};

/** `YYYY-MM-DDTHH:MM:SS[.fraction]` (UTC wall clock for timestamptz, as the session's TimeZone) → microseconds since 2000-01-01. */
const timestamp: BinaryEncoder = (value, out) => {
  const string = value as string;
  const days = daysOf(string);
  const micros = days * 86_400_000_000 + microsOfDay(string, 11);
  out.ensure(12);
  out.buffer.writeInt32BE(8, out.offset);
  if (Number.isSafeInteger(micros)) writeInt64(out.buffer, out.offset + 4, micros);
  else out.buffer.writeBigInt64BE(BigInt(days) * 86_400_000_000n + BigInt(microsOfDay(string, 11)), out.offset + 4);
  out.offset += 12;
};

/** numeric: ndigits, weight, sign, dscale, then base-10000 digits, from exact decimal text. */
const numeric: BinaryEncoder = (value, out) => {
  const string = typeof value === 'string' ? value : String(value);
  const length = string.length;
  const negative = string.charCodeAt(0) === 45;
  let first = negative ? 1 : 0;
  let dot = string.indexOf('.', first);
  if (dot < 0) dot = length;
  while (first < dot && string.charCodeAt(first) === 48) first++;
  const intDigits = dot - first;
  const dscale = dot < length ? length - dot - 1 : 0;
  // Base-10000 groups aligned on the decimal point: the first integer group may be short.
  const intGroups = (intDigits + 3) >> 2;
  const fracGroups = (dscale + 3) >> 2;
  out.ensure(12 + (intGroups + fracGroups) * 2);
  const b = out.buffer;
  let at = out.offset + 12;
  let weight = intGroups - 1;
  let count = 0;
  let significant = 0;
  let pos = first;
  let size = intDigits - (intGroups - 1) * 4;
  for (let g = 0; g < intGroups + fracGroups; g++) {
    if (g === intGroups) pos = dot + 1;
    let group = 0;
    for (let k = 0; k < size; k++) {
      const p = pos + k;
      group = group * 10 + (p < length ? string.charCodeAt(p) - 48 : 0);
    }
    pos += size;
    size = 4;
    // Leading zero groups only move the weight (0.0001 has weight -1).
    if (count === 0 && group === 0) {
      weight--;
      continue;
    }
    b[at] = group >> 8;
    b[at + 1] = group & 0xff;
    at += 2;
    count++;
    if (group !== 0) significant = count;
  }
  // Trailing zero groups are dropped (PostgreSQL's canonical form).
  count = significant;
  if (count === 0) weight = 0;
  const sign = count === 0 ? 0 : negative ? 0x4000 : 0;
  b.writeInt32BE(8 + count * 2, out.offset);
  b.writeInt16BE(count, out.offset + 4);
  b.writeInt16BE(weight, out.offset + 6);
  b.writeUInt16BE(sign, out.offset + 8);
  b.writeInt16BE(dscale, out.offset + 10);
  out.offset += 12 + count * 2;
};
