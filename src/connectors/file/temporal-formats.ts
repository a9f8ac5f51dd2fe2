import { compilePattern, type TemporalPattern } from './temporal-pattern.js';

/** SeaTunnel's DateUtils.Formatter values accepted by `date_format`. */
export const DATE_FORMATS = ['yyyy-MM-dd', 'yyyy.MM.dd', 'yyyy/MM/dd', 'yyyyMMdd'] as const;

/** SeaTunnel's DateTimeUtils.Formatter values accepted by `datetime_format`. */
export const DATETIME_FORMATS = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm:ss.SSS',
  'yyyy-MM-dd HH:mm:ss.SSSSSS',
  'yyyy.MM.dd HH:mm:ss',
  'yyyy/MM/dd HH:mm:ss',
  'yyyy/M/d HH:mm',
  'yyyy-M-d HH:mm',
  'yyyy/M/d H:mm:ss',
  'yyyy-M-d H:mm:ss',
  'yyyyMMddHHmmss',
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss.SSSSSS",
  "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS",
] as const;

/** SeaTunnel's TimeUtils.Formatter values accepted by `time_format`. */
export const TIME_FORMATS = ['HH:mm:ss', 'HH:mm:ss.SSS'] as const;

/**
 * How temporal values are written (the configured pattern) and read: the configured pattern
 * first, then every other known pattern, as SeaTunnel's readers match the format of each value
 * (DateUtils.matchDateFormatter) instead of insisting on the configured one.
 */
export interface TemporalFormats {
  date: TemporalPattern;
  time: TemporalPattern;
  datetime: TemporalPattern;
  readDate: readonly TemporalPattern[];
  readTime: readonly TemporalPattern[];
  readDatetime: readonly TemporalPattern[];
}

const ISO_DATETIME = "yyyy-MM-dd'T'HH:mm:ss";

export function temporalFormats(date: string, datetime: string, time: string): TemporalFormats {
  const readOrder = (first: string, all: readonly string[]): TemporalPattern[] =>
    [first, ...all.filter((p) => p !== first)].map(compilePattern);
  return {
    date: compilePattern(date),
    time: compilePattern(time),
    datetime: compilePattern(datetime),
    readDate: readOrder(date, DATE_FORMATS),
    readTime: readOrder(time, TIME_FORMATS),
    readDatetime: readOrder(datetime, [ISO_DATETIME, ...DATETIME_FORMATS]),
  };
}

/** The core encodings themselves (ISO), as JSON files carry them. */
export const ISO_FORMATS: TemporalFormats = temporalFormats('yyyy-MM-dd', ISO_DATETIME, 'HH:mm:ss');
