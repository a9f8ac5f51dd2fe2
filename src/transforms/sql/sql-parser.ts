import type { BinaryOp, CastTarget, Expr, SelectItem, SelectQuery } from './sql-ast.js';
import { SqlError } from './sql-error.js';
import { tokenize, type Token } from './sql-lexer.js';

/** Words that end an expression or a select item; they cannot be implicit aliases or bare column names. */
const RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'AS', 'AND', 'OR', 'NOT', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'IS', 'IN', 'BETWEEN', 'LIKE', 'ESCAPE', 'CAST', 'GROUP', 'ORDER', 'BY', 'LIMIT', 'OFFSET', 'HAVING', 'UNION', 'JOIN',
  'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'ON', 'LATERAL', 'DISTINCT', 'ALL', 'INTERSECT', 'EXCEPT', 'WINDOW',
]);

/** What a query may not contain, by the keyword that starts it (SeaTunnel refuses the same). */
const UNSUPPORTED_CLAUSES: Record<string, string> = {
  GROUP: 'GROUP BY is not supported (the Sql transform maps rows one by one)',
  ORDER: 'ORDER BY is not supported (the Sql transform maps rows one by one)',
  LIMIT: 'LIMIT is not supported',
  OFFSET: 'OFFSET is not supported',
  HAVING: 'HAVING is not supported (no aggregation)',
  UNION: 'UNION is not supported; the query reads one table',
  INTERSECT: 'INTERSECT is not supported; the query reads one table',
  EXCEPT: 'EXCEPT is not supported; the query reads one table',
  JOIN: 'joins are not supported; the query reads one table',
  LEFT: 'joins are not supported; the query reads one table',
  RIGHT: 'joins are not supported; the query reads one table',
  INNER: 'joins are not supported; the query reads one table',
  FULL: 'joins are not supported; the query reads one table',
  CROSS: 'joins are not supported; the query reads one table',
  LATERAL: 'LATERAL VIEW is not supported',
  WINDOW: 'window functions are not supported',
};

/** Reserved words that are never function names, even before "(" (LEFT and RIGHT are). */
const NOT_FUNCTIONS = new Set(['SELECT', 'FROM', 'WHERE', 'AS', 'AND', 'OR', 'NOT', 'IS', 'IN', 'BETWEEN', 'LIKE', 'WHEN', 'THEN', 'ELSE', 'END', 'ON']);

const COMPARISONS = new Set(['=', '==', '<>', '!=', '<', '<=', '>', '>=']);

/**
 * Parses `SELECT items FROM table [WHERE condition] [;]` into a syntax tree. Throws SqlError at
 * the first token that does not fit, saying what was expected.
 */
