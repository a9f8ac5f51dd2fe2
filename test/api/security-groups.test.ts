import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer } from '../../src/api/server.js';
import { DEFAULT_SERVER_SETTINGS } from '../../src/api/server-settings.js';
import { classifyEndpoint } from '../../src/api/security/endpoint-classes.js';
import { defaultSecuritySettings } from '../../src/api/security/security-settings.js';
import { Coordinator } from '../../src/engine/coordinator.js';
import type { JobHistoryStore } from '../../src/state/job-history-store.js';
import { batchJob, http, postJson, startServe, yamlFile, type ServeProcess } from './serve-process.js';

const history: JobHistoryStore = { load: async () => ({ records: [], warnings: [] }), save: async () => undefined, remove: async () => undefined, close: async () => undefined };

describe('endpoint groups: the classification table', () => {
  it('puts every registered API route in a group', async () => {
    const coordinator = await Coordinator.open({ history, onWarning: () => undefined });
    const server = await createServer(coordinator, { ...DEFAULT_SERVER_SETTINGS, security: defaultSecuritySettings() }, 'test');
    try {
      assert.ok(server.routes.length > 20);
      // The dashboard's static files are public and in no group; every API route has one.
      const ungrouped = server.routes.filter((route) => route.group === undefined && route.access !== 'public').map((route) => `${route.method} ${route.url}`);
      assert.deepEqual(ungrouped, [], 'add a row to src/api/security/endpoint-classes.ts');
      const writesReadable = server.routes.filter((route) => route.method !== 'GET' && route.method !== 'HEAD' && route.access !== 'write' && !route.url.endsWith('/jobs/validate'));
      assert.deepEqual(writesReadable, [], 'a route that changes state must need write');
    } finally {
      await server.close();
      await coordinator.close({ savepoint: false });
    }
  });

  it('classifies by purpose, with or without /v1, slashes and queries ignored', () => {
    const cases: [string, string, string | undefined, string][] = [
      ['GET', '/hazelcast/rest/maps/running-jobs', 'CLUSTER_READ', 'read'],
      ['GET', '/hazelcast/rest/maps/job-info/733584788375666689?x=1', 'CLUSTER_READ', 'read'],
      ['PUT', '/hazelcast/rest/maps/submit-jobs', 'CLUSTER_WRITE', 'write'],
      ['POST', '/hazelcast/rest/maps/stop-job/', 'CLUSTER_WRITE', 'write'],
      ['POST', '/hazelcast/rest/maps/update-tags', 'CLUSTER_WRITE', 'write'],
      ['POST', '/hazelcast/rest/maps/encrypt-config', 'DATA', 'write'],
      ['GET', '/hazelcast/rest/maps/logs/job-1.log', 'DATA', 'read'],
      ['GET', '/hazelcast/rest/instance/metrics', 'CLUSTER_READ', 'read'],
      ['GET', '/hazelcast/health/ready', 'HEALTH_CHECK', 'public'],
      ['GET', '/metrics', 'HEALTH_CHECK', 'read'],
      ['GET', '/v1/jobs/overview', 'CLUSTER_READ', 'read'],
      ['GET', '//jobs//overview/', 'CLUSTER_READ', 'read'],
      ['PATCH', '/v1/jobs/abc', 'CLUSTER_WRITE', 'write'],
      ['POST', '/jobs/abc/savepoints', 'CLUSTER_WRITE', 'write'],
      ['PUT', '/v1/jobs/abc/resource-requirements', 'CLUSTER_WRITE', 'write'],
      ['GET', '/v1/jobs/abc/yarn-cancel', 'CLUSTER_WRITE', 'write'],
      ['GET', '/jobs/abc/yarn-stop', 'CLUSTER_WRITE', 'write'],
      ['POST', '/v1/jobs/validate', 'CLUSTER_READ', 'read'],
      ['POST', '/v1/jobs', 'CLUSTER_WRITE', 'write'],
      ['GET', '/v1/jobmanager/logs/x.log', 'DATA', 'read'],
      ['GET', '/taskmanagers/tm-1/stdout', 'DATA', 'read'],
      ['GET', '/', undefined, 'public'],
      ['GET', '/assets/app.js', undefined, 'public'],
      ['GET', '/somewhere-else', undefined, 'read'],
      ['DELETE', '/somewhere-else', undefined, 'write'],
    ];
    for (const [method, path, group, access] of cases) {
      const found = classifyEndpoint(method, path);
      assert.deepEqual([found.group, found.access], [group, access], `${method} ${path}`);
      assert.equal(found.format, path.startsWith('/hazelcast/') ? 'seatunnel' : 'monitoring');
    }
  });
});

