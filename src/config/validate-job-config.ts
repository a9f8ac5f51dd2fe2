import { type ConfigProblem, OptionError } from '../core/errors.js';
import { nearestPosition } from './nearest-position.js';
import type { OptionValues } from '../core/option-spec.js';
import type { Plugin, PluginCatalog } from '../core/plugin.js';
import { closestNames, orList } from '../core/suggest.js';
import { type JobConfig, type PluginConfig, pluginPath, type SourcePosition } from './job-config.js';
import { childPath } from './object-to-value.js';
import { PLUGIN_TYPES } from './read-job-sections.js';
import { resolveOptions } from './resolve-options.js';

export interface JobValidation {
  /** The config's own `problems`, then every problem of every block; errors and warnings (severity 'warning'). */
  problems: ConfigProblem[];
  /** The resolved options of every block whose plugin is known. */
  options: Map<PluginConfig, OptionValues>;
}

/**
 * Checks a parsed config against the plugins: names exist (with suggestions when not), options
 * resolve against their specs, and each plugin's own `validate` passes (run only when its options
 * resolved cleanly, since it may rely on their types). Reports everything at once, never throws for
 * a bad config; an OptionError thrown by `validate` counts as a problem of that option.
 */
export function validateJobConfig(config: JobConfig, catalog: Pick<PluginCatalog, 'find' | 'names'>): JobValidation {
  const problems: ConfigProblem[] = [...(config.problems ?? [])];
  const options = new Map<PluginConfig, OptionValues>();
  for (const block of [...config.source, ...config.transform, ...config.sink]) {
    // A JSON block without plugin_name is already a problem of the config.
    if (block.name === '') continue;
    const path = pluginPath(block);
    const locate = (at: string): Partial<SourcePosition> => nearestPosition(config.positions, at) ?? {};
    const plugin = catalog.find(block.type, block.name);
    if (plugin === undefined) {
      problems.push({ path, message: unknownPluginMessage(block, catalog), ...locate(path) });
      continue;
    }
    const resolved = resolveOptions(plugin.options, block.options, path, config.positions);
    problems.push(...resolved.problems);
    options.set(block, resolved.values);
    if (plugin.validate === undefined || resolved.problems.some((problem) => problem.severity !== 'warning')) continue;
    for (const problem of runValidate(plugin, resolved.values)) {
      const at = problem.path === '' ? path : childPath(path, problem.path);
      problems.push({ ...locate(at), ...problem, path: at });
    }
  }
  return { problems, options };
}

function runValidate(plugin: Plugin, values: OptionValues): ConfigProblem[] {
  try {
    return plugin.validate?.(values) ?? [];
  } catch (error) {
    if (error instanceof OptionError) return [{ path: error.option, message: error.message }];
    throw error;
  }
}

function unknownPluginMessage(block: PluginConfig, catalog: Pick<PluginCatalog, 'find' | 'names'>): string {
  const message = `unknown ${block.type} plugin "${block.name}"`;
  const known = catalog.names(block.type);
  const suggestions = closestNames(block.name, known);
  if (suggestions.length > 0) return `${message}; did you mean ${orList(suggestions)}?`;
  const otherType = PLUGIN_TYPES.find((type) => type !== block.type && catalog.find(type, block.name) !== undefined);
  if (otherType !== undefined) return `${message}; ${block.name} is a ${otherType} plugin`;
  return known.length > 0 ? `${message}; known ${block.type} plugins: ${known.join(', ')}` : message;
}
