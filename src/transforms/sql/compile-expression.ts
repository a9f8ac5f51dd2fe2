import { DataTypeError, type DataType } from '../../core/data-type.js';
import { closestNames, orList } from '../../core/suggest.js';
import type { TableSchema } from '../../core/table.js';
import { arithmetic } from './compile-arithmetic.js';
import { between, comparison, comparisonFor, inList } from './compile-predicates.js';
import { parseDecimalText, precisionAndScale } from './exact-decimal.js';
import { exactPair } from './exact-literals.js';
import { extractField } from './functions/datetime-functions.js';
import { AGGREGATES, SQL_FUNCTIONS } from './functions/function-registry.js';
import { compileLike } from './like-pattern.js';
import { convertNow, temporalLiteral } from './literal-coercion.js';
import { nullSafe } from './null-safe.js';
import { constant, derived, type Evaluator, type Operand } from './operand.js';
import type { QueryClock } from './query-clock.js';
import { startOf, type Expr } from './sql-ast.js';
import { CAST_TYPE_NAMES, castConverter, castTargetType, widening } from './sql-convert.js';
import { SqlError, SqlEvaluationError } from './sql-error.js';
import { valueText } from './sql-text.js';
import { BIGINT, BIGINT_MAX, BIGINT_MIN, BOOLEAN, commonType, decimalType, DOUBLE, INT, INT_MAX, INT_MIN, isNumeric, isSmallInteger, NULL_TYPE, STRING, typeName } from './sql-types.js';

/** What expressions are compiled against: the input table and the names a column may be qualified with. */
export interface ExpressionScope {
  input: TableSchema;
  /** The FROM table's name and the input table's path (and its last part): `fake.id` reads `id`. */
  qualifiers: ReadonlySet<string>;
  clock: QueryClock;
}

const SMALL_LIMITS: Record<string, [number, number]> = { tinyint: [-128, 127], smallint: [-32768, 32767], int: [INT_MIN, INT_MAX] };

/**
 * Compiles an expression into an Operand: its SQL type, checked now (errors point at the place in
 * the query), and an evaluator built from closures, with constant parts folded. Semantics follow
 * SeaTunnel's ZetaSQLFunction and ZetaSQLFilter where they are sound; where they lose data or
 * break SQL's three-valued logic, Sluice follows standard SQL (see README.md in this folder).
 */
export function compileExpression(node: Expr, scope: ExpressionScope): Operand {
  switch (node.kind) {
    case 'null':
      return constant(null, NULL_TYPE, node);
    case 'boolean':
      return constant(node.value, BOOLEAN, node);
    case 'string':
      return constant(node.value, STRING, node);
    case 'number':
      return numberLiteral(node);
    case 'typed': {
      const type = node.type === 'DATE' ? { kind: 'date' as const } : node.type === 'TIME' ? { kind: 'time' as const } : { kind: 'timestamp' as const };
      return constant(convertNow(castConverter(STRING, type), node.text, node.pos), type, node);
    }
    case 'column':
      return column(node, scope);
    case 'paren': {
      const inner = compileExpression(node.inner, scope);
      return { ...inner, node };
    }
    case 'unary':
      return node.op === 'NOT' ? not(node, compileExpression(node.operand, scope)) : sign(node, compileExpression(node.operand, scope));
    case 'binary':
      return binary(node, compileExpression(node.left, scope), compileExpression(node.right, scope));
    case 'isNull': {
      const operand = compileExpression(node.operand, scope);
      const read = operand.evaluate;
      const index = operand.columnIndex;
      const evaluate: Evaluator =
        index !== undefined ? (node.not ? (f) => f[index] != null : (f) => f[index] == null) : node.not ? (f) => read(f) != null : (f) => read(f) == null;
      return derived(node, BOOLEAN, evaluate, [operand]);
    }
    case 'in':
      return inList(node, compileExpression(node.operand, scope), node.items.map((item) => compileExpression(item, scope)));
    case 'between':
      return between(node, compileExpression(node.operand, scope), compileExpression(node.low, scope), compileExpression(node.high, scope));
    case 'like':
      return compileLike(node, compileExpression(node.operand, scope), compileExpression(node.pattern, scope), node.escape === undefined ? undefined : compileExpression(node.escape, scope));
    case 'case':
      return caseExpression(node, scope);
    case 'cast':
      return cast(node, compileExpression(node.operand, scope));
    case 'call':
      return call(node, scope);
    case 'extract':
      return extractField(node.field, compileExpression(node.operand, scope), { call: { kind: 'call', pos: node.pos, name: 'EXTRACT', args: [] }, clock: scope.clock }, node.fieldPos);
  }
}

