import { SqlError } from './sql-error.js';

export type TokenKind =
  | 'word' // an unquoted identifier or keyword
  | 'quoted' // a `back-quoted` or "double-quoted" identifier
  | 'string' // a 'single-quoted' string
  | 'number'
  | 'symbol'
  | 'end';

export interface Token {
  kind: TokenKind;
  /** The identifier, the string's content (quotes undone), the number's text, or the symbol. */
  text: string;
  /** For words: upper case, for keyword comparisons. */
  upper: string;
  /** Offset of the token's first character in the query. */
  start: number;
  end: number;
}

const SYMBOLS = ['<>', '!=', '<=', '>=', '||', '==', ',', '(', ')', '.', '*', '+', '-', '/', '%', '=', '<', '>', ';', '[', ']'];

/**
 * Splits a query into tokens. Knows SQL's quoting: `'it''s'` is a string, `"a b"` and `` `a b` ``
 * are identifiers (doubling the quote escapes it), `--` and `/* *\/` are comments. Numbers are
 * `12`, `1.5`, `.5`, `1e3`, `1.5E-3`.
 */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const length = query.length;
  while (pos < length) {
    const c = query[pos] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      pos++;
      continue;
    }
    if (c === '-' && query[pos + 1] === '-') {
      while (pos < length && query[pos] !== '\n') pos++;
      continue;
    }
    if (c === '/' && query[pos + 1] === '*') {
      const close = query.indexOf('*/', pos + 2);
      if (close < 0) throw new SqlError('unterminated comment', pos);
      pos = close + 2;
      continue;
    }
    const start = pos;
    if (c === "'" || c === '"' || c === '`') {
      const { text, end } = quoted(query, pos, c);
      pos = end;
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', text, upper: text.toUpperCase(), start, end });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(query[pos + 1]))) {
      while (isDigit(query[pos])) pos++;
      if (query[pos] === '.') {
        pos++;
        while (isDigit(query[pos])) pos++;
      }
      if ((query[pos] === 'e' || query[pos] === 'E') && (isDigit(query[pos + 1]) || ((query[pos + 1] === '+' || query[pos + 1] === '-') && isDigit(query[pos + 2])))) {
        pos += 2;
        while (isDigit(query[pos])) pos++;
      }
      if (isWordChar(query[pos])) throw new SqlError(`unexpected "${query.slice(start, pos + 1)}"`, start);
      const text = query.slice(start, pos);
      tokens.push({ kind: 'number', text, upper: text, start, end: pos });
      continue;
    }
    if (isWordStart(c)) {
      while (isWordChar(query[pos])) pos++;
      const text = query.slice(start, pos);
      tokens.push({ kind: 'word', text, upper: text.toUpperCase(), start, end: pos });
      continue;
    }
    const symbol = SYMBOLS.find((s) => query.startsWith(s, pos));
    if (symbol === undefined) throw new SqlError(`unexpected character "${c}"`, pos);
    pos += symbol.length;
    tokens.push({ kind: 'symbol', text: symbol, upper: symbol, start, end: pos });
  }
  tokens.push({ kind: 'end', text: '', upper: '', start: length, end: length });
  return tokens;
}

function quoted(query: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let pos = start + 1;
  for (;;) {
    const close = query.indexOf(quote, pos);
    if (close < 0) throw new SqlError(quote === "'" ? 'unterminated string' : 'unterminated quoted identifier', start);
    text += query.slice(pos, close);
    if (query[close + 1] === quote) {
      text += quote;
      pos = close + 2;
      continue;
    }
    return { text, end: close + 1 };
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isWordStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$' || c > '\u007f';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && (isWordStart(c) || isDigit(c));
}
