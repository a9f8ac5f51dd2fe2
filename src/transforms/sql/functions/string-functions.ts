import { derived, type Evaluator, type Operand } from '../operand.js';
import { SqlEvaluationError } from '../sql-error.js';
import { valueText } from '../sql-text.js';
import { BIGINT, INT, STRING } from '../sql-types.js';
import { intArg, optional, strict1, strict2, strictN, textArg } from './arguments.js';
import type { CallContext, SqlFunction } from './sql-function.js';

/**
 * String functions (SeaTunnel's StringFunction, after H2; the regex ones are in regex-functions.ts). Text arguments also take numbers,
 * booleans and temporal values (as CAST(x AS STRING) writes them). NULL in gives NULL out unless
 * noted: CONCAT and CONCAT_WS skip NULLs, INSERT returns the other string.
 */

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

function bytesOrText(arg: Operand, context: CallContext): Evaluator {
  if (arg.type.kind === 'bytes') {
    const read = arg.evaluate;
    return (f) => {
      const v = read(f);
      return v == null ? null : { bytes: (v as Uint8Array).length };
    };
  }
  return textArg(arg, context);
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? utf8Length(value) : (value as { bytes: number }).bytes;
}

/** Java's indexOf / lastIndexOf search of LOCATE and INSTR: 1-based, 0 when not found; a negative start searches backwards from the end. */
function locate(search: string, text: string, start: number): number {
  if (start < 0) {
    const from = text.length + start;
    return from < 0 ? 0 : text.lastIndexOf(search, from) + 1;
  }
  return text.indexOf(search, start === 0 ? 0 : start - 1) + 1;
}

function pad(text: string, length: number, padding: string | null, right: boolean): string {
  const n = Math.max(length, 0);
  if (n <= text.length) return text.slice(0, n);
  const fill = (padding === null || padding === '' ? ' ' : (padding[0] as string)).repeat(n - text.length);
  return right ? text + fill : fill + text;
}

/** Removes leading and/or trailing characters that are in `chars` (a space when none are given). */
function trim(text: string, leading: boolean, trailing: boolean, chars: string | null): string {
  const set = chars === null || chars === '' ? ' ' : chars;
  let begin = 0;
  let end = text.length;
  if (leading) while (begin < end && set.includes(text[begin] as string)) begin++;
  if (trailing) while (end > begin && set.includes(text[end - 1] as string)) end--;
  return text.slice(begin, end);
}

/** H2's SUBSTRING as SeaTunnel has it: 1-based, 0 read as 1, negative counted from the end, NULL when nothing is left. */
function substring(text: string, startArg: number, length: number | null): string | null {
  const size = text.length;
  let start = startArg === 0 ? 1 : startArg < 0 ? size + startArg + 1 : startArg;
  let end = length === null ? Math.max(size + 1, start) : start + length;
  start = Math.max(start, 1);
  end = Math.min(end, size + 1);
  if (start > size || end <= start) return null;
  return text.slice(start - 1, end - 1);
}

function soundex(text: string): string {
  const index = '71237128722455712623718272';
  const chars = ['0', '0', '0', '0'];
  let last = '0';
  for (let i = 0, j = 0; i < text.length && j < 4; i++) {
    const c = text[i] as string;
    const upper = c.toUpperCase();
    if (c < 'A' || c > 'z' || upper < 'A' || upper > 'Z') continue;
    const digit = index[upper.charCodeAt(0) - 65] as string;
    if (j === 0) {
      chars[j++] = upper;
      last = digit;
    } else if (digit <= '6') {
      if (digit !== last) chars[j++] = last = digit;
    } else if (digit === '7') {
      last = digit;
    }
  }
  return chars.join('');
}

function translate(text: string, from: string, to: string | null): string {
  let out = '';
  for (const c of text) {
    const i = from.indexOf(c);
    if (i < 0) out += c;
    else if (to !== null && i < to.length) out += to[i];
  }
  return out;
}

