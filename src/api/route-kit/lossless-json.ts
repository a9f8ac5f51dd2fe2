import { isInteger, isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * JSON as clients send it, parsed without losing digits: integers beyond 2^53 (SeaTunnel's 64-bit
 * job ids, `733584788375666689`) become `bigint`, decimals a double cannot hold stay
 * `LosslessNumber` (its text), everything else is an ordinary `number`. A repeated key keeps its
 * last value, as Jackson does. Throws SyntaxError with the position when the text is not JSON.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, {
    parseNumber: (digits: string) => (isSafeNumber(digits) ? Number(digits) : isInteger(digits) ? BigInt(digits) : new LosslessNumber(digits)),
    onDuplicateKey: ({ newValue }) => newValue,
  });
}

/** The inverse of `parseJsonLossless`: bigint and LosslessNumber are written as their exact digits. */
export function stringifyJsonLossless(value: unknown): string {
  return stringify(value) ?? 'null';
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LosslessNumber);
}

/** A scalar's text as Java's `toString()` gives it (`733584788375666689`, `true`); undefined for null, objects and arrays. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof LosslessNumber) return value.value;
  return undefined;
}
