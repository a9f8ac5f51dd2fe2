/**
 * JSON.parse that never rounds a 64-bit integer: an integer beyond 2^53 comes back as its decimal
 * string (read from the source text, which Chromium, Firefox and Safari hand to revivers). Our APIs
 * send job ids as strings already; this keeps a stray numeric id (SeaTunnel's stop-jobs) exact too.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source !== undefined ? context.source : value,
  );
}
