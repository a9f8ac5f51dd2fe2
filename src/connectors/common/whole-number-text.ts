/**
 * The value of `text` when it is an optional `-` and 1 to 15 digits (a whole number a double
 * holds exactly), else undefined: the common case, read without BigInt's slower string parsing.
 */
export function smallDigits(text: string): number | undefined {
  const length = text.length;
  const negative = text.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  if (length === i || length - i > 15) return undefined;
  let n = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  // 0 - n, not -n: "-0" is the integer 0, never the double -0.
  return negative ? 0 - n : n;
}

/** BigInt(text) for text a database or file wrote as a plain integer. */
export function bigintOf(text: string): bigint {
  const small = smallDigits(text);
  return small === undefined ? BigInt(text) : BigInt(small);
}
