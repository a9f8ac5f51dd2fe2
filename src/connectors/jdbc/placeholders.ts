import type { DatabaseKind } from './jdbc-url.js';

/**
 * Placeholders of a user's sink `query`: JDBC's `?` (bound to the row's fields in order) and
 * SeaTunnel's named `:field` (bound by field name, FieldNamedPreparedStatement). Quoted text,
 * quoted identifiers, comments and PostgreSQL casts (`::int`) are skipped.
 */
export interface Placeholder {
  start: number;
  end: number;
  /** The field name of a `:name` placeholder; undefined for `?`. */
  name: string | undefined;
}

export function findPlaceholders(sql: string, kind: DatabaseKind): Placeholder[] {
  const found: Placeholder[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || (c === '`' && kind === 'mysql')) {
      i = skipQuoted(sql, i, c, kind);
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === '$' && kind === 'postgresql' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? sql.length : end + tag.length;
    } else if (c === '?') {
      found.push({ start: i, end: i + 1, name: undefined });
      i++;
    } else if (c === ':' && sql[i + 1] === ':') {
      i += 2;
    } else if (c === ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '') && sql[i - 1] !== ':') {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      found.push({ start: i, end: i + 1 + match[0].length, name: match[0] });
      i += 1 + match[0].length;
    } else {
      i++;
    }
  }
  return found;
}

function skipQuoted(sql: string, start: number, quote: string, kind: DatabaseKind): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '\\' && kind === 'mysql' && quote !== '`') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return i;
}

/** `sql` with its placeholders replaced, in order, by `literals`. */
export function substitutePlaceholders(sql: string, literals: readonly string[], kind: DatabaseKind, placeholders = findPlaceholders(sql, kind)): string {
  let out = '';
  let at = 0;
  placeholders.forEach((placeholder, i) => {
    out += sql.slice(at, placeholder.start) + (literals[i] ?? 'NULL');
    at = placeholder.end;
  });
  return out + sql.slice(at);
}
