import type { DataType } from '../../core/data-type.js';
import { javaDoubleToString, javaFloatToString } from '../shared/java-number-format.js';

/**
 * The JSON tree JsonPath works on. Objects are Maps (insertion order, any key, no prototype keys),
 * arrays are arrays, strings/booleans/null are themselves, and numbers keep their source text, so
 * that a bigint or a decimal is never rounded through a double on the way to its column.
 */
export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | Map<string, JsonNode>;

/**
 * A JSON number as written. `integral` numbers (no fraction, no exponent) are what json-smart, the
 * parser behind SeaTunnel's JsonPath, reads as Integer/Long/BigInteger. The others it reads as a
 * Double when their text is at most 18 characters long and as a BigDecimal beyond that; `isDouble`
 * says which, because SeaTunnel's conversions treat the two differently.
 */
export class JsonNumber {
  readonly integral: boolean;
  readonly isDouble: boolean;

  constructor(readonly text: string) {
    this.integral = !/[.eE]/.test(text);
    this.isDouble = !this.integral && text.length <= 18;
  }
}

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/**
 * Parses JSON text (RFC 8259; json-smart's permissive extras such as single quotes or unquoted
 * strings are not accepted). Throws JsonSyntaxError.
 */
export function parseJson(text: string): JsonNode {
  const parser = new Parser(text);
  parser.space();
  const value = parser.value();
  parser.space();
  if (parser.pos < text.length) parser.fail('unexpected text after the JSON value');
  return value;
}

class Parser {
  pos = 0;

  constructor(private readonly text: string) {}

  value(): JsonNode {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object();
      case 0x5b: // [
        return this.array();
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.word('true', true);
      case 0x66: // f
        return this.word('false', false);
      case 0x6e: // n
        return this.word('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail(this.pos >= this.text.length ? 'unexpected end of JSON' : 'unexpected character');
    }
  }

  private object(): Map<string, JsonNode> {
    const object = new Map<string, JsonNode>();
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return object;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail('expected a quoted property name');
      const key = this.string();
      this.space();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail('expected ":"');
      this.pos++;
      this.space();
      object.set(key, this.value());
      this.space();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x7d) return object;
      if (c !== 0x2c) this.fail('expected "," or "}"');
      this.space();
    }
  }

  private array(): JsonNode[] {
    const array: JsonNode[] = [];
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.value());
      this.space();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x5d) return array;
      if (c !== 0x2c) this.fail('expected "," or "]"');
      this.space();
    }
  }

  private string(): string {
    const start = ++this.pos;
    // Fast path: no escapes.
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) return this.text.slice(start, this.pos++);
      if (c === 0x5c) break;
      if (c < 0x20 || Number.isNaN(c)) this.fail('unterminated string or raw control character in string');
      this.pos++;
    }
    let out = this.text.slice(start, this.pos);
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        return out;
      }
      if (c < 0x20 || Number.isNaN(c)) this.fail('unterminated string or raw control character in string');
      if (c !== 0x5c) {
        out += this.text[this.pos++];
        continue;
      }
      const e = this.text[this.pos + 1];
      this.pos += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = this.text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail('bad escape in string');
      }
    }
  }

  private number(): JsonNumber {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (found === null) return this.fail('bad number');
    this.pos += found[0].length;
    return new JsonNumber(found[0]);
  }

  private word<T extends JsonNode>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail('unexpected character');
    this.pos += word.length;
    return value;
  }

  space(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  fail(message: string): never {
    throw new JsonSyntaxError(`invalid JSON at offset ${this.pos}: ${message}`);
  }
}

/**
 * Jackson's `JsonNode.asText()` of a scalar, which SeaTunnel's converters parse: numbers as Java
 * prints them (a double as `Double.toString`), containers as the empty string.
 */
export function asText(node: JsonNode): string {
  if (typeof node === 'string') return node;
  if (node === null) return 'null';
  if (typeof node === 'boolean') return node ? 'true' : 'false';
  if (node instanceof JsonNumber) return numberText(node);
  return '';
}

function numberText(node: JsonNumber): string {
  if (node.integral) return node.text === '-0' ? '0' : node.text;
  if (node.isDouble) return javaDoubleToString(Number(node.text));
  return node.text; // a BigDecimal: its text (exponent forms aside, what BigDecimal.toString gives)
}

/** Compact JSON as Jackson writes it (`JsonNode.toString()`), the string form of a container. */
export function writeJson(node: JsonNode): string {
  if (node === null) return 'null';
  if (typeof node === 'string') return quote(node);
  if (typeof node === 'boolean') return node ? 'true' : 'false';
  if (node instanceof JsonNumber) return numberText(node);
  if (Array.isArray(node)) {
    let out = '[';
    for (let i = 0; i < node.length; i++) out += (i === 0 ? '' : ',') + writeJson(node[i] as JsonNode);
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  for (const [key, value] of node) {
    out += `${first ? '' : ','}${quote(key)}:${writeJson(value)}`;
    first = false;
  }
  return `${out}}`;
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** Jackson's string escaping: the short escapes, other control characters as upper-case `\u00XX`. */
function quote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20) out += text[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${out}"`;
}

/**
 * The JSON tree of a column value of `type`, as SeaTunnel hands non-string sources to JsonPath
 * (Jackson-serialized): arrays and maps as JSON, a row as the array of its field values, bytes as
 * base64, floating-point numbers as Java prints them, bigints and decimals as exact numbers, dates
 * and times as ISO strings. Map keys become strings.
 */
export function valueToJsonNode(type: DataType, value: unknown): JsonNode {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'string':
    case 'date':
    case 'time':
    case 'timestamp':
      return String(value);
    case 'boolean':
      return value === true;
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return new JsonNumber(String(value));
    case 'float':
    case 'double': {
      const number = value as number;
      if (!Number.isFinite(number)) return String(number); // Jackson quotes NaN and Infinity
      return new JsonNumber(type.kind === 'float' ? javaFloatToString(number) : javaDoubleToString(number));
    }
    case 'decimal':
      return new JsonNumber(String(value));
    case 'null':
      return null;
    case 'bytes':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'array':
      return (value as unknown[]).map((item) => valueToJsonNode(type.element, item));
    case 'map': {
      const object = new Map<string, JsonNode>();
      for (const [key, item] of value as Map<unknown, unknown>) {
        object.set(mapKeyText(type.key, key), valueToJsonNode(type.value, item));
      }
      return object;
    }
    case 'row':
      return type.fields.map((field, i) => valueToJsonNode(field.type, (value as unknown[])[i]));
  }
}

function mapKeyText(type: DataType, key: unknown): string {
  const node = valueToJsonNode(type, key);
  return typeof node === 'string' ? node : node === null ? 'null' : writeJson(node);
}
