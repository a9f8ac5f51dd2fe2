/**
 * Exact decimal text (value.ts: plain notation, exactly `scale` fraction digits). Config values
 * may come as JS numbers (HOCON `99999.99999999`), bigints, or strings, possibly in exponent form.
 */
export class DecimalRangeError extends Error {}

/**
 * Normalises `text` to decimal(precision, scale). Throws DecimalRangeError when it is not a
 * number, needs more fraction digits than `scale` (rounding would change the value), or has more
 * integer digits than `precision - scale`.
 */
export function toDecimalText(text: string, precision: number, scale: number): string {
  if (isCanonical(text, precision, scale)) return text;
  const match = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (match === null || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) {
    throw new DecimalRangeError(`"${text}" is not a decimal number`);
  }
  const negative = match[1] === '-';
  let digits = (match[2] ?? '') + (match[3] ?? '');
  // Position of the decimal point counted from the left of `digits`.
  let point = (match[2] ?? '').length + Number(match[4] ?? '0');
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  let integer = digits.slice(0, point).replace(/^0+/, '');
  let fraction = digits.slice(point);
  if (fraction.length > scale) {
    if (!/^0*$/.test(fraction.slice(scale))) {
      throw new DecimalRangeError(`${text} has more than ${scale} fraction digits`);
    }
    fraction = fraction.slice(0, scale);
  }
  fraction = fraction.padEnd(scale, '0');
  if (integer.length > precision - scale) {
    throw new DecimalRangeError(`${text} does not fit decimal(${precision}, ${scale})`);
  }
  if (integer === '') integer = '0';
  const isZero = /^0*$/.test(integer + fraction);
  const sign = negative && !isZero ? '-' : '';
  return scale === 0 ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
}

/**
 * Whether `text` already is canonical decimal(precision, scale) text: an optional `-`, integer
 * digits without leading zeros (or one `0`), and exactly `scale` fraction digits; not `-0.00`.
 * Most input is, and then needs no rewriting.
 */
function isCanonical(text: string, precision: number, scale: number): boolean {
  const length = text.length;
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const integerEnd = scale === 0 ? length : length - scale - 1;
  const integerDigits = integerEnd - start;
  if (integerDigits < 1) return false;
  const zeroInteger = integerDigits === 1 && text.charCodeAt(start) === 48;
  if (!zeroInteger && (integerDigits > precision - scale || text.charCodeAt(start) === 48)) return false;
  if (scale > 0 && text.charCodeAt(integerEnd) !== 46) return false;
  let nonZero = false;
  for (let i = start; i < length; i++) {
    if (i === integerEnd) continue;
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    if (c !== 48) nonZero = true;
  }
  return !negative || nonZero;
}

/** BigDecimal.precision() of canonical decimal text: significant digits of the unscaled value. */
export function decimalPrecision(text: string): number {
  const digits = text.replace(/[-.]/g, '').replace(/^0+/, '');
  return digits === '' ? 1 : digits.length;
}

/** Number of fraction digits in canonical decimal text (its BigDecimal scale). */
export function decimalScale(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
