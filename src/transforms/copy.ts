import type { ConfigProblem } from '../core/errors.js';
import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Row } from '../core/row.js';
import type { Column, TableSchema } from '../core/table.js';
import { cloneValue, needsClone } from './shared/clone-value.js';
import { fieldIndex, missingFieldsMessage } from './shared/field-index.js';
import { placeOutputColumns } from './shared/output-columns.js';
import { stringMapping } from './shared/string-mapping.js';

/**
 * SeaTunnel's `Copy` transform (`transform/copy/CopyFieldTransform.java`, `CopyTransformConfig.java`):
 * `fields { new_field = source_field }` copies each source field into a new column of the same
 * type (and nullability, default and comment), appended in the order written. A new name equal to
 * an existing column overwrites that column, taking the source's type, as SeaTunnel's
 * MultipleFieldOutputTransform does. Container values (bytes, arrays, maps, rows) are deep-copied
 * so the two columns never share a mutable value.
 *
 * The deprecated single-copy form `src_field` + `dest_field` is still accepted; when `fields` is
 * also given, `fields` wins (as in SeaTunnel).
 */
export const copyTransform: TransformPlugin = {
  name: 'Copy',
  type: 'transform',
  description: 'Copies fields into new columns of the same type.',
  options: [
    {
      key: 'fields',
      type: 'object',
      description: 'The copies to make, as new field name = source field name, in output order.',
      example: '{ name1 = name, age1 = age }',
    },
    {
      key: 'src_field',
      type: 'string',
      description: 'Deprecated: the field to copy (with dest_field). Use fields instead.',
      example: 'name',
    },
    {
      key: 'dest_field',
      type: 'string',
      description: 'Deprecated: the name of the copy of src_field. Use fields instead.',
      example: 'name1',
    },
  ],
  validate: validateCopy,
  bind: bindCopy,
};

function validateCopy(options: OptionValues): ConfigProblem[] {
  const hasFields = options['fields'] !== undefined;
  const hasSrc = options['src_field'] !== undefined;
  const hasDest = options['dest_field'] !== undefined;
  if (hasFields) {
    const problems: ConfigProblem[] = [];
    try {
      stringMapping('fields', options['fields']);
    } catch (error) {
      problems.push({ path: 'fields', message: (error as Error).message });
    }
    if (hasSrc || hasDest) problems.push({ path: 'src_field', message: 'src_field/dest_field are ignored when fields is set', severity: 'warning' });
    return problems;
  }
  if (hasSrc && hasDest) return [];
  if (hasSrc || hasDest) return [{ path: hasSrc ? 'dest_field' : 'src_field', message: 'src_field and dest_field must be given together (or use fields)' }];
  return [{ path: 'fields', message: 'fields is required, like fields { name1 = name }' }];
}

/** The copies to make as [new name, source name] pairs, from `fields` or the legacy pair. */
function copies(options: OptionValues): [string, string][] {
  const problem = validateCopy(options).find((p) => p.severity !== 'warning');
  if (problem !== undefined) throw new OptionError(problem.path, problem.message);
  if (options['fields'] !== undefined) return stringMapping('fields', options['fields']);
  return [[options['dest_field'] as string, options['src_field'] as string]];
}

function bindCopy(options: OptionValues, input: TableSchema): BoundTransform {
  const pairs = copies(options);
  const legacy = options['fields'] === undefined;
  const missing = pairs.map(([, source]) => source).filter((source) => input.columns.every((column) => column.name !== source));
  if (missing.length > 0) throw new OptionError(legacy ? 'src_field' : 'fields', missingFieldsMessage(input, [...new Set(missing)]));

  const sources = pairs.map(([, source]) => fieldIndex(input, 'fields', source));
  const added: Column[] = pairs.map(([name], i) => ({ ...(input.columns[sources[i] as number] as Column), name }));
  const placed = placeOutputColumns(input, added);
  const clone = added.map((column) => needsClone(column.type));
  const values = new Array<unknown>(pairs.length);
  const { targets } = placed;

  return {
    output: placed.output,
    map(rows: Row[]): Row[] {
      for (let r = 0; r < rows.length; r++) {
        const fields = (rows[r] as Row).fields;
        // Read every source before writing: a copy may overwrite another copy's source.
        for (let i = 0; i < sources.length; i++) {
          const value = fields[sources[i] as number];
          values[i] = clone[i] ? cloneValue(value) : value;
        }
        for (let i = 0; i < targets.length; i++) fields[targets[i] as number] = values[i];
      }
      return rows;
    },
  };
}
