import type { OptionSpec, OptionType } from '../core/option-spec.js';
import { closestNames } from '../core/suggest.js';
import { describeValue } from './describe-value.js';
import { isRecord } from './plain-record.js';

export interface CoercionProblem {
  /** What to append to the option's path: '' for the option itself, `[2]` for a list element. */
  suffix: string;
  message: string;
}

export type Coercion = { ok: true; value: unknown } | { ok: false; problems: CoercionProblem[] };

type One = { value: unknown } | { message: string };

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const TRUE_WORDS = new Set(['true', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'off']);

/**
 * Coerces one configured value to its declared type, leniently as Typesafe config does: `"5"` is a
 * fine int, `"yes"` a fine boolean, `5` a fine string. `int` values are numbers; `long` values are
 * numbers when safe integers, else bigint; `enum` values take the declared spelling. `min`/`max`
 * bound numbers (list elements included). A single value where a list is expected is a list of one,
 * as SeaTunnel reads `plugin_input = "a"`.
 */
export function coerceOption(spec: OptionSpec, value: unknown): Coercion {
  if (spec.type !== 'list') {
    const result = coerceOne(spec.type, spec, value);
    return 'message' in result ? { ok: false, problems: [{ suffix: '', message: result.message }] } : { ok: true, value: result.value };
  }
  const items = Array.isArray(value) ? value : [value];
  const elementType = spec.elementType;
  if (elementType === undefined) return { ok: true, value: items };
  const problems: CoercionProblem[] = [];
  const coerced = items.map((item, index) => {
    const result = coerceOne(elementType, spec, item);
    if ('value' in result) return result.value;
    problems.push({ suffix: `[${index}]`, message: result.message });
    return undefined;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: coerced };
}

function coerceOne(type: Exclude<OptionType, 'list'>, spec: OptionSpec, value: unknown): One {
  switch (type) {
    case 'string':
      return isScalar(value) ? { value: String(value) } : expected('a string', value);
    case 'int':
      return withinBounds(spec, integer(value, INT_MIN, INT_MAX));
    case 'long':
      return withinBounds(spec, integer(value, LONG_MIN, LONG_MAX));
    case 'double':
      return withinBounds(spec, double(value));
    case 'boolean':
      return boolean(value);
    case 'enum':
      return enumValue(spec.values ?? [], value);
    case 'object':
      return isRecord(value) ? { value } : expected('an object { ... }', value);
    case 'any':
      return { value };
  }
}

function isScalar(value: unknown): value is string | number | bigint | boolean {
  return ['string', 'number', 'bigint', 'boolean'].includes(typeof value);
}

function expected(what: string, value: unknown): One {
  return { message: `expected ${what}, got ${describeValue(value)}` };
}

function integer(value: unknown, min: bigint, max: bigint): One {
  let exact: bigint;
  if (typeof value === 'bigint') exact = value;
  else if (typeof value === 'number' && Number.isInteger(value)) exact = BigInt(value);
  else if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) exact = BigInt(value.trim());
  else return expected('an integer', value);
  if (exact < min || exact > max) return expected(`an integer between ${min} and ${max}`, value);
  const number = Number(exact);
  return { value: Number.isSafeInteger(number) ? number : exact };
}

function double(value: unknown): One {
  if (typeof value === 'number') return { value };
  if (typeof value === 'bigint') return { value: Number(value) };
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return { value: Number(value) };
  return expected('a number', value);
}

function boolean(value: unknown): One {
  if (typeof value === 'boolean') return { value };
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return expected('a boolean (true or false)', value);
}

function enumValue(values: readonly string[], value: unknown): One {
  if (isScalar(value)) {
    const text = String(value);
    const match = values.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
    if (match !== undefined) return { value: match };
    const suggestions = closestNames(text, values, 1);
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions[0]}?` : '';
    return { message: `expected one of ${values.join(', ')}, got ${describeValue(value)}${hint}` };
  }
  return expected(`one of ${values.join(', ')}`, value);
}

function withinBounds(spec: OptionSpec, result: One): One {
  if ('message' in result) return result;
  const value = result.value as number | bigint;
  if (spec.min !== undefined && value < spec.min) return { message: `expected at least ${spec.min}, got ${value}` };
  if (spec.max !== undefined && value > spec.max) return { message: `expected at most ${spec.max}, got ${value}` };
  return result;
}
