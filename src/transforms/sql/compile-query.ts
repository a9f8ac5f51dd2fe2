import { SluiceError } from '../../core/errors.js';
import type { Row } from '../../core/row.js';
import type { Column, TableSchema } from '../../core/table.js';
import { cloneValue, needsClone } from '../shared/clone-value.js';
import { compileExpression, type ExpressionScope } from './compile-expression.js';
import type { Evaluator } from './operand.js';
import { QueryClock } from './query-clock.js';
import { startOf, type Expr } from './sql-ast.js';
import { deparse } from './sql-deparse.js';
import { positionText, SqlError, SqlEvaluationError } from './sql-error.js';
import { parseQuery } from './sql-parser.js';
import { typeName } from './sql-types.js';

export interface CompiledQuery {
  output: TableSchema;
  /** Maps a batch in place: rows the WHERE condition does not keep are dropped, the others get their new fields. */
  map(rows: Row[]): Row[];
}

interface OutputField {
  column: Column;
  /** The input field copied as it is, or -1 when `evaluate` computes it. */
  copyFrom: number;
  evaluate: Evaluator;
  /** For run-time errors: the expression and where it is. */
  text: string;
  pos: number;
}

/**
 * Compiles a query against its input table once: parses it, resolves and type-checks every
 * expression (throwing SqlError with the position of the problem), derives the output schema,
 * and returns a batch function that runs the compiled closures in one tight loop per batch.
 * Rows keep their kind and table id.
 */
export function compileQuery(query: string, input: TableSchema): CompiledQuery {
  const parsed = parseQuery(query);
  const clock = new QueryClock();
  const tableParts = input.tablePath.split('.');
  const qualifiers = new Set([parsed.table, input.tablePath, tableParts[tableParts.length - 1] as string]);
  const scope: ExpressionScope = { input, qualifiers, clock };

  const fields: OutputField[] = [];
  const seen = new Map<string, number>();
  const copied = new Set<number>();
  const add = (field: OutputField, namePos: number): void => {
    if (seen.has(field.column.name)) {
      throw new SqlError(`the output column "${field.column.name}" appears twice`, namePos, 'give one of them another name with AS');
    }
    seen.set(field.column.name, fields.length);
    // A second copy of a mutable value (bytes, array, map, row) must not share the first one's object.
    if (field.copyFrom >= 0 && needsClone(field.column.type)) {
      const from = field.copyFrom;
      if (copied.has(from)) {
        field.copyFrom = -1;
        field.evaluate = (f) => cloneValue(f[from]);
      } else {
        copied.add(from);
      }
    }
    fields.push(field);
  };

  for (const item of parsed.items) {
    if (item.kind === 'star') {
      if (item.qualifier !== undefined && !qualifiers.has(item.qualifier)) {
        throw new SqlError(`unknown table "${item.qualifier}"`, item.pos, `the query reads ${parsed.table}`);
      }
      input.columns.forEach((column, i) => add({ column: { ...column }, copyFrom: i, evaluate: (f) => f[i], text: column.name, pos: item.pos }, item.pos));
      continue;
    }
    const operand = compileExpression(item.expr, scope);
    const expr = unwrap(item.expr);
    const name = item.alias ?? (expr.kind === 'column' ? (expr.parts[expr.parts.length - 1] as string) : deparse(item.expr));
    const source = operand.columnIndex;
    const column: Column =
      source !== undefined ? { ...(input.columns[source] as Column), name, type: operand.type } : { name, type: operand.type, nullable: true };
    const constantValue = operand.constant ? operand.value : undefined;
    add(
      {
        column,
        copyFrom: source ?? -1,
        evaluate: operand.constant ? () => constantValue : operand.evaluate,
        text: deparse(item.expr),
        pos: startOf(item.expr),
      },
      item.aliasPos ?? item.pos,
    );
  }

  let where: Evaluator | undefined;
  if (parsed.where !== undefined) {
    const condition = compileExpression(parsed.where, scope);
    if (condition.type.kind !== 'boolean' && condition.type.kind !== 'null') {
      throw new SqlError(`WHERE needs a condition (a boolean), got ${typeName(condition.type)}`, startOf(parsed.where));
    }
    where = condition.constant ? (condition.value === true ? undefined : () => false) : condition.evaluate;
  }

  const output = outputTable(input, fields.map((field) => field.column));
  const width = fields.length;
  const copyFrom = Int32Array.from(fields, (field) => field.copyFrom);
  const evaluators = fields.map((field) => field.evaluate);
  const identity = where === undefined && width === input.columns.length && fields.every((field, i) => field.copyFrom === i);
  const whereText = parsed.where === undefined ? '' : `the WHERE condition ${positionText(query, startOf(parsed.where))}`;

  const fail = (error: unknown, item: number, row: Row): never => {
    const what = item < 0 ? whereText : `"${fields[item]?.text}" ${positionText(query, fields[item]?.pos ?? 0)}`;
    const message = error instanceof SqlEvaluationError ? error.message : error instanceof Error ? error.message : String(error);
    throw new SluiceError('PLUGIN_FAILED', `Sql: cannot evaluate ${what} for a row of table ${row.tableId}: ${message}`, { cause: error });
  };

  return {
    output,
    map(rows: Row[]): Row[] {
      if (identity) return rows;
      clock.tick();
      let kept = 0;
      let item = -1;
      let r = 0;
      try {
        for (; r < rows.length; r++) {
          const row = rows[r] as Row;
          const f = row.fields;
          if (where !== undefined) {
            item = -1;
            if (where(f) !== true) continue;
          }
          const out = new Array<unknown>(width);
          for (let i = 0; i < width; i++) {
            const from = copyFrom[i] as number;
            if (from >= 0) {
              out[i] = f[from];
            } else {
              item = i;
              out[i] = (evaluators[i] as Evaluator)(f);
            }
          }
          row.fields = out;
          rows[kept++] = row;
        }
      } catch (error) {
        fail(error, item, rows[r] as Row);
      }
      rows.length = kept;
      return rows;
    },
  };
}

function unwrap(node: Expr): Expr {
  return node.kind === 'paren' ? unwrap(node.inner) : node;
}

/**
 * The output table (SQLTransform.transformTableSchema): the input's path and comment, the
 * selected columns, and the primary and constraint keys whose columns all appear in the output
 * by name.
 */
function outputTable(input: TableSchema, columns: Column[]): TableSchema {
  const { primaryKey, constraintKeys, ...rest } = input;
  const names = new Set(columns.map((column) => column.name));
  const output: TableSchema = { ...rest, columns };
  if (primaryKey !== undefined && primaryKey.columns.every((name) => names.has(name))) output.primaryKey = { ...primaryKey, columns: [...primaryKey.columns] };
  if (constraintKeys !== undefined) output.constraintKeys = constraintKeys.filter((key) => key.columns.every((c) => names.has(c.name)));
  return output;
}
