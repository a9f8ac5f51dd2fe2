import { ApiError } from './api-error.js';
import type { HttpClient } from './http-client.js';
import type { DashboardConfig, OperationProgress } from './model.js';
import { paths } from './paths.js';
import { isTerminal, obj, sleep, str } from './values.js';

export type ProgressListener = (progress: OperationProgress) => void;

/** Starts an operation on the server and follows it until done; progress is reported as it changes. */
export type Operation = (onProgress: ProgressListener, signal: AbortSignal) => Promise<OperationProgress>;

const POLL_MS = 400;
const TIMEOUT_MS = 5 * 60_000;

/** Cancel: `PATCH /v1/jobs/:id?mode=cancel` (SeaTunnel's stop-job without the monitoring API), then wait for the end. */
export function cancelJob(http: HttpClient, config: DashboardConfig, jobId: string): Operation {
  return async (onProgress, signal) => {
    onProgress({ done: false, failed: false, message: 'Asking the server to cancel the job…' });
    await withFallback(
      config.monitoring ? () => http.json(paths.job(jobId), { method: 'PATCH', query: { mode: 'cancel' }, signal }) : null,
      () => http.json(paths.seaTunnel.stopJob, { method: 'POST', contentType: 'application/json', body: JSON.stringify({ jobId, isStopWithSavePoint: false }), signal }),
    );
    return waitForEnd(http, jobId, onProgress, signal, 'Canceling');
  };
}

/**
 * Stop with a savepoint: `POST /v1/jobs/:id/stop`, polled at `/savepoints/:triggerId` until the
 * savepoint is stored, then until the job reaches SAVEPOINT_DONE.
 */
export function stopWithSavepoint(http: HttpClient, config: DashboardConfig, jobId: string): Operation {
  return async (onProgress, signal) => {
    onProgress({ done: false, failed: false, message: 'Triggering the savepoint…' });
    let location: string | null = null;
    const viaMonitoring = config.monitoring
      ? async (): Promise<void> => {
          const trigger = await triggerOf(http.json(paths.stop(jobId), { method: 'POST', contentType: 'application/json', body: JSON.stringify({ drain: false, triggerId: newTriggerId() }), signal }));
          const result = await followTrigger(http, paths.savepoint(jobId, trigger), 'savepoint', onProgress, signal);
          if (result.failed) throw new OperationFailed(result.message);
          location = result.location;
        }
      : null;
    try {
      await withFallback(viaMonitoring, () =>
        http.json(paths.seaTunnel.stopJob, { method: 'POST', contentType: 'application/json', body: JSON.stringify({ jobId, isStopWithSavePoint: true }), signal }),
      );
    } catch (error) {
      if (error instanceof OperationFailed) return report(onProgress, { done: true, failed: true, message: error.message });
      throw error;
    }
    const end = await waitForEnd(http, jobId, onProgress, signal, location === null ? 'Taking the savepoint and stopping' : 'Savepoint stored; stopping');
    if (end.failed || location === null) return end;
    return report(onProgress, { ...end, message: `${end.message} Savepoint stored at ${location}.` });
  };
}

/** Savepoint while the job keeps running: `POST /v1/jobs/:id/savepoints`, polled until stored. */
export function triggerSavepoint(http: HttpClient, jobId: string): Operation {
  return async (onProgress, signal) => {
    onProgress({ done: false, failed: false, message: 'Triggering the savepoint…' });
    const trigger = await triggerOf(http.json(paths.savepoints(jobId), { method: 'POST', contentType: 'application/json', body: JSON.stringify({ 'cancel-job': false, triggerId: newTriggerId() }), signal }));
    const result = await followTrigger(http, paths.savepoint(jobId, trigger), 'savepoint', onProgress, signal);
    return report(onProgress, { done: true, failed: result.failed, message: result.failed ? result.message : `Savepoint stored at ${result.location ?? 'the data directory'}.` });
  };
}

