// Builds the dashboard into dist/dashboard: type-checks the sources, bundles and minifies them with
// esbuild into content-hashed assets, writes index.html pointing at them, and stores a gzip and a
// brotli copy of every text file next to it so the server never compresses on a request.
//
//   node dashboard/build.mjs [--no-check]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'dashboard');
const COMPRESSIBLE = /\.(html|js|css|map|svg|json|txt)$/;

if (!process.argv.includes('--no-check')) {
  const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  const check = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
  if (check.status !== 0) process.exit(check.status ?? 1);
}

await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'assets'), { recursive: true });

const result = await build({
  entryPoints: { app: join(here, 'src', 'main.ts') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  charset: 'utf8',
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => relative(out, file).split('\\').join('/'));
const script = outputs.find((file) => file.endsWith('.js'));
const style = outputs.find((file) => file.endsWith('.css'));
if (script === undefined || style === undefined) throw new Error(`esbuild produced no script or style: ${outputs.join(', ')}`);

const template = await readFile(join(here, 'src', 'index.html'), 'utf8');
await writeFile(join(out, 'index.html'), template.replace('%APP_CSS%', style).replace('%APP_JS%', script));

const sizes = [];
for (const file of await filesUnder(out)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const body = await readFile(file);
  const gzip = gzipSync(body, { level: 9 });
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  await writeFile(`${file}.gz`, gzip);
  await writeFile(`${file}.br`, brotli);
  if (!file.endsWith('.map')) sizes.push(`${relative(out, file)} ${body.length} B, gzip ${gzip.length} B, br ${brotli.length} B`);
}
process.stdout.write(`dashboard built in ${relative(process.cwd(), out) || '.'}: ${sizes.join('; ')}\n`);

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (!basename(path).endsWith('.gz') && !basename(path).endsWith('.br')) files.push(path);
  }
  return files;
}
