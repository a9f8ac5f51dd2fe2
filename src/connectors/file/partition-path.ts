import { sep } from 'node:path';
import type { DataType } from '../../core/data-type.js';
import { javaString } from '../common/java-text.js';

/**
 * Hive-style partition directories (SeaTunnel's AbstractWriteStrategy.generatorPartitionDir and
 * AbstractReadStrategy.parsePartitionsByPath).
 *
 * Writing: `partition_dir_expression` with `${k0}`, `${v0}`, `${k1}`, `${v1}`, ... replaced by
 * the partition fields' names and their rows' values (SeaTunnel's default, `${k0}=${v0}/...`,
 * means `k0=v0/k1=v1` for however many fields there are). Values are written as Java prints them
 * and escaped as Hive does (`/`, `=`, `%`, `:` and other path-unsafe characters become `%XX`), so
 * a value never adds a directory level or escapes the table directory; NULL and the empty string
 * are Hive's `__HIVE_DEFAULT_PARTITION__` (SeaTunnel fails on NULL).
 *
 * Reading: every path segment of the form `key=value` is a partition; values are unescaped and
 * `__HIVE_DEFAULT_PARTITION__` reads as NULL.
 */
export const DEFAULT_PARTITION_DIR_EXPRESSION = '${k0}=${v0}/${k1}=${v1}/.../${kn}=${vn}/';
export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/** Characters Hive's FileUtils.escapePathName escapes. */
function needsEscape(code: number): boolean {
  return code < 0x20 || code === 0x7f || '"#%\'*/:=?\\{[]^'.includes(String.fromCharCode(code));
}

export function escapePartitionValue(text: string): string {
  if (text === '') return HIVE_DEFAULT_PARTITION;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += needsEscape(code) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : text[i];
  }
  // `.` and `..` are not names a directory can have, and a leading dot would hide the directory from readers.
  if (out === '.' || out === '..') return out.replaceAll('.', '%2E');
  return out.startsWith('.') ? `%2E${out.slice(1)}` : out;
}

export function unescapePartitionValue(text: string): string | null {
  if (text === HIVE_DEFAULT_PARTITION) return null;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A partition value as text: as Java's toString prints the value (LocalDateTime `2024-01-31T10:00`, doubles `1.0`). */
export function partitionText(value: unknown, type: DataType): string | null {
  return value === null || value === undefined ? null : javaString(value, type);
}

/**
 * Compiles `partition_dir_expression` for `fields`: a function from the partition values of a row
 * to its relative directory (`/`-separated, no leading or trailing separator).
 */
export function partitionDirectory(expression: string | undefined, fields: readonly string[]): (values: readonly (string | null)[]) => string {
  const escapedNames = fields.map((name) => escapePartitionValue(name));
  if (expression === undefined || expression.trim() === '' || expression === DEFAULT_PARTITION_DIR_EXPRESSION) {
    return (values) => escapedNames.map((name, i) => `${name}=${escapePartitionValue(values[i] ?? '')}`).join('/');
  }
  return (values) => {
    let dir = expression;
    for (let i = fields.length - 1; i >= 0; i--) {
      dir = dir.replaceAll(`\${k${i}}`, escapedNames[i] as string).replaceAll(`\${v${i}}`, escapePartitionValue(values[i] ?? ''));
    }
    return dir.split('/').filter((part) => part !== '' && part !== '.' && part !== '..').join('/');
  };
}

/** The `key=value` segments of a file path, in path order (the last wins for a repeated key), values unescaped. */
export function partitionsOfPath(path: string): Map<string, string | null> {
  const partitions = new Map<string, string | null>();
  const segments = path.split(sep === '\\' ? /[\\/]/ : '/');
  segments.pop(); // the file name
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const key = unescapePartitionValue(segment.slice(0, eq)) ?? '';
    partitions.set(key, unescapePartitionValue(segment.slice(eq + 1)));
  }
  return partitions;
}
