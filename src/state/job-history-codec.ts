/**
 * JSON with the values a JobPlan may hold that JSON cannot: bigint (bigint options, 64-bit
 * defaults), byte arrays, dates, maps and sets, and non-finite numbers. Such values are written as
 * `{"$sluice": "<type>", "v": ...}`; a plain object that happens to have a `$sluice` key is escaped
 * the same way, so decoding is exact.
 */
const TAG = '$sluice';

export function encodeHistoryJson(value: unknown): string {
  return JSON.stringify(encode(value));
}

export function decodeHistoryJson(text: string): unknown {
  return decode(JSON.parse(text));
}

function encode(value: unknown): unknown {
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { [TAG]: 'number', v: String(value) };
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(encode);
  if (value instanceof Uint8Array) return { [TAG]: 'bytes', v: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  if (value instanceof Map) return { [TAG]: 'map', v: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (value instanceof Set) return { [TAG]: 'set', v: [...value].map(encode) };
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = encode(child);
  return Object.hasOwn(out, TAG) ? { [TAG]: 'object', v: out } : out;
}

function decode(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(decode);
  const record = value as Record<string, unknown>;
  if (typeof record[TAG] === 'string' && 'v' in record) {
    const v = record.v;
    switch (record[TAG]) {
      case 'bigint':
        return BigInt(v as string);
      case 'number':
        return Number(v);
      case 'bytes':
        return new Uint8Array(Buffer.from(v as string, 'base64'));
      case 'date':
        return new Date(v as string);
      case 'map':
        return new Map((v as [unknown, unknown][]).map(([k, x]) => [decode(k), decode(x)]));
      case 'set':
        return new Set((v as unknown[]).map(decode));
      case 'object':
        return decodeEntries(v as Record<string, unknown>);
    }
  }
  return decodeEntries(record);
}

function decodeEntries(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) Object.defineProperty(out, key, { value: decode(child), enumerable: true, writable: true, configurable: true });
  return out;
}