function numberLiteral(node: Extract<Expr, { kind: 'number' }>): Operand {
  const text = node.text;
  if (/^\d+$/.test(text)) {
    const value = BigInt(text);
    if (value <= BigInt(INT_MAX)) return constant(Number(value), INT, node);
    if (value <= BIGINT_MAX) return constant(value, BIGINT, node);
    if (text.replace(/^0+/, '').length <= 38) return constant(value.toString(), decimalType(value.toString().length, 0), node);
    throw new SqlError(`the number ${text} has more than 38 digits`, node.pos);
  }
  const operand = constant(Number(text), DOUBLE, node);
  if (!/[eE]/.test(text)) {
    const parsed = parseDecimalText(text) as { unscaled: bigint; scale: number };
    const { precision, scale } = precisionAndScale(parsed.unscaled, parsed.scale);
    if (precision <= 38) operand.decimalLiteral = { unscaled: parsed.unscaled, precision, scale };
  }
  return operand;
}

function column(node: Extract<Expr, { kind: 'column' }>, scope: ExpressionScope): Operand {
  const columns = scope.input.columns;
  let parts = node.parts;
  let positions = node.partPos;
  let index = columns.findIndex((c) => c.name === parts[0]);
  if (index < 0 && parts.length > 1 && scope.qualifiers.has(parts[0] as string)) {
    parts = parts.slice(1);
    positions = positions.slice(1);
    index = columns.findIndex((c) => c.name === parts[0]);
  }
  if (index < 0) {
    const name = parts[0] as string;
    const names = columns.map((c) => c.name);
    const close = closestNames(name, names);
    const hint = close.length > 0 ? `did you mean ${orList(close)}?` : `the input table ${scope.input.tablePath} has ${names.length === 0 ? 'no columns' : `columns ${names.join(', ')}`}`;
    throw new SqlError(`unknown column "${name}"`, positions[0] as number, hint);
  }
  const top = index;
  let type = (columns[index] as { type: DataType }).type;
  let read: Evaluator = (f) => f[top];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    const pos = positions[i] as number;
    const previous = read;
    if (type.kind === 'row') {
      const fields = type.fields;
      const at = fields.findIndex((field) => field.name === part);
      if (at < 0) {
        const close = closestNames(part, fields.map((field) => field.name));
        throw new SqlError(`unknown field "${part}" of ${parts.slice(0, i).join('.')}`, pos, close.length > 0 ? `did you mean ${orList(close)}?` : `its fields are ${fields.map((field) => field.name).join(', ')}`);
      }
      read = (f) => {
        const row = previous(f) as unknown[] | null;
        return row == null ? null : (row[at] ?? null);
      };
      type = (fields[at] as { type: DataType }).type;
    } else if (type.kind === 'map') {
      if (i !== parts.length - 1) throw new SqlError(`a map key must be the last part of a name: ${parts.slice(0, i + 1).join('.')} is a value of map ${parts.slice(0, i).join('.')}`, positions[i + 1] as number);
      if (type.key.kind !== 'string') throw new SqlError(`${parts.slice(0, i).join('.')} is ${typeName(type)}; only maps with string keys can be read by key`, pos);
      read = (f) => {
        const map = previous(f) as Map<unknown, unknown> | null;
        return map == null ? null : (map.get(part) ?? null);
      };
      type = type.value;
    } else {
      throw new SqlError(`${parts.slice(0, i).join('.')} is ${typeName(type)}, which has no field "${part}"`, pos);
    }
  }
  return { type, evaluate: read, constant: false, node, columnIndex: parts.length === 1 ? top : undefined };
}

