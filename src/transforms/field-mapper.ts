import { OptionError } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../core/plugin.js';
import type { Column, TableSchema } from '../core/table.js';
import { missingFieldsMessage } from './shared/field-index.js';
import { projectedTable, projectRows } from './shared/output-columns.js';
import { stringMapping } from './shared/string-mapping.js';

/**
 * SeaTunnel's `FieldMapper` transform (`transform/fieldmapper/FieldMapperTransform.java`):
 * `field_mapper { source = output }` keeps only the listed fields, in the order listed, renamed.
 * Every source field must exist (all missing ones are reported at once). Columns keep their type,
 * nullability, default and comment. The primary key and constraint keys survive when all their
 * columns are kept, with their columns renamed (SeaTunnel compares the new names with the old key
 * columns, so it drops a key whose column is renamed; Sluice keeps it under the new name).
 */
export const fieldMapperTransform: TransformPlugin = {
  name: 'FieldMapper',
  type: 'transform',
  description: 'Keeps only the listed fields, in the listed order, under new names.',
  options: [
    {
      key: 'field_mapper',
      type: 'object',
      required: true,
      description: 'The fields to keep, as input field name = output field name, in output order.',
      example: '{ id = id, card = card_number, name = user_name }',
    },
  ],
  validate(options) {
    try {
      mappings(options);
      return [];
    } catch (error) {
      return [{ path: 'field_mapper', message: (error as Error).message }];
    }
  },
  bind: bindFieldMapper,
};

function mappings(options: OptionValues): [string, string][] {
  const pairs = stringMapping('field_mapper', options['field_mapper']);
  const seen = new Set<string>();
  for (const [, output] of pairs) {
    if (seen.has(output)) throw new OptionError('field_mapper', `two fields are mapped to the same output name "${output}"`);
    seen.add(output);
  }
  return pairs;
}

function bindFieldMapper(options: OptionValues, input: TableSchema): BoundTransform {
  const pairs = mappings(options);
  const sources = pairs.map(([source]) => input.columns.findIndex((column) => column.name === source));
  const missing = pairs.filter((_, i) => sources[i] === -1).map(([source]) => source);
  if (missing.length > 0) throw new OptionError('field_mapper', missingFieldsMessage(input, missing));

  const columns: Column[] = pairs.map(([, name], i) => ({ ...(input.columns[sources[i] as number] as Column), name }));
  const output = projectedTable(input, columns, new Map(pairs));
  return { output, map: projectRows(sources as number[]) };
}
