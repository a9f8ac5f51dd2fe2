/**
 * A problem with the query text, found at bind time, at `offset` (0-based, in UTF-16 units of the
 * query). `hint` follows the position in the message (`did you mean name?`).
 */
export class SqlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SqlError';
  }
}

/**
 * A failure while evaluating a row (division by zero, overflow, a value that does not parse).
 * The transform adds which expression failed and where it is in the query.
 */
export class SqlEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlEvaluationError';
  }
}

/** `at line 1, column 8` for an offset into `text` (both 1-based, columns in characters). */
export function positionText(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `at line ${line}, column ${offset - lineStart + 1}`;
}

/** The message a user sees for a SqlError: `unknown column "nme" at line 1, column 8; did you mean name?` */
export function describeSqlError(query: string, error: SqlError): string {
  const hint = error.hint === undefined ? '' : `; ${error.hint}`;
  return `${error.message} ${positionText(query, error.offset)}${hint}`;
}
