import type { DataType } from '../../../core/data-type.js';
import { civilOfEpochDay } from '../../../core/epoch-day.js';
import { PG_EPOCH_DAY } from './pg-binary-copy.js';
import { pgDecoder } from './pg-values.js';
import type { PgTypeInfo } from './postgres-types.js';

/**
 * Values of PostgreSQL's binary COPY format (what `COPY ... TO STDOUT (FORMAT binary)` sends) to
 * core values. Each decoder gives exactly what the text decoder of `pg-values.ts` gives for the
 * same value: numbers and strings are read directly; numeric, date and time values are printed as
 * PostgreSQL prints them (DateStyle ISO, TimeZone UTC) and handed to the text decoder, so range
 * checks and decimal scales behave alike.
 */
export type BinaryDecoder = (bytes: Buffer, at: number, length: number) => unknown;

/** The binary decoder of a column of PostgreSQL type `info` read as core type `type`, or undefined when Sluice reads that type as text only. */
export function pgBinaryDecoder(info: PgTypeInfo, type: DataType): BinaryDecoder | undefined {
  if (!BINARY_KINDS[info.name]?.includes(type.kind)) return undefined;
  switch (info.name) {
    case 'bool':
      return (bytes, at) => bytes[at] !== 0;
    case 'int2':
      return (bytes, at) => bytes.readInt16BE(at);
    case 'int4':
      return (bytes, at) => bytes.readInt32BE(at);
    case 'int8':
      return (bytes, at) => bytes.readBigInt64BE(at);
    case 'float4':
      return (bytes, at) => shortestFloat4(bytes.readFloatBE(at));
    case 'float8':
      return (bytes, at) => bytes.readDoubleBE(at);
    case 'bytea':
      // A fresh array, not a view of the network buffer (which it would keep alive, and which
      // a worker message would copy whole).
      return (bytes, at, length) => new Uint8Array(bytes.subarray(at, at + length));
    case 'jsonb':
      // A version byte (1), then the text.
      return (bytes, at, length) => bytes.toString('utf8', at + 1, at + length);
    case 'uuid':
      return (bytes, at) => {
        const hex = bytes.toString('hex', at, at + 16);
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      };
    case 'numeric':
    case 'date':
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz': {
      const print = PRINTERS[info.name]!;
      const fromText = pgDecoder(info, type);
      return (bytes, at) => fromText(print(bytes, at));
    }
    default:
      // text, varchar, bpchar, name, json: the characters in UTF-8 (the session's client_encoding).
      return (bytes, at, length) => bytes.toString('utf8', at, at + length);
  }
}

/** PostgreSQL types read in binary, and the core kinds they are read as (pgCoreType's). */
const BINARY_KINDS: Record<string, readonly DataType['kind'][]> = {
  bool: ['boolean'],
  int2: ['smallint'],
  int4: ['int'],
  int8: ['bigint'],
  float4: ['float'],
  float8: ['double'],
  numeric: ['decimal'],
  bytea: ['bytes'],
  date: ['date'],
  time: ['time'],
  timetz: ['time'],
  timestamp: ['timestamp'],
  timestamptz: ['timestamp'],
  text: ['string'],
  varchar: ['string'],
  bpchar: ['string'],
  name: ['string'],
  json: ['string'],
  jsonb: ['string'],
  uuid: ['string'],
};

