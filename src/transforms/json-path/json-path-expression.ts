import { JsonNumber, type JsonNode } from './json-node.js';

/**
 * The JSONPath subset SeaTunnel jobs use, with Jayway JsonPath's semantics (SeaTunnel's JsonPath
 * transform runs `com.jayway.jsonpath.JsonPath.read` with its default configuration):
 *
 * - `$` the document; a path not starting with `$` gets `$.` put in front, as Jayway does.
 * - `.name`, `['name']`, `["name"]`: a property. `['a','b']` as the last step yields an object of
 *   those properties; elsewhere it fans out.
 * - `[n]` (negative counts from the end), `[n,m]`, `[from:to]`, `[from:]`, `[:to]`: array elements.
 * - `.*`, `[*]`: every element of an array or every value of an object.
 * - `..name`, `..*`, `..[n]`: deep scan.
 *
 * A path is *definite* when every step selects at most one node (properties and single indexes).
 * A definite path yields its one node, and reading it fails when nothing is there: a missing last
 * property or out-of-range index ("No results for path"), or a missing / non-object / non-array
 * step along the way. Any other path yields an array of every node found, possibly empty, and
 * missing parts are skipped. These failures are data errors, handled by the error-handling options.
 *
 * Filters (`[?(@.price > 10)]`) and functions (`.length()`) are refused when the path is compiled.
 */
export interface JsonPath {
  readonly text: string;
  readonly definite: boolean;
  readonly tokens: readonly PathToken[];
}

export type PathToken =
  | { kind: 'property'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; from: number | undefined; to: number | undefined }
  | { kind: 'wildcard' }
  | { kind: 'scan' };

/** Nothing at a definite path, or a step that does not fit the document (Jayway's PathNotFoundException). */
export class JsonPathMiss extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathMiss';
  }
}

/** Compiles a path; throws an Error saying what is wrong or unsupported. */
export function compileJsonPath(path: string): JsonPath {
  let text = path.trim();
  if (text === '') throw new Error('the path is empty');
  if (text.startsWith('@')) throw new Error('a path must start with "$"');
  if (!text.startsWith('$')) text = `$.${text}`;
  const tokens = new PathParser(text).parse();
  const definite = tokens.every((token, i) =>
    (token.kind === 'property' && (token.names.length === 1 || i === tokens.length - 1)) ||
    (token.kind === 'index' && token.indexes.length === 1));
  return { text, definite, tokens };
}

class PathParser {
  private pos = 1; // after `$`
  private readonly tokens: PathToken[] = [];

  constructor(private readonly text: string) {}

  parse(): PathToken[] {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '.') {
        if (this.text[this.pos + 1] === '.') {
          this.pos += 2;
          this.tokens.push({ kind: 'scan' });
          if (this.pos >= this.text.length) this.fail('a path must not end with ".."');
          if (this.text[this.pos] === '[') {
            this.bracket();
            continue;
          }
        } else {
          this.pos++;
          if (this.pos >= this.text.length) this.fail('a path must not end with "."');
        }
        this.dotStep();
      } else if (c === '[') {
        this.bracket();
      } else {
        this.fail(`unexpected "${c}"`);
      }
    }
    return this.tokens;
  }

  private dotStep(): void {
    if (this.text[this.pos] === '*') {
      this.pos++;
      this.tokens.push({ kind: 'wildcard' });
      return;
    }
    let end = this.pos;
    while (end < this.text.length && this.text[end] !== '.' && this.text[end] !== '[') end++;
    const name = this.text.slice(this.pos, end);
    if (name === '') this.fail('empty property name');
    if (name.includes('(')) this.fail(`functions such as ${name} are not supported`);
    this.pos = end;
    this.tokens.push({ kind: 'property', names: [name] });
  }

  private bracket(): void {
    const start = this.pos;
    this.pos++; // [
    this.space();
    const c = this.text[this.pos];
    if (c === '?' || c === '(') this.fail('filter expressions ([?(...)]) are not supported');
    if (c === '*') {
      this.pos++;
      this.close(start);
      this.tokens.push({ kind: 'wildcard' });
      return;
    }
    if (c === "'" || c === '"') {
      const names: string[] = [];
      for (;;) {
        names.push(this.quoted());
        this.space();
        if (this.text[this.pos] !== ',') break;
        this.pos++;
        this.space();
      }
      this.close(start);
      this.tokens.push({ kind: 'property', names });
      return;
    }
    const end = this.text.indexOf(']', this.pos);
    if (end < 0) this.fail('unclosed "["');
    const body = this.text.slice(this.pos, end).replace(/\s+/g, '');
    this.pos = end + 1;
    const slice = /^(-?\d+)?:(-?\d+)?(?::\d*)?$/.exec(body);
    if (slice !== null) {
      if (body.split(':').length > 2) this.fail('slice steps ([a:b:c]) are not supported');
      const from = slice[1] === undefined ? undefined : Number(slice[1]);
      const to = slice[2] === undefined ? undefined : Number(slice[2]);
      if (from === undefined && to === undefined) this.fail('a slice needs a start or an end');
      this.tokens.push({ kind: 'slice', from, to });
      return;
    }
    if (!/^-?\d+(?:,-?\d+)*$/.test(body)) this.fail(`unsupported array selector [${body}]`);
    this.tokens.push({ kind: 'index', indexes: body.split(',').map(Number) });
  }

  private quoted(): string {
    const quote = this.text[this.pos];
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) this.pos++;
      out += this.text[this.pos];
      this.pos++;
    }
    if (this.pos >= this.text.length) this.fail('unterminated quoted property name');
    this.pos++;
    return out;
  }

  private close(start: number): void {
    this.space();
    if (this.text[this.pos] !== ']') this.fail(`expected "]" to close the "[" at ${start}`);
    this.pos++;
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  private fail(message: string): never {
    throw new Error(`invalid JSONPath ${JSON.stringify(this.text)}: ${message}`);
  }
}

