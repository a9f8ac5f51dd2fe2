import type { DataType } from '../../core/data-type.js';
import { javaDoubleToString, javaFloatToString } from '../shared/java-number-format.js';

/**
 * A value as text, the way SeaTunnel's Java objects print (`String.valueOf`), used by CONCAT, `||`
 * and CAST(x AS STRING): doubles as `1.0` / `1.0E10`, times without zero seconds (`12:30`),
 * timestamps as LocalDateTime prints them (`2024-01-31T12:30`). Bytes are read as UTF-8 (Java
 * would print an object id), arrays as `[a, b]`, maps as `{k=v}`, rows as `[a, b]`.
 */
export function valueText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'string':
    case 'decimal':
    case 'date':
      return value as string;
    case 'float':
      return javaFloatToString(value as number);
    case 'double':
      return javaDoubleToString(value as number);
    case 'time':
      return javaTime(value as string);
    case 'timestamp':
      return javaTimestamp(value as string);
    case 'bytes':
      return Buffer.from(value as Uint8Array).toString('utf8');
    case 'array':
      return `[${(value as unknown[]).map((item) => valueText(item, type.element)).join(', ')}]`;
    case 'map':
      return `{${[...(value as Map<unknown, unknown>)].map(([k, v]) => `${valueText(k, type.key)}=${valueText(v, type.value)}`).join(', ')}}`;
    case 'row':
      return `[${(value as unknown[]).map((item, i) => valueText(item, type.fields[i]?.type ?? { kind: 'string' })).join(', ')}]`;
    default:
      return String(value);
  }
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
