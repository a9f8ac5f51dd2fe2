import { JAVA_SPACE, NAMED_CLASSES } from './java-regex-classes.js';

/**
 * SeaTunnel's Replace and Split take `java.util.regex.Pattern` syntax. This translates a Java
 * pattern into a JavaScript RegExp (always with the `u` flag, which reads code points as Java does)
 * that matches the same strings, and refuses, with a message, what JavaScript cannot express.
 *
 * What differs between the two and how it is handled:
 * - `.` excludes `\n \r \u0085 \u2028 \u2029` in Java (only `\n` with `(?d)`); JS omits `\u0085`.
 *   Translated to an explicit class.
 * - `$` (without `(?m)`) also matches before a final line terminator in Java; in JS only at the end.
 *   `^`/`$` with `(?m)` use Java's line terminators too. Translated to lookarounds.
 * - `\s` is `[ \t\n\x0B\f\r]` in Java (ASCII) but Unicode whitespace in JS; `\v` is vertical
 *   whitespace in Java but only `\x0B` in JS; `\h`, `\R`, `\A`, `\Z`, `\z`, `\e`, `\a`, `\0nn`,
 *   `\x{h..h}`, `\Q..\E`, POSIX `\p{Alpha}`-style classes: translated.
 * - Java lets any non-letter be escaped (`\-`, `\_`, `\'`); `u`-mode JS does not: unescaped.
 * - A `]` or `}` on its own is literal in Java, a syntax error in `u`-mode JS: escaped.
 * - `\12` is group 12 only when that many groups exist so far, else group 1 then `2` (Java's rule).
 * - Flags: `(?i)`, `(?s)`, `(?m)`, `(?x)`, `(?d)`, `(?u)` at the very start apply to the whole
 *   pattern. `(?i)` is ASCII-only in Java unless `(?u)` is given; in JS it folds Unicode case.
 * - Not expressible, refused: possessive quantifiers (`a*+`), atomic groups `(?>..)`, flags in the
 *   middle of a pattern, class union/intersection (`[a-z&&[^e]]`, `[a[b]]`), `\G`, `\X`, `\b{g}`,
 *   Unicode blocks (`\p{InGreek}`).
 */
export interface JavaRegex {
  /** Compiled without `g`; use `globalOf` for global matching. */
  regex: RegExp;
  /** The number of capturing groups (Java and JS number them alike, named ones included). */
  groupCount: number;
  /** Named groups → their number. */
  groupNames: ReadonlyMap<string, number>;
}

export class JavaRegexError extends Error {
  constructor(pattern: string, message: string) {
    super(`invalid regex ${JSON.stringify(pattern)}: ${message}`);
    this.name = 'JavaRegexError';
  }
}

/** Translates and compiles a Java regex; throws JavaRegexError saying what is wrong or unsupported. */
export function compileJavaRegex(pattern: string): JavaRegex {
  const translated = new Translator(pattern).translate();
  let regex: RegExp;
  try {
    regex = new RegExp(translated.source, translated.flags);
  } catch (error) {
    throw new JavaRegexError(pattern, error instanceof Error ? error.message : String(error));
  }
  return { regex, groupCount: translated.groupCount, groupNames: translated.groupNames };
}

/** The same regex with the `g` flag, for replace-all and split loops. */
export function globalOf(regex: RegExp): RegExp {
  return new RegExp(regex.source, `${regex.flags}g`);
}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\u0085\\u2028\\u2029';
const END_OF_INPUT = '(?![\\s\\S])';
const START_OF_INPUT = '(?<![\\s\\S])';

interface Escape {
  /** The JS for the escape outside a class. */
  atom: string;
  /** The JS for the escape inside a class; undefined when it cannot appear there. */
  member?: string;
}

class Translator {
  private pos = 0;
  private out = '';
  private groupCount = 0;
  private readonly groupNames = new Map<string, number>();
  private ignoreCase = false;
  private dotAll = false;
  private multiline = false;
  private comments = false;
  private unixLines = false;
  private readonly totalGroups: number;

  constructor(private readonly pattern: string) {
    this.totalGroups = countGroups(pattern);
  }

