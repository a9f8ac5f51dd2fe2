import { civilOfEpochDay, epochDay } from '../../core/epoch-day.js';
import { SqlEvaluationError } from './sql-error.js';

/**
 * Calendar arithmetic on the ISO text values.ts uses for dates (`YYYY-MM-DD`), times
 * (`HH:MM:SS[.fraction]`) and timestamps (`YYYY-MM-DDTHH:MM:SS[.fraction]`), with java.time's
 * rules (proleptic Gregorian calendar, month arithmetic clamping the day, times wrapping at
 * midnight).
 */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0..999_999_999 */
  nano: number;
}

const DATE_RE = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

export function parseDateValue(text: string): DateTimeParts {
  const match = DATE_RE.exec(text);
  if (match === null) throw new SqlEvaluationError(`"${text}" is not a date (YYYY-MM-DD)`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0, nano: 0 };
}

export function parseTimeValue(text: string): DateTimeParts {
  const match = TIME_RE.exec(text);
  if (match === null) throw new SqlEvaluationError(`"${text}" is not a time (HH:MM:SS)`);
  return { year: 1970, month: 1, day: 1, hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? '0'), nano: fractionToNano(match[4] ?? '') };
}

export function parseTimestampValue(text: string): DateTimeParts {
  const t = text.indexOf('T');
  const space = t < 0 ? text.indexOf(' ') : t;
  if (space < 0) throw new SqlEvaluationError(`"${text}" is not a timestamp (YYYY-MM-DDTHH:MM:SS)`);
  const date = parseDateValue(text.slice(0, space));
  const time = parseTimeValue(text.slice(space + 1));
  return { ...date, hour: time.hour, minute: time.minute, second: time.second, nano: time.nano };
}

/** Parts of a date, time or timestamp value, by the value's type. */
export function partsOf(text: string, kind: 'date' | 'time' | 'timestamp'): DateTimeParts {
  return kind === 'date' ? parseDateValue(text) : kind === 'time' ? parseTimeValue(text) : parseTimestampValue(text);
}

function fractionToNano(fraction: string): number {
  return fraction === '' ? 0 : Number(fraction.padEnd(9, '0'));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}


/** ISO day of week: Monday 1 .. Sunday 7. */
export function dayOfWeek(parts: DateTimeParts): number {
  return floorMod(epochDay(parts.year, parts.month, parts.day) + 3, 7) + 1;
}

export function dayOfYear(parts: DateTimeParts): number {
  return epochDay(parts.year, parts.month, parts.day) - epochDay(parts.year, 1, 1) + 1;
}

/** java.time WeekFields.ISO.weekOfYear(): week 0 holds the days before the year's first 4-day week. */
export function isoWeekOfYear(parts: DateTimeParts): number {
  const dow = dayOfWeek(parts);
  const doy = dayOfYear(parts);
  const weekStart = floorMod(doy - dow, 7);
  const offset = weekStart + 1 > 4 ? 7 - weekStart : -weekStart;
  return Math.floor((7 + offset + (doy - 1)) / 7);
}

export function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** java.time plusMonths: the day is clamped to the new month's length. */
export function plusMonths(parts: DateTimeParts, months: number): DateTimeParts {
  const total = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { ...parts, year, month, day: Math.min(parts.day, daysInMonth(year, month)) };
}

export function plusDays(parts: DateTimeParts, days: number): DateTimeParts {
  const date = civilOfEpochDay(epochDay(parts.year, parts.month, parts.day) + days);
  return { ...parts, ...date };
}

/** Adds nanoseconds to a date-time (day carry included); `wrap` keeps the date (LocalTime arithmetic). */
export function plusNanos(parts: DateTimeParts, nanos: bigint, wrap: boolean): DateTimeParts {
  const DAY = 86_400_000_000_000n;
  const ofDay = BigInt(((parts.hour * 60 + parts.minute) * 60 + parts.second)) * 1_000_000_000n + BigInt(parts.nano) + nanos;
  let dayShift = ofDay / DAY;
  let rest = ofDay % DAY;
  if (rest < 0n) {
    rest += DAY;
    dayShift -= 1n;
  }
  const nanoOfDay = Number(rest);
  const secondOfDay = Math.floor(nanoOfDay / 1e9);
  const moved: DateTimeParts = {
    ...parts,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
    nano: nanoOfDay - secondOfDay * 1e9,
  };
  return wrap || dayShift === 0n ? moved : plusDays(moved, Number(dayShift));
}

