import { constant, type Operand } from './operand.js';
import { castConverter } from './sql-convert.js';
import { SqlError, SqlEvaluationError } from './sql-error.js';
import { isTemporal, STRING } from './sql-types.js';

/** Runs a converter on a literal now, turning a failure into an error at the literal. */
export function convertNow(converter: ((v: unknown) => unknown) | undefined, value: unknown, pos: number): unknown {
  try {
    return converter === undefined ? value : converter(value);
  } catch (error) {
    if (error instanceof SqlEvaluationError) throw new SqlError(error.message, pos);
    throw error;
  }
}

/** A string literal compared with a date, time or timestamp is read as one (`d > '2024-01-31'`). */
export function temporalLiteral(other: Operand, operand: Operand): Operand {
  if (!isTemporal(other.type) || operand.type.kind !== 'string' || !operand.constant || operand.value === null) return operand;
  return constant(convertNow(castConverter(STRING, other.type), operand.value, operand.node.pos), other.type, operand.node);
}


