import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

/** A built file with its precompressed copies (written by dashboard/build.mjs). */
export interface DashboardAsset {
  /** The URL path it is served at (`/index.html`, `/assets/app-5XJ2.js`). */
  path: string;
  contentType: string;
  /** Strong validator of the uncompressed bytes; each encoding gets its own suffix. */
  etag: string;
  /** Content-hashed names never change content: cached for a year. Everything else is revalidated. */
  immutable: boolean;
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** `app-5XJ2ABCD.js`: esbuild's `[name]-[hash]` output names. */
const HASHED = /-[A-Z0-9]{8}\.[a-z]+$/;

/**
 * Reads the built dashboard into memory (it is small: one script, one style sheet, one page).
 * Returns an empty map when the folder does not exist, so a server without a built dashboard
 * still starts and says so at `/`.
 */
export async function loadDashboardAssets(dir: string): Promise<Map<string, DashboardAsset>> {
  const assets = new Map<string, DashboardAsset>();
  let files: string[];
  try {
    files = await filesUnder(dir);
  } catch {
    return assets;
  }
  const present = new Set(files);
  for (const file of files) {
    if (file.endsWith('.gz') || file.endsWith('.br')) continue;
    const identity = await readFile(file);
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    const asset: DashboardAsset = {
      path,
      contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      immutable: HASHED.test(path),
      identity,
    };
    if (present.has(`${file}.gz`)) asset.gzip = await readFile(`${file}.gz`);
    if (present.has(`${file}.br`)) asset.br = await readFile(`${file}.br`);
    assets.set(path, asset);
  }
  return assets;
}

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
