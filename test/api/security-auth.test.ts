import assert from 'node:assert/strict';
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadNodeConfig } from '../../src/api/node-config.js';
import { ConfigError } from '../../src/core/errors.js';
import { batchJob, http, postJson, startServe, waitForStatus, yamlFile, type HttpResult, type ServeProcess } from './serve-process.js';

const WRITER_PASSWORD = 'writer-pässword';
const READER_PASSWORD = 'reader-secret';
const READ_TOKEN = 'read-token-0123456789abcdef';
const WRITE_TOKEN = 'write-token-0123456789abcdef';

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt:${salt.toString('base64')}:${scryptSync(password, salt, 32).toString('base64')}`;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const AUTH_YAML = `
rest:
  auth:
    realm: sluice
    basic:
      users:
        - username: writer
          password: "${WRITER_PASSWORD}"
          permission: write
        - username: reader
          password-hash: "${scryptHash(READER_PASSWORD)}"
          permission: read
    bearer:
      tokens:
        - name: grafana
          token-hash: "sha256:${sha256Hex(READ_TOKEN)}"
          permission: read
        - name: ci
          token: "${WRITE_TOKEN}"
          permission: write
`;

const get = (url: string, authorization?: string, extra: Record<string, string> = {}): Promise<HttpResult> => http(url, { headers: { ...(authorization === undefined ? {} : { authorization }), ...extra } });
const challenges = async (url: string, init: RequestInit = {}): Promise<string | null> => (await fetch(url, init)).headers.get('www-authenticate');

describe('rest.auth over real HTTP', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe({ args: ['--config', yamlFile(AUTH_YAML)] });
  });
  after(async () => {
    await serve.stop();
  });

  it('answers a request without credentials 401 in each family format, with both challenges', async () => {
    const seaTunnel = await get(`${serve.maps}/running-jobs`);
    assert.equal(seaTunnel.status, 401);
    assert.deepEqual(seaTunnel.body, { status: 'fail', message: 'Authentication required: send an Authorization header (Basic or Bearer, see rest.auth).' });
    const monitoring = await get(`${serve.url}/v1/overview`);
    assert.equal(monitoring.status, 401);
    assert.deepEqual(monitoring.body, { errors: ['Authentication required: send an Authorization header (Basic or Bearer, see rest.auth).'] });
    assert.equal(await challenges(`${serve.maps}/running-jobs`), 'Basic realm="sluice", charset="UTF-8", Bearer realm="sluice"');
    const submit = await postJson(`${serve.maps}/submit-job`, batchJob());
    assert.equal(submit.status, 401, 'nothing is submitted anonymously');
  });

  it('answers wrong, unknown and malformed credentials 401', async () => {
    for (const authorization of [basic('writer', 'wrong'), basic('nobody', WRITER_PASSWORD), basic('reader', 'wrong'), `Bearer ${READ_TOKEN}x`]) {
      const result = await get(`${serve.maps}/overview`, authorization);
      assert.equal(result.status, 401, authorization);
      assert.deepEqual(result.body, { status: 'fail', message: 'Invalid credentials.' });
    }
    const malformed = await get(`${serve.url}/v1/jobs`, 'Basic !!!');
    assert.equal(malformed.status, 401);
    assert.match((malformed.body as { errors: string[] }).errors[0]!, /^Malformed Authorization header/);
    assert.equal(await challenges(`${serve.maps}/overview`, { headers: { authorization: 'Bearer nope' } }), 'Basic realm="sluice", charset="UTF-8", Bearer realm="sluice", error="invalid_token"');
  });

  it('lets read credentials GET and refuses their writes 403 in each family format', async () => {
    for (const authorization of [basic('reader', READER_PASSWORD), `Bearer ${READ_TOKEN}`, `bearer ${READ_TOKEN}`]) {
      assert.equal((await get(`${serve.maps}/running-jobs`, authorization)).status, 200, authorization);
      const stop = await http(`${serve.maps}/stop-job`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{"jobId":1}' });
      assert.equal(stop.status, 403);
      assert.deepEqual(stop.body, { status: 'fail', message: 'Permission denied: POST /hazelcast/rest/maps/stop-job needs the write permission; these credentials have read only.' });
      const cancel = await http(`${serve.url}/v1/jobs/00000000000000000000000000000001`, { method: 'PATCH', headers: { authorization } });
      assert.equal(cancel.status, 403);
      assert.deepEqual(cancel.body, { errors: ['Permission denied: PATCH /v1/jobs/00000000000000000000000000000001 needs the write permission; these credentials have read only.'] });
    }
    assert.equal(await challenges(`${serve.maps}/stop-job`, { method: 'POST', headers: { authorization: `Bearer ${READ_TOKEN}` }, body: '{}' }), 'Bearer realm="sluice", error="insufficient_scope"');
    const yarnCancel = await get(`${serve.url}/jobs/00000000000000000000000000000001/yarn-cancel`, `Bearer ${READ_TOKEN}`);
    assert.equal(yarnCancel.status, 403, 'a GET that cancels needs write');
  });

  it('lets write credentials submit and run a job (basic and bearer)', async () => {
    for (const authorization of [basic('writer', WRITER_PASSWORD), `Bearer ${WRITE_TOKEN}`]) {
      const submitted = await http(`${serve.maps}/submit-job`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(batchJob({ rows: 3 })) });
      assert.equal(submitted.status, 200, submitted.text);
      const { jobId } = submitted.body as { jobId: string };
      const poll = async (): Promise<Record<string, unknown>> => (await get(`${serve.maps}/job-info/${jobId}`, authorization)).body as Record<string, unknown>;
      for (let i = 0; i < 200 && (await poll()).jobStatus !== 'FINISHED'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await poll()).jobStatus, 'FINISHED');
    }
  });

  it('keeps the health check public and /metrics behind read', async () => {
    assert.equal((await get(`${serve.url}/hazelcast/health`)).status, 200);
    assert.equal((await get(`${serve.url}/hazelcast/health/ready`)).status, 200);
    assert.equal((await get(`${serve.url}/metrics`)).status, 401);
    assert.equal((await get(`${serve.url}/metrics`, `Bearer ${READ_TOKEN}`)).status, 200);
  });

  it('leaves the Basic challenge out for the dashboard (X-Requested-With), so browsers show no dialog', async () => {
    assert.equal(await challenges(`${serve.maps}/overview`, { headers: { 'x-requested-with': 'XMLHttpRequest' } }), 'Bearer realm="sluice"');
  });

  it('never prints a credential', () => {
    for (const secret of [WRITER_PASSWORD, READER_PASSWORD, READ_TOKEN, WRITE_TOKEN]) assert.ok(!serve.output().includes(secret), 'a secret appeared in the output');
  });
});

describe('rest.auth off (the default)', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('serves every family without credentials and sends no challenge', async () => {
    const result = await fetch(`${serve.maps}/running-jobs`);
    assert.equal(result.status, 200);
    assert.equal(result.headers.get('www-authenticate'), null);
    const submitted = await postJson(`${serve.maps}/submit-job`, batchJob({ rows: 2 }));
    assert.equal(submitted.status, 200);
    await waitForStatus(serve, (submitted.body as { jobId: string }).jobId, ['FINISHED']);
  });
});

describe('rest.auth in the YAML file', () => {
  const load = async (text: string): Promise<Awaited<ReturnType<typeof loadNodeConfig>>> => loadNodeConfig(yamlFile(text));
  const problems = async (text: string): Promise<string[]> => {
    try {
      await load(text);
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    }
    assert.fail('expected a ConfigError');
  };

  it('switches authentication on when credentials are given, off when none are', async () => {
    assert.equal((await load('rest:\n  port: 1\n')).config.server.security.auth.enabled, false);
    const on = (await load(AUTH_YAML)).config.server.security.auth;
    assert.equal(on.enabled, true);
    assert.deepEqual(on.users.map((user) => [user.username, user.password.kind, user.permission]), [['writer', 'plain', 'write'], ['reader', 'hash', 'read']]);
    assert.deepEqual(on.tokens.map((token) => [token.name, token.permission]), [['grafana', 'read'], ['ci', 'write']]);
    assert.equal((await load(`${AUTH_YAML}    enabled: false\n`)).config.server.security.auth.enabled, false);
  });

  it('reports every problem at once, without echoing secrets', async () => {
    const found = await problems(`