/** Rescale: `PATCH /v1/jobs/:id/rescaling?parallelism=N`, polled at `/rescaling/:triggerId`. */
export function rescaleJob(http: HttpClient, jobId: string, parallelism: number): Operation {
  return async (onProgress, signal) => {
    onProgress({ done: false, failed: false, message: `Rescaling to parallelism ${parallelism}…` });
    const trigger = await triggerOf(http.json(paths.rescaling(jobId), { method: 'PATCH', query: { parallelism }, signal }));
    const result = await followTrigger(http, paths.rescale(jobId, trigger), 'rescale', onProgress, signal);
    return report(onProgress, { done: true, failed: result.failed, message: result.failed ? result.message : `The job now runs with parallelism ${parallelism}.` });
  };
}

class OperationFailed extends Error {}

function report(onProgress: ProgressListener, progress: OperationProgress): OperationProgress {
  onProgress(progress);
  return progress;
}

/** Runs the monitoring call, or the SeaTunnel one when there is no monitoring API or it lacks the route. */
async function withFallback(primary: (() => Promise<unknown>) | null, fallback: () => Promise<unknown>): Promise<void> {
  if (primary !== null) {
    try {
      await primary();
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.missingRoute)) throw error;
    }
  }
  await fallback();
}

async function triggerOf(answer: Promise<unknown>): Promise<string> {
  const body = obj(await answer);
  const trigger = str(body['request-id']) ?? str(body.triggerId);
  if (trigger === null) throw new Error('The server did not return a trigger id for the operation.');
  return trigger;
}

/** Polls an operation status (`{status:{id}, operation}`) until COMPLETED; a failure is inside `operation` (still HTTP 200). */
async function followTrigger(http: HttpClient, path: string, what: string, onProgress: ProgressListener, signal: AbortSignal): Promise<{ failed: boolean; message: string; location: string | null }> {
  const deadline = Date.now() + TIMEOUT_MS;
  const started = Date.now();
  for (;;) {
    const body = obj(await http.json(path, { signal }));
    const status = str(obj(body.status).id);
    if (status === 'COMPLETED') {
      const operation = obj(body.operation);
      const cause = obj(operation['failure-cause'] ?? operation.failureCause);
      if (Object.keys(cause).length > 0) {
        const message = str(cause['stack-trace']) ?? str(cause.message) ?? str(cause.class) ?? 'unknown failure';
        return { failed: true, message: `The ${what} failed: ${message}`, location: null };
      }
      return { failed: false, message: `The ${what} completed.`, location: str(operation.location) };
    }
    onProgress({ done: false, failed: false, message: `The ${what} is in progress (${Math.round((Date.now() - started) / 1000)} s)…` });
    if (Date.now() > deadline) return { failed: true, message: `The ${what} did not complete within ${TIMEOUT_MS / 60_000} minutes; it may still finish on the server.`, location: null };
    await sleep(POLL_MS, signal);
  }
}

/** Polls the job until it ends; reports its state as it changes. */
async function waitForEnd(http: HttpClient, jobId: string, onProgress: ProgressListener, signal: AbortSignal, doing: string): Promise<OperationProgress> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const info = obj(await http.json(paths.seaTunnel.jobInfo(jobId), { signal }));
    const state = str(info.jobStatus) ?? 'UNKNOWABLE';
    if (isTerminal(state)) {
      const failed = state === 'FAILED' || state === 'UNKNOWABLE';
      const error = str(info.errorMsg);
      return report(onProgress, { done: true, failed, message: `The job ended in state ${state}.${failed && error ? ` ${error}` : ''}` });
    }
    onProgress({ done: false, failed: false, message: `${doing}: the job is ${state}…` });
    if (Date.now() > deadline) return report(onProgress, { done: true, failed: true, message: `The job is still ${state} after ${TIMEOUT_MS / 60_000} minutes.` });
    await sleep(POLL_MS, signal);
  }
}

/** A client-chosen trigger id (32 hex digits): retrying the same request cannot start a second operation. */
function newTriggerId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
