/**
 * Dates and times as the core encodes them (value.ts): `YYYY-MM-DD`, `HH:MM:SS[.fraction]`,
 * `YYYY-MM-DDTHH:MM:SS[.fraction]`, local time, no zone. Parsing accepts what SeaTunnel's JSON
 * converters and DateUtils accept for config values and returns the canonical spelling, or
 * undefined when the text is not a valid date/time.
 */

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** `00`..`99`, for building temporal text without per-value padStart. */
export function twoDigits(n: number): string {
  return TWO_DIGITS[n] as string;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function formatYear(year: number): string {
  return year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export function parseDateText(text: string): string | undefined {
  const trimmed = text.trim();
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match === null) continue;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return `${formatYear(year)}-${twoDigits(month)}-${twoDigits(day)}`;
  }
  return undefined;
}

/** `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f` (1-9 fraction digits) → `HH:MM:SS[.f]`. */
export function parseTimeText(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text.trim());
  if (match === null) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = match[4] === undefined ? '' : `.${match[4]}`;
  return `${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}${fraction}`;
}

/** A date and a time separated by `T` or a space (ISO_LOCAL_DATE_TIME and `yyyy-MM-dd HH:mm:ss`). */
export function parseTimestampText(text: string): string | undefined {
  const match = /^(\S+?)[T ](\S+)$/.exec(text.trim());
  if (match === null) return undefined;
  const date = parseDateText(match[1] as string);
  const time = parseTimeText(match[2] as string);
  return date === undefined || time === undefined ? undefined : `${date}T${time}`;
}

/** Local wall-clock `now`, as CURRENT_DATE / CURRENT_TIME / CURRENT_TIMESTAMP give it. */
export function currentDate(now: Date): string {
  return `${formatYear(now.getFullYear())}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

export function currentTime(now: Date): string {
  const millis = String(now.getMilliseconds()).padStart(3, '0');
  return `${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}:${twoDigits(now.getSeconds())}.${millis}`;
}

export function currentTimestamp(now: Date): string {
  return `${currentDate(now)}T${currentTime(now)}`;
}
