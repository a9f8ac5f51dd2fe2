import { formatDataType, sameDataType, type DataType } from '../../../core/data-type.js';
import { convertConfigValue } from '../../common/config-value.js';
import { toDecimalText } from '../../common/decimal-text.js';
import { fromJsonText } from '../json-text.js';

export type ValueAdapter = (value: unknown) => unknown;

const WHOLE: Record<string, [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};

/**
 * Converts values read as the database's type (`from`) to the type the `schema` option declares
 * (`to`); undefined when none is needed. Throws, at plan time, when the types cannot meet.
 * Conversions never lose data silently: a value that does not fit fails the read.
 */
export function valueAdapter(from: DataType, to: DataType): ValueAdapter | undefined {
  if (sameDataType(from, to)) return undefined;
  const fromWhole = WHOLE[from.kind];
  const toWhole = WHOLE[to.kind];
  if (fromWhole !== undefined && toWhole !== undefined) {
    const [min, max] = toWhole;
    const toBig = to.kind === 'bigint';
    return (value) => {
      const whole = BigInt(value as number | bigint);
      if (whole < min || whole > max) throw new RangeError(`${whole} does not fit ${to.kind}`);
      return toBig ? whole : Number(whole);
    };
  }
  if ((fromWhole !== undefined || from.kind === 'decimal') && to.kind === 'decimal') {
    return (value) => toDecimalText(String(value), to.precision, to.scale);
  }
  if (from.kind === 'decimal' && toWhole !== undefined) {
    const [min, max] = toWhole;
    return (value) => {
      const text = value as string;
      if (!/^-?\d+(\.0*)?$/.test(text)) throw new RangeError(`${text} is not a whole number`);
      const whole = BigInt(text.replace(/\.0*$/, ''));
      if (whole < min || whole > max) throw new RangeError(`${whole} does not fit ${to.kind}`);
      return to.kind === 'bigint' ? whole : Number(whole);
    };
  }
  if ((from.kind === 'float' || from.kind === 'double') && (to.kind === 'float' || to.kind === 'double')) return undefined;
  if ((fromWhole !== undefined || from.kind === 'decimal') && (to.kind === 'float' || to.kind === 'double')) return (value) => Number(value);
  if (to.kind === 'boolean' && fromWhole !== undefined) return (value) => value !== 0 && value !== 0n;
  if (from.kind === 'boolean' && toWhole !== undefined) return (value) => (to.kind === 'bigint' ? (value ? 1n : 0n) : value ? 1 : 0);
  if (to.kind === 'string') return stringOf(from);
  if (from.kind === 'string') {
    if (to.kind === 'array' || to.kind === 'map' || to.kind === 'row') return (value) => fromJsonText(value as string, to);
    if (to.kind === 'bytes') return (value) => new Uint8Array(Buffer.from(value as string, 'utf8'));
    return (value) => convertConfigValue(to, value);
  }
  if (from.kind === 'timestamp' && to.kind === 'date') return (value) => (value as string).slice(0, 10);
  if (from.kind === 'date' && to.kind === 'timestamp') return (value) => `${value as string}T00:00:00`;
  if (from.kind === 'array' && to.kind === 'array') {
    const element = valueAdapter(from.element, to.element);
    return element === undefined ? undefined : (value) => (value as unknown[]).map((item) => (item === null ? null : element(item)));
  }
  throw new TypeError(`the database has ${formatDataType(from)}, which cannot be read as ${formatDataType(to)}`);
}

function stringOf(from: DataType): ValueAdapter {
  switch (from.kind) {
    case 'bytes':
      return (value) => Buffer.from(value as Uint8Array).toString('utf8');
    case 'array':
    case 'map':
    case 'row':
      return (value) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v));
    default:
      return (value) => String(value);
  }
}
