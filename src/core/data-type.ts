/**
 * SeaTunnel's data types (docs/en/concept/schema-feature.md). A type is declared in a config as a
 * string (`int`, `"decimal(30, 8)"`, `array<string>`, `map<string, int>`, `{a = int}`) or, for
 * rows, as an object of field name to type. `parseDataType` accepts every form and rejects the rest
 * with a message saying what was expected.
 */
export type PrimitiveTypeName =
  | 'string'
  | 'boolean'
  | 'tinyint'
  | 'smallint'
  | 'int'
  | 'bigint'
  | 'float'
  | 'double'
  | 'null'
  | 'bytes'
  | 'date'
  | 'time'
  | 'timestamp';

export type DataType =
  | { kind: PrimitiveTypeName }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'array'; element: DataType }
  | { kind: 'map'; key: DataType; value: DataType }
  | { kind: 'row'; fields: RowField[] };

export interface RowField {
  name: string;
  type: DataType;
}

const PRIMITIVES = new Set<string>([
  'string', 'boolean', 'tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'null', 'bytes', 'date', 'time', 'timestamp',
]);

/** SeaTunnel accepts a few other spellings for the same types. */
const ALIASES: Record<string, PrimitiveTypeName> = {
  integer: 'int',
  long: 'bigint',
  short: 'smallint',
  byte: 'tinyint',
  bool: 'boolean',
  varchar: 'string',
  text: 'string',
  real: 'float',
  datetime: 'timestamp',
};

export const MAX_DECIMAL_PRECISION = 38;

export class DataTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataTypeError';
  }
}

/** Parses a type declaration; throws DataTypeError with a message that names the bad part. */
export function parseDataType(declaration: unknown): DataType {
  if (typeof declaration === 'string') return new TypeParser(declaration).parseWhole();
  if (declaration !== null && typeof declaration === 'object' && !Array.isArray(declaration)) {
    return rowFromObject(declaration as Record<string, unknown>);
  }
  throw new DataTypeError(`expected a type name such as "int" or "decimal(10, 2)", got ${JSON.stringify(declaration)}`);
}

function rowFromObject(object: Record<string, unknown>): DataType {
  return { kind: 'row', fields: Object.entries(object).map(([name, type]) => ({ name, type: parseDataType(type) })) };
}

class TypeParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseWhole(): DataType {
    const trimmed = this.text.trim();
    // A row may be written as JSON: {"a": "int"}.
    if (trimmed.startsWith('{') && trimmed.includes('"') && trimmed.includes(':')) {
      try {
        return rowFromObject(JSON.parse(trimmed) as Record<string, unknown>);
      } catch {
        // fall through to the HOCON-like form
      }
    }
    const type = this.parseType();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text.slice(this.pos)}"`);
    return type;
  }

  private parseType(): DataType {
    this.skipSpace();
    if (this.peek() === '{') return this.parseRowBody('{', '}');
    const word = this.word();
    if (word === '') this.fail(this.pos >= this.text.length ? 'missing type' : `unexpected "${this.text[this.pos]}"`);
    const name = word.toLowerCase();
    switch (name) {
      case 'decimal':
        return this.parseDecimal();
      case 'array': {
        this.expect('<');
        const element = this.parseType();
        this.expect('>');
        return { kind: 'array', element };
      }
      case 'map': {
        this.expect('<');
        const key = this.parseType();
        this.expect(',');
        const value = this.parseType();
        this.expect('>');
        return { kind: 'map', key, value };
      }
      case 'row':
      case 'struct':
        return this.parseRowBody('<', '>');
      default: {
        const kind = PRIMITIVES.has(name) ? (name as PrimitiveTypeName) : ALIASES[name];
        if (kind === undefined) this.fail(`unknown type "${word}"`);
        return { kind };
      }
    }
  }

  private parseDecimal(): DataType {
    this.skipSpace();
    if (this.peek() !== '(') return { kind: 'decimal', precision: MAX_DECIMAL_PRECISION, scale: 18 };
    this.expect('(');
    const precision = this.integer('precision');
    this.skipSpace();
    if (this.peek() !== ',') this.fail('decimal needs a precision and a scale, e.g. decimal(10, 2)');
    this.expect(',');
    const scale = this.integer('scale');
    this.expect(')');
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION) this.fail(`decimal precision must be 1..${MAX_DECIMAL_PRECISION}, got ${precision}`);
    if (scale > precision) this.fail(`decimal scale ${scale} is larger than its precision ${precision}`);
    return { kind: 'decimal', precision, scale };
  }

  private parseRowBody(open: string, close: string): DataType {
    this.expect(open);
    const fields: RowField[] = [];
    this.skipSpace();
    while (this.peek() !== close) {
      const name = this.fieldName();
      this.skipSpace();
      if (this.peek() === '=' || this.peek() === ':') this.pos++;
      fields.push({ name, type: this.parseType() });
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        this.skipSpace();
      } else if (this.peek() !== close) {
        this.fail(`expected "," or "${close}" in row type`);
      }
    }
    this.pos++;
    return { kind: 'row', fields };
  }

  private fieldName(): string {
    this.skipSpace();
    const quote = this.peek();
    if (quote === '"' || quote === '`') {
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail('unterminated field name');
      const name = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return name;
    }
    const name = this.word();
    if (name === '') this.fail('expected a field name');
    return name;
  }

  private integer(what: string): number {
    this.skipSpace();
    const match = /^\d+/.exec(this.text.slice(this.pos));
    if (match === null) this.fail(`decimal ${what} must be a whole number`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private word(): string {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (match === null) return '';
    this.pos += match[0].length;
    return match[0];
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.peek() !== char) this.fail(`expected "${char}"`);
    this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  private fail(message: string): never {
    throw new DataTypeError(`invalid type "${this.text}": ${message}`);
  }
}

/** The canonical spelling SeaTunnel prints, e.g. `decimal(10, 2)`, `array<string>`, `row<a int>`. */
export function formatDataType(type: DataType): string {
  switch (type.kind) {
    case 'decimal':
      return `decimal(${type.precision}, ${type.scale})`;
    case 'array':
      return `array<${formatDataType(type.element)}>`;
    case 'map':
      return `map<${formatDataType(type.key)}, ${formatDataType(type.value)}>`;
    case 'row':
      return `row<${type.fields.map((f) => `${f.name} ${formatDataType(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

/** SeaTunnel's upper-case SqlType name, as Console prints it in `output rowType`. */
export function sqlTypeName(type: DataType): string {
  switch (type.kind) {
    case 'string': return 'STRING';
    case 'boolean': return 'BOOLEAN';
    case 'tinyint': return 'TINYINT';
    case 'smallint': return 'SMALLINT';
    case 'int': return 'INT';
    case 'bigint': return 'BIGINT';
    case 'float': return 'FLOAT';
    case 'double': return 'DOUBLE';
    case 'null': return 'NULL';
    case 'bytes': return 'BYTES';
    case 'date': return 'DATE';
    case 'time': return 'TIME';
    case 'timestamp': return 'TIMESTAMP';
    case 'decimal': return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'array': return `ARRAY<${sqlTypeName(type.element)}>`;
    case 'map': return `MAP<${sqlTypeName(type.key)}, ${sqlTypeName(type.value)}>`;
    case 'row': return `ROW<${type.fields.map((f) => `${f.name} ${sqlTypeName(f.type)}`).join(', ')}>`;
  }
}

export function sameDataType(a: DataType, b: DataType): boolean {
  return formatDataType(a) === formatDataType(b);
}
