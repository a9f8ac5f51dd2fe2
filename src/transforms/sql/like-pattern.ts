import { derived, type Operand } from './operand.js';
import type { Expr } from './sql-ast.js';
import { SqlError, SqlEvaluationError } from './sql-error.js';
import { BOOLEAN, typeName } from './sql-types.js';
import { textCache } from './functions/sql-regex.js';

/**
 * `x [NOT] LIKE pattern [ESCAPE 'c']`: `%` matches any run of characters (newlines too), `_` one
 * character, the escape character (a backslash unless ESCAPE says otherwise; ESCAPE '' turns
 * escaping off) makes the next one literal. Case-sensitive, the whole string must match; NULL
 * when x or the pattern is NULL. (SeaTunnel turns the pattern into a Java regex without escaping
 * its other characters, so `.` or `(` in a pattern misbehave there; Sluice matches them literally.)
 */
export function compileLike(node: Extract<Expr, { kind: 'like' }>, operand: Operand, pattern: Operand, escape: Operand | undefined): Operand {
  for (const side of [operand, pattern]) {
    if (side.type.kind !== 'string' && side.type.kind !== 'null') throw new SqlError(`LIKE needs strings, got ${typeName(side.type)}`, side.node.pos);
  }
  let escapeChar: string | undefined = '\\';
  if (escape !== undefined) {
    if (!escape.constant || (escape.value !== null && typeof escape.value !== 'string')) throw new SqlError('ESCAPE needs a constant string', escape.node.pos);
    const text = (escape.value ?? '') as string;
    if (text.length > 1) throw new SqlError(`ESCAPE needs one character, got '${text}'`, escape.node.pos);
    escapeChar = text === '' ? undefined : text;
  }
  const not = node.not;
  const read = operand.evaluate;
  if (pattern.constant) {
    if (pattern.value == null) return derived(node, BOOLEAN, () => null, [operand, pattern]);
    let match: (text: string) => boolean;
    try {
      match = likeMatcher(pattern.value as string, escapeChar);
    } catch (error) {
      if (error instanceof SqlEvaluationError) throw new SqlError(error.message, pattern.node.pos);
      throw error;
    }
    return derived(node, BOOLEAN, (f) => {
      const v = read(f);
      return v == null ? null : match(v as string) !== not;
    }, [operand, pattern]);
  }
  const readPattern = pattern.evaluate;
  const matchers = textCache((text) => likeMatcher(text, escapeChar));
  return derived(node, BOOLEAN, (f) => {
    const v = read(f);
    if (v == null) return null;
    const p = readPattern(f);
    return p == null ? null : matchers(p as string)(v as string) !== not;
  }, [operand, pattern]);
}

/** A matcher for a LIKE pattern; plain prefixes, suffixes and infixes skip the regex engine. */
export function likeMatcher(pattern: string, escape: string | undefined): (text: string) => boolean {
  const parts: ({ kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' })[] = [];
  let literal = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (escape !== undefined && c === escape) {
      const next = pattern[i + 1];
      if (next === undefined) throw new SqlEvaluationError(`the LIKE pattern '${pattern}' ends with its escape character`);
      literal += next;
      i++;
    } else if (c === '%' || c === '_') {
      if (literal !== '') parts.push({ kind: 'text', text: literal });
      literal = '';
      const last = parts[parts.length - 1];
      if (c === '%' && last?.kind === 'any') continue;
      parts.push(c === '%' ? { kind: 'any' } : { kind: 'one' });
    } else {
      literal += c;
    }
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  const kinds = parts.map((p) => p.kind).join(',');
  const texts = parts.filter((p): p is { kind: 'text'; text: string } => p.kind === 'text').map((p) => p.text);
  switch (kinds) {
    case '':
      return (text) => text === '';
    case 'text':
      return (text) => text === texts[0];
    case 'any':
      return () => true;
    case 'text,any':
      return (text) => text.startsWith(texts[0] as string);
    case 'any,text':
      return (text) => text.endsWith(texts[0] as string);
    case 'any,text,any':
      return (text) => text.includes(texts[0] as string);
    default: {
      const source = parts.map((p) => (p.kind === 'any' ? '[\\s\\S]*' : p.kind === 'one' ? '[\\s\\S]' : p.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
      const regex = new RegExp(`^${source}$`, 'u');
      return (text) => regex.test(text);
    }
  }
}
