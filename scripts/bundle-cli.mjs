// Bundles the CLI that `sluice` (package.json bin), `npm start` and `npm run docs` run into dist/bin,
// from tsc's output in dist/src: one file per entry plus shared chunks, so a start opens a handful of
// files instead of ~250 modules in dist/src and node_modules (a one-row job starts ~0.1 s sooner).
//
//   dist/bin/sluice.js                   the command
//   dist/bin/worker/subtask-worker.js    the worker thread's entry; worker-slot.ts finds it as
//                                        ./worker/subtask-worker.js from the chunk it lands in
//   dist/bin/chunk-<hash>.js             shared code and the commands' lazy imports
//
//   node scripts/bundle-cli.mjs          (npm run build runs it after tsc)
import { build } from 'esbuild';
import { rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bin');
const next = `${out}.next-${process.pid}`;
const old = `${out}.old-${process.pid}`;

const result = await build({
  entryPoints: {
    sluice: join(root, 'dist', 'src', 'cli', 'main.js'),
    'worker/subtask-worker': join(root, 'dist', 'src', 'engine', 'worker', 'subtask-worker.js'),
  },
  bundle: true,
  // Chunks keep dynamic imports lazy: `sluice run` never loads the server's modules.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: next,
  // Maps through tsc's own maps back to src/*.ts.
  sourcemap: 'linked',
  // CommonJS dependencies (pg, mysql2, fastify ...) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __sluiceCreateRequire } from 'node:module'; const require = __sluiceCreateRequire(import.meta.url);" },
  // pg loads its optional native binding in a try/catch; it is not a dependency of ours.
  external: ['pg-native'],
  metafile: true,
  logLevel: 'warning',
});

// Swapped in whole, so a sluice started meanwhile (by tests while another build runs, say) finds the
// old bundle or the new one, not an empty folder or half-written files for the second esbuild takes.
await rename(out, old).catch((error) => {
  if (error.code !== 'ENOENT') throw error;
});
await rename(next, out);
await rm(old, { recursive: true, force: true });

const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
const bytes = files.reduce((sum, file) => sum + result.metafile.outputs[file].bytes, 0);
process.stdout.write(`CLI bundled in ${relative(process.cwd(), out) || '.'}: ${files.length} files, ${Math.round(bytes / 1024)} KiB\n`);
