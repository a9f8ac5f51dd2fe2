import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileURLToPath } from 'node:url';
import { chooseEncoding } from './content-encoding.js';
import { loadDashboardAssets, type DashboardAsset } from './dashboard-assets.js';

/**
 * Where `npm run build` writes the dashboard (dashboard/build.mjs): dist/dashboard. This module runs
 * from tsc's output, dist/src/api/dashboard/, or from a chunk of the bundled CLI, which
 * scripts/bundle-cli.mjs writes at the top of dist/bin/.
 */
const here = new URL('./', import.meta.url);
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL(here.pathname.endsWith('/dist/bin/') ? '../dashboard/' : '../../../dashboard/', here));

/**
 * The page itself may load only our own script and style sheet and talk only to this origin; the
 * dashboard sets styles through the CSSOM, never inline attributes, so no 'unsafe-inline' is needed.
 */
const PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>Sluice</title><p>The dashboard is not built. Run <code>npm run build</code>, then restart <code>sluice serve</code>. The REST APIs work without it.</p>\n';

/**
 * Serves the dashboard's static files on the REST port: `/` and `/index.html` (revalidated on every
 * load), `/assets/<name>-<hash>.<ext>` (cached for a year). Files are held in memory with their
 * brotli and gzip copies; the best one the client accepts is sent, with `Vary: Accept-Encoding`,
 * an ETag per encoding and 304 on a matching `If-None-Match`. HEAD works too. The dashboard routes
 * by the URL fragment (`/#/jobs/…`), so no other path is needed and none collides with an API.
 */
export async function registerDashboard(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const assets = await loadDashboardAssets(options.dir ?? DEFAULT_DASHBOARD_DIR);
  const index = assets.get('/index.html');
  await app.register(async (scope) => {
    const page = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
      index === undefined ? reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT) : sendAsset(request, reply, index);
    scope.get('/', page);
    scope.get('/index.html', page);
    scope.get('/assets/*', (request, reply) => {
      const asset = assets.get(new URL(request.url, 'http://localhost').pathname);
      if (asset === undefined) return reply.status(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found\n');
      return sendAsset(request, reply, asset);
    });
  });
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: DashboardAsset): FastifyReply {
  const encoding = chooseEncoding(request.headers['accept-encoding'], { br: asset.br !== undefined, gzip: asset.gzip !== undefined });
  const body = encoding === 'br' ? asset.br! : encoding === 'gzip' ? asset.gzip! : asset.identity;
  const etag = encoding === 'identity' ? asset.etag : `${asset.etag.slice(0, -1)}-${encoding}"`;
  reply
    .header('content-type', asset.contentType)
    .header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('etag', etag)
    .header('vary', 'Accept-Encoding')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
  if (asset.contentType.startsWith('text/html')) reply.header('content-security-policy', PAGE_POLICY).header('x-frame-options', 'DENY');
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.header('content-length', body.length).send(body);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}