function not(node: Expr, operand: Operand): Operand {
  requireBoolean(operand, 'NOT');
  const read = operand.evaluate;
  return derived(node, BOOLEAN, (f) => {
    const v = read(f);
    return v == null ? null : !v;
  }, [operand]);
}

function requireBoolean(operand: Operand, what: string): void {
  if (operand.type.kind !== 'boolean' && operand.type.kind !== 'null') {
    throw new SqlError(`${what} needs a condition (a boolean), got ${typeName(operand.type)}`, startOf(operand.node));
  }
}

function sign(node: Extract<Expr, { kind: 'unary' }>, operand: Operand): Operand {
  const type = operand.type;
  if (!isNumeric(type) && type.kind !== 'null') throw new SqlError(`"${node.op}" needs a number, got ${typeName(type)}`, node.pos);
  if (node.op === '+') return { ...operand, node };
  let negate: (v: unknown) => unknown;
  if (isSmallInteger(type)) {
    const [min] = SMALL_LIMITS[type.kind] as [number, number];
    negate = (v) => {
      if (v === min) throw new SqlEvaluationError(`-(${min}) is out of range for ${type.kind}`);
      return -(v as number) || 0;
    };
  } else if (type.kind === 'bigint') {
    negate = (v) => {
      if (v === BIGINT_MIN) throw new SqlEvaluationError(`-(${BIGINT_MIN}) is out of range for bigint`);
      return -(v as bigint);
    };
  } else if (type.kind === 'decimal') {
    negate = (v) => ((v as string).startsWith('-') ? (v as string).slice(1) : /[1-9]/.test(v as string) ? `-${v as string}` : v);
  } else {
    negate = (v) => -(v as number);
  }
  const read = operand.evaluate;
  const result = derived(node, type, (f) => {
    const v = read(f);
    return v == null ? null : negate(v);
  }, [operand]);
  if (operand.decimalLiteral !== undefined) result.decimalLiteral = { ...operand.decimalLiteral, unscaled: -operand.decimalLiteral.unscaled };
  return result;
}

function binary(node: Extract<Expr, { kind: 'binary' }>, left: Operand, right: Operand): Operand {
  switch (node.op) {
    case 'AND':
    case 'OR':
      return logical(node, left, right);
    case '||':
      return concat(node, left, right);
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparison(node, node.op, left, right);
    default:
      return arithmetic(node, node.op, left, right);
  }
}

/** AND and OR with SQL's three-valued logic: NULL is "unknown". */
function logical(node: Extract<Expr, { kind: 'binary' }>, left: Operand, right: Operand): Operand {
  requireBoolean(left, node.op);
  requireBoolean(right, node.op);
  const l = left.evaluate;
  const r = right.evaluate;
  const evaluate: Evaluator =
    node.op === 'AND'
      ? (f) => {
          const a = l(f);
          if (a === false) return false;
          const b = r(f);
          if (b === false) return false;
          return a == null || b == null ? null : true;
        }
      : (f) => {
          const a = l(f);
          if (a === true) return true;
          const b = r(f);
          if (b === true) return true;
          return a == null || b == null ? null : false;
        };
  return derived(node, BOOLEAN, evaluate, [left, right]);
}

/** `a || b`: the texts joined; NULL if either is NULL (standard SQL; CONCAT skips NULLs). */
function concat(node: Extract<Expr, { kind: 'binary' }>, left: Operand, right: Operand): Operand {
  const text = (operand: Operand): Evaluator => {
    const type = operand.type;
    if (type.kind === 'array' || type.kind === 'map' || type.kind === 'row') throw new SqlError(`"||" joins strings, got ${typeName(type)}`, operand.node.pos);
    if (type.kind === 'string' || type.kind === 'null') return operand.evaluate;
    const read = operand.evaluate;
    return (f) => {
      const v = read(f);
      return v == null ? null : valueText(v, type);
    };
  };
  return derived(node, STRING, nullSafe(left, right, text(left), text(right), (a, b) => (a as string) + (b as string)), [left, right]);
}

