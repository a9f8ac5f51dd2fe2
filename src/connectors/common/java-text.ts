import type { DataType } from '../../core/data-type.js';

/**
 * Renders core values the way SeaTunnel's Java objects print (`String.valueOf`), so Console
 * lines and Assert failure messages read like SeaTunnel's: doubles as `1.0` / `1.0E10`, times
 * without zero seconds (`12:34`), byte arrays as signed numbers. `type` is the declared type;
 * without one the JS shape of the value decides.
 */
export function javaString(value: unknown, type?: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type?.kind) {
    case 'float':
      return typeof value === 'number' ? javaFloat(value) : String(value);
    case 'double':
      return typeof value === 'number' ? javaDouble(value) : String(value);
    case 'time':
      return typeof value === 'string' ? javaTime(value) : String(value);
    case 'timestamp':
      return typeof value === 'string' ? javaTimestamp(value) : String(value);
    case 'array':
      return Array.isArray(value) ? `[${value.map((item) => javaString(item, type.element)).join(', ')}]` : String(value);
    case 'map':
      return value instanceof Map
        ? `{${[...value].map(([k, v]) => `${javaString(k, type.key)}=${javaString(v, type.value)}`).join(', ')}}`
        : String(value);
    case 'row':
      return Array.isArray(value) ? `[${value.map((item, i) => javaString(item, type.fields[i]?.type)).join(', ')}]` : String(value);
    default:
      return untypedJavaString(value);
  }
}

function untypedJavaString(value: unknown): string {
  if (value instanceof Uint8Array) return `[${Array.from(value, signedByte).join(', ')}]`;
  if (Array.isArray(value)) return `[${value.map((item) => javaString(item)).join(', ')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${javaString(k)}=${javaString(v)}`).join(', ')}}`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`).join(', ')}}`;
  }
  return String(value);
}

/**
 * ConsoleSinkWriter.fieldToString: arrays and bytes as `[a, b]`, maps as JSON, rows as `[a, b]`,
 * everything else String.valueOf; null stays null (the caller joins it as an empty string, as
 * commons-lang StringUtils.join does).
 */
export function consoleFieldString(value: unknown, type?: DataType): string | null {
  if (value === null || value === undefined) return null;
  switch (type?.kind) {
    case 'array':
      return Array.isArray(value) ? `[${value.map((item) => javaString(item, type.element)).join(', ')}]` : String(value);
    case 'map':
      return jsonText(value, type);
    case 'row':
      return Array.isArray(value) ? `[${value.map((item, i) => String(consoleFieldString(item, type.fields[i]?.type))).join(', ')}]` : String(value);
    default:
      return javaString(value, type);
  }
}

/** Jackson-like JSON of a value, as SeaTunnel's JsonUtils.toJsonString prints maps. */
export function jsonText(value: unknown, type?: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type?.kind) {
    case 'float':
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? javaString(value, type) : JSON.stringify(String(value));
    case 'array':
      return Array.isArray(value) ? `[${value.map((item) => jsonText(item, type.element)).join(',')}]` : JSON.stringify(String(value));
    case 'map':
      return value instanceof Map
        ? `{${[...value].map(([k, v]) => `${JSON.stringify(javaString(k, type.key))}:${jsonText(v, type.value)}`).join(',')}}`
        : JSON.stringify(String(value));
    case 'row':
      return Array.isArray(value) ? `[${value.map((item, i) => jsonText(item, type.fields[i]?.type)).join(',')}]` : JSON.stringify(String(value));
    case 'decimal':
      return String(value);
    default:
      break;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item)).join(',')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${JSON.stringify(javaString(k))}:${jsonText(v)}`).join(',')}}`;
  return JSON.stringify(String(value));
}

/** Double.toString: shortest round-trip digits, `.0` on whole numbers, `E` notation outside [1e-3, 1e7). */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(n);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Float.toString: the shortest digits that read back as the same 32-bit float. */
export function javaFloat(n: number): string {
  const f = Math.fround(n);
  if (!Number.isFinite(f) || f === 0) return javaDouble(f);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return javaDouble(candidate);
  }
  return javaDouble(f);
}

/** LocalTime.toString: `HH:MM` when seconds and fraction are zero, fractions in groups of 3 digits. */
export function javaTime(text: string): string {
  const match = /^(\d{2}:\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction === '') return match[2] === '00' ? (match[1] as string) : `${match[1]}:${match[2]}`;
  const width = fraction.length <= 3 ? 3 : fraction.length <= 6 ? 6 : 9;
  return `${match[1]}:${match[2]}.${fraction.padEnd(width, '0')}`;
}

export function javaTimestamp(text: string): string {
  const t = text.indexOf('T');
  return t < 0 ? text : `${text.slice(0, t)}T${javaTime(text.slice(t + 1))}`;
}

function signedByte(byte: number): number {
  return byte > 127 ? byte - 256 : byte;
}
