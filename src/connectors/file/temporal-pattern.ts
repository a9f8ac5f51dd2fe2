import { daysInMonth, formatYear, twoDigits } from '../common/temporal-text.js';

/**
 * Java-style date/time patterns (`yyyy-MM-dd HH:mm:ss.SSS`) as SeaTunnel's DateUtils, TimeUtils
 * and DateTimeUtils formatters spell them, for writing and reading the core temporal encodings
 * (value.ts: `YYYY-MM-DD`, `HH:MM:SS[.f]`, `YYYY-MM-DDTHH:MM:SS[.f]`).
 *
 * Unlike Java, formatting never drops data: a pattern without seconds or with fewer fraction
 * digits than the value carries gets the missing `:ss` / `.fraction` appended after its last time
 * field (SeaTunnel's `yyyy-MM-dd HH:mm:ss` would silently cut `12:00:00.5` to `12:00:00`), and
 * parsing a pattern accepts those optional parts back.
 */
export type Token =
  | { kind: 'year'; width: number }
  | { kind: 'month' | 'day' | 'hour' | 'minute' | 'second'; width: number }
  | { kind: 'fraction'; width: number }
  | { kind: 'literal'; text: string };

export interface TemporalPattern {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly regex: RegExp;
  /** Where each field sits when every token has a fixed width (`yyyy-MM-dd HH:mm:ss.SSS`): read without the regex. */
  readonly fixed: FixedLayout | undefined;
}

interface FixedLayout {
  length: number;
  fields: { kind: Exclude<Token['kind'], 'literal'>; at: number; width: number }[];
  literals: { at: number; code: number }[];
}

const LETTERS: Record<string, Exclude<Token['kind'], 'literal'>> = {
  y: 'year',
  M: 'month',
  d: 'day',
  H: 'hour',
  m: 'minute',
  s: 'second',
  S: 'fraction',
};

export class PatternError extends Error {}

/** Compiles a pattern of the letters y M d H m s S, quoted 'literals' and other literal characters. */
export function compilePattern(text: string): TemporalPattern {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new PatternError(`unterminated quote in pattern "${text}"`);
      tokens.push({ kind: 'literal', text: end === i + 1 ? "'" : text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (text[j] === c) j++;
      const width = j - i;
      const kind = LETTERS[c];
      if (kind === undefined) throw new PatternError(`pattern letter "${c}" is not supported in "${text}" (use y, M, d, H, m, s, S)`);
      if (kind !== 'fraction' && kind !== 'year' && width > 2) throw new PatternError(`"${c.repeat(width)}" is not supported in "${text}"`);
      if (kind === 'fraction' && width > 9) throw new PatternError(`at most 9 fraction digits, in "${text}"`);
      tokens.push({ kind, width } as Token);
      i = j;
      continue;
    }
    tokens.push({ kind: 'literal', text: c });
    i++;
  }
  return { text, tokens, regex: buildRegex(tokens), fixed: fixedLayout(tokens) };
}

/** The fixed layout of a pattern whose years have 4 digits and other fields 2 (fractions their width). */
function fixedLayout(tokens: readonly Token[]): FixedLayout | undefined {
  const layout: FixedLayout = { length: 0, fields: [], literals: [] };
  for (const token of tokens) {
    if (token.kind === 'literal') {
      for (let i = 0; i < token.text.length; i++) layout.literals.push({ at: layout.length++, code: token.text.charCodeAt(i) });
      continue;
    }
    if (token.kind === 'year' ? token.width !== 4 : token.kind !== 'fraction' && token.width !== 2) return undefined;
    layout.fields.push({ kind: token.kind, at: layout.length, width: token.width });
    layout.length += token.width;
  }
  return layout;
}

/**
 * Reads text laid out exactly as a fixed pattern (no optional parts, no sign), or undefined: the
 * regex then decides. What it accepts, the regex reads the same way.
 */
function parseFixed(layout: FixedLayout, text: string): Parts | undefined {
  if (text.length !== layout.length) return undefined;
  for (const literal of layout.literals) if (text.charCodeAt(literal.at) !== literal.code) return undefined;
  const parts: Parts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: '' };
  for (const field of layout.fields) {
    const n = digitsAt(text, field.at, field.width);
    if (n < 0) return undefined;
    if (field.kind === 'fraction') parts.fraction = text.slice(field.at, field.at + field.width);
    else parts[field.kind] = n;
  }
  return parts;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written, possibly ''. */
  fraction: string;
}

function buildRegex(tokens: readonly Token[]): RegExp {
  const hasSecond = tokens.some((t) => t.kind === 'second');
  const hasFraction = tokens.some((t) => t.kind === 'fraction');
  let source = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        source += token.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        break;
      case 'year':
        source += token.width === 2 ? '(?<year>\\d{2})' : '(?<year>[+-]?\\d{4,9})';
        break;
      case 'fraction':
        source += `(?<fraction>\\d{${token.width},9})`;
        break;
      default:
        source += `(?<${token.kind}>\\d{${token.width === 1 ? '1,2' : '2'}})`;
        if (token.kind === 'minute' && !hasSecond) source += '(?::(?<second>\\d{2}))?';
        if ((token.kind === 'second' || (token.kind === 'minute' && !hasSecond)) && !hasFraction) source += '(?:\\.(?<fraction>\\d{1,9}))?';
    }
  }
  return new RegExp(`^${source}$`);
}