/** The value PostgreSQL prints for a real (shortest digits that read back as the same float4), as a double. */
function shortestFloat4(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return Number(value.toPrecision(9));
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL's text output of binary numeric and date/time values

const PRINTERS: Record<string, (bytes: Buffer, at: number) => string> = {
  numeric: numericText,
  date: (bytes, at) => dateText(bytes.readInt32BE(at)),
  time: (bytes, at) => timeText(readInt64(bytes, at)),
  timetz: (bytes, at) => timeText(readInt64(bytes, at)),
  timestamp: (bytes, at) => timestampText(bytes, at),
  timestamptz: (bytes, at) => timestampText(bytes, at),
};

const NUMERIC_NAN = 0xc000;
const NUMERIC_PINF = 0xd000;
const NUMERIC_NINF = 0xf000;
const NUMERIC_NEG = 0x4000;

/** numeric: ndigits, weight, sign, dscale, then base-10000 digits → numeric_out's text. */
function numericText(bytes: Buffer, at: number): string {
  const ndigits = bytes.readInt16BE(at);
  const weight = bytes.readInt16BE(at + 2);
  const sign = bytes.readUInt16BE(at + 4);
  const dscale = bytes.readInt16BE(at + 6);
  if (sign === NUMERIC_NAN) return 'NaN';
  if (sign === NUMERIC_PINF) return 'Infinity';
  if (sign === NUMERIC_NINF) return '-Infinity';
  const digit = (index: number): number => (index >= 0 && index < ndigits ? bytes.readInt16BE(at + 8 + index * 2) : 0);
  let text = sign === NUMERIC_NEG ? '-' : '';
  if (weight < 0) {
    text += '0';
  } else {
    text += String(digit(0));
    for (let i = 1; i <= weight; i++) text += String(digit(i)).padStart(4, '0');
  }
  if (dscale > 0) {
    let fraction = '';
    for (let i = weight + 1; fraction.length < dscale; i++) fraction += String(digit(i)).padStart(4, '0');
    text += `.${fraction.slice(0, dscale)}`;
  }
  return text;
}

const DATE_INFINITY = 0x7fffffff;
const DATE_NEG_INFINITY = -0x80000000;
const DAY_MICROS = 86_400_000_000n;

/** A big-endian int64 as a number when it is exact (any time of day; timestamps of years 1715-2284), else as a bigint. */
function readInt64(bytes: Buffer, at: number): number | bigint {
  const high = bytes.readInt32BE(at);
  if (high >= -0x200000 && high < 0x200000) return high * 4294967296 + bytes.readUInt32BE(at + 4);
  return bytes.readBigInt64BE(at);
}

/** Days since 2000-01-01 → `YYYY-MM-DD` (years before 1 as PostgreSQL prints them: `0001-01-01 BC` is year 0). */
function dateText(days: number): string {
  if (days === DATE_INFINITY) return 'infinity';
  if (days === DATE_NEG_INFINITY) return '-infinity';
  const { year, month, day } = civilOfEpochDay(days + PG_EPOCH_DAY);
  return `${pad(year > 0 ? year : 1 - year, 4)}-${pad(month, 2)}-${pad(day, 2)}${year > 0 ? '' : ' BC'}`;
}

/** Microseconds since midnight → `HH:MM:SS[.fraction]`, trailing fraction zeros dropped. */
function timeText(micros: number | bigint): string {
  const total = Number(micros);
  const seconds = Math.floor(total / 1_000_000);
  const fraction = total - seconds * 1_000_000;
  const clock = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
  return fraction === 0 ? clock : `${clock}.${pad(fraction, 6).replace(/0+$/, '')}`;
}

/** Microseconds since 2000-01-01 00:00 (UTC for timestamptz) → `YYYY-MM-DD HH:MM:SS[.fraction][ BC]`. */
function timestampText(bytes: Buffer, at: number): string {
  const micros = readInt64(bytes, at);
  let days: number;
  let time: number;
  if (typeof micros === 'number') {
    days = Math.floor(micros / 86_400_000_000);
    time = micros - days * 86_400_000_000;
  } else {
    if (micros === 9223372036854775807n) return 'infinity';
    if (micros === -9223372036854775808n) return '-infinity';
    let whole = micros / DAY_MICROS;
    if (whole * DAY_MICROS > micros) whole -= 1n;
    days = Number(whole);
    time = Number(micros - whole * DAY_MICROS);
  }
  const date = dateText(days);
  const bc = date.endsWith(' BC');
  return `${bc ? date.slice(0, -3) : date} ${timeText(time)}${bc ? ' BC' : ''}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