  translate(): { source: string; flags: string; groupCount: number; groupNames: Map<string, number> } {
    this.leadingFlags();
    while (this.pos < this.pattern.length) this.term();
    return { source: this.out, flags: this.ignoreCase ? 'iu' : 'u', groupCount: this.groupCount, groupNames: this.groupNames };
  }

  /** `(?ims)` groups at the very start set flags for the whole pattern, as Java applies them there. */
  private leadingFlags(): void {
    for (;;) {
      const match = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?\)/.exec(this.pattern.slice(this.pos));
      if (match === null) return;
      for (const flag of match[1] ?? '') this.setFlag(flag, true);
      for (const flag of match[2] ?? '') this.setFlag(flag, false);
      this.pos += match[0].length;
    }
  }

  private setFlag(flag: string, on: boolean): void {
    switch (flag) {
      case 'i': this.ignoreCase = on; break;
      case 's': this.dotAll = on; break;
      case 'm': this.multiline = on; break;
      case 'x': this.comments = on; break;
      case 'd': this.unixLines = on; break;
      case 'u': break; // Unicode case folding: what JS's `iu` does anyway
      default: this.fail(`the flag (?${flag}) is not supported`);
    }
  }

  private term(): void {
    const c = this.pattern[this.pos] as string;
    if (this.comments && this.skipComment()) return;
    switch (c) {
      case '\\':
        this.out += this.escape(false).atom;
        break;
      case '[':
        this.characterClass();
        break;
      case '(':
        this.group();
        break;
      case '.':
        this.pos++;
        this.out += this.dotAll ? '[\\s\\S]' : this.unixLines ? '[^\\n]' : `[^${LINE_TERMINATORS}]`;
        break;
      case '^':
        this.pos++;
        this.out += this.multiline ? this.lineStart() : '^';
        break;
      case '$':
        this.pos++;
        this.out += this.lineEnd();
        break;
      case '*':
      case '+':
      case '?':
        this.pos++;
        this.out += c;
        this.quantifierSuffix();
        break;
      case '{': {
        const match = /^\{\d+(?:,\d*)?\}/.exec(this.pattern.slice(this.pos));
        if (match === null) this.fail('"{" does not start a repetition like {2} or {1,3} (escape it as \\{)');
        this.pos += match[0].length;
        this.out += match[0];
        this.quantifierSuffix();
        break;
      }
      case ']':
      case '}':
        this.pos++;
        this.out += `\\${c}`;
        break;
      default: {
        const char = String.fromCodePoint(this.pattern.codePointAt(this.pos) as number);
        this.pos += char.length;
        this.out += char === '/' ? '\\/' : char;
      }
    }
  }

  private skipComment(): boolean {
    const c = this.pattern[this.pos] as string;
    if (/\s/.test(c)) {
      this.pos++;
      return true;
    }
    if (c === '#') {
      while (this.pos < this.pattern.length && this.pattern[this.pos] !== '\n') this.pos++;
      return true;
    }
    return false;
  }

  private quantifierSuffix(): void {
    const next = this.pattern[this.pos];
    if (next === '?') {
      this.pos++;
      this.out += '?';
    } else if (next === '+') {
      this.fail('possessive quantifiers (like a*+) are not supported');
    }
  }

  private lineStart(): string {
    if (this.unixLines) return `(?:${START_OF_INPUT}|(?<=\\n)(?=[\\s\\S]))`;
    return `(?:${START_OF_INPUT}|(?<=[\\n\\u0085\\u2028\\u2029])(?=[\\s\\S])|(?<=\\r)(?=[^\\n]))`;
  }

  private lineEnd(): string {
    if (this.unixLines) return this.multiline ? '(?=\\n|(?![\\s\\S]))' : `(?=\\n?${END_OF_INPUT})`;
    if (this.multiline) return `(?=[${LINE_TERMINATORS}]|${END_OF_INPUT})`;
    return `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;
  }

  private group(): void {
    const rest = this.pattern.slice(this.pos);
    if (!rest.startsWith('(?')) {
      this.pos++;
      this.groupCount++;
      this.out += '(';
      return;
    }
    const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
    if (named !== null) {
      const name = named[1] as string;
      if (this.groupNames.has(name)) this.fail(`the group name "${name}" is used twice`);
      this.groupCount++;
      this.groupNames.set(name, this.groupCount);
      this.pos += named[0].length;
      this.out += named[0];
      return;
    }
    for (const opening of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) {
      if (rest.startsWith(opening)) {
        this.pos += opening.length;
        this.out += opening;
        return;
      }
    }
    if (rest.startsWith('(?>')) this.fail('atomic groups (?>...) are not supported');
    this.fail('inline flags such as (?i) are supported only at the start of the pattern');
  }

  private characterClass(): void {
    this.pos++; // [
    let body = '';
    if (this.pattern[this.pos] === '^') {
      body += '^';
      this.pos++;
    }
    if (this.pattern[this.pos] === ']') {
      // A `]` right after `[` or `[^` is a literal in Java.
      body += '\\]';
      this.pos++;
    }
    for (;;) {
      if (this.pos >= this.pattern.length) this.fail('unclosed character class');
      const c = this.pattern[this.pos] as string;
      if (c === ']') {
        this.pos++;
        break;
      }
      if (c === '[') this.fail('nested character classes (union, like [a-c[x-z]]) are not supported');
      if (c === '&' && this.pattern[this.pos + 1] === '&') this.fail('character class intersection (&&) is not supported');
      if (this.comments && /\s/.test(c)) {
        this.pos++;
        continue;
      }
      if (c === '\\') {
        const escape = this.escape(true);
        if (escape.member === undefined) this.fail(`${escape.atom} cannot be used inside a character class`);
        body += escape.member;
        continue;
      }
      const char = String.fromCodePoint(this.pattern.codePointAt(this.pos) as number);
      this.pos += char.length;
      body += char === '/' ? '\\/' : char;
    }
    this.out += `[${body}]`;
  }

  /** Reads one escape (the backslash is at `pos`). */
  private escape(inClass: boolean): Escape {
    this.pos++; // backslash
    if (this.pos >= this.pattern.length) this.fail('the pattern ends with a backslash');
    const c = this.pattern[this.pos] as string;
    this.pos++;
    const same = (text: string): Escape => ({ atom: text, member: text });
    switch (c) {
      case 'd': case 'D': case 'w': case 'W':
        return same(`\\${c}`);
      case 'b': case 'B':
        if (this.pattern[this.pos] === '{') this.fail('\\b{g} is not supported');
        return inClass ? this.fail('\\b inside a character class is not supported') : { atom: `\\${c}` };
      case 's': return { atom: `[${JAVA_SPACE}]`, member: JAVA_SPACE };
      case 'S': return { atom: `[^${JAVA_SPACE}]`, member: '\\S' };
      case 'h': return { atom: `[${HORIZONTAL_SPACE}]`, member: HORIZONTAL_SPACE };
      case 'H': return { atom: `[^${HORIZONTAL_SPACE}]` };
      case 'v': return { atom: `[${VERTICAL_SPACE}]`, member: VERTICAL_SPACE };
      case 'V': return { atom: `[^${VERTICAL_SPACE}]` };
      case 'R': return { atom: `(?:\\r\\n|[${VERTICAL_SPACE}])` };
      case 'A': return { atom: START_OF_INPUT };
      case 'z': return { atom: END_OF_INPUT };
      case 'Z': return { atom: `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})` };
      case 't': case 'n': case 'r': case 'f':
        return same(`\\${c}`);
      case 'a': return same('\\x07');
      case 'e': return same('\\x1B');
      case 'c': {
        const letter = this.pattern[this.pos];
        if (letter === undefined) this.fail('\\c needs a control letter');
        this.pos++;
        return same(codePointEscape((letter.codePointAt(0) as number) ^ 64));
      }
      case '0': {
        const match = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(this.pattern.slice(this.pos));
        if (match === null) this.fail('illegal octal escape \\0');
        this.pos += match[0].length;
        return same(codePointEscape(parseInt(match[0], 8)));
      }
      case 'x': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.pattern.slice(this.pos));
        if (braced !== null) {
          this.pos += braced[0].length;
          return same(codePointEscape(parseInt(braced[1] as string, 16)));
        }
        const hex = /^[0-9a-fA-F]{2}/.exec(this.pattern.slice(this.pos));
        if (hex === null) this.fail('\\x needs two hex digits');
        this.pos += 2;
        return same(`\\x${hex[0]}`);
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.pattern.slice(this.pos));
        if (hex === null) this.fail('\\u needs four hex digits');
        this.pos += 4;
        return same(`\\u${hex[0]}`);
      }
      case 'p': case 'P':
        return this.property(c === 'P', inClass);
      case 'Q': {
        const end = this.pattern.indexOf('\\E', this.pos);
        const quoted = this.pattern.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.pattern.length : end + 2;
        const literal = [...quoted].map((ch) => literalChar(ch, inClass)).join('');
        return { atom: literal === '' ? '' : `(?:${literal})`, member: literal };
      }
      case 'E':
        return same(''); // a stray \E is ignored, as in Java
      case 'k': {
        const match = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.pattern.slice(this.pos));
        if (match === null) this.fail('\\k needs a group name, like \\k<name>');
        if (inClass) this.fail('\\k cannot be used inside a character class');
        this.pos += match[0].length;
        return { atom: `\\k<${match[1]}>` };
      }
      case 'G': case 'X': case 'N':
        return this.fail(`\\${c} is not supported`);
      default:
        if (c >= '1' && c <= '9') {
          if (inClass) this.fail(`\\${c} cannot be used inside a character class`);
          return { atom: this.backReference(Number(c)) };
        }
        if (/[a-zA-Z]/.test(c)) this.fail(`unknown escape \\${c}`);
        // Java accepts any other escaped character as itself.
        this.pos--;
        {
          const char = String.fromCodePoint(this.pattern.codePointAt(this.pos) as number);
          this.pos += char.length;
          return same(literalChar(char, inClass));
        }
    }
  }

  /** `\N`: Java takes more digits only while the number stays a group that exists at this point. */
  private backReference(first: number): string {
    let group = first;
    while (this.pos < this.pattern.length) {
      const digit = this.pattern[this.pos] as string;
      if (digit < '0' || digit > '9') break;
      const next = group * 10 + Number(digit);
      if (next > this.groupCount) break;
      group = next;
      this.pos++;
    }
    // A reference to a group that never exists can never match in Java; JS would reject it.
    if (group > this.totalGroups) return '(?!)';
    return `(?:\\${group})`;
  }

  private property(negated: boolean, inClass: boolean): Escape {
    let name: string;
    if (this.pattern[this.pos] === '{') {
      const end = this.pattern.indexOf('}', this.pos);
      if (end < 0) this.fail('unclosed \\p{...}');
      name = this.pattern.slice(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      name = this.pattern[this.pos] ?? '';
      this.pos++;
    }
    const posix = NAMED_CLASSES[name] ?? NAMED_CLASSES[name.replace(/^Is/, '')];
    if (posix !== undefined) {
      if (negated) return inClass ? this.fail(`\\P{${name}} inside a character class is not supported`) : { atom: `[^${posix}]` };
      return { atom: `[${posix}]`, member: posix };
    }
    if (/^In/.test(name) || /^(?:block|blk)=/i.test(name)) this.fail(`Unicode blocks (\\p{${name}}) are not supported`);
    const script = /^(?:script|sc)=(.+)$/i.exec(name);
    const jsName = script !== null ? `Script=${script[1]}` : name.replace(/^(?:Is|general_category=|gc=)/, '');
    const text = `\\${negated ? 'P' : 'p'}{${jsName}}`;
    try {
      new RegExp(text, 'u');
    } catch {
      this.fail(`unknown character property \\p{${name}}`);
    }
    return { atom: text, member: text };
  }

  private fail(message: string): never {
    throw new JavaRegexError(this.pattern, message);
  }
}

/** Counts capturing groups, for back references to groups that never exist. */
function countGroups(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end < 0 ? pattern.length : end + 1;
      } else {
        i++;
      }
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '(' && (pattern[i + 1] !== '?' || /^\(\?<[a-zA-Z]/.test(pattern.slice(i)))) {
      count++;
    }
  }
  return count;
}

function codePointEscape(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** A literal character as `u`-mode JS source. */
function literalChar(char: string, inClass: boolean): string {
  if (inClass) return /[\\\]^\-[/]/.test(char) ? `\\${char}` : char;
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