function parseParts(pattern: TemporalPattern, text: string): Parts | undefined {
  const fixed = pattern.fixed === undefined ? undefined : parseFixed(pattern.fixed, text);
  if (fixed !== undefined) return fixed;
  const groups = pattern.regex.exec(text)?.groups;
  if (groups === undefined) return undefined;
  const number = (name: string, fallback: number): number => (groups[name] === undefined ? fallback : Number(groups[name]));
  let year = number('year', 1970);
  if (groups['year']?.length === 2) year += 2000;
  return {
    year,
    month: number('month', 1),
    day: number('day', 1),
    hour: number('hour', 0),
    minute: number('minute', 0),
    second: number('second', 0),
    fraction: groups['fraction'] ?? '',
  };
}

function validDate(p: Parts): boolean {
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

function validTime(p: Parts): boolean {
  return p.hour <= 23 && p.minute <= 59 && p.second <= 59;
}

function dateText(p: Parts): string {
  return `${formatYear(p.year)}-${twoDigits(p.month)}-${twoDigits(p.day)}`;
}

function timeText(p: Parts): string {
  return `${twoDigits(p.hour)}:${twoDigits(p.minute)}:${twoDigits(p.second)}${p.fraction === '' ? '' : `.${p.fraction}`}`;
}

/** Reads `text` with the first pattern that matches it; undefined when none does or the date is invalid. */
export function parseDateWith(patterns: readonly TemporalPattern[], text: string): string | undefined {
  for (const pattern of patterns) {
    const parts = parseParts(pattern, text);
    if (parts !== undefined && validDate(parts)) return dateText(parts);
  }
  return undefined;
}

export function parseTimeWith(patterns: readonly TemporalPattern[], text: string): string | undefined {
  for (const pattern of patterns) {
    const parts = parseParts(pattern, text);
    if (parts !== undefined && validTime(parts)) return timeText(parts);
  }
  return undefined;
}

export function parseTimestampWith(patterns: readonly TemporalPattern[], text: string): string | undefined {
  for (const pattern of patterns) {
    const parts = parseParts(pattern, text);
    if (parts !== undefined && validDate(parts) && validTime(parts)) return `${dateText(parts)}T${timeText(parts)}`;
  }
  return undefined;
}

/** The number written by `count` digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * `YYYY-MM-DD HH:MM:SS[.f]` (1 to 9 fraction digits; `T` or a space between) as the core
 * encoding, or undefined: a fast path for the commonest layout, read without patterns.
 */
export function isoTimestamp(text: string): string | undefined {
  const length = text.length;
  if (length !== 19 && (length < 21 || length > 29)) return undefined;
  const separator = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  if ((separator !== 32 && separator !== 84) || (length > 19 && (text.charCodeAt(19) !== 46 || digitsAt(text, 20, length - 20) < 0))) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  // replace() builds a flat string; a concatenation would be flattened later by every reader.
  return separator === 84 ? text : text.replace(' ', 'T');
}

/** Splits a core encoding (`YYYY-MM-DD`, `HH:MM:SS[.f]` or both joined by `T`) into parts. */
function partsOf(value: string): Parts {
  const match = /^(?:([+-]?\d+)-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?)?$/.exec(value);
  if (match === null) throw new PatternError(`"${value}" is not a date/time in the core encoding`);
  return {
    year: Number(match[1] ?? 1970),
    month: Number(match[2] ?? 1),
    day: Number(match[3] ?? 1),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    fraction: (match[7] ?? '').replace(/0+$/, ''),
  };
}

/** Formats a core date, time or timestamp value with `pattern`, never dropping seconds or fraction digits. */
export function formatTemporal(value: string, pattern: TemporalPattern): string {
  const p = partsOf(value);
  const hasSecond = pattern.tokens.some((t) => t.kind === 'second');
  const hasFraction = pattern.tokens.some((t) => t.kind === 'fraction');
  let out = '';
  for (const token of pattern.tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'year':
        out += token.width === 2 ? twoDigits(((p.year % 100) + 100) % 100) : formatYear(p.year);
        break;
      case 'fraction':
        out += p.fraction.padEnd(token.width, '0');
        break;
      default: {
        const n = p[token.kind];
        out += token.width === 1 ? String(n) : twoDigits(n);
        if (token.kind === 'minute' && !hasSecond && (p.second !== 0 || p.fraction !== '')) out += `:${twoDigits(p.second)}`;
        if ((token.kind === 'second' || (token.kind === 'minute' && !hasSecond)) && !hasFraction && p.fraction !== '') out += `.${p.fraction}`;
      }
    }
  }
  return out;
}
