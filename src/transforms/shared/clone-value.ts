import type { DataType } from '../../core/data-type.js';

/** True when values of `type` are mutable containers that a copy must not share (SeaTunnel's Copy clones them). */
export function needsClone(type: DataType): boolean {
  return type.kind === 'bytes' || type.kind === 'array' || type.kind === 'map' || type.kind === 'row';
}

/**
 * A deep copy of a value held as `value.ts` describes: byte arrays, arrays (and rows, which are
 * arrays), and maps are copied; strings, numbers, bigints and booleans are immutable and shared.
 */
export function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return value.slice();
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneValue(value[i]);
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [k, v] of value) copy.set(cloneValue(k), cloneValue(v));
    return copy;
  }
  return value;
}
