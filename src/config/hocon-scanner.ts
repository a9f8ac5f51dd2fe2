import type { SourcePosition } from './job-config.js';
import type { Substitution } from './variable-resolver.js';

/** Where an unquoted run of text is read: keys also end at `.`, `:`, `=` and `+=`. */
export type UnquotedContext = 'key' | 'value';

/** Characters that end unquoted text in keys and values alike. */
const STRUCTURAL = new Set(['"', '{', '}', '[', ']', ',', '#', '\n']);

const SUBSTITUTION = /^(\?)?([A-Za-z_][\w.-]*)(?::([^]*))?$/;

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A cursor over config text that tracks 1-based line and column and reads the lexical pieces of
 * HOCON: whitespace, comments, quoted and triple-quoted strings, unquoted text and `${...}`.
 * Problems are handed to `report`; the scanner always moves on, so the parser can keep going.
 */
export class HoconScanner {
  private offset = 0;
  private line = 1;
  private column = 1;

  constructor(
    private readonly text: string,
    private readonly report: (message: string, position: SourcePosition) => void,
  ) {}

  get atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  get index(): number {
    return this.offset;
  }

  /** The character `ahead` places on, or '' past the end. */
  peek(ahead = 0): string {
    return this.text.charAt(this.offset + ahead);
  }

  lookingAt(prefix: string): boolean {
    return this.text.startsWith(prefix, this.offset);
  }

  slice(start: number, end = this.offset): string {
    return this.text.slice(start, end);
  }

  position(): SourcePosition {
    return { line: this.line, column: this.column };
  }

  advance(count = 1): string {
    const start = this.offset;
    for (let i = 0; i < count && !this.atEnd; i++) {
      if (this.text[this.offset] === '\n') {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
      this.offset++;
    }
    return this.text.slice(start, this.offset);
  }

  /** Whitespace other than a newline (newlines separate fields, so they matter). */
  isSpace(char = this.peek()): boolean {
    return char !== '' && char !== '\n' && /\s/.test(char);
  }

  atComment(): boolean {
    return this.peek() === '#' || this.lookingAt('//');
  }

  /** Skips spaces on the current line and returns them (HOCON keeps them inside concatenations). */
  skipSpaces(): string {
    const start = this.offset;
    while (this.isSpace()) this.advance();
    return this.slice(start);
  }

  /** Skips spaces and a comment up to, not including, the end of the line. */
  skipSpacesAndComment(): void {
    this.skipSpaces();
    if (this.atComment()) this.skipLine();
  }

  /** Skips spaces, comments and newlines. */
  skipBlank(): void {
    for (;;) {
      this.skipSpacesAndComment();
      if (this.peek() !== '\n') return;
      this.advance();
    }
  }

  /** Drops the rest of the current line: the parser's way to recover after a problem. */
  skipLine(): void {
    while (!this.atEnd && this.peek() !== '\n') this.advance();
  }

  /** The next few characters as a user would see them in a message: `"="`, `the end of the line`. */
  describeNext(): string {
    if (this.atEnd) return 'the end of the config';
    if (this.peek() === '\n') return 'the end of the line';
    const word = /^[^\s"{}[\],#]+/.exec(this.text.slice(this.offset, this.offset + 40))?.[0] ?? this.peek();
    return JSON.stringify(word);
  }

  /**
   * Unquoted text up to the next character that cannot be part of it. In values `:`, `=` and `//`
   * after the first character are kept (`jdbc:mysql://host/db` needs no quotes, unlike in Typesafe
   * config); a `//` at the start of a piece is a comment.
   */
  readUnquoted(context: UnquotedContext): string {
    const start = this.offset;
    while (!this.atEnd) {
      const char = this.peek();
      if (STRUCTURAL.has(char) || this.isSpace(char)) break;
      if (char === '$' && this.peek(1) === '{') break;
      if (char === '/' && this.peek(1) === '/' && (context === 'key' || this.offset === start)) break;
      if (context === 'key' && (char === '.' || char === ':' || char === '=' || this.lookingAt('+='))) break;
      this.advance();
    }
    return this.slice(start);
  }

  /**
   * Reads `${name}`, `${name:default}` or `${?name}` at the cursor. Returns undefined, moving
   * nothing, when no well-formed substitution starts here (no `}` on the line, or no valid name).
   */
  readSubstitution(): Substitution | undefined {
    let end = this.offset + 2;
    while (end < this.text.length && !'}\n"'.includes(this.text[end])) end++;
    if (this.text[end] !== '}') return undefined;
    const match = SUBSTITUTION.exec(this.text.slice(this.offset + 2, end));
    if (match === null) return undefined;
    const position = this.position();
    const text = this.advance(end + 1 - this.offset);
    return { name: match[2], defaultValue: match[3], optional: match[1] === '?', text, position };
  }

  /** A "..." string with JSON escapes. `${...}` inside is replaced with what `substitute` returns. */
  readQuoted(substitute?: (substitution: Substitution) => string): string {
    const open = this.position();
    this.advance();
    let value = '';
    for (;;) {
      const char = this.peek();
      if (char === '' || char === '\n') {
        this.report(`expected '"' to close the string opened at line ${open.line}, column ${open.column}`, this.position());
        return value;
      }
      if (char === '"') {
        this.advance();
        return value;
      }
      if (char === '\\') value += this.readEscape();
      else value += this.readStringPiece(substitute);
    }
  }

  /** A """...""" string: no escapes, newlines kept; extra quotes before the closing three belong to it. */
  readTripleQuoted(substitute?: (substitution: Substitution) => string): string {
    const open = this.position();
    this.advance(3);
    let value = '';
    for (;;) {
      if (this.atEnd) {
        this.report(`expected '"""' to close the string opened at line ${open.line}, column ${open.column}`, this.position());
        return value;
      }
      if (this.lookingAt('"""')) {
        let quotes = 3;
        while (this.peek(quotes) === '"') quotes++;
        this.advance(quotes);
        return value + '"'.repeat(quotes - 3);
      }
      value += this.readStringPiece(substitute);
    }
  }

  private readStringPiece(substitute?: (substitution: Substitution) => string): string {
    if (substitute !== undefined && this.lookingAt('${')) {
      const substitution = this.readSubstitution();
      if (substitution !== undefined) return substitute(substitution);
    }
    return this.advance();
  }

  private readEscape(): string {
    const at = this.position();
    const char = this.peek(1);
    if (char === '' || char === '\n') {
      this.advance();
      this.report('expected an escaped character after "\\"', at);
      return '';
    }
    this.advance(2);
    if (Object.hasOwn(ESCAPES, char)) return ESCAPES[char];
    if (char === 'u') {
      const hex = this.text.slice(this.offset, this.offset + 4);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.advance(4);
        return String.fromCharCode(parseInt(hex, 16));
      }
      this.report('expected 4 hex digits after "\\u"', at);
      return '';
    }
    this.report(`unknown escape "\\${char}"; write "\\\\" for a backslash`, at);
    return char;
  }
}