describe('endpoint groups disabled in the YAML, over real HTTP', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe({
      args: ['--config', yamlFile('rest:\n  endpoint-groups:\n    CLUSTER_WRITE:\n      enabled: false\n    data:\n      enabled: false\n    HEALTH_CHECK:\n      enabled: false\n')],
    });
  });
  after(async () => {
    await serve.stop();
  });

  it('answers a disabled group 403 in the family format and serves the others', async () => {
    const submit = await postJson(`${serve.maps}/submit-job`, batchJob());
    assert.equal(submit.status, 403);
    assert.deepEqual(submit.body, { status: 'fail', message: 'The CLUSTER_WRITE endpoint group is disabled on this node (rest.endpoint-groups.CLUSTER_WRITE.enabled: false).' });
    const cancel = await http(`${serve.url}/v1/jobs/00000000000000000000000000000001`, { method: 'PATCH' });
    assert.equal(cancel.status, 403);
    assert.deepEqual(cancel.body, { errors: ['The CLUSTER_WRITE endpoint group is disabled on this node (rest.endpoint-groups.CLUSTER_WRITE.enabled: false).'] });
    const logs = await http(`${serve.maps}/logs?format=json`);
    assert.equal(logs.status, 403);
    assert.match((logs.body as { message: string }).message, /The DATA endpoint group is disabled/);
    assert.equal((await http(`${serve.url}/hazelcast/health`)).status, 403);
    const metrics = await http(`${serve.url}/metrics`);
    assert.equal(metrics.status, 403);
    assert.deepEqual(metrics.body, { errors: ['The HEALTH_CHECK endpoint group is disabled on this node (rest.endpoint-groups.HEALTH_CHECK.enabled: false).'] });
    assert.equal((await http(`${serve.maps}/running-jobs`)).status, 200);
    assert.equal((await http(`${serve.maps}/overview`)).status, 200);
  });
});

describe('Hazelcast health check', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('answers as Hazelcast does', async () => {
    const health = await http(`${serve.url}/hazelcast/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { nodeState: 'ACTIVE', clusterState: 'ACTIVE', clusterSafe: true, migrationQueueSize: 0, clusterSize: 1 });
    const ready = await http(`${serve.url}/hazelcast/health/ready`);
    assert.deepEqual([ready.status, ready.text], [200, '']);
    assert.deepEqual((await http(`${serve.url}/hazelcast/health/node-state`)).body, 'ACTIVE');
    assert.deepEqual((await http(`${serve.url}/hazelcast/health/cluster-state`)).body, 'ACTIVE');
    assert.equal((await http(`${serve.url}/hazelcast/health/cluster-safe`)).status, 200);
    assert.equal((await http(`${serve.url}/hazelcast/health/migration-queue-size`)).body, 0);
    assert.equal((await http(`${serve.url}/hazelcast/health/cluster-size`)).body, 1);
    const unknown = await http(`${serve.url}/hazelcast/health/no-such-check`);
    assert.deepEqual([unknown.status, unknown.text], [400, '']);
  });

  it('reports not ready once the server closes', async () => {
    const coordinator = await Coordinator.open({ history, onWarning: () => undefined });
    const server = await createServer(coordinator, DEFAULT_SERVER_SETTINGS, 'test');
    assert.equal((await server.app.inject('/hazelcast/health/ready')).statusCode, 200);
    const closing = server.close();
    assert.equal((await server.app.inject('/hazelcast/health/ready')).statusCode, 503);
    await closing;
    await coordinator.close({ savepoint: false });
  });
});
