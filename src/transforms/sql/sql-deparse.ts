import type { Expr } from './sql-ast.js';

/**
 * An expression as text, the way JSqlParser's toString prints it (`age + 1`,
 * `concat(name, '_')`): SeaTunnel names an output column without an alias after this text.
 */
export function deparse(node: Expr): string {
  switch (node.kind) {
    case 'null':
      return 'NULL';
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'string':
      return quote(node.value);
    case 'number':
      return node.text;
    case 'typed':
      return `${node.type} ${quote(node.text)}`;
    case 'column':
      return node.parts.join('.');
    case 'paren':
      return `(${deparse(node.inner)})`;
    case 'unary':
      return node.op === 'NOT' ? `NOT ${deparse(node.operand)}` : `${node.op}${deparse(node.operand)}`;
    case 'binary':
      return `${deparse(node.left)} ${node.op} ${deparse(node.right)}`;
    case 'isNull':
      return `${deparse(node.operand)} IS ${node.not ? 'NOT ' : ''}NULL`;
    case 'in':
      return `${deparse(node.operand)} ${node.not ? 'NOT ' : ''}IN (${node.items.map(deparse).join(', ')})`;
    case 'between':
      return `${deparse(node.operand)} ${node.not ? 'NOT ' : ''}BETWEEN ${deparse(node.low)} AND ${deparse(node.high)}`;
    case 'like':
      return `${deparse(node.operand)} ${node.not ? 'NOT ' : ''}LIKE ${deparse(node.pattern)}${node.escape === undefined ? '' : ` ESCAPE ${deparse(node.escape)}`}`;
    case 'case': {
      const subject = node.operand === undefined ? '' : ` ${deparse(node.operand)}`;
      const whens = node.whens.map((w) => ` WHEN ${deparse(w.when)} THEN ${deparse(w.then)}`).join('');
      const otherwise = node.otherwise === undefined ? '' : ` ELSE ${deparse(node.otherwise)}`;
      return `CASE${subject}${whens}${otherwise} END`;
    }
    case 'cast':
      return `CAST(${deparse(node.operand)} AS ${node.type.name}${node.type.args.length > 0 ? `(${node.type.args.join(', ')})` : ''})`;
    case 'call':
      return /^CURRENT_(DATE|TIME|TIMESTAMP)$/i.test(node.name) && node.args.length === 0 ? node.name : `${node.name}(${node.args.map(deparse).join(', ')})`;
    case 'extract':
      return `EXTRACT(${node.field} FROM ${deparse(node.operand)})`;
  }
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
