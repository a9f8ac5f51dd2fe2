import { decimalText } from './exact-decimal.js';
import { constant, type Operand } from './operand.js';
import { decimalType, isInteger } from './sql-types.js';

/** A fraction literal next to a decimal becomes an exact decimal constant (`price * 1.1`). */
function asExactLiteral(operand: Operand): Operand {
  const literal = operand.decimalLiteral;
  if (literal === undefined) return operand;
  return constant(decimalText(literal.unscaled, literal.scale), decimalType(literal.precision, literal.scale), operand.node);
}

export function exactPair(left: Operand, right: Operand): [Operand, Operand] {
  if (left.type.kind === 'decimal') return [left, asExactLiteral(narrowInteger(right))];
  if (right.type.kind === 'decimal') return [asExactLiteral(narrowInteger(left)), right];
  return [left, right];
}

/** An integer literal next to a decimal counts as decimal(its digits, 0), not decimal(10, 0): `price / 3` keeps a small type. */
function narrowInteger(operand: Operand): Operand {
  if (!operand.constant || operand.node.kind !== 'number' || !isInteger(operand.type) || operand.value == null) return operand;
  const digits = String(operand.value).replace('-', '').length;
  return { ...constant(String(operand.value), decimalType(digits, 0), operand.node) };
}

