import type { DataType } from '../../src/core/data-type.js';
import { parseDataType } from '../../src/core/data-type.js';
import type { OptionValues } from '../../src/core/option-spec.js';
import type { BoundTransform, TransformPlugin } from '../../src/core/plugin.js';
import type { Row } from '../../src/core/row.js';
import type { RowKind } from '../../src/core/row-kind.js';
import type { TableSchema } from '../../src/core/table.js';

/**
 * Test support: drives a transform through its contract the way the engine will once a config
 * block is parsed — options as parsed HOCON gives them, with declared defaults filled in — so each
 * test converts directly to a config-text test later.
 */
export function optionsFor(plugin: TransformPlugin, given: Record<string, unknown>): OptionValues {
  const values: Record<string, unknown> = {};
  for (const spec of plugin.options) values[spec.key] = given[spec.key] ?? spec.default;
  for (const key of Object.keys(given)) {
    if (!(key in values)) throw new Error(`test passes option "${key}" that ${plugin.name} does not declare`);
  }
  return values;
}

/** `table('fake', { id: 'bigint', name: 'string' })` */
export function table(tablePath: string, fields: Record<string, unknown>, extra: Partial<TableSchema> = {}): TableSchema {
  return {
    tablePath,
    columns: Object.entries(fields).map(([name, type]) => ({ name, type: parseDataType(type) as DataType, nullable: true })),
    ...extra,
  };
}

export function row(fields: unknown[], kind: RowKind = '+I', tableId = 'fake'): Row {
  return { kind, tableId, fields };
}

export function bind(plugin: TransformPlugin, options: Record<string, unknown>, input: TableSchema): BoundTransform {
  return plugin.bind(optionsFor(plugin, options), input);
}

/** Binds, maps the rows and returns the output schema's column names and the rows' fields. */
export function run(plugin: TransformPlugin, options: Record<string, unknown>, input: TableSchema, rows: Row[]): { bound: BoundTransform; out: Row[]; names: string[]; fields: unknown[][] } {
  const bound = bind(plugin, options, input);
  const out = bound.map(rows);
  return { bound, out, names: bound.output.columns.map((c) => c.name), fields: out.map((r) => r.fields) };
}

/** The problems `validate` reports, as `path: message` strings (errors only unless asked). */
export function problems(plugin: TransformPlugin, options: Record<string, unknown>, withWarnings = false): string[] {
  const found = plugin.validate?.(optionsFor(plugin, options)) ?? [];
  return found.filter((p) => withWarnings || p.severity !== 'warning').map((p) => `${p.path}: ${p.message}`);
}
