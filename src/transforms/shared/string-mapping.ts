import { OptionError } from '../../core/errors.js';

/**
 * Reads a `{ key = value }` option of field names (Copy's `fields`, FieldMapper's `field_mapper`)
 * as ordered pairs. SeaTunnel reads these as `Map<String, String>` from a flattened config, so a
 * HOCON path key such as `a.b = c` (which the parser nests as `{a: {b: c}}`) names the field `a.b`.
 * Values must be strings: they are field names.
 */
export function stringMapping(option: string, value: unknown): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const example = option === 'field_mapper' ? '{ source_field = new_name }' : '{ new_field = source_field }';
    throw new OptionError(option, `${option} must be an object of field names, like ${example}`);
  }
  const pairs: [string, string][] = [];
  flatten(option, '', value as Record<string, unknown>, pairs);
  return pairs;
}

function flatten(option: string, prefix: string, object: Record<string, unknown>, into: [string, string][]): void {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix + key;
    if (typeof value === 'string') {
      into.push([name, value]);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(option, `${name}.`, value as Record<string, unknown>, into);
    } else {
      throw new OptionError(option, `${option}.${name} must be a field name (a string), got ${JSON.stringify(value)}`);
    }
  }
}
