import type { ConfigProblem } from '../../core/errors.js';
import type { OptionSpec, OptionType, OptionValues } from '../../core/option-spec.js';
import { describeValue, isPlainObject, readPath } from './config-path.js';

/**
 * Validates and defaults a plugin config nested inside an option (a FakeSource `tables_configs`
 * entry is a whole FakeSource config). The engine validates only top-level options, so nested
 * ones are read here with the same specs and the same coercions: numbers may arrive as numeric
 * strings (HOCON), huge whole numbers as bigint, enums in any case. Problems carry `pathPrefix`.
 */
export function readNestedOptions(
  specs: readonly OptionSpec[],
  raw: Record<string, unknown>,
  pathPrefix: string,
): { values: OptionValues; problems: ConfigProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const spec of specs) {
    let value = readPath(raw, spec.key);
    for (const fallback of spec.fallbackKeys ?? []) if (value === undefined) value = readPath(raw, fallback);
    const path = `${pathPrefix}.${spec.key}`;
    if (value === undefined || value === null) {
      if (spec.required === true) problems.push({ path, message: 'is required' });
      values[spec.key] = spec.default;
      continue;
    }
    const coerced = coerceOption(spec, value);
    if (coerced instanceof Invalid) {
      problems.push({ path, message: coerced.message });
      values[spec.key] = spec.default;
    } else {
      values[spec.key] = coerced;
    }
  }
  return { values, problems };
}

/** A value that failed coercion; a class so it can never be mistaken for a config value. */
class Invalid {
  constructor(readonly message: string) {}
}

function coerceOption(spec: OptionSpec, value: unknown): unknown {
  if (spec.type === 'list') {
    const items = Array.isArray(value) ? value : [value];
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      const element = spec.elementType === undefined ? items[i] : coerceScalar(spec.elementType, items[i], spec);
      if (element instanceof Invalid) return new Invalid(`element ${i}: ${element.message}`);
      out.push(element);
    }
    return out;
  }
  return coerceScalar(spec.type, value, spec);
}

function coerceScalar(type: Exclude<OptionType, 'list'>, value: unknown, spec: OptionSpec): unknown {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
      return new Invalid(`expected a string, got ${describeValue(value)}`);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
      return new Invalid(`expected true or false, got ${describeValue(value)}`);
    case 'int':
    case 'long': {
      const whole = toWhole(value);
      if (whole === undefined) return new Invalid(`expected a whole number, got ${describeValue(value)}`);
      const limit = type === 'int' ? 2n ** 31n : 2n ** 63n;
      if (whole < -limit || whole >= limit) return new Invalid(`${whole} does not fit in ${type === 'int' ? 32 : 64} bits`);
      const result = whole >= BigInt(Number.MIN_SAFE_INTEGER) && whole <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(whole) : whole;
      return checkBounds(result, spec);
    }
    case 'double': {
      const number = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isNaN(number)) return new Invalid(`expected a number, got ${describeValue(value)}`);
      return checkBounds(number, spec);
    }
    case 'enum': {
      const text = typeof value === 'string' ? value : String(value);
      const match = (spec.values ?? []).find((v) => v.toLowerCase() === text.toLowerCase());
      return match ?? new Invalid(`expected one of ${(spec.values ?? []).join(', ')}, got ${describeValue(value)}`);
    }
    case 'object':
      return isPlainObject(value) ? value : new Invalid(`expected an object, got ${describeValue(value)}`);
    case 'any':
      return value;
  }
}

function toWhole(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return BigInt(value.trim());
  return undefined;
}

function checkBounds(value: number | bigint, spec: OptionSpec): unknown {
  if (spec.min !== undefined && value < spec.min) return new Invalid(`must be at least ${spec.min}, got ${value}`);
  if (spec.max !== undefined && value > spec.max) return new Invalid(`must be at most ${spec.max}, got ${value}`);
  return value;
}
