import type { ConfigProblem } from '../core/errors.js';
import { coerceOption } from './coerce-option.js';
import { COMMON_PLUGIN_KEYS } from './common-plugin-keys.js';
import { describeValue } from './describe-value.js';
import { pluginPath, type PluginConfig, type SourcePosition } from './job-config.js';
import { childPath, objectToValue } from './object-to-value.js';
import { setOwn } from './plain-record.js';
import type { PluginBlock } from './read-job-sections.js';

/**
 * Turns one plugin block into a PluginConfig: merged values, table wiring in either spelling
 * (`plugin_output`/`result_table_name`, `plugin_input`/`source_table_name`; the new spelling wins
 * when both are set) and the block's parallelism. Records positions under `source[0]...`, with
 * `source[0]` itself at the block.
 */
export function buildPluginConfig(
  block: PluginBlock,
  index: number,
  positions: Map<string, SourcePosition>,
): { plugin: PluginConfig; problems: ConfigProblem[] } {
  const path = pluginPath({ type: block.type, index });
  positions.set(path, block.position);
  const values = objectToValue(block.node, path, positions);
  const problems: ConfigProblem[] = [];
  const problem = (key: string, message: string): void => {
    const keyPath = childPath(path, key);
    problems.push({ path: keyPath, message, ...(positions.get(keyPath) ?? block.position) });
  };

  const plugin: PluginConfig = { type: block.type, index, name: block.name, options: {}, inputs: [] };
  const output = pick(values, 'plugin_output', 'result_table_name');
  if (output !== undefined) {
    if (isTableName(output.value)) plugin.output = String(output.value);
    else problem(output.key, `expected a table name, got ${describeValue(output.value)}`);
  }
  const input = pick(values, 'plugin_input', 'source_table_name');
  if (input !== undefined) {
    const names = Array.isArray(input.value) ? input.value : [input.value];
    names.forEach((name, i) => {
      if (isTableName(name)) plugin.inputs.push(String(name));
      else problem(Array.isArray(input.value) ? `${input.key}[${i}]` : input.key, `expected a table name or a list of them, got ${describeValue(name)}`);
    });
  }
  const parallelism = pick(values, 'parallelism');
  if (parallelism !== undefined) {
    const coercion = coerceOption({ key: 'parallelism', type: 'int', min: 1, description: '' }, parallelism.value);
    if (coercion.ok) plugin.parallelism = coercion.value as number;
    else problem('parallelism', coercion.problems[0].message);
  }
  for (const [key, value] of Object.entries(values)) {
    if (!COMMON_PLUGIN_KEYS.has(key)) setOwn(plugin.options, key, value);
  }
  return { plugin, problems };
}

function pick(values: Record<string, unknown>, ...keys: string[]): { key: string; value: unknown } | undefined {
  for (const key of keys) {
    const value = values[key];
    if (Object.hasOwn(values, key) && value !== null) return { key, value };
  }
  return undefined;
}

function isTableName(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'bigint';
}
