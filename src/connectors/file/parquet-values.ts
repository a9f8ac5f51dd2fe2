import type { SchemaElement, SchemaTree } from 'hyparquet';
import { formatDataType, type DataType } from '../../core/data-type.js';
import { civilOfEpochDay, epochDay } from '../../core/epoch-day.js';
import { isListNode, isMapNode, listElement, sluiceTypeOf } from './parquet-schema.js';

/**
 * Value conversion between value.ts and what hyparquet-writer takes and hyparquet returns. Both
 * directions are exact: decimals go as unscaled bigints (hyparquet would turn them into doubles,
 * so the reader strips their annotation and decodes the bytes here), dates as day numbers, times
 * and timestamps as integer counts of their unit.
 */
export class ParquetValueError extends Error {}

export type WriteConverter = (value: unknown) => unknown;

const NANOS_PER_DAY = 86_400_000_000_000n;

/** Sluice value → hyparquet-writer input for a column of `type`. Null stays null. */
export function writeConverter(type: DataType): WriteConverter {
  switch (type.kind) {
    case 'decimal': {
      const scale = type.scale;
      return (v) => (v == null ? null : unscaled(v as string, scale));
    }
    case 'date':
      return (v) => (v == null ? null : epochDayOf(v as string));
    case 'time':
      return (v) => (v == null ? null : nanoOfDay(v as string));
    case 'timestamp':
      return (v) => (v == null ? null : timestampMicros(v as string));
    case 'null':
      return () => null;
    case 'array': {
      const element = writeConverter(type.element);
      return (v) => (v == null ? null : (v as unknown[]).map(element));
    }
    case 'map': {
      const key = writeConverter(type.key);
      const value = writeConverter(type.value);
      return (v) => {
        if (v == null) return null;
        const out = new Map<unknown, unknown>();
        for (const [k, val] of v as Map<unknown, unknown>) {
          if (k == null) throw new ParquetValueError('a Parquet map key cannot be null');
          out.set(key(k), value(val));
        }
        return out;
      };
    }
    case 'row': {
      const fields = type.fields.map((field) => ({ name: field.name, convert: writeConverter(field.type) }));
      return (v) => {
        if (v == null) return null;
        const record: Record<string, unknown> = {};
        const values = v as unknown[];
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i] as { name: string; convert: WriteConverter };
          record[field.name] = field.convert(values[i] ?? null);
        }
        return record;
      };
    }
    default:
      return (v) => (v === undefined ? null : v);
  }
}