rest.auth.basic.users:
  - username: "a:b"
    password: x
    password-hash: "sha256:12"
    permission: admin
  - {username: c, password-hash: "md5:abc"}
  - {username: d, pasword: x}
rest.auth.bearer.tokens:
  - {token: short}
  - {token-hash: "scrypt:c2FsdHNhbHRzYWx0:c2FsdHNhbHRzYWx0c2FsdHNhbHQ="}
`);
    assert.deepEqual(found, [
      'rest.auth.basic.users: [0].username: may not contain ":" (HTTP Basic separates username and password with it); [0].password: give either password or password-hash; [0].permission: expected read or write, got "admin"; [1].password-hash: a hash starts with sha256: or scrypt:; [2].pasword: unknown field; expected username, password, password-hash, permission; [2].password: give either password or password-hash',
      'rest.auth.bearer.tokens: [0].token: expected at least 16 characters without spaces (use a random one: openssl rand -hex 32); [1].token-hash: use sha256:<hex> here: tokens are random, and a slow hash would slow every request',
    ]);
  });

  it('refuses enabled authentication without credentials, and misspelt auth keys', async () => {
    assert.deepEqual(await problems('rest.auth.enabled: true\n'), ['rest.auth.enabled: authentication is enabled but no credentials are configured: add rest.auth.basic.users or rest.auth.bearer.tokens']);
    const [misspelt] = await problems('rest:\n  auth:\n    basic:\n      user: []\n');
    assert.match(misspelt!, /^rest\.auth\.basic\.user: unknown key; rest\.auth takes rest\.auth\.enabled, rest\.auth\.realm, rest\.auth\.basic\.users, rest\.auth\.bearer\.tokens$/);
  });
});