/**
 * Reads `path` from `document`: the node for a definite path, else an array of the nodes found.
 * Throws JsonPathMiss as Jayway throws PathNotFoundException.
 */
export function readJsonPath(path: JsonPath, document: JsonNode): JsonNode {
  const found: JsonNode[] = [];
  step(path, 0, document, true, found);
  if (!path.definite) return found;
  if (found.length === 0) throw new JsonPathMiss(`no results for path ${path.text}`);
  return found[0] as JsonNode;
}

function step(path: JsonPath, i: number, node: JsonNode, upstreamDefinite: boolean, found: JsonNode[]): void {
  const tokens = path.tokens;
  if (i === tokens.length) {
    found.push(node);
    return;
  }
  const token = tokens[i] as PathToken;
  const leaf = i === tokens.length - 1;
  switch (token.kind) {
    case 'property': {
      if (!(node instanceof Map)) {
        if (upstreamDefinite) throw new JsonPathMiss(`expected an object at ${describeStep(path, i)}, found ${describe(node)}`);
        return;
      }
      if (token.names.length === 1) {
        const value = node.get(token.names[0] as string);
        if (value === undefined) {
          if (!leaf && upstreamDefinite) throw new JsonPathMiss(`missing property at ${describeStep(path, i)}`);
          return;
        }
        step(path, i + 1, value, upstreamDefinite, found);
      } else if (leaf) {
        const merged = new Map<string, JsonNode>();
        for (const name of token.names) {
          const value = node.get(name);
          if (value !== undefined) merged.set(name, value);
        }
        found.push(merged);
      } else {
        for (const name of token.names) {
          const value = node.get(name);
          if (value !== undefined) step(path, i + 1, value, false, found);
        }
      }
      return;
    }
    case 'index': {
      if (!Array.isArray(node)) {
        if (upstreamDefinite) throw new JsonPathMiss(`expected an array at ${describeStep(path, i)}, found ${describe(node)}`);
        return;
      }
      const definite = upstreamDefinite && token.indexes.length === 1;
      for (const index of token.indexes) {
        const at = index < 0 ? node.length + index : index;
        if (at >= 0 && at < node.length) step(path, i + 1, node[at] as JsonNode, definite, found);
      }
      return;
    }
    case 'slice': {
      if (!Array.isArray(node)) {
        if (upstreamDefinite) throw new JsonPathMiss(`expected an array at ${describeStep(path, i)}, found ${describe(node)}`);
        return;
      }
      const [from, to] = sliceBounds(token.from, token.to, node.length);
      for (let at = from; at < to; at++) step(path, i + 1, node[at] as JsonNode, false, found);
      return;
    }
    case 'wildcard':
      if (Array.isArray(node)) {
        for (const item of node) step(path, i + 1, item, false, found);
      } else if (node instanceof Map) {
        for (const value of node.values()) step(path, i + 1, value, false, found);
      }
      return;
    case 'scan':
      scan(path, i + 1, node, found);
      return;
  }
}

/** Applies the steps from `i` on every container below and including `node`, in document order. */
function scan(path: JsonPath, i: number, node: JsonNode, found: JsonNode[]): void {
  if (Array.isArray(node)) {
    step(path, i, node, false, found);
    for (const item of node) scan(path, i, item, found);
  } else if (node instanceof Map) {
    step(path, i, node, false, found);
    for (const value of node.values()) scan(path, i, value, found);
  }
}

/** Jayway's slice rules: `[from:]` and `[:to]` count negatives from the end, `[from:to]` does not. */
function sliceBounds(from: number | undefined, to: number | undefined, length: number): [number, number] {
  if (to === undefined) {
    const start = Math.max(0, from !== undefined && from < 0 ? length + from : (from ?? 0));
    return [start, length];
  }
  if (from === undefined) return [0, Math.min(length, to < 0 ? length + to : to)];
  return [Math.max(0, from), Math.min(length, to)];
}

function describeStep(path: JsonPath, i: number): string {
  const token = path.tokens[i] as PathToken;
  switch (token.kind) {
    case 'property': return `['${token.names.join("','")}']`;
    case 'index': return `[${token.indexes.join(',')}]`;
    default: return `step ${i + 1}`;
  }
}

function describe(node: JsonNode): string {
  if (node === null) return 'null';
  if (Array.isArray(node)) return 'an array';
  if (node instanceof Map) return 'an object';
  if (node instanceof JsonNumber) return 'a number';
  return typeof node === 'string' ? 'a string' : 'a boolean';
}
