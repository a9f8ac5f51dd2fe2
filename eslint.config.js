// Lint rules: typescript-eslint's recommended set, plus the one-way import rule of STYLE.md:
// core <- config <- plan <- engine <- api/cli; connectors and transforms import only core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((dir) => ({ group: [`**/${dir}/*`, `../${dir}/*`, `../../${dir}/*`], message: `this layer may not import src/${dir}` })),
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'dashboard/dist/', 'test/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  layer(['src/core/**'], ['config', 'plan', 'engine', 'state', 'connectors', 'transforms', 'api', 'cli']),
  layer(['src/config/**'], ['plan', 'engine', 'state', 'connectors', 'transforms', 'api', 'cli']),
  layer(['src/plan/**'], ['engine', 'state', 'connectors', 'transforms', 'api', 'cli']),
  layer(['src/connectors/**', 'src/transforms/**'], ['config', 'plan', 'engine', 'state', 'api', 'cli']),
  // The dashboard runs in the browser and talks only to the REST API: no server module in its bundle.
  {
    files: ['dashboard/src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/*', 'node:*'], message: 'the dashboard may import only its own modules; it reaches the server through the REST API' }] }] },
  },
  { files: ['dashboard/*.mjs', 'scripts/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
