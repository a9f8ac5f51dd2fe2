import type { ConfigProblem } from '../core/errors.js';
import type { ArrayNode, ConfigEntry, ConfigNode, ObjectNode, ScalarNode, ScalarValue } from './config-node.js';
import { HoconScanner } from './hocon-scanner.js';
import type { SourcePosition } from './job-config.js';
import type { Substitution, VariableResolver } from './variable-resolver.js';

export interface HoconParseOptions {
  /** Resolves `${...}`. Without it every substitution is kept as written (to re-render a config). */
  resolve?: VariableResolver;
  /** JSON syntax: keys must be quoted and the only bare words are numbers, true, false and null. */
  json?: boolean;
}

export interface HoconParseResult {
  root: ObjectNode;
  /** Syntax problems and unresolved variables, in text order. */
  problems: ConfigProblem[];
  /** True when there are syntax problems: the tree is then a best guess, not the config. */
  malformed: boolean;
}

/**
 * Parses SeaTunnel's HOCON dialect (and JSON, which is nearly HOCON) into a syntax tree that keeps
 * field order, duplicate keys and the position of every key and value. Never throws: it reports
 * what it expected where it stopped, skips the rest of that line and goes on, so one run reports
 * as many problems as it can.
 *
 * Supported: `#` and `//` comments; `=`, `:`, `+=` and `key { ... }`; quoted, unquoted and `"""`
 * strings; numbers (integers beyond 2^53 become bigint); true, false, null; arrays separated by
 * commas or newlines; path keys (`row.num`); concatenation of simple values (`a = hello world`);
 * `${var}`, `${var:default}`, `${?var}` both as values and inside quoted strings. Not supported:
 * `include`, self-references and object or array concatenation.
 */
