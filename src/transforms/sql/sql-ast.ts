/**
 * The syntax tree of a Sql transform query. Every node carries `pos`, the offset in the query of
 * the text it was read from, for error messages.
 */
export type Expr =
  | { kind: 'null'; pos: number }
  | { kind: 'boolean'; pos: number; value: boolean }
  | { kind: 'string'; pos: number; value: string }
  | { kind: 'number'; pos: number; text: string }
  /** `DATE '2024-01-31'`, `TIME '12:00:00'`, `TIMESTAMP '2024-01-31 12:00:00'`. */
  | { kind: 'typed'; pos: number; type: 'DATE' | 'TIME' | 'TIMESTAMP'; text: string }
  /** A column, a field of a row column, or a key of a map column: `a`, `t.a`, `c_row.c_inner.x`, `c_map.key`. */
  | { kind: 'column'; pos: number; parts: string[]; partPos: number[] }
  | { kind: 'unary'; pos: number; op: '-' | '+' | 'NOT'; operand: Expr }
  | { kind: 'binary'; pos: number; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'isNull'; pos: number; operand: Expr; not: boolean }
  | { kind: 'in'; pos: number; operand: Expr; items: Expr[]; not: boolean }
  | { kind: 'between'; pos: number; operand: Expr; low: Expr; high: Expr; not: boolean }
  | { kind: 'like'; pos: number; operand: Expr; pattern: Expr; escape: Expr | undefined; not: boolean }
  | { kind: 'case'; pos: number; operand: Expr | undefined; whens: { when: Expr; then: Expr }[]; otherwise: Expr | undefined }
  | { kind: 'cast'; pos: number; operand: Expr; type: CastTarget }
  /** A function call; `name` as written. */
  | { kind: 'call'; pos: number; name: string; args: Expr[] }
  | { kind: 'extract'; pos: number; field: string; fieldPos: number; operand: Expr }
  | { kind: 'paren'; pos: number; inner: Expr };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export interface CastTarget {
  /** As written, e.g. `decimal`, `VARCHAR`. */
  name: string;
  /** Numbers in parentheses: `DECIMAL(10, 2)`, `VARCHAR(20)`. */
  args: number[];
  pos: number;
}

export type SelectItem =
  | { kind: 'star'; pos: number; qualifier: string | undefined }
  | { kind: 'expr'; pos: number; expr: Expr; alias: string | undefined; aliasPos: number | undefined };

export interface SelectQuery {
  items: SelectItem[];
  /** The table after FROM, its dotted parts joined with `.`. */
  table: string;
  tablePos: number;
  where: Expr | undefined;
}

/** Where an expression's text starts (a binary node's own `pos` is its operator). */
export function startOf(node: Expr): number {
  switch (node.kind) {
    case 'binary':
      return startOf(node.left);
    case 'isNull':
    case 'in':
    case 'between':
    case 'like':
      return startOf(node.operand);
    default:
      return node.pos;
  }
}
