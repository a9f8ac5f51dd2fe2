import type { ConfigProblem } from '../core/errors.js';
import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Column, TableSchema } from '../core/table.js';
import { missingFieldsMessage } from './shared/field-index.js';
import { projectedTable, projectRows } from './shared/output-columns.js';

/**
 * SeaTunnel's `Filter` transform (`transform/filter/FilterFieldTransform.java`): a projection, not
 * a row filter. Exactly one of `include_fields` (keep these, in this order; older spelling
 * `fields`) or `exclude_fields` (drop these, keep the rest in table order) must be set. Every listed
 * field must exist (all missing ones are reported at once). The primary key and constraint keys
 * survive when all their columns are kept.
 */
export const filterTransform: TransformPlugin = {
  name: 'Filter',
  type: 'transform',
  description: 'Keeps (include_fields) or drops (exclude_fields) columns.',
  options: [
    {
      key: 'include_fields',
      type: 'list',
      elementType: 'string',
      fallbackKeys: ['fields'],
      description: 'The fields to keep, in output order. Set this or exclude_fields.',
      example: '[name, card]',
    },
    {
      key: 'exclude_fields',
      type: 'list',
      elementType: 'string',
      description: 'The fields to drop; the others are kept in table order. Set this or include_fields.',
      example: '[age]',
    },
  ],
  validate: validateFilter,
  bind: bindFilter,
};

function validateFilter(options: OptionValues): ConfigProblem[] {
  const include = options['include_fields'];
  const exclude = options['exclude_fields'];
  if ((include === undefined) === (exclude === undefined)) {
    return [{ path: include === undefined ? 'include_fields' : 'exclude_fields', message: 'set exactly one of include_fields and exclude_fields' }];
  }
  const [key, list] = include !== undefined ? ['include_fields', include] : ['exclude_fields', exclude];
  if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) return [{ path: key, message: `${key} must be a list of field names` }];
  if (key === 'include_fields' && new Set(list).size !== list.length) return [{ path: key, message: 'include_fields lists a field twice' }];
  return [];
}

function bindFilter(options: OptionValues, input: TableSchema): BoundTransform {
  const problem = validateFilter(options)[0];
  if (problem !== undefined) throw new OptionError(problem.path, problem.message);
  const include = options['include_fields'] as string[] | undefined;
  const key = include !== undefined ? 'include_fields' : 'exclude_fields';
  const listed = (include ?? options['exclude_fields']) as string[];
  const missing = listed.filter((name) => input.columns.every((column) => column.name !== name));
  if (missing.length > 0) throw new OptionError(key, missingFieldsMessage(input, missing));

  const kept = include !== undefined
    ? include.map((name) => input.columns.findIndex((column) => column.name === name))
    : input.columns.flatMap((column, i) => (listed.includes(column.name) ? [] : [i]));
  const columns: Column[] = kept.map((i) => ({ ...(input.columns[i] as Column) }));
  const names = new Map(columns.map((column) => [column.name, column.name]));
  const output = projectedTable(input, columns, names);
  return { output, map: projectRows(kept as number[]) };
}
