import { pluginPath, type PluginConfig } from '../job-config.js';
import { setOwn } from '../plain-record.js';
import { applyShade } from './apply-shade.js';
import type { ConfigShade } from './config-shade.js';

/**
 * Decrypts, in place, the `keys` among the top-level options of the given plugins (SeaTunnel's
 * scope: sources and sinks only, nested keys untouched). Values are read as text first, as
 * SeaTunnel's `toString()` does; objects and lists are left alone.
 */
export function decryptPluginOptions(plugins: readonly PluginConfig[], shade: ConfigShade, keys: ReadonlySet<string>): void {
  for (const plugin of plugins) {
    for (const key of keys) {
      if (!Object.hasOwn(plugin.options, key)) continue;
      const value = plugin.options[key];
      if (!['string', 'number', 'bigint', 'boolean'].includes(typeof value)) continue;
      setOwn(plugin.options, key, applyShade('decrypt', shade, String(value), `${pluginPath(plugin)}.${key}`));
    }
  }
}