function caseExpression(node: Extract<Expr, { kind: 'case' }>, scope: ExpressionScope): Operand {
  const subject = node.operand === undefined ? undefined : compileExpression(node.operand, scope);
  const conditions: Evaluator[] = [];
  const inputs: Operand[] = subject === undefined ? [] : [subject];
  for (const when of node.whens) {
    let value = compileExpression(when.when, scope);
    inputs.push(value);
    if (subject === undefined) {
      requireBoolean(value, 'WHEN');
      conditions.push(value.evaluate);
      continue;
    }
    const [s, v] = exactPair(subject, value);
    value = temporalLiteral(s, v);
    const plan = comparisonFor(s, value, value.node.pos, 'compare');
    const readSubject = s.evaluate;
    const readValue = value.evaluate;
    conditions.push((f) => {
      const a = readSubject(f);
      const b = readValue(f);
      if (a == null || b == null) return null;
      return plan.compare(plan.left === undefined ? a : plan.left(a), plan.right === undefined ? b : plan.right(b)) === 0;
    });
  }
  const results = node.whens.map((when) => compileExpression(when.then, scope));
  if (node.otherwise !== undefined) results.push(compileExpression(node.otherwise, scope));
  let type: DataType = NULL_TYPE;
  for (const result of results) {
    const common = commonType(type, result.type);
    if (common === undefined) throw new SqlError(`CASE results must have one type: ${typeName(type)} and ${typeName(result.type)} do not mix`, result.node.pos);
    type = common;
  }
  const readers = results.map((result): Evaluator => {
    const widen = widening(result.type, type);
    if (widen === undefined) return result.evaluate;
    const read = result.evaluate;
    return (f) => {
      const v = read(f);
      return v == null ? null : widen(v);
    };
  });
  const otherwise = node.otherwise === undefined ? undefined : readers[readers.length - 1];
  const count = conditions.length;
  return derived(node, type, (f) => {
    for (let i = 0; i < count; i++) if ((conditions[i] as Evaluator)(f) === true) return (readers[i] as Evaluator)(f);
    return otherwise === undefined ? null : otherwise(f);
  }, [...inputs, ...results]);
}

function cast(node: Extract<Expr, { kind: 'cast' }>, operand: Operand): Operand {
  let target: DataType | undefined;
  try {
    target = castTargetType(node.type.name, node.type.args);
  } catch (error) {
    if (error instanceof DataTypeError) throw new SqlError(error.message.replace(/^invalid type "[^"]*": /, ''), node.type.pos);
    throw error;
  }
  if (target === undefined) throw new SqlError(`unknown type ${node.type.name} in CAST`, node.type.pos, `use ${CAST_TYPE_NAMES}`);
  const converter = castConverter(operand.type, target);
  if (converter === undefined) throw new SqlError(`cannot CAST ${typeName(operand.type)} to ${typeName(target)}`, node.pos);
  const read = operand.evaluate;
  if (operand.constant) return constant(operand.value == null ? null : convertNow(converter, operand.value, operand.node.pos), target, node);
  return derived(node, target, (f) => {
    const v = read(f);
    return v == null ? null : converter(v);
  }, [operand]);
}

function call(node: Extract<Expr, { kind: 'call' }>, scope: ExpressionScope): Operand {
  const name = node.name.toUpperCase();
  if (AGGREGATES.has(name)) throw new SqlError(`${name} is an aggregate function; aggregation is not supported (the Sql transform maps rows one by one)`, node.pos);
  const fn = SQL_FUNCTIONS.get(name);
  if (fn === undefined) {
    const close = closestNames(name, [...SQL_FUNCTIONS.keys()]);
    throw new SqlError(`unknown function ${node.name}`, node.pos, close.length > 0 ? `did you mean ${orList(close)}?` : undefined);
  }
  const count = node.args.length;
  if (count < fn.minArgs || count > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    throw new SqlError(`${name} takes ${expected} argument${expected === '1' ? '' : 's'}, got ${count}`, node.pos, `write ${fn.signature}`);
  }
  const args = node.args.map((arg) => compileExpression(arg, scope));
  return fn.compile(args, { call: node, clock: scope.clock });
}
