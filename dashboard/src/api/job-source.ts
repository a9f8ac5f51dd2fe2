import { ApiError } from './api-error.js';
import { ignoreMissing } from './cluster-source.js';
import type { HttpClient } from './http-client.js';
import { configFromUserConfig } from './config-from-user-config.js';
import { buildDag } from './job-dag.js';
import type { CheckpointEntry, CheckpointOverview, DashboardConfig, ExceptionEntry, JobDetail } from './model.js';
import { paths } from './paths.js';
import { arr, num, obj, seaTunnelState, seaTunnelTime, str, timestamp, type JsonObject } from './values.js';

/**
 * One job, merged from SeaTunnel's job-info (state in SeaTunnel's words, DAG with tables, error,
 * env) and `/v1/jobs/:id` (per-vertex metrics, timestamps, plan). Null when neither knows the id.
 */
export async function loadJob(http: HttpClient, config: DashboardConfig, jobId: string, signal?: AbortSignal): Promise<JobDetail | null> {
  const [info, detail] = await Promise.all([
    http.json(paths.seaTunnel.jobInfo(jobId), { signal }).then(obj, notFound),
    config.monitoring ? http.json(paths.job(jobId), { signal }).then(obj, notFound) : Promise.resolve(null),
  ]);
  const known = info !== null && info.jobStatus !== undefined;
  if (!known && detail === null) return null;
  const st = info ?? {};
  const fl = detail ?? {};
  const { vertices, edges } = buildDag(st, detail);
  const metrics = obj(st.metrics);
  const start = timestamp(fl['start-time']) ?? seaTunnelTime(st.createTime);
  const end = timestamp(fl['end-time']) ?? seaTunnelTime(st.finishTime);
  const now = num(fl.now) ?? Date.now();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj(st.envOptions ?? obj(st.jobDag).envOptions))) env[key] = str(value) ?? JSON.stringify(value);
  const state = str(st.jobStatus) ?? seaTunnelState(str(fl.state) ?? 'UNKNOWABLE');
  const sum = (kind: 'source' | 'sink', field: 'rowsOut' | 'rowsIn' | 'bytesOut' | 'bytesIn'): number | null => {
    const values = vertices.filter((vertex) => vertex.kind === kind).map((vertex) => vertex[field]);
    return values.length > 0 && values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  };
  return {
    id: str(st.jobId) ?? str(fl.jid) ?? jobId,
    name: str(st.jobName) ?? str(fl.name) ?? '',
    state,
    mode: env['job.mode'] ?? str(fl['job-type']),
    startTime: start,
    endTime: end,
    durationMs: num(fl.duration) ?? (start === null ? null : (end ?? now) - start),
    now,
    rowsRead: num(metrics.SourceReceivedCount) ?? sum('source', 'rowsOut'),
    rowsWritten: num(metrics.SinkWriteCount) ?? sum('sink', 'rowsIn'),
    bytesRead: num(metrics.SourceReceivedBytes) ?? sum('source', 'bytesOut'),
    bytesWritten: num(metrics.SinkWriteBytes) ?? sum('sink', 'bytesIn'),
    vertices,
    edges,
    timestamps: timestampsOf(fl, st, state, start, end),
    error: str(st.errorMsg),
    env,
    startedWithSavepoint: st.isStartWithSavePoint === true,
  };
}

/** Flink's `timestamps` has every state, 0 when not reached; SeaTunnel gives only create and finish times. */
function timestampsOf(detail: JsonObject, info: JsonObject, state: string, start: number | null, end: number | null): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, value] of Object.entries(obj(detail.timestamps))) {
    const at = timestamp(value);
    if (at !== null) result[seaTunnelState(name)] = at;
  }
  for (const [name, value] of Object.entries(obj(info.timestamps))) {
    const at = timestamp(value);
    if (at !== null) result[name] = at;
  }
  if (Object.keys(result).length === 0 && start !== null) {
    result.CREATED = start;
    if (end !== null) result[state] = end;
  }
  // The monitoring API says FINISHED for SAVEPOINT_DONE; show SeaTunnel's word for the end.
  if (state === 'SAVEPOINT_DONE' && result.FINISHED !== undefined && result.SAVEPOINT_DONE === undefined) {
    result.SAVEPOINT_DONE = result.FINISHED;
    delete result.FINISHED;
  }
  return result;
}

