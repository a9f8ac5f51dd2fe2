import { connectors } from './connectors/index.js';
import type { Plugin, PluginCatalog, PluginType } from './core/plugin.js';
import { transforms } from './transforms/index.js';

/** The one list of plugins. Config validation, planning, workers and docs all look plugins up here. */
export const plugins: readonly Plugin[] = [...connectors, ...transforms];

const byKey = new Map(plugins.map((plugin) => [`${plugin.type}:${plugin.name.toLowerCase()}`, plugin]));

/** Finds a plugin by type and name, case-insensitively (`console` finds `Console`). */
export function findPlugin(type: PluginType, name: string): Plugin | undefined {
  return byKey.get(`${type}:${name.toLowerCase()}`);
}

export const catalog: PluginCatalog = {
  find: findPlugin,
  names: (type) => plugins.filter((plugin) => plugin.type === type).map((plugin) => plugin.name),
  all: () => plugins,
};
