import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { FileSourceSettings } from './file-source-settings.js';

/**
 * The first file planFileSplits would list (same rules, same order), found synchronously without
 * listing the whole tree: directory entries are visited in the order their full paths sort.
 * Undefined when there is none or the path cannot be read. Used at plan time, where a source
 * describes its table: Parquet files carry their schema and partition directories add columns.
 */
export function firstFileSync(settings: Pick<FileSourceSettings, 'path' | 'filterPattern' | 'filterPathPrefix'>): string | undefined {
  let root;
  try {
    root = statSync(settings.path);
  } catch {
    return undefined;
  }
  if (root.isFile()) return settings.path;
  return search(settings.path, settings);
}

function search(dir: string, settings: Pick<FileSourceSettings, 'path' | 'filterPattern' | 'filterPathPrefix'>): string | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  // A directory's files all sort as "name/...": ordering entries by that key visits paths in sorted order.
  const keyed = entries
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => ({ entry, key: entry.isDirectory() ? `${entry.name}/` : entry.name }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { entry } of keyed) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = search(path, settings);
      if (found !== undefined) return found;
      continue;
    }
    if (!entry.isFile() || entry.name === '_SUCCESS') continue;
    if (settings.filterPattern !== undefined) {
      const prefix = settings.filterPathPrefix;
      const subject = prefix === undefined ? basename(path) : `${prefix.replace(/\/+$/, '')}/${relative(settings.path, path)}`;
      if (!settings.filterPattern.test(subject)) continue;
    }
    try {
      if (statSync(path).size === 0) continue;
    } catch {
      continue;
    }
    return path;
  }
  return undefined;
}