/** Checkpoint and savepoint statistics; null when the server has none for this job (checkpointing off, or no monitoring API). */
export async function loadCheckpoints(http: HttpClient, config: DashboardConfig, jobId: string, signal?: AbortSignal): Promise<CheckpointOverview | null> {
  if (!config.monitoring) return null;
  const body = await http.json(paths.checkpoints(jobId), { signal }).then(obj, ignoreMissing);
  if (body === null) return null;
  const counts = obj(body.counts);
  const restored = obj(obj(body.latest).restored);
  return {
    counts: {
      total: num(counts.total) ?? 0,
      completed: num(counts.completed) ?? 0,
      failed: num(counts.failed) ?? 0,
      inProgress: num(counts.in_progress) ?? 0,
      restored: num(counts.restored) ?? 0,
    },
    history: arr(body.history).map(obj).map(checkpointEntry),
    restored:
      Object.keys(restored).length === 0
        ? null
        : { id: str(restored.id) ?? '', path: str(restored.external_path), savepoint: restored.is_savepoint === true, time: timestamp(restored.restore_timestamp) },
  };
}

function checkpointEntry(entry: JsonObject): CheckpointEntry {
  const savepoint = entry.is_savepoint === true;
  const total = num(entry.num_subtasks);
  const acked = num(entry.num_acknowledged_subtasks);
  return {
    id: str(entry.id) ?? '',
    status: str(entry.status) ?? '',
    savepoint,
    kind: str(entry.checkpoint_type) ?? (savepoint ? 'SAVEPOINT' : 'CHECKPOINT'),
    triggerTime: timestamp(entry.trigger_timestamp),
    durationMs: num(entry.end_to_end_duration),
    sizeBytes: num(entry.checkpointed_size) ?? num(entry.state_size),
    acknowledged: total === null ? '–' : `${acked ?? 0}/${total}`,
    path: str(entry.external_path),
    failure: str(entry.failure_message),
  };
}

/** Exception history, newest first; falls back to the job's error message. */
export async function loadExceptions(http: HttpClient, config: DashboardConfig, job: JobDetail, signal?: AbortSignal): Promise<ExceptionEntry[]> {
  if (config.monitoring) {
    const body = await http.json(paths.exceptions(job.id), { signal, query: { maxExceptions: 50 } }).then(obj, ignoreMissing);
    if (body !== null) {
      const entries = arr(obj(body.exceptionHistory).entries).map(obj);
      const list = entries.map((entry) => ({
        name: str(entry.exceptionName) ?? 'Error',
        message: str(entry.stacktrace) ?? str(entry.message) ?? '',
        time: timestamp(entry.timestamp),
        task: str(entry.taskName),
      }));
      if (list.length > 0 || job.error === null) return list;
    }
  }
  return job.error === null ? [] : [{ name: 'Job error', message: job.error, time: job.endTime, task: null }];
}

export interface JobConfigView {
  /** The job's config as the server returns it (secrets masked), for display. */
  display: string;
  /** Config text that can be submitted again (restart from a savepoint); null when the server gives too little to rebuild it. */
  text: string | null;
  format: 'hocon' | 'json';
  /** Masked values (`******`) in `text` must be typed again before a restart. */
  masked: boolean;
}

/**
 * The job's config from `/v1/jobs/:id/config`: its `user-config` (flat `env.*` and
 * `source[0].option` keys, masked) rebuilt as HOCON, which can also be submitted again. Without the
 * monitoring API only the env options are known.
 */
export async function loadJobConfig(http: HttpClient, config: DashboardConfig, job: JobDetail, signal?: AbortSignal): Promise<JobConfigView> {
  const body = config.monitoring ? await http.json(paths.jobConfig(job.id), { signal }).then(obj, ignoreMissing) : null;
  const userConfig = obj(obj(body?.['execution-config'])['user-config']);
  const text = configFromUserConfig(userConfig, job.vertices);
  if (text !== null) return { display: text, text, format: 'hocon', masked: text.includes('******') };
  const display = JSON.stringify({ env: job.env }, null, 2);
  return { display, text: null, format: 'json', masked: display.includes('******') };
}

/** The job's log file (masked by the server); null when the node has none for it. */
export async function loadJobLog(http: HttpClient, jobId: string, signal?: AbortSignal): Promise<string | null> {
  try {
    return await http.text(paths.seaTunnel.jobLog(jobId), { signal });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 404)) return null;
    throw error;
  }
}

/** 404 (unknown job) and 400 (malformed id) mean "no such job" here. */
function notFound(error: unknown): null {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
  throw error;
}
