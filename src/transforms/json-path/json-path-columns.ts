import { DataTypeError, parseDataType, type DataType } from '../../core/data-type.js';
import type { ConfigProblem } from '../../core/errors.js';
import { compileJsonPath, type JsonPath } from './json-path-expression.js';

export const ERROR_HANDLE_WAYS = ['FAIL', 'SKIP', 'SKIP_ROW'] as const;
export type ErrorHandleWay = (typeof ERROR_HANDLE_WAYS)[number];

/** One entry of JsonPath's `columns`, checked and compiled. */
export interface JsonPathColumn {
  srcField: string;
  path: JsonPath;
  destField: string;
  destType: DataType;
  /** Undefined: the row's `row_error_handle_way` decides. */
  errorHandleWay: ErrorHandleWay | undefined;
}

const KNOWN_KEYS = new Set(['src_field', 'path', 'dest_field', 'dest_type', 'column_error_handle_way']);

/**
 * Reads `columns` as SeaTunnel's JsonPathTransformConfig does: each entry needs a non-blank
 * `src_field`, `path` and `dest_field`; `dest_type` defaults to `string`; `column_error_handle_way`
 * is FAIL, SKIP or SKIP_ROW (any case). Every problem is reported, with its path
 * (`columns[1].dest_type`); unknown keys are warnings, since SeaTunnel ignores them silently.
 */
export function readJsonPathColumns(value: unknown): { columns: JsonPathColumn[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const columns: JsonPathColumn[] = [];
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ path: 'columns', message: 'columns must be a non-empty list of {src_field, path, dest_field[, dest_type][, column_error_handle_way]}' });
    return { columns, problems };
  }
  value.forEach((entry: unknown, i) => {
    const at = `columns[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ path: at, message: 'expected an object like {src_field = "data", path = "$.a", dest_field = "a"}' });
      return;
    }
    const object = entry as Record<string, unknown>;
    const before = problems.length;
    const text = (key: string): string => {
      const field = object[key];
      if (typeof field !== 'string' || field.trim() === '') {
        problems.push({ path: `${at}.${key}`, message: `${key} is required and must be a non-blank string` });
        return '';
      }
      return field;
    };
    const srcField = text('src_field');
    const pathText = text('path');
    const destField = text('dest_field');
    let path: JsonPath | undefined;
    if (pathText !== '') {
      try {
        path = compileJsonPath(pathText);
      } catch (error) {
        problems.push({ path: `${at}.path`, message: (error as Error).message });
      }
    }
    let destType: DataType = { kind: 'string' };
    if (object['dest_type'] !== undefined) {
      try {
        destType = parseDataType(object['dest_type']);
      } catch (error) {
        if (!(error instanceof DataTypeError)) throw error;
        problems.push({ path: `${at}.dest_type`, message: error.message });
      }
    }
    let errorHandleWay: ErrorHandleWay | undefined;
    const way = object['column_error_handle_way'];
    if (way !== undefined) {
      errorHandleWay = ERROR_HANDLE_WAYS.find((name) => typeof way === 'string' && name === way.toUpperCase());
      if (errorHandleWay === undefined) {
        problems.push({ path: `${at}.column_error_handle_way`, message: `expected one of ${ERROR_HANDLE_WAYS.join(', ')}, got ${JSON.stringify(way)}` });
      }
    }
    for (const key of Object.keys(object)) {
      if (!KNOWN_KEYS.has(key)) {
        problems.push({ path: `${at}.${key}`, message: `unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')}); it is ignored`, severity: 'warning' });
      }
    }
    if (problems.slice(before).some((p) => p.severity !== 'warning') || path === undefined) return;
    columns.push({ srcField, path, destField, destType, errorHandleWay });
  });
  return { columns, problems };
}
