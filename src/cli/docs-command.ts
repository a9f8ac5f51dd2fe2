import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { plugins } from '../plugins.js';
import { docFileName, renderPluginDoc, renderPluginIndex } from './plugin-doc.js';

/** Every generated page by file name, relative to docs/plugins/. */
export function pluginDocs(): Map<string, string> {
  const pages = new Map(plugins.map((plugin) => [docFileName(plugin), renderPluginDoc(plugin)]));
  pages.set('README.md', renderPluginIndex(plugins));
  return pages;
}

/** `sluice docs [dir]`: rewrites the plugin reference, removing pages of plugins that are gone. */
export async function docsCommand(dir = join('docs', 'plugins')): Promise<number> {
  await mkdir(dir, { recursive: true });
  const pages = pluginDocs();
  for (const name of await readdir(dir)) {
    if (name.endsWith('.md') && !pages.has(name)) await rm(join(dir, name));
  }
  for (const [name, text] of pages) await writeFile(join(dir, name), text);
  process.stdout.write(`wrote ${pages.size} pages to ${dir}\n`);
  return 0;
}