export function parseHocon(text: string, options: HoconParseOptions = {}): HoconParseResult {
  return new HoconParser(text, options).parse();
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

type Piece = { kind: 'text' | 'quoted' | 'spaces'; text: string } | { kind: 'substitution'; text: string; literal: boolean; unset: boolean };

class HoconParser {
  private readonly problems: ConfigProblem[] = [];
  private malformed = false;
  private readonly scanner: HoconScanner;

  constructor(
    text: string,
    private readonly options: HoconParseOptions,
  ) {
    this.scanner = new HoconScanner(text, (message, position) => this.syntaxProblem(message, position));
  }

  parse(): HoconParseResult {
    const scanner = this.scanner;
    scanner.skipBlank();
    let root: ObjectNode;
    if (scanner.peek() === '{') {
      root = this.parseObject();
      scanner.skipBlank();
      if (!scanner.atEnd) this.syntaxProblem(`expected the end of the config after the closing "}", got ${scanner.describeNext()}`, scanner.position());
    } else {
      if (this.options.json) this.syntaxProblem(`expected "{" to start the JSON object, got ${scanner.describeNext()}`, scanner.position());
      root = this.parseFields({ kind: 'object', entries: [], position: scanner.position() }, undefined);
    }
    return { root, problems: this.problems, malformed: this.malformed };
  }

  private syntaxProblem(message: string, position: SourcePosition): void {
    this.malformed = true;
    this.problems.push({ path: '', message, line: position.line, column: position.column });
  }

  private parseObject(): ObjectNode {
    const open = this.scanner.position();
    this.scanner.advance();
    return this.parseFields({ kind: 'object', entries: [], position: open }, open);
  }

  /** Fields up to the `}` matching `open`, or to the end of the text for a root without braces. */
  private parseFields(node: ObjectNode, open: SourcePosition | undefined): ObjectNode {
    const scanner = this.scanner;
    for (;;) {
      scanner.skipBlank();
      const char = scanner.peek();
      if (char === '') {
        if (open) this.syntaxProblem(`expected "}" to close the object opened at line ${open.line}, column ${open.column}`, scanner.position());
        return node;
      }
      if (char === '}') {
        if (open) {
          scanner.advance();
          return node;
        }
        this.syntaxProblem('unexpected "}": there is no open object to close', scanner.position());
        scanner.advance();
        continue;
      }
      if (char === ',') {
        scanner.advance();
        continue;
      }
      const entry = this.parseField();
      if (entry !== undefined) node.entries.push(entry);
      scanner.skipSpacesAndComment();
      if (!['', '\n', ',', '}'].includes(scanner.peek())) {
        this.syntaxProblem(`expected a newline, "," or "}" after the value, got ${scanner.describeNext()}`, scanner.position());
        scanner.skipLine();
      }
    }
  }

  /** One `key = value`; undefined after a problem (already reported) or for an unset `${?var}`. */
  private parseField(): ConfigEntry | undefined {
    const scanner = this.scanner;
    const position = scanner.position();
    const path = this.parseKey();
    if (path === undefined) {
      scanner.skipLine();
      return undefined;
    }
    scanner.skipSpaces();
    const char = scanner.peek();
    if (char === '{') return { path, value: this.parseObject(), position };
    const append = scanner.lookingAt('+=');
    if (char !== '=' && char !== ':' && !append) {
      this.syntaxProblem(`expected "=", ":" or "{" after the key "${path.join('.')}", got ${scanner.describeNext()}`, scanner.position());
      scanner.skipLine();
      return undefined;
    }
    scanner.advance(append ? 2 : 1);
    scanner.skipSpaces();
    const value = this.parseValue();
    if (value === 'none') {
      this.syntaxProblem(`expected a value for "${path.join('.')}", got ${scanner.describeNext()}`, scanner.position());
      scanner.skipLine();
      return undefined;
    }
    if (value === 'unset') return undefined;
    return append ? { path, value, position, append } : { path, value, position };
  }

  /** A key as path segments: `a."b.c".d` is `['a', 'b.c', 'd']`; spaces inside a segment are kept. */
  private parseKey(): string[] | undefined {
    const scanner = this.scanner;
    const start = scanner.position();
    const segments: string[] = [];
    let segment = '';
    let spaces = '';
    let started = false;
    for (;;) {
      const char = scanner.peek();
      if (char === '"') {
        segment += spaces + scanner.readQuoted();
      } else if (char === '.' && started) {
        segments.push(segment);
        segment = '';
        started = false;
        scanner.advance();
        spaces = '';
        continue;
      } else if (scanner.isSpace(char)) {
        spaces = scanner.skipSpaces();
        continue;
      } else {
        const at = scanner.position();
        const text = char === '.' ? '' : scanner.readUnquoted('key');
        if (text === '') break;
        if (this.options.json) this.syntaxProblem(`expected a quoted key, got ${JSON.stringify(text)}`, at);
        segment += spaces + text;
      }
      spaces = '';
      started = true;
    }
    if (!started && segments.length === 0) {
      this.syntaxProblem(`expected a key, got ${scanner.describeNext()}`, start);
      return undefined;
    }
    if (!started) {
      this.syntaxProblem(`the key "${segments.join('.')}." ends with "."; expected a name after it`, start);
      return undefined;
    }
    return [...segments, segment];
  }

  private parseValue(): ConfigNode | 'none' | 'unset' {
    const char = this.scanner.peek();
    if (char === '{') return this.parseObject();
    if (char === '[') return this.parseArray();
    return this.parseSimpleValue();
  }

  private parseArray(): ArrayNode {
    const scanner = this.scanner;
    const open = scanner.position();
    scanner.advance();
    const node: ArrayNode = { kind: 'array', items: [], position: open };
    for (;;) {
      scanner.skipBlank();
      const char = scanner.peek();
      if (char === ']') {
        scanner.advance();
        return node;
      }
      if (char === '' || char === '}') {
        this.syntaxProblem(`expected "]" to close the array opened at line ${open.line}, column ${open.column}`, scanner.position());
        return node;
      }
      if (char === ',') {
        scanner.advance();
        continue;
      }
      const item = this.parseValue();
      if (item === 'none') {
        this.syntaxProblem(`expected a value or "]", got ${scanner.describeNext()}`, scanner.position());
        scanner.advance();
        continue;
      }
      if (item !== 'unset') node.items.push(item);
      scanner.skipSpacesAndComment();
      if (!['', '\n', ',', ']', '}'].includes(scanner.peek())) {
        this.syntaxProblem(`expected "," or "]" after an array element, got ${scanner.describeNext()}`, scanner.position());
        scanner.skipLine();
      }
    }
  }

  /**
   * Strings, numbers, booleans, null and substitutions up to the end of the value. Several pieces
   * on one line concatenate to a string with the spaces between them, as in HOCON.
   */
  private parseSimpleValue(): ScalarNode | 'none' | 'unset' {
    const scanner = this.scanner;
    const position = scanner.position();
    const start = scanner.index;
    const pieces: Piece[] = [];
    let end = start;
    let spaces = '';
    for (;;) {
      let piece: Piece;
      const char = scanner.peek();
      if (char === '"') {
        const text = scanner.lookingAt('"""') ? scanner.readTripleQuoted(this.substituteInString) : scanner.readQuoted(this.substituteInString);
        piece = { kind: 'quoted', text };
      } else if (scanner.lookingAt('${')) {
        piece = this.readValueSubstitution();
      } else if (scanner.isSpace(char)) {
        spaces = scanner.skipSpaces();
        continue;
      } else if (scanner.atComment()) {
        break;
      } else {
        const text = scanner.readUnquoted('value');
        if (text === '') break;
        piece = { kind: 'text', text };
      }
      if (pieces.length > 0 && spaces !== '') pieces.push({ kind: 'spaces', text: spaces });
      pieces.push(piece);
      spaces = '';
      end = scanner.index;
    }
    if (pieces.length === 0) return 'none';
    const raw = scanner.slice(start, end);
    if (pieces.length > 1) {
      if (this.options.json) this.syntaxProblem(`expected one JSON value, got ${JSON.stringify(raw)}; quote text that contains spaces`, position);
      const text = pieces.map((piece) => (piece.kind === 'substitution' && piece.unset ? '' : piece.text)).join('');
      return { kind: 'scalar', value: text, position, raw };
    }
    const [piece] = pieces;
    if (piece.kind === 'substitution' && piece.unset) return 'unset';
    const value = piece.kind === 'quoted' || (piece.kind === 'substitution' && piece.literal) ? piece.text : this.bareWord(piece.text, position);
    return { kind: 'scalar', value, position, raw };
  }

  /**
   * Types unquoted text as HOCON does. A substitution's value is typed the same way, as if its text
   * had been written in place of `${...}` (SeaTunnel replaces variables in the text).
   */
  private bareWord(text: string, position: SourcePosition): ScalarValue {
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    if (NUMBER.test(text)) {
      if (!INTEGER.test(text)) return Number(text);
      const number = Number(text);
      return Number.isSafeInteger(number) ? number : BigInt(text);
    }
    if (this.options.json) {
      this.syntaxProblem(`expected a JSON value (a "quoted string", a number, true, false or null), got ${JSON.stringify(text)}`, position);
    }
    return text;
  }

  private readValueSubstitution(): Piece {
    const scanner = this.scanner;
    const substitution = scanner.readSubstitution();
    if (substitution === undefined) {
      this.syntaxProblem('expected a variable name and "}" after "${", as in ${name} or ${name:default}', scanner.position());
      return { kind: 'text', text: scanner.advance(2) };
    }
    return { kind: 'substitution', ...this.substitute(substitution) };
  }

  private readonly substituteInString = (substitution: Substitution): string => this.substitute(substitution).text;

  private substitute(substitution: Substitution): { text: string; literal: boolean; unset: boolean } {
    const literal = { text: substitution.text, literal: true, unset: false };
    if (this.options.resolve === undefined) return literal;
    const result = this.options.resolve(substitution);
    switch (result.kind) {
      case 'value':
        return { text: result.text, literal: false, unset: false };
      case 'literal':
        return literal;
      case 'unset':
        return { text: '', literal: false, unset: true };
      case 'missing':
        this.problems.push({ path: '', message: result.message, line: substitution.position.line, column: substitution.position.column });
        return literal;
    }
  }
}
