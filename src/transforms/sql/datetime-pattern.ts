import { SqlEvaluationError } from './sql-error.js';
import { dayOfWeek, dayOfYear, daysInMonth, type DateTimeParts } from './temporal.js';

/**
 * The subset of java.time.format.DateTimeFormatter patterns that dates, times and timestamps
 * use: `y u` year, `M L` month (`MMM` Jan, `MMMM` January), `d` day, `D` day of year, `Q q`
 * quarter, `E` day name, `a` AM/PM, `H k K h` hours, `m` minute, `s` second, `S` fraction, `n`
 * nano, `G` era, `'text'` literals (`''` a quote), any other non-letter as itself, `[ ]` optional
 * sections (formatted when the fields exist). Zone and week-based letters are refused.
 */
export class PatternError extends Error {}

type FieldLetter = 'y' | 'u' | 'M' | 'L' | 'd' | 'D' | 'Q' | 'q' | 'E' | 'a' | 'H' | 'k' | 'K' | 'h' | 'm' | 's' | 'S' | 'n' | 'G';

export type PatternToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: FieldLetter; count: number };

export interface DateTimePattern {
  text: string;
  tokens: PatternToken[];
  usesDate: boolean;
  usesTime: boolean;
}

const DATE_LETTERS = new Set('yuMLdDQqEG');
const TIME_LETTERS = new Set('aHkKhmsSn');
const MAX_COUNT: Record<FieldLetter, number> = { y: 19, u: 19, M: 5, L: 5, d: 2, D: 3, Q: 5, q: 5, E: 5, a: 1, H: 2, k: 2, K: 2, h: 2, m: 2, s: 2, S: 9, n: 19, G: 5 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function compileDateTimePattern(text: string): DateTimePattern {
  const tokens: PatternToken[] = [];
  let usesDate = false;
  let usesTime = false;
  const literal = (s: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += s;
    else tokens.push({ kind: 'literal', text: s });
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i] as string;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === i + 1) {
        literal("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let s = '';
      for (;;) {
        const end = text.indexOf("'", j);
        if (end < 0) throw new PatternError(`pattern "${text}" has an unclosed quote`);
        s += text.slice(j, end);
        if (text[end + 1] === "'") {
          s += "'";
          j = end + 2;
          continue;
        }
        i = end + 1;
        break;
      }
      literal(s);
      continue;
    }
    if (c === '[' || c === ']') {
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (text[i + count] === c) count++;
      if (!DATE_LETTERS.has(c) && !TIME_LETTERS.has(c)) {
        throw new PatternError(`pattern letter "${c}" is not supported in "${text}" (supported: y u M L d D Q q E a H k K h m s S n G)`);
      }
      const letter = c as FieldLetter;
      if (count > MAX_COUNT[letter]) throw new PatternError(`too many pattern letters "${c.repeat(count)}" in "${text}"`);
      tokens.push({ kind: 'field', letter, count });
      if (DATE_LETTERS.has(c)) usesDate = true;
      else usesTime = true;
      i += count;
      continue;
    }
    literal(c);
    i++;
  }
  return { text, tokens, usesDate, usesTime };
}

/** Formats parts with a pattern; the caller has checked that the value has the fields the pattern uses. */
export function formatDateTime(pattern: DateTimePattern, p: DateTimeParts): string {
  let out = '';
  for (const token of pattern.tokens) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const n = token.count;
    switch (token.letter) {
      case 'y':
      case 'u': {
        const year = token.letter === 'y' && p.year <= 0 ? 1 - p.year : p.year;
        if (n === 2) out += pad(((year % 100) + 100) % 100, 2);
        else out += year < 0 ? `-${pad(-year, n)}` : n >= 4 && year > 9999 ? `+${year}` : pad(year, n);
        break;
      }
      case 'M':
      case 'L':
        out += n <= 2 ? pad(p.month, n) : textForm(MONTHS[p.month - 1] as string, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(p), n);
        break;
      case 'Q':
      case 'q': {
        const quarter = Math.floor((p.month - 1) / 3) + 1;
        out += n <= 2 ? pad(quarter, n) : n === 3 ? `Q${quarter}` : n === 4 ? `${['1st', '2nd', '3rd', '4th'][quarter - 1]} quarter` : String(quarter);
        break;
      }
      case 'E':
        out += textForm(DAYS[dayOfWeek(p) - 1] as string, n <= 3 ? 3 : n);
        break;
      case 'G':
        out += n === 4 ? (p.year > 0 ? 'Anno Domini' : 'Before Christ') : n === 5 ? (p.year > 0 ? 'A' : 'B') : p.year > 0 ? 'AD' : 'BC';
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += String(p.nano).padStart(9, '0').slice(0, n);
        break;
      case 'n':
        out += pad(p.nano, n);
        break;
    }
  }
  return out;
}

