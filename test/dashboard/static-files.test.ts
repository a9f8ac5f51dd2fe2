import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServe, type ServeProcess } from '../api/serve-process.js';

/** The dashboard's files as `sluice serve` serves them: types, caching, compression, validators, headers. */
describe('dashboard static files', () => {
  let serve: ServeProcess;
  let script: string;
  let style: string;
  before(async () => {
    serve = await startServe();
    const html = await (await fetch(`${serve.url}/`)).text();
    script = /src="(assets\/app-[A-Z0-9]+\.js)"/.exec(html)![1]!;
    style = /href="(assets\/app-[A-Z0-9]+\.css)"/.exec(html)![1]!;
  });
  after(async () => {
    await serve.stop();
  });

  it('serves index.html at / and /index.html, revalidated on every load, with a strict content security policy', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await fetch(`${serve.url}${path}`, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'; style-src 'self'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const html = await response.text();
      assert.match(html, /<script type="module" src="assets\/app-[A-Z0-9]+\.js"><\/script>/);
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no CDN, no external font');
    }
  });

  it('serves content-hashed assets with their types, cached for a year, brotli or gzip as accepted', async () => {
    const plain = await fetch(`${serve.url}/${script}`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(plain.headers.get('content-encoding'), null);
    const body = Buffer.from(await plain.arrayBuffer());
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip;q=0.5', 'gzip'], ['*', 'br'], ['gzip;q=0, br;q=0', null]] as const) {
      const response = await rawGet(`${serve.url}/${script}`, accept);
      assert.equal(response.headers['content-encoding'], encoding ?? undefined, accept);
      assert.equal(response.headers.vary, 'Accept-Encoding');
      const decoded = encoding === 'br' ? brotliDecompressSync(response.body) : encoding === 'gzip' ? gunzipSync(response.body) : response.body;
      assert.ok(decoded.equals(body), `${accept}: the decoded body is the script`);
    }
    const css = await fetch(`${serve.url}/${style}`);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.doesNotMatch(await css.text(), /@import|url\((?!data:)/, 'system fonts only: no imported style sheet, no font file');
  });

  it('answers 304 to a matching If-None-Match, per encoding', async () => {
    const first = await rawGet(`${serve.url}/`, 'gzip');
    const etag = first.headers.etag as string;
    assert.match(etag, /-gzip"$/);
    assert.equal((await rawGet(`${serve.url}/`, 'gzip', { 'if-none-match': etag })).status, 304);
    assert.equal((await rawGet(`${serve.url}/`, 'br', { 'if-none-match': etag })).status, 200, 'another encoding is another representation');
  });

  it('answers HEAD, and 404 for an unknown asset without touching the API families', async () => {
    const head = await fetch(`${serve.url}/${script}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    const missing = await fetch(`${serve.url}/assets/app-NOPE1234.js`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'text/plain; charset=utf-8');
    // The API families keep their paths and error formats.
    const config = await fetch(`${serve.url}/v1/config`);
    assert.equal(config.status, 200);
    const unknown = await fetch(`${serve.url}/v1/nope`);
    assert.equal(unknown.status, 404);
    assert.ok(Array.isArray(((await unknown.json()) as { errors: unknown }).errors));
  });
});

/** A GET whose body is left encoded (fetch would decode it). */
async function rawGet(url: string, acceptEncoding: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