export function parseQuery(query: string): SelectQuery {
  return new Parser(tokenize(query)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): SelectQuery {
    const first = this.peek();
    if (!this.acceptWord('SELECT')) {
      throw new SqlError(first.kind === 'end' ? 'the query is empty; expected SELECT' : `expected SELECT, found ${describe(first)} (only SELECT queries are supported)`, first.start);
    }
    if (this.peekWord('DISTINCT')) throw new SqlError('SELECT DISTINCT is not supported (the Sql transform maps rows one by one)', this.peek().start);
    this.acceptWord('ALL');
    const items: SelectItem[] = [this.selectItem()];
    while (this.acceptSymbol(',')) items.push(this.selectItem());
    const from = this.peek();
    if (!this.acceptWord('FROM')) {
      throw new SqlError(from.kind === 'end' ? 'expected FROM and the input table after the select list' : `expected "," or FROM, found ${describe(from)}`, from.start);
    }
    const tableToken = this.peek();
    if (this.peekSymbol('(')) throw new SqlError('subqueries are not supported; select FROM the input table', tableToken.start);
    const table = [this.tableName()];
    while (this.acceptSymbol('.')) table.push(this.tableName());
    const after = this.peek();
    if (this.acceptSymbol(',')) throw new SqlError('joins are not supported; the query reads one table', after.start);
    if ((after.kind === 'word' && !RESERVED.has(after.upper)) || after.kind === 'quoted' || this.peekWord('AS')) {
      throw new SqlError('table aliases are not supported; write column names without a table or with the table name', after.start);
    }
    let where: Expr | undefined;
    if (this.acceptWord('WHERE')) where = this.expression();
    this.acceptSymbol(';');
    const end = this.peek();
    if (end.kind !== 'end') {
      const unsupported = end.kind === 'word' ? UNSUPPORTED_CLAUSES[end.upper] : undefined;
      throw new SqlError(unsupported ?? `unexpected ${describe(end)}${where === undefined ? '; expected WHERE or the end of the query' : ''}`, end.start);
    }
    return { items, table: table.join('.'), tablePos: tableToken.start, where };
  }

  private selectItem(): SelectItem {
    const start = this.peek();
    if (this.acceptSymbol('*')) return { kind: 'star', pos: start.start, qualifier: undefined };
    if ((start.kind === 'word' || start.kind === 'quoted') && this.peekSymbol('.', 1) && this.peekSymbol('*', 2)) {
      this.index += 3;
      return { kind: 'star', pos: start.start, qualifier: start.text };
    }
    const expr = this.expression();
    let alias: string | undefined;
    let aliasPos: number | undefined;
    const next = this.peek();
    if (this.acceptWord('AS')) {
      const token = this.peek();
      if (token.kind !== 'word' && token.kind !== 'quoted' && token.kind !== 'string') throw new SqlError(`expected an alias after AS, found ${describe(token)}`, token.start);
      this.index++;
      alias = token.text;
      aliasPos = token.start;
    } else if ((next.kind === 'word' && !RESERVED.has(next.upper)) || next.kind === 'quoted') {
      this.index++;
      alias = next.text;
      aliasPos = next.start;
    }
    return { kind: 'expr', pos: start.start, expr, alias, aliasPos };
  }

  expression(): Expr {
    return this.or();
  }

  private or(): Expr {
    let left = this.and();
    for (let op = this.peek(); this.acceptWord('OR'); op = this.peek()) left = { kind: 'binary', pos: op.start, op: 'OR', left, right: this.and() };
    return left;
  }

  private and(): Expr {
    let left = this.not();
    for (let op = this.peek(); this.acceptWord('AND'); op = this.peek()) left = { kind: 'binary', pos: op.start, op: 'AND', left, right: this.not() };
    return left;
  }

  private not(): Expr {
    const token = this.peek();
    if (this.acceptWord('NOT')) return { kind: 'unary', pos: token.start, op: 'NOT', operand: this.not() };
    return this.predicate();
  }

  private predicate(): Expr {
    const left = this.concat();
    const token = this.peek();
    if (token.kind === 'symbol' && COMPARISONS.has(token.text)) {
      this.index++;
      const op = (token.text === '!=' ? '<>' : token.text === '==' ? '=' : token.text) as BinaryOp;
      return { kind: 'binary', pos: token.start, op, left, right: this.concat() };
    }
    if (this.acceptWord('IS')) {
      const not = this.acceptWord('NOT');
      const what = this.peek();
      if (!this.acceptWord('NULL')) throw new SqlError(`expected NULL after IS${not ? ' NOT' : ''}, found ${describe(what)}`, what.start);
      return { kind: 'isNull', pos: token.start, operand: left, not };
    }
    const not = this.peekWord('NOT') && (this.peekWord('IN', 1) || this.peekWord('BETWEEN', 1) || this.peekWord('LIKE', 1));
    if (not) this.index++;
    const keyword = this.peek();
    if (this.acceptWord('IN')) {
      this.expectSymbol('(', 'after IN');
      if (this.peekWord('SELECT')) throw new SqlError('subqueries are not supported', this.peek().start);
      const items = [this.expression()];
      while (this.acceptSymbol(',')) items.push(this.expression());
      this.expectSymbol(')', 'to close the IN list');
      return { kind: 'in', pos: keyword.start, operand: left, items, not };
    }
    if (this.acceptWord('BETWEEN')) {
      const low = this.concat();
      const and = this.peek();
      if (!this.acceptWord('AND')) throw new SqlError(`expected AND in BETWEEN, found ${describe(and)}`, and.start);
      return { kind: 'between', pos: keyword.start, operand: left, low, high: this.concat(), not };
    }
    if (this.acceptWord('LIKE')) {
      const pattern = this.concat();
      const escape = this.acceptWord('ESCAPE') ? this.concat() : undefined;
      return { kind: 'like', pos: keyword.start, operand: left, pattern, escape, not };
    }
    return left;
  }

  private concat(): Expr {
    let left = this.additive();
    for (let op = this.peek(); this.acceptSymbol('||'); op = this.peek()) left = { kind: 'binary', pos: op.start, op: '||', left, right: this.additive() };
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let op = this.peek(); this.peekSymbol('+') || this.peekSymbol('-'); op = this.peek()) {
      this.index++;
      left = { kind: 'binary', pos: op.start, op: op.text as BinaryOp, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (let op = this.peek(); this.peekSymbol('*') || this.peekSymbol('/') || this.peekSymbol('%'); op = this.peek()) {
      this.index++;
      left = { kind: 'binary', pos: op.start, op: op.text as BinaryOp, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const token = this.peek();
    if (this.peekSymbol('-') || this.peekSymbol('+')) {
      this.index++;
      return { kind: 'unary', pos: token.start, op: token.text as '-' | '+', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.peek();
    const pos = token.start;
    switch (token.kind) {
      case 'number':
        this.index++;
        return { kind: 'number', pos, text: token.text };
      case 'string':
        this.index++;
        return { kind: 'string', pos, value: token.text };
      case 'quoted':
        return this.column();
      case 'symbol':
        if (this.acceptSymbol('(')) {
          if (this.peekWord('SELECT')) throw new SqlError('subqueries are not supported', this.peek().start);
          const inner = this.expression();
          this.expectSymbol(')', 'to close the parenthesis');
          return { kind: 'paren', pos, inner };
        }
        throw new SqlError(`expected an expression, found ${describe(token)}`, pos);
      case 'end':
        throw new SqlError('the query ends where an expression was expected', pos);
      case 'word':
        break;
    }
    switch (token.upper) {
      case 'NULL':
        this.index++;
        return { kind: 'null', pos };
      case 'TRUE':
      case 'FALSE':
        this.index++;
        return { kind: 'boolean', pos, value: token.upper === 'TRUE' };
      case 'CASE':
        return this.caseExpression();
      case 'CAST':
      case 'CONVERT':
        if (this.peekSymbol('(', 1)) return this.cast();
        break;
      case 'EXTRACT':
        if (this.peekSymbol('(', 1)) return this.extract();
        break;
      case 'DATE':
      case 'TIME':
      case 'TIMESTAMP':
        if (this.peek(1).kind === 'string') {
          this.index += 2;
          return { kind: 'typed', pos, type: token.upper, text: this.tokens[this.index - 1]?.text as string };
        }
        break;
      case 'CURRENT_DATE':
      case 'CURRENT_TIME':
      case 'CURRENT_TIMESTAMP':
        this.index++;
        if (this.peekSymbol('(') && this.peekSymbol(')', 1)) this.index += 2;
        return { kind: 'call', pos, name: token.text, args: [] };
      case 'TRIM':
        if (this.peekSymbol('(', 1)) return this.trim();
        break;
      case 'POSITION':
        if (this.peekSymbol('(', 1)) return this.position();
        break;
      case 'SUBSTRING':
        if (this.peekSymbol('(', 1)) return this.substring();
        break;
      default:
        break;
    }
    if (this.peekSymbol('(', 1) && !NOT_FUNCTIONS.has(token.upper)) return this.call();
    if (RESERVED.has(token.upper)) throw new SqlError(`expected an expression, found ${describe(token)}`, pos);
    return this.column();
  }

  private column(): Expr {
    const first = this.peek();
    const parts = [this.identifier('a column name')];
    const partPos = [first.start];
    while (this.peekSymbol('.') && (this.peek(1).kind === 'word' || this.peek(1).kind === 'quoted')) {
      this.index++;
      partPos.push(this.peek().start);
      parts.push(this.identifier('a field name'));
    }
    return { kind: 'column', pos: first.start, parts, partPos };
  }

  private call(): Expr {
    const name = this.peek();
    this.index += 2;
    const args: Expr[] = [];
    if (this.peekSymbol('*') && this.peekSymbol(')', 1)) {
      throw new SqlError(`${name.text}(*) is an aggregate; aggregate functions are not supported`, name.start);
    }
    if (this.peekWord('DISTINCT')) throw new SqlError('aggregate functions are not supported', name.start);
    if (!this.acceptSymbol(')')) {
      args.push(this.expression());
      while (this.acceptSymbol(',')) args.push(this.expression());
      this.expectSymbol(')', `to close ${name.text}(`);
    }
    return { kind: 'call', pos: name.start, name: name.text, args };
  }

  private caseExpression(): Expr {
    const start = this.peek().start;
    this.index++;
    const operand = this.peekWord('WHEN') ? undefined : this.expression();
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.acceptWord('WHEN')) {
      const when = this.expression();
      const then = this.peek();
      if (!this.acceptWord('THEN')) throw new SqlError(`expected THEN, found ${describe(then)}`, then.start);
      whens.push({ when, then: this.expression() });
    }
    if (whens.length === 0) throw new SqlError(`expected WHEN, found ${describe(this.peek())}`, this.peek().start);
    const otherwise = this.acceptWord('ELSE') ? this.expression() : undefined;
    const end = this.peek();
    if (!this.acceptWord('END')) throw new SqlError(`expected ${otherwise === undefined ? 'WHEN, ELSE or ' : ''}END to close CASE, found ${describe(end)}`, end.start);
    return { kind: 'case', pos: start, operand, whens, otherwise };
  }

  private cast(): Expr {
    const start = this.peek().start;
    this.index += 2;
    const operand = this.expression();
    const as = this.peek();
    if (!this.acceptWord('AS') && !this.acceptSymbol(',')) throw new SqlError(`expected AS and a type in CAST, found ${describe(as)}`, as.start);
    const typeToken = this.peek();
    if (typeToken.kind !== 'word') throw new SqlError(`expected a type name, found ${describe(typeToken)}`, typeToken.start);
    this.index++;
    const type: CastTarget = { name: typeToken.text, args: [], pos: typeToken.start };
    if (this.acceptSymbol('(')) {
      do {
        const number = this.peek();
        if (number.kind !== 'number' || !/^\d+$/.test(number.text)) throw new SqlError(`expected a whole number, found ${describe(number)}`, number.start);
        this.index++;
        type.args.push(Number(number.text));
      } while (this.acceptSymbol(','));
      this.expectSymbol(')', 'after the type arguments');
    }
    this.expectSymbol(')', 'to close CAST(');
    return { kind: 'cast', pos: start, operand, type };
  }

  private extract(): Expr {
    const start = this.peek().start;
    this.index += 2;
    const field = this.peek();
    if (field.kind !== 'word') throw new SqlError(`expected a date-time field such as YEAR, found ${describe(field)}`, field.start);
    this.index++;
    const from = this.peek();
    if (!this.acceptWord('FROM')) throw new SqlError(`expected FROM in EXTRACT, found ${describe(from)}`, from.start);
    const operand = this.expression();
    this.expectSymbol(')', 'to close EXTRACT(');
    return { kind: 'extract', pos: start, field: field.upper, fieldPos: field.start, operand };
  }

  /** `TRIM(x)`, `TRIM(x, chars)` and the standard `TRIM([BOTH | LEADING | TRAILING] [chars] FROM x)`. */
  private trim(): Expr {
    const name = this.peek();
    this.index += 2;
    let which: string | undefined;
    if (this.acceptWord('BOTH')) which = 'TRIM';
    else if (this.acceptWord('LEADING')) which = 'LTRIM';
    else if (this.acceptWord('TRAILING')) which = 'RTRIM';
    if (which !== undefined && this.acceptWord('FROM')) {
      const operand = this.expression();
      this.expectSymbol(')', 'to close TRIM(');
      return { kind: 'call', pos: name.start, name: which, args: [operand] };
    }
    const first = this.expression();
    if (this.acceptWord('FROM')) {
      const operand = this.expression();
      this.expectSymbol(')', 'to close TRIM(');
      return { kind: 'call', pos: name.start, name: which ?? 'TRIM', args: [operand, first] };
    }
    if (which !== undefined) throw new SqlError(`expected FROM in TRIM, found ${describe(this.peek())}`, this.peek().start);
    const args = [first];
    while (this.acceptSymbol(',')) args.push(this.expression());
    this.expectSymbol(')', 'to close TRIM(');
    return { kind: 'call', pos: name.start, name: name.text, args };
  }

  /** `POSITION(search IN text)` besides `POSITION(search, text)`. */
  private position(): Expr {
    const name = this.peek();
    this.index += 2;
    const search = this.concat();
    const args = [search];
    if (this.acceptWord('IN')) args.push(this.expression());
    else while (this.acceptSymbol(',')) args.push(this.expression());
    this.expectSymbol(')', 'to close POSITION(');
    return { kind: 'call', pos: name.start, name: name.text, args };
  }

  /** `SUBSTRING(text FROM start [FOR length])` besides `SUBSTRING(text, start[, length])`. */
  private substring(): Expr {
    const name = this.peek();
    this.index += 2;
    const args = [this.expression()];
    if (this.acceptWord('FROM')) {
      args.push(this.expression());
      if (this.acceptWord('FOR')) args.push(this.expression());
    } else {
      while (this.acceptSymbol(',')) args.push(this.expression());
    }
    this.expectSymbol(')', 'to close SUBSTRING(');
    return { kind: 'call', pos: name.start, name: name.text, args };
  }

  /** A part of the FROM table's name: any word, reserved ones too (`from in`), or a quoted name. */
  private tableName(): string {
    const token = this.peek();
    if (token.kind === 'quoted' || (token.kind === 'word' && token.upper !== 'WHERE')) {
      this.index++;
      return token.text;
    }
    throw new SqlError(`expected the input table name, found ${describe(token)}`, token.start);
  }

  private identifier(what: string): string {
    const token = this.peek();
    if (token.kind === 'quoted' || (token.kind === 'word' && !RESERVED.has(token.upper))) {
      this.index++;
      return token.text;
    }
    throw new SqlError(`expected ${what}, found ${describe(token)}`, token.start);
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private peekWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && token.upper === word;
  }

  private peekSymbol(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'symbol' && token.text === symbol;
  }

  private acceptWord(word: string): boolean {
    if (!this.peekWord(word)) return false;
    this.index++;
    return true;
  }

  private acceptSymbol(symbol: string): boolean {
    if (!this.peekSymbol(symbol)) return false;
    this.index++;
    return true;
  }

  private expectSymbol(symbol: string, why: string): void {
    const token = this.peek();
    if (!this.acceptSymbol(symbol)) throw new SqlError(`expected "${symbol}" ${why}, found ${describe(token)}`, token.start);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the query';
    case 'string':
      return `'${token.text}'`;
    default:
      return `"${token.text}"`;
  }
}
