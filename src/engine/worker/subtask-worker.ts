import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, SluiceError } from '../../core/errors.js';
import type { PluginContext, SinkPlugin, SourcePlugin } from '../../core/plugin.js';
import { findPlugin } from '../../plugins.js';
import type { ErrorInfo, FromWorker, Request, RunResult, SinkCall, SubtaskSpec, ToWorker } from '../messages.js';
import { Subtask } from './subtask.js';
import { WorkerLogBuffer } from './worker-logger.js';

/**
 * Entry point of a worker thread (a slot). It does what the coordinator asks — plan a source's
 * splits, run one subtask, take its part of a checkpoint, commit or finish a sink — and answers
 * each request by id. Connector and transform code runs only here.
 */
const port = parentPort;
if (port === null) throw new Error('subtask-worker must run in a worker thread');

const nice = (workerData as { nice?: number } | null)?.nice ?? 0;
if (nice > 0) lowerPriority(nice);

const post = (message: FromWorker): void => port.postMessage(message);
const logs = new WorkerLogBuffer((lines) => post({ type: 'log', lines }));
const abort = new AbortController();
let subtask: Subtask | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    abort.abort();
    return;
  }
  const { requestId } = message;
  handle(message)
    .then((value) => {
      logs.flush();
      post({ type: 'reply', requestId, value });
    })
    .catch((error: unknown) => {
      logs.flush();
      post({ type: 'error', requestId, error: errorInfo(error) });
    });
});

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'plan-splits': {
      const plugin = findPlugin('source', request.vertex.pluginName) as SourcePlugin;
      return plugin.planSplits(request.vertex.options, request.vertex.outputTables, request.parallelism);
    }
    case 'run':
      return run(request.spec);
    case 'checkpoint':
      if (subtask === undefined) throw new SluiceError('INTERNAL', 'no subtask is running in this worker');
      return subtask.checkpoint(request.barrier);
    case 'commit':
      return sink(request).commit?.(request.vertex.options, request.vertex.inputTables, request.commitInfos, sinkContext(request));
    case 'discard-staged':
      return sink(request).discardStaged?.(request.vertex.options, request.vertex.inputTables, sinkContext(request));
    case 'finish-sink':
      return sink(request).finish?.(request.vertex.options, request.vertex.inputTables, request.results, sinkContext(request));
  }
}

async function run(spec: SubtaskSpec): Promise<RunResult> {
  const current = new Subtask(spec, abort.signal, logs, () => post({ type: 'input-ended' }));
  subtask = current;
  const report = setInterval(() => post({ type: 'metrics', counters: current.counters }), spec.metricsInterval);
  try {
    const sinkResults = await current.run();
    return abort.signal.aborted ? { outcome: 'canceled' } : { outcome: 'finished', sinkResults };
  } finally {
    clearInterval(report);
    post({ type: 'metrics', counters: current.counters });
  }
}

function sink(call: SinkCall): SinkPlugin {
  return findPlugin('sink', call.vertex.pluginName) as SinkPlugin;
}

function sinkContext(call: SinkCall): PluginContext {
  return {
    jobId: call.jobId,
    subtaskIndex: 0,
    parallelism: call.parallelism,
    jobMode: call.jobMode,
    signal: abort.signal,
    log: logs.logger(call.vertex.name),
  };
}

function errorInfo(error: unknown): ErrorInfo {
  const code = error instanceof SluiceError ? error.code : 'PLUGIN_FAILED';
  const stack = error instanceof Error ? error.stack : undefined;
  return { message: errorMessage(error), code, ...(stack === undefined ? {} : { stack }) };
}

/** Lowers this thread's priority (Linux allows it per thread; elsewhere all threads keep theirs). */
function lowerPriority(nice: number): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, nice);
  } catch {
    // not Linux, or not permitted: priorities stay equal
  }
}