/** Seconds since 1970-01-01T00:00:00 of a local date-time, and its nanosecond. */
export function epochSecond(parts: DateTimeParts): number {
  return epochDay(parts.year, parts.month, parts.day) * 86400 + parts.hour * 3600 + parts.minute * 60 + parts.second;
}

/** Nanoseconds between two local date-times (b - a), exact. */
export function nanosBetween(a: DateTimeParts, b: DateTimeParts): bigint {
  return (BigInt(epochSecond(b)) - BigInt(epochSecond(a))) * 1_000_000_000n + BigInt(b.nano - a.nano);
}

/** java.time Period.between(a, b) as total months (years × 12 + months), the day deciding partial months. */
export function periodMonths(a: DateTimeParts, b: DateTimeParts): number {
  let months = b.year * 12 + b.month - (a.year * 12 + a.month);
  const days = b.day - a.day;
  if (months > 0 && days < 0) months--;
  else if (months < 0 && days > 0) months++;
  return months;
}

export function formatYearText(year: number): string {
  if (year > 9999) return `+${year}`;
  if (year < 0) return `-${String(-year).padStart(4, '0')}`;
  return String(year).padStart(4, '0');
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDateValue(parts: { year: number; month: number; day: number }): string {
  return `${formatYearText(parts.year)}-${two(parts.month)}-${two(parts.day)}`;
}

/** `HH:MM:SS` plus the fraction without trailing zeros. */
export function formatTimeValue(parts: DateTimeParts): string {
  const base = `${two(parts.hour)}:${two(parts.minute)}:${two(parts.second)}`;
  if (parts.nano === 0) return base;
  return `${base}.${String(parts.nano).padStart(9, '0').replace(/0+$/, '')}`;
}

export function formatTimestampValue(parts: DateTimeParts): string {
  return `${formatDateValue(parts)}T${formatTimeValue(parts)}`;
}

/** A value of `kind` from parts. */
export function formatValue(parts: DateTimeParts, kind: 'date' | 'time' | 'timestamp'): string {
  return kind === 'date' ? formatDateValue(parts) : kind === 'time' ? formatTimeValue(parts) : formatTimestampValue(parts);
}

/** Local wall-clock parts of a JS Date (the process's time zone, as LocalDateTime.now() uses the JVM's). */
export function localParts(date: Date): DateTimeParts {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    nano: date.getMilliseconds() * 1_000_000,
  };
}

/** A time zone as java.time.ZoneId.of accepts the common ones: `UTC`, `Z`, `UTC+8`, `GMT-05:30`, `+08:00`, IANA names. */
export function zoneResolver(zone: string): (epochMillis: number) => DateTimeParts {
  const trimmed = zone.trim();
  const offset = /^(?:(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?|UTC|GMT|UT|Z)$/i.exec(trimmed);
  if (offset !== null) {
    const seconds = offset[1] === undefined ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 3600 + Number(offset[3] ?? 0) * 60 + Number(offset[4] ?? 0));
    if (Math.abs(seconds) > 18 * 3600) throw new SqlEvaluationError(`time zone "${zone}" has an offset beyond ±18:00`);
    return (millis) => utcParts(millis + seconds * 1000);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: trimmed,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    throw new SqlEvaluationError(`unknown time zone "${zone}"`);
  }
  return (millis) => {
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(millis))) fields[part.type] = part.value;
    const year = Number(fields['year']);
    return {
      year: fields['era'] === 'BC' ? 1 - year : year,
      month: Number(fields['month']),
      day: Number(fields['day']),
      hour: Number(fields['hour']),
      minute: Number(fields['minute']),
      second: Number(fields['second']),
      nano: floorMod(millis, 1000) * 1_000_000,
    };
  };
}

export function utcParts(millis: number): DateTimeParts {
  const days = Math.floor(millis / 86_400_000);
  const ofDay = millis - days * 86_400_000;
  return {
    ...civilOfEpochDay(days),
    hour: Math.floor(ofDay / 3_600_000),
    minute: Math.floor(ofDay / 60_000) % 60,
    second: Math.floor(ofDay / 1000) % 60,
    nano: (ofDay % 1000) * 1_000_000,
  };
}

/** Local parts of epoch milliseconds in the process's time zone. */
export function systemZoneParts(millis: number): DateTimeParts {
  return localParts(new Date(millis));
}
