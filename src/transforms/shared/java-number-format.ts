/**
 * Java's `Double.toString` / `Float.toString`, so that numbers turned into text read exactly as
 * SeaTunnel writes them: `1.0` not `1`, `1.0E20` not `1e+20`. Java prints plain decimals for
 * magnitudes in [1e-3, 1e7) and computerized scientific notation otherwise, always with at least
 * one fraction digit; the digits are the shortest that read back to the same value (JDK 19+; the
 * same as JavaScript's).
 */
export function javaDoubleToString(value: number): string {
  return format(value, shortestDoubleDigits);
}

/**
 * `Float.toString` of the float nearest `value`: the shortest digits that read back to the same
 * 32-bit float. A float column may hold either the double a text was parsed to (3.14) or the
 * rounded float (3.140000104904175); both print as `3.14`.
 */
export function javaFloatToString(value: number): string {
  return format(Math.fround(value), shortestFloatDigits);
}

function format(value: number, digitsOf: (abs: number) => string): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  // d.ddde±n with the shortest digits, split into digits and exponent.
  const [mantissa, exponentText] = digitsOf(abs).split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1);
      return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const fraction = digits.slice(1);
  return `${sign}${digits[0]}.${fraction === '' ? '0' : fraction}E${exponent}`;
}

function shortestDoubleDigits(abs: number): string {
  return abs.toExponential();
}

function shortestFloatDigits(abs: number): string {
  for (let precision = 1; precision < 9; precision++) {
    const text = abs.toExponential(precision - 1);
    if (Math.fround(Number(text)) === abs) return text;
  }
  return abs.toExponential(8);
}
