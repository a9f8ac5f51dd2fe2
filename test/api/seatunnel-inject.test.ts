import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseJsonLossless, stringifyJsonLossless } from '../../src/api/route-kit/lossless-json.js';
import { createServer, type SluiceServer } from '../../src/api/server.js';
import { DEFAULT_SERVER_SETTINGS } from '../../src/api/server-settings.js';
import { Coordinator } from '../../src/engine/coordinator.js';
import type { JobHistoryStore } from '../../src/state/job-history-store.js';

const history: JobHistoryStore = { load: async () => ({ records: [], warnings: [] }), save: async () => undefined, remove: async () => undefined, close: async () => undefined };

describe('SeaTunnel routes through app.inject', () => {
  let server: SluiceServer;
  let coordinator: Coordinator;
  before(async () => {
    coordinator = await Coordinator.open({ history, onWarning: () => undefined });
    server = await createServer(coordinator, { ...DEFAULT_SERVER_SETTINGS, maxContentLength: 1024 }, 'test');
  });
  after(async () => {
    await server.close();
    await coordinator.close({ savepoint: false });
  });

  it('parses and writes 64-bit numbers exactly', () => {
    const parsed = parseJsonLossless('{"jobId":733584788375666689,"n":5,"d":0.12345678901234567890}') as Record<string, unknown>;
    assert.equal(parsed.jobId, 733584788375666689n);
    assert.equal(parsed.n, 5);
    assert.equal(stringifyJsonLossless(parsed), '{"jobId":733584788375666689,"n":5,"d":0.12345678901234567890}');
  });

  it('answers stop-jobs with numeric ids, digits intact, and stop-job with strings', async () => {
    const many = await server.app.inject({ method: 'POST', url: '/hazelcast/rest/maps/stop-jobs', payload: '[{"jobId":733584788375666689},{"jobId":"9223372036854775807"}]' });
    assert.equal(many.statusCode, 200);
    assert.equal(many.body, '[{"jobId":733584788375666689},{"jobId":9223372036854775807}]');
    const one = await server.app.inject({ method: 'PUT', url: '/hazelcast/rest/maps/stop-job', payload: '{"jobId":733584788375666689}' });
    assert.equal(one.body, '{"jobId":"733584788375666689"}');
    const tooBig = await server.app.inject({ method: 'POST', url: '/hazelcast/rest/maps/stop-job', payload: '{"jobId":9223372036854775808}' });
    assert.equal(tooBig.statusCode, 400);
    assert.deepEqual(tooBig.json(), { status: 'fail', message: 'For input string: "9223372036854775808"' });
  });

  it('answers 413 in the SeaTunnel format and keeps serving', async () => {
    const big = await server.app.inject({ method: 'POST', url: '/hazelcast/rest/maps/submit-job', headers: { 'content-type': 'application/json' }, payload: `{"x":"${'y'.repeat(2000)}"}` });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().status, 'fail');
    assert.equal((await server.app.inject('/hazelcast/rest/maps/running-jobs')).body, '[]');
  });

  it('finished-jobs with a trailing slash lists all, and unknown paths are 404', async () => {
    assert.equal((await server.app.inject('/hazelcast/rest/maps/finished-jobs/')).body, '[]');
    const missing = await server.app.inject({ method: 'DELETE', url: '/hazelcast/rest/maps/overview' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().status, 'fail');
  });
});