function unscaled(text: string, scale: number): bigint {
  const dot = text.indexOf('.');
  const digits = dot < 0 ? 0 : text.length - dot - 1;
  if (digits !== scale) throw new ParquetValueError(`decimal ${text} does not have ${scale} fraction digits`);
  return BigInt(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
}

const DATE_RE = /^([+-]?\d{4,})-(\d{2})-(\d{2})/;

function epochDayOf(text: string): number {
  const match = DATE_RE.exec(text);
  if (match === null) throw new ParquetValueError(`"${text}" is not a date`);
  return epochDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function dateOfEpochDay(days: number): string {
  const { year, month, day } = civilOfEpochDay(days);
  const yearText = year > 9999 ? `+${year}` : year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

function nanoOfDay(text: string): bigint {
  const match = TIME_RE.exec(text);
  if (match === null) throw new ParquetValueError(`"${text}" is not a time`);
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return BigInt(seconds) * 1_000_000_000n + BigInt((match[4] ?? '').padEnd(9, '0'));
}

function timestampMicros(text: string): bigint {
  const t = text.indexOf('T');
  const days = epochDayOf(text.slice(0, t));
  const nanos = nanoOfDay(text.slice(t + 1));
  if (nanos % 1000n !== 0n) {
    throw new ParquetValueError(`timestamp ${text} has nanoseconds; Parquet timestamps are written to the microsecond (cast or round the column first)`);
  }
  return BigInt(days) * 86_400_000_000n + nanos / 1000n;
}

/** `HH:MM:SS[.fraction]` of nanoseconds of a day (fraction without trailing zeros). */
export function timeOfNanos(nanos: bigint): string {
  const seconds = Number(nanos / 1_000_000_000n);
  const fraction = Number(nanos % 1_000_000_000n);
  const base = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return fraction === 0 ? base : `${base}.${String(fraction).padStart(9, '0').replace(/0+$/, '')}`;
}

/** A local timestamp of nanoseconds since 1970-01-01T00:00:00. */
export function timestampOfNanos(nanos: bigint): string {
  let days = nanos / NANOS_PER_DAY;
  let rest = nanos % NANOS_PER_DAY;
  if (rest < 0n) {
    rest += NANOS_PER_DAY;
    days -= 1n;
  }
  return `${dateOfEpochDay(Number(days))}T${timeOfNanos(rest)}`;
}

/** A big-endian two's complement integer (Parquet's FIXED_LEN_BYTE_ARRAY and BYTE_ARRAY decimals). */
export function bigintOfBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return (bytes[0] as number) & 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
}

function decimalText(unscaledValue: bigint, scale: number): string {
  const negative = unscaledValue < 0n;
  let digits = (negative ? -unscaledValue : unscaledValue).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

export type ReadConverter = (raw: unknown) => unknown;

/**
 * hyparquet output (read with `readOptions`) → Sluice value of `target`, for a column whose
 * Parquet node is `node`. Where the file's type and the declared one differ, only lossless
 * readings are allowed (int into bigint, float into double, a decimal into a decimal of the same
 * or larger scale, a date into a timestamp, text into bytes and back); anything else is refused
 * with the column's name.
 */
export function readConverter(node: SchemaTree, target: DataType, where: string): ReadConverter {
  const source = sluiceTypeOf(node);
  const mismatch = (): never => {
    throw new ParquetValueError(`${where} is ${formatDataType(source)} in the file, which cannot be read as ${formatDataType(target)}`);
  };
  if (isListNode(node) || (node.children.length === 0 && node.element.repetition_type === 'REPEATED')) {
    if (target.kind !== 'array') return mismatch();
    const element = isListNode(node) ? readConverter(listElement(node), target.element, `${where}[]`) : readConverter({ ...node, element: { ...node.element, repetition_type: 'REQUIRED' } }, target.element, `${where}[]`);
    return (raw) => (raw == null ? null : (raw as unknown[]).map(element));
  }
  if (isMapNode(node)) {
    if (target.kind !== 'map') return mismatch();
    const entry = node.children[0] as SchemaTree;
    const keyNode = entry.children.find((child) => child.element.name === 'key') ?? (entry.children[0] as SchemaTree);
    const valueNode = entry.children.find((child) => child.element.name === 'value') ?? (entry.children[1] as SchemaTree);
    const key = mapKeyConverter(sluiceTypeOf(keyNode), keyNode.element, target.key, mismatch);
    const value = readConverter(valueNode, target.value, `${where}.value`);
    return (raw) => {
      if (raw == null) return null;
      const out = new Map<unknown, unknown>();
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out.set(key(k), value(v));
      return out;
    };
  }
  if (node.children.length > 0) {
    if (target.kind !== 'row') return mismatch();
    const fields = target.fields.map((field) => {
      const child = node.children.find((c) => c.element.name === field.name) ?? node.children.find((c) => c.element.name.toLowerCase() === field.name.toLowerCase());
      if (child === undefined) return { name: '', convert: (): unknown => null };
      return { name: child.element.name, convert: readConverter(child, field.type, `${where}.${field.name}`) };
    });
    return (raw) => {
      if (raw == null) return null;
      const record = raw as Record<string, unknown>;
      return fields.map((field) => (field.name === '' ? null : field.convert(record[field.name])));
    };
  }
  return primitiveConverter(node.element, source, target, mismatch);
}

function primitiveConverter(element: SchemaElement, source: DataType, target: DataType, mismatch: () => never): ReadConverter {
  const base = baseReader(element, source);
  if (source.kind === target.kind && (source.kind !== 'decimal' || target.kind !== 'decimal' || sameDecimal(source, target))) return base;
  const widen = widener(source, target);
  if (widen === undefined) return mismatch();
  return (raw) => {
    const v = base(raw);
    return v == null ? null : widen(v);
  };
}

function sameDecimal(a: DataType, b: DataType): boolean {
  return a.kind === 'decimal' && b.kind === 'decimal' && a.scale === b.scale && a.precision <= b.precision;
}

/** Raw hyparquet value → Sluice value of the column's own type. */
function baseReader(element: SchemaElement, source: DataType): ReadConverter {
  const logical = element.logical_type;
  switch (source.kind) {
    case 'decimal': {
      const scale = source.scale;
      return (raw) => {
        if (raw == null) return null;
        const value = raw instanceof Uint8Array ? bigintOfBytes(raw) : BigInt(raw as number | bigint);
        return decimalText(value, scale);
      };
    }
    case 'date':
      return (raw) => (raw == null ? null : dateOfEpochDay(Number(raw)));
    case 'time': {
      const factor = element.converted_type === 'TIME_MILLIS' || (logical?.type === 'TIME' && logical.unit === 'MILLIS') ? 1_000_000n : logical?.type === 'TIME' && logical.unit === 'NANOS' ? 1n : 1000n;
      return (raw) => (raw == null ? null : timeOfNanos(BigInt(raw as number | bigint) * factor));
    }
    case 'timestamp': {
      let factor = 1n;
      if (element.type !== 'INT96') {
        const unit = logical?.type === 'TIMESTAMP' ? logical.unit : element.converted_type === 'TIMESTAMP_MILLIS' ? 'MILLIS' : 'MICROS';
        factor = unit === 'MILLIS' ? 1_000_000n : unit === 'MICROS' ? 1000n : 1n;
      }
      return (raw) => (raw == null ? null : timestampOfNanos(BigInt(raw as number | bigint) * factor));
    }
    case 'tinyint':
    case 'smallint':
    case 'int':
      return (raw) => (raw == null ? null : Number(raw));
    case 'bigint':
      return (raw) => (raw == null ? null : BigInt(raw as number | bigint));
    case 'bytes':
      return (raw) => (raw == null ? null : raw instanceof Uint8Array ? new Uint8Array(raw) : new Uint8Array(Buffer.from(String(raw), 'utf8')));
    case 'string':
      return (raw) => (raw == null ? null : raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : String(raw));
    case 'null':
      return () => null;
    default:
      return (raw) => (raw === undefined ? null : raw);
  }
}

function widener(source: DataType, target: DataType): ((v: unknown) => unknown) | undefined {
  const small = ['tinyint', 'smallint', 'int'];
  if (small.includes(source.kind) && small.includes(target.kind) && small.indexOf(source.kind) <= small.indexOf(target.kind)) return (v) => v;
  if (small.includes(source.kind) && target.kind === 'bigint') return (v) => BigInt(v as number);
  if ((small.includes(source.kind) || source.kind === 'float') && target.kind === 'double') return (v) => v;
  if ((small.includes(source.kind) || source.kind === 'bigint') && target.kind === 'decimal') {
    const factor = 10n ** BigInt(target.scale);
    const limit = 10n ** BigInt(target.precision);
    return (v) => {
      const unscaledValue = BigInt(v as number | bigint) * factor;
      if (unscaledValue >= limit || unscaledValue <= -limit) throw new ParquetValueError(`${String(v)} does not fit ${formatDataType(target)}`);
      return decimalText(unscaledValue, target.scale);
    };
  }
  if (source.kind === 'decimal' && target.kind === 'decimal' && target.scale >= source.scale) {
    const grow = target.scale - source.scale;
    return (v) => {
      const text = v as string;
      const padded = grow === 0 ? text : `${text}${text.includes('.') ? '' : '.'}${'0'.repeat(grow)}`;
      if (padded.replace(/[-.]/g, '').replace(/^0+(?=\d)/, '').length > target.precision) throw new ParquetValueError(`${text} does not fit ${formatDataType(target)}`);
      return padded;
    };
  }
  if (source.kind === 'decimal' && target.kind === 'double') return (v) => Number(v);
  if (source.kind === 'date' && target.kind === 'timestamp') return (v) => `${v as string}T00:00:00`;
  if (source.kind === 'bytes' && target.kind === 'string') return (v) => Buffer.from(v as Uint8Array).toString('utf8');
  if (source.kind === 'string' && target.kind === 'bytes') return (v) => new Uint8Array(Buffer.from(v as string, 'utf8'));
  if (source.kind === 'null') return () => null;
  return undefined;
}

/** Map keys arrive as object property names (text); they are turned back into the key type. */
function mapKeyConverter(source: DataType, element: SchemaElement, target: DataType, mismatch: () => never): (key: string) => unknown {
  if (source.kind === 'decimal' || source.kind === 'bytes' || target.kind === 'decimal' || target.kind === 'bytes') return mismatch;
  const base: (key: string) => unknown = (() => {
    switch (source.kind) {
      case 'string':
        return (key: string) => key;
      case 'boolean':
        return (key: string) => key === 'true';
      case 'tinyint':
      case 'smallint':
      case 'int':
      case 'float':
      case 'double':
        return (key: string) => Number(key);
      case 'bigint':
        return (key: string) => BigInt(key);
      default: {
        const read = baseReader(element, source);
        return (key: string) => read(BigInt(key));
      }
    }
  })();
  if (source.kind === target.kind) return base;
  const widen = widener(source, target);
  if (widen === undefined) return mismatch;
  return (key) => widen(base(key));
}
