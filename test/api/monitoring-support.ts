import assert from 'node:assert/strict';
import { http, waitFor, type HttpResult, type ServeProcess } from './serve-process.js';
import { FlinkSpec, type SpecError } from './monitoring-spec-checker.js';

/**
 * Where Sluice's answers differ from Flink's spec on purpose (docs/rest-api-monitoring.md): ids.
 * Every other difference between a response and the spec fails the test.
 */
const SLUICE_DEVIATIONS: { ref: string; keyword: string; why: string }[] = [
  { ref: 'JobID', keyword: 'pattern', why: 'Sluice job ids are 64-bit decimals (SeaTunnel ids), not 32 hex characters' },
  { ref: 'JobVertexID', keyword: 'pattern', why: "a vertex id is the vertex's number in the plan" },
  { ref: 'ResourceID', keyword: 'pattern', why: 'a task manager is a node, named host:port (Flink task manager ids are not hex either)' },
];

const spec = new FlinkSpec();

/** Asserts that a response matches the success schema Flink's spec declares for (method, spec path), deviations above aside. */
export function assertFlinkShape(result: HttpResult, method: string, specPath: string): void {
  const schema = spec.responseSchema(method, specPath);
  assert.ok(schema !== undefined, `the spec declares no body for ${method} ${specPath}`);
  const errors = spec.check(result.body, schema).filter((error) => !isDeviation(error));
  assert.deepEqual(errors, [], `${method} ${specPath} does not match Flink's spec:\n${errors.map((e) => `  ${e.path}: ${e.message} (${e.ref ?? 'inline'})`).join('\n')}\n${result.text.slice(0, 2000)}`);
}

function isDeviation(error: SpecError): boolean {
  return SLUICE_DEVIATIONS.some((deviation) => deviation.ref === error.ref && deviation.keyword === error.keyword);
}

/** GET `<url>/v1<path>`, asserting the status. */
export async function get(serve: ServeProcess, path: string, status = 200): Promise<HttpResult> {
  const result = await http(`${serve.url}/v1${path}`);
  assert.equal(result.status, status, `GET ${path}: ${result.text}`);
  return result;
}

export async function send(serve: ServeProcess, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<HttpResult> {
  return http(`${serve.url}/v1${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** Submits a config through POST /v1/jobs and returns the job id. */
export async function submit(serve: ServeProcess, config: string | object, query = ''): Promise<string> {
  const contentType = typeof config === 'string' ? 'application/hocon' : 'application/json';
  const result = await send(serve, 'POST', `/jobs${query}`, config, contentType);
  assert.equal(result.status, 202, result.text);
  const { jobid, jobUrl } = result.body as { jobid: string; jobUrl: string };
  assert.equal(jobUrl, `/jobs/${jobid}`);
  return jobid;
}

/** Polls /v1/jobs/:id/status until the Flink state is one of `states`. */
export async function waitForFlinkState(serve: ServeProcess, jobId: string, states: string[], timeoutMs = 30_000): Promise<string> {
  const result = await waitFor(
    () => http(`${serve.url}/v1/jobs/${jobId}/status`),
    (r) => states.includes((r.body as { status?: string } | undefined)?.status ?? ''),
    timeoutMs,
  );
  return (result.body as { status: string }).status;
}

/** Polls a trigger's status URL until COMPLETED and returns the operation. */
export async function waitForOperation(serve: ServeProcess, statusPath: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const result = await waitFor(
    () => http(`${serve.url}/v1${statusPath}`),
    (r) => r.status !== 200 || (r.body as { status?: { id?: string } }).status?.id === 'COMPLETED',
    timeoutMs,
  );
  assert.equal(result.status, 200, result.text);
  return (result.body as { operation: Record<string, unknown> }).operation;
}

/** A STREAMING FakeSource job that runs until stopped, its splits restorable (savepoints, rescale). */
export function streamingConfig(name: string, parallelism = 1): string {
  return `
env {
  job.mode = "STREAMING"
  job.name = "${name}"
  parallelism = ${parallelism}
  checkpoint.interval = 2000
}
source {
  FakeSource {
    plugin_output = "fake"
    row.num = 1000000
    split.num = 100
    split.read-interval = 50
    schema = { fields { name = string, age = int } }
  }
}
sink {
  Console { plugin_input = "fake", log.print.data = false }
}
`;
}

/** Waits until a running job has read rows (its subtasks are deployed). */
export async function waitForRows(serve: ServeProcess, jobId: string): Promise<void> {
  await waitFor(
    () => http(`${serve.url}/v1/jobs/${jobId}/metrics?get=numRecordsIn`),
    (r) => Number((r.body as { value?: string }[] | undefined)?.[0]?.value ?? 0) > 0,
  );
}