/**
 * Parses text with a pattern, as DateTimeFormatter.parse with the SMART resolver: fields must
 * be in range, a day past the month's end is moved to its last day, all text must be used.
 * Missing fields are 1970-01-01 and 00:00:00. Throws SqlEvaluationError when the text does not fit.
 */
export function parseDateTime(pattern: DateTimePattern, text: string): DateTimeParts {
  const parts: DateTimeParts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, nano: 0 };
  let pos = 0;
  let pm: boolean | undefined;
  let hour12: number | undefined;
  const fail = (why: string): never => {
    throw new SqlEvaluationError(`"${text}" does not match the pattern "${pattern.text}": ${why} at index ${pos}`);
  };
  const tokens = pattern.tokens;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as PatternToken;
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) fail(`expected "${token.text}"`);
      pos += token.text.length;
      continue;
    }
    const next = tokens[t + 1];
    const adjacentNumber = next?.kind === 'field' && !isTextField(next);
    const number = (min: number, max: number): number => {
      let end = pos;
      while (end < text.length && end - pos < max && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end - pos < min) fail('expected a number');
      const value = Number(text.slice(pos, end));
      pos = end;
      return value;
    };
    const n = token.count;
    const width = (fixed: boolean): [number, number] => (n === 1 ? [1, adjacentNumber ? 1 : MAX_COUNT[token.letter] > 2 ? 10 : 2] : fixed || adjacentNumber ? [n, n] : [n, Math.max(n, 10)]);
    switch (token.letter) {
      case 'y':
      case 'u': {
        let sign = 1;
        if (n !== 2 && (text[pos] === '+' || text[pos] === '-')) {
          sign = text[pos] === '-' ? -1 : 1;
          pos++;
        }
        const [min, max] = n === 2 ? [2, 2] : width(false);
        const value = number(min, max);
        parts.year = n === 2 ? 2000 + value : sign * value;
        break;
      }
      case 'M':
      case 'L':
        if (n <= 2) parts.month = number(...width(true));
        else parts.month = matchName(MONTHS, n, text, pos, (length) => (pos += length)) ?? fail('expected a month name');
        break;
      case 'd':
        parts.day = number(...width(true));
        break;
      case 'D':
        number(...width(true));
        break;
      case 'Q':
      case 'q':
        if (n <= 2) number(...width(true));
        else fail('quarter text cannot be parsed');
        break;
      case 'E':
        if (matchName(DAYS, n <= 3 ? 3 : n, text, pos, (length) => (pos += length)) === undefined) fail('expected a day name');
        break;
      case 'G':
        if (text.startsWith('AD', pos)) pos += 2;
        else fail('expected AD');
        break;
      case 'a': {
        const ampm = text.slice(pos, pos + 2).toUpperCase();
        if (ampm !== 'AM' && ampm !== 'PM') fail('expected AM or PM');
        pm = ampm === 'PM';
        pos += 2;
        break;
      }
      case 'H':
        parts.hour = number(...width(true));
        break;
      case 'k':
        parts.hour = number(...width(true)) % 24;
        break;
      case 'K':
      case 'h':
        hour12 = number(...width(true)) % 12;
        break;
      case 'm':
        parts.minute = number(...width(true));
        break;
      case 's':
        parts.second = number(...width(true));
        break;
      case 'S': {
        const start = pos;
        number(n, n);
        parts.nano = Number(text.slice(start, pos).padEnd(9, '0'));
        break;
      }
      case 'n':
        parts.nano = number(1, 9);
        break;
    }
  }
  if (pos < text.length) fail('unparsed text');
  if (hour12 !== undefined) parts.hour = hour12 + (pm === true ? 12 : 0);
  if (parts.month < 1 || parts.month > 12) fail(`month ${parts.month} is out of range`);
  if (parts.day < 1 || parts.day > 31) fail(`day ${parts.day} is out of range`);
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) fail('time out of range');
  parts.day = Math.min(parts.day, daysInMonth(parts.year, parts.month));
  return parts;
}

function isTextField(token: PatternToken): boolean {
  if (token.kind !== 'field') return false;
  if (token.letter === 'a' || token.letter === 'E' || token.letter === 'G') return true;
  return 'MLQq'.includes(token.letter) && token.count >= 3;
}

function matchName(names: readonly string[], count: number, text: string, pos: number, advance: (length: number) => void): number | undefined {
  for (let i = 0; i < names.length; i++) {
    const form = textForm(names[i] as string, count);
    if (text.slice(pos, pos + form.length).toLowerCase() === form.toLowerCase()) {
      advance(form.length);
      return i + 1;
    }
  }
  return undefined;
}

function textForm(name: string, count: number): string {
  return count === 3 ? name.slice(0, 3) : count === 5 ? name.slice(0, 1) : name;
}

function pad(value: number, width: number): string {
  const text = String(value);
  return text.length >= width ? text : '0'.repeat(width - text.length) + text;
}
