import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { monitoringRoutes } from '../../src/api/monitoring/routes.js';
import { createServer, type SluiceServer } from '../../src/api/server.js';
import { DEFAULT_SERVER_SETTINGS } from '../../src/api/server-settings.js';
import { Coordinator } from '../../src/engine/coordinator.js';
import type { JobHistoryStore } from '../../src/state/job-history-store.js';

/** The committed snapshot, in the source tree (tests run from dist/). */
const SNAPSHOT = fileURLToPath(new URL('../../../test/api/openapi.snapshot.json', import.meta.url));
const UPDATE = 'UPDATE_OPENAPI_SNAPSHOT=1 node --test dist/test/api/monitoring-openapi.test.js';

const history: JobHistoryStore = { load: async () => ({ records: [], warnings: [] }), save: async () => undefined, remove: async () => undefined, close: async () => undefined };

type Document = { openapi: string; info: { version: string }; paths: Record<string, Record<string, { description?: string; operationId: string }>>; components: { schemas: Record<string, unknown> } };

describe('GET /v1/openapi.json', () => {
  let server: SluiceServer;
  let coordinator: Coordinator;
  let document: Document;
  let text: string;
  before(async () => {
    coordinator = await Coordinator.open({ history, onWarning: () => undefined });
    server = await createServer(coordinator, DEFAULT_SERVER_SETTINGS, 'snapshot');
    const response = await server.app.inject('/v1/openapi.json');
    assert.equal(response.statusCode, 200);
    document = response.json() as Document;
    text = `${JSON.stringify(document, null, 2)}\n`;
  });
  after(async () => {
    await server.close();
    await coordinator.close({ savepoint: false });
  });

  it('matches the committed snapshot (an API change must be deliberate)', () => {
    if (process.env.UPDATE_OPENAPI_SNAPSHOT === '1') writeFileSync(SNAPSHOT, text);
    assert.ok(existsSync(SNAPSHOT), `no snapshot at ${SNAPSHOT}; create it with: ${UPDATE}`);
    const committed = readFileSync(SNAPSHOT, 'utf8');
    assert.ok(
      committed === text,
      `The generated OpenAPI document differs from test/api/openapi.snapshot.json. If the API change is intended, regenerate the snapshot with\n  npx tsc -p . && ${UPDATE}\nand commit it; otherwise a route declaration or schema changed by accident.`,
    );
  });

  it('documents every route once, at /v1, naming the unversioned alias', () => {
    for (const route of monitoringRoutes.filter((candidate) => candidate.url.startsWith('/v1/'))) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      for (const method of ([] as string[]).concat(route.method)) {
        const operation = document.paths[path]?.[method.toLowerCase()];
        assert.ok(operation !== undefined, `${method} ${path} is not documented`);
        assert.match(operation.description ?? '', new RegExp(`without the version prefix, at \`${path.slice(3).replace(/[{}]/g, '\\$&')}\``));
      }
    }
    assert.equal(Object.keys(document.paths).filter((path) => path === '/jobs' || path === '/overview').length, 0, 'aliases are not listed twice');
    assert.ok(document.paths['/hazelcast/rest/maps/submit-job'] !== undefined, 'other families are documented too');
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    assert.equal(new Set(ids).size, ids.length, 'operation ids are unique');
  });

  it('resolves every $ref and carries the Flink wire shapes', () => {
    for (const [, name] of text.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)) assert.ok(name! in document.components.schemas, `dangling $ref ${name}`);
    assert.equal(document.openapi, '3.1.0');
    for (const name of ['JobDetailsInfo', 'TriggerResponse', 'CheckpointingStatistics', 'MetricCollectionResponseBody', 'ErrorResponseBody', 'ValidationResult']) assert.ok(name in document.components.schemas, name);
    assert.equal((document.components.schemas.MetricCollectionResponseBody as { type: string }).type, 'array', 'metrics are bare arrays, as Flink sends them');
  });
});
