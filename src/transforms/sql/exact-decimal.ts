import { SqlEvaluationError } from './sql-error.js';

/**
 * Exact decimal arithmetic on bigint: a decimal(p, s) value is its unscaled integer (value × 10^s).
 * Values arrive and leave as value.ts prescribes, plain text with exactly s fraction digits.
 * Rounding, where a result has more fraction digits than its type, is HALF_UP (ties away from
 * zero), as java.math.RoundingMode.HALF_UP.
 */

const POWERS: bigint[] = [1n];
for (let i = 1; i <= 80; i++) POWERS.push((POWERS[i - 1] as bigint) * 10n);

export function pow10(exponent: number): bigint {
  return POWERS[exponent] ?? 10n ** BigInt(exponent);
}

/** The unscaled value of decimal text at `scale` (text with more fraction digits is rounded HALF_UP). */
export function unscaledOf(text: string, scale: number): bigint {
  const dot = text.indexOf('.');
  const digits = dot < 0 ? 0 : text.length - dot - 1;
  if (digits === scale) return BigInt(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
  const parsed = parseDecimalText(text);
  if (parsed === undefined) throw new SqlEvaluationError(`"${text}" is not a decimal number`);
  return rescale(parsed.unscaled, parsed.scale, scale);
}

/** Plain decimal text of an unscaled value: exactly `scale` fraction digits, `-` only when not zero. */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** Changes the scale of an unscaled value, rounding HALF_UP when it shrinks. */
export function rescale(unscaled: bigint, from: number, to: number): bigint {
  if (to === from) return unscaled;
  if (to > from) return unscaled * pow10(to - from);
  return divideHalfUp(unscaled, pow10(from - to));
}

/** numerator / denominator rounded HALF_UP (ties away from zero). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const magnitude = denominator < 0n ? -denominator : denominator;
  if (twice < magnitude) return quotient;
  return (numerator < 0n) !== (denominator < 0n) ? quotient - 1n : quotient + 1n;
}

/** Truncates toward zero to `to` fraction digits (from a larger scale). */
export function rescaleDown(unscaled: bigint, from: number, to: number): bigint {
  return to >= from ? unscaled * pow10(to - from) : unscaled / pow10(from - to);
}

/** True when the unscaled value has at most `precision` digits. */
export function fitsPrecision(unscaled: bigint, precision: number): boolean {
  const limit = pow10(precision);
  return unscaled < limit && unscaled > -limit;
}

/** Throws when the value does not fit decimal(precision, scale). */
export function checkPrecision(unscaled: bigint, precision: number, scale: number): bigint {
  if (!fitsPrecision(unscaled, precision)) {
    throw new SqlEvaluationError(`${decimalText(unscaled, scale)} does not fit decimal(${precision}, ${scale})`);
  }
  return unscaled;
}

/** Any decimal spelling (`-1.5`, `.5`, `1e-3`, `1.0E10`) as unscaled value and scale; undefined when not a number. */
export function parseDecimalText(text: string): { unscaled: bigint; scale: number } | undefined {
  const match = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (match === null) return undefined;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  let scale = fraction.length - Number(match[4] ?? '0');
  let digits = whole + fraction;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const unscaled = BigInt(digits === '' ? '0' : digits);
  return { unscaled: match[1] === '-' ? -unscaled : unscaled, scale };
}

/** The digits a number needs as decimal(p, s): its precision and scale (`0.05` is (2, 2), `120` is (3, 0)). */
export function precisionAndScale(unscaled: bigint, scale: number): { precision: number; scale: number } {
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length;
  return { precision: Math.max(digits, scale, 1), scale };
}

/**
 * The unscaled value of decimal text with exactly `scale` fraction digits as a JS number, when it
 * has at most 15 digits (so it is exact); NaN otherwise. The fast path of decimal arithmetic.
 */
export function smallUnscaled(text: string, scale: number): number {
  const length = text.length;
  if (length > 16 || (scale > 0 && text.charCodeAt(length - scale - 1) !== 46)) return NaN;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let n = 0;
  let digits = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) continue;
    n = n * 10 + (c - 48);
    digits++;
  }
  if (digits > 15) return NaN;
  return negative ? -n : n;
}

/** decimalText for an unscaled value held exactly in a JS number. */
export function smallDecimalText(n: number, scale: number): string {
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  if (scale === 0) return negative ? `-${digits}` : digits;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}