export const STRING_FUNCTIONS: readonly SqlFunction[] = [
  {
    names: ['ASCII'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'ASCII(string)',
    compile: (args, c) => strict1(c, INT, args, textArg(args[0] as Operand, c), (s) => ((s as string).length === 0 ? null : (s as string).charCodeAt(0))),
  },
  {
    names: ['BIT_LENGTH'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'BIT_LENGTH(string | bytes)',
    compile: (args, c) => strict1(c, BIGINT, args, bytesOrText(args[0] as Operand, c), (v) => BigInt(lengthOf(v) * 8)),
  },
  {
    names: ['CHAR_LENGTH', 'LENGTH', 'CHARACTER_LENGTH', 'LEN'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'LENGTH(string)',
    compile: (args, c) =>
      (args[0] as Operand).type.kind === 'bytes'
        ? strict1(c, BIGINT, args, (args[0] as Operand).evaluate, (v) => BigInt((v as Uint8Array).length))
        : strict1(c, BIGINT, args, textArg(args[0] as Operand, c), (s) => BigInt((s as string).length)),
  },
  {
    names: ['OCTET_LENGTH'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'OCTET_LENGTH(string | bytes)',
    compile: (args, c) => strict1(c, BIGINT, args, bytesOrText(args[0] as Operand, c), (v) => BigInt(lengthOf(v))),
  },
  {
    names: ['CHAR', 'CHR'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'CHAR(code)',
    compile: (args, c) => strict1(c, STRING, args, intArg(args[0] as Operand, c), (n) => String.fromCharCode((n as number) & 0xffff)),
  },
  {
    names: ['CONCAT'],
    minArgs: 1,
    maxArgs: Infinity,
    signature: 'CONCAT(string, string[, ...])',
    compile: (args, c) => {
      const parts = args.map((arg) => textArg(arg, c));
      const count = parts.length;
      return derived(c.call, STRING, (f) => {
        let out = '';
        for (let i = 0; i < count; i++) {
          const v = (parts[i] as Evaluator)(f);
          if (v != null) out += v as string;
        }
        return out;
      }, args);
    },
  },
  {
    names: ['CONCAT_WS'],
    minArgs: 2,
    maxArgs: Infinity,
    signature: 'CONCAT_WS(separator, string, string[, ...])',
    compile: (args, c) => {
      const separator = textArg(args[0] as Operand, c);
      const parts = args.slice(1).map((arg) => {
        if (arg.type.kind !== 'array') return textArg(arg, c);
        const element = arg.type.element;
        const read = arg.evaluate;
        return (f: unknown[]) => {
          const v = read(f) as unknown[] | null;
          return v == null ? null : v.filter((item) => item != null).map((item) => valueText(item, element));
        };
      });
      return derived(c.call, STRING, (f) => {
        const sep = (separator(f) as string | null) ?? '';
        const texts: string[] = [];
        for (const part of parts) {
          const v = part(f);
          if (v == null) continue;
          if (Array.isArray(v)) texts.push((v as string[]).join(sep));
          else texts.push(v as string);
        }
        return texts.join(sep);
      }, args);
    },
  },
  {
    names: ['HEXTORAW'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'HEXTORAW(string)',
    compile: (args, c) =>
      strict1(c, STRING, args, textArg(args[0] as Operand, c), (v) => {
        const s = v as string;
        if (s.length % 4 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new SqlEvaluationError(`HEXTORAW needs 4 hex digits per character, got "${s}"`);
        let out = '';
        for (let i = 0; i < s.length; i += 4) out += String.fromCharCode(parseInt(s.slice(i, i + 4), 16));
        return out;
      }),
  },
  {
    names: ['RAWTOHEX'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'RAWTOHEX(string | bytes)',
    compile: (args, c) => {
      const arg = args[0] as Operand;
      if (arg.type.kind === 'bytes') return strict1(c, STRING, args, arg.evaluate, (v) => Buffer.from(v as Uint8Array).toString('hex'));
      return strict1(c, STRING, args, textArg(arg, c), (v) => {
        let out = '';
        for (let i = 0; i < (v as string).length; i++) out += (v as string).charCodeAt(i).toString(16).padStart(4, '0');
        return out;
      });
    },
  },
  {
    names: ['INSERT'],
    minArgs: 4,
    maxArgs: 4,
    signature: 'INSERT(string, start, length, add)',
    compile: (args, c) => {
      const [s1, startArg, lengthArg, s2] = [textArg(args[0] as Operand, c), intArg(args[1] as Operand, c), intArg(args[2] as Operand, c), textArg(args[3] as Operand, c)];
      return derived(c.call, STRING, (f) => {
        const original = s1(f) as string | null;
        const add = s2(f) as string | null;
        if (original == null) return add;
        if (add == null) return original;
        const startValue = startArg(f) as number | null;
        const lengthValue = lengthArg(f) as number | null;
        if (startValue == null || lengthValue == null) return null;
        const start = startValue - 1;
        if (start < 0 || lengthValue <= 0 || add.length === 0 || start > original.length) return original;
        const length = Math.min(lengthValue, original.length - start);
        return original.slice(0, start) + add + original.slice(start + length);
      }, args);
    },
  },
  {
    names: ['LOWER', 'LCASE'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'LOWER(string)',
    compile: (args, c) => strict1(c, STRING, args, textArg(args[0] as Operand, c), (s) => (s as string).toLowerCase()),
  },
  {
    names: ['UPPER', 'UCASE'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'UPPER(string)',
    compile: (args, c) => strict1(c, STRING, args, textArg(args[0] as Operand, c), (s) => (s as string).toUpperCase()),
  },
  {
    names: ['LEFT'],
    minArgs: 2,
    maxArgs: 2,
    signature: 'LEFT(string, count)',
    compile: (args, c) => strict2(c, STRING, args, textArg(args[0] as Operand, c), intArg(args[1] as Operand, c), (s, n) => (s as string).slice(0, Math.max(0, n as number))),
  },
  {
    names: ['RIGHT'],
    minArgs: 2,
    maxArgs: 2,
    signature: 'RIGHT(string, count)',
    compile: (args, c) =>
      strict2(c, STRING, args, textArg(args[0] as Operand, c), intArg(args[1] as Operand, c), (s, n) => {
        const text = s as string;
        return text.slice(text.length - Math.min(Math.max(0, n as number), text.length));
      }),
  },
  {
    names: ['LOCATE', 'POSITION'],
    minArgs: 2,
    maxArgs: 3,
    signature: 'LOCATE(search, string[, start])',
    compile: (args, c) => {
      const start = optional(args, 2, 1, (arg) => intArg(arg, c));
      return strictN(c, INT, args, [textArg(args[0] as Operand, c), textArg(args[1] as Operand, c), start], ([search, text, from]) => locate(search as string, text as string, from as number));
    },
  },
  {
    names: ['INSTR'],
    minArgs: 2,
    maxArgs: 3,
    signature: 'INSTR(string, search[, start])',
    compile: (args, c) => {
      const start = optional(args, 2, 1, (arg) => intArg(arg, c));
      return strictN(c, INT, args, [textArg(args[0] as Operand, c), textArg(args[1] as Operand, c), start], ([text, search, from]) => locate(search as string, text as string, from as number));
    },
  },
  ...(['LPAD', 'RPAD'] as const).map(
    (name): SqlFunction => ({
      names: [name],
      minArgs: 2,
      maxArgs: 3,
      signature: `${name}(string, length[, padding])`,
      compile: (args, c) => {
        const text = textArg(args[0] as Operand, c);
        const length = intArg(args[1] as Operand, c);
        const padding = optional(args, 2, null, (arg) => textArg(arg, c));
        return derived(c.call, STRING, (f) => {
          const s = text(f);
          if (s == null) return null;
          const n = length(f);
          return n == null ? null : pad(s as string, n as number, padding(f) as string | null, name === 'RPAD');
        }, args);
      },
    }),
  ),
  ...([['TRIM', true, true], ['LTRIM', true, false], ['RTRIM', false, true]] as const).map(
    ([name, leading, trailing]): SqlFunction => ({
      names: [name],
      minArgs: 1,
      maxArgs: 2,
      signature: `${name}(string[, characters])`,
      compile: (args, c) => {
        const text = textArg(args[0] as Operand, c);
        const chars = optional(args, 1, null, (arg) => textArg(arg, c));
        return derived(c.call, STRING, (f) => {
          const s = text(f);
          return s == null ? null : trim(s as string, leading, trailing, chars(f) as string | null);
        }, args);
      },
    }),
  ),
  {
    names: ['REPEAT'],
    minArgs: 2,
    maxArgs: 2,
    signature: 'REPEAT(string, count)',
    compile: (args, c) => strict2(c, STRING, args, textArg(args[0] as Operand, c), intArg(args[1] as Operand, c), (s, n) => ((n as number) <= 0 ? '' : (s as string).repeat(n as number))),
  },
  {
    names: ['REPLACE'],
    minArgs: 2,
    maxArgs: 3,
    signature: 'REPLACE(string, search[, replacement])',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const search = textArg(args[1] as Operand, c);
      const replacement = optional(args, 2, '', (arg) => textArg(arg, c));
      return derived(c.call, STRING, (f) => {
        const s = text(f) as string | null;
        if (s == null) return null;
        const before = search(f) as string | null;
        if (before == null) return null;
        const after = (replacement(f) as string | null) ?? '';
        return before === '' ? s : s.split(before).join(after);
      }, args);
    },
  },
  {
    names: ['SOUNDEX'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'SOUNDEX(string)',
    compile: (args, c) => strict1(c, STRING, args, textArg(args[0] as Operand, c), (s) => soundex(s as string)),
  },
  {
    names: ['SPACE'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'SPACE(count)',
    compile: (args, c) => strict1(c, STRING, args, intArg(args[0] as Operand, c), (n) => ' '.repeat(Math.max(0, n as number))),
  },
  {
    names: ['SUBSTRING', 'SUBSTR'],
    minArgs: 2,
    maxArgs: 3,
    signature: 'SUBSTRING(string, start[, length])',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const start = intArg(args[1] as Operand, c);
      const length = optional(args, 2, null, (arg) => intArg(arg, c));
      const hasLength = args.length > 2;
      return derived(c.call, STRING, (f) => {
        const s = text(f);
        if (s == null) return null;
        const from = start(f);
        if (from == null) return null;
        const n = length(f);
        if (hasLength && n == null) return null;
        return substring(s as string, from as number, n as number | null);
      }, args);
    },
  },
  {
    names: ['TRANSLATE'],
    minArgs: 3,
    maxArgs: 3,
    signature: 'TRANSLATE(string, from, to)',
    compile: (args, c) => {
      const text = textArg(args[0] as Operand, c);
      const from = textArg(args[1] as Operand, c);
      const to = textArg(args[2] as Operand, c);
      return derived(c.call, STRING, (f) => {
        const s = text(f);
        if (s == null) return null;
        const chars = from(f);
        return chars == null ? s : translate(s as string, chars as string, to(f) as string | null);
      }, args);
    },
  },
  {
    names: ['REVERSE'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'REVERSE(string)',
    compile: (args, c) => strict1(c, STRING, args, textArg(args[0] as Operand, c), (s) => [...(s as string)].reverse().join('')),
  },
];

