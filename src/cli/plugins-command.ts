import { closestNames } from '../core/suggest.js';
import { catalog } from '../plugins.js';
import { EXIT } from './exit-codes.js';
import { renderOptionTable } from './plugin-doc.js';

/** `sluice plugins [name]`: every plugin with its first sentence, or the option table of one. */
export function pluginsCommand(name: string | undefined): number {
  if (name === undefined) {
    for (const type of ['source', 'transform', 'sink'] as const) {
      process.stdout.write(`${type}s:\n`);
      for (const plugin of catalog.all().filter((p) => p.type === type)) process.stdout.write(`  ${plugin.name.padEnd(18)} ${plugin.description.split('. ')[0]}\n`);
    }
    return EXIT.ok;
  }
  const found = catalog.all().filter((p) => p.name.toLowerCase() === name.toLowerCase());
  if (found.length === 0) {
    const hint = closestNames(name, catalog.all().map((p) => p.name));
    process.stderr.write(`unknown plugin "${name}"${hint.length > 0 ? `; did you mean ${hint.join(' or ')}?` : ''}\n`);
    return EXIT.invalid;
  }
  process.stdout.write(`${found.map(renderOptionTable).join('\n\n')}\n`);
  return EXIT.ok;
}
