import { DATETIME_FORMAT_FUNCTIONS } from './datetime-format-functions.js';
import { DATETIME_FUNCTIONS } from './datetime-functions.js';
import { NUMERIC_FUNCTIONS } from './numeric-functions.js';
import { REGEX_FUNCTIONS } from './regex-functions.js';
import type { SqlFunction } from './sql-function.js';
import { STRING_FUNCTIONS } from './string-functions.js';
import { SYSTEM_FUNCTIONS } from './system-functions.js';

/** Every function of the Sql transform, by upper-case name (aliases included). */
export const SQL_FUNCTIONS: ReadonlyMap<string, SqlFunction> = new Map(
  [...STRING_FUNCTIONS, ...REGEX_FUNCTIONS, ...NUMERIC_FUNCTIONS, ...DATETIME_FUNCTIONS, ...DATETIME_FORMAT_FUNCTIONS, ...SYSTEM_FUNCTIONS].flatMap((fn) => fn.names.map((name) => [name, fn] as const)),
);

/** Aggregates SeaTunnel's Sql transform does not have either: named so the error can say why. */
export const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT', 'STRING_AGG', 'ARRAY_AGG', 'STDDEV', 'VARIANCE']);
