import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pluginDocs } from '../../src/cli/docs-command.js';
import { plugins } from '../../src/plugins.js';

const docsDir = fileURLToPath(new URL('../../../docs/plugins/', import.meta.url));

describe('plugin reference', () => {
  it('is committed and fresh (run `npm run docs` after changing an option spec)', () => {
    const pages = pluginDocs();
    for (const [name, text] of pages) {
      const file = `${docsDir}${name}`;
      assert.ok(existsSync(file), `docs/plugins/${name} is missing: run npm run docs`);
      assert.equal(readFileSync(file, 'utf8'), text, `docs/plugins/${name} is stale: run npm run docs`);
    }
    const extra = readdirSync(docsDir).filter((name) => !pages.has(name));
    assert.deepEqual(extra, [], 'pages of plugins that no longer exist');
  });

  it('documents every option of every plugin with a description', () => {
    assert.ok(plugins.length >= 11);
    for (const plugin of plugins) {
      assert.ok(plugin.description.length > 10, `${plugin.name} needs a description`);
      for (const option of plugin.options) assert.ok(option.description.length > 3, `${plugin.name}.${option.key} needs a description`);
    }
  });
});
