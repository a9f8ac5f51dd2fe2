import { parentPort } from 'node:worker_threads';
import { errorMessage, SluiceError } from '../../core/errors.js';
import type { SinkPlugin, SourcePlugin } from '../../core/plugin.js';
import { findPlugin } from '../../plugins.js';
import type { ErrorInfo, FromWorker, ToWorker } from '../messages.js';
import { Subtask } from './subtask.js';
import { WorkerLogBuffer } from './worker-logger.js';

/**
 * Entry point of a worker thread (a slot). It does what the coordinator asks — plan a source's
 * splits, run one subtask, finish a sink — and reports back; connector code runs only here.
 */
const port = parentPort;
if (port === null) throw new Error('subtask-worker must run in a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);
const logs = new WorkerLogBuffer((lines) => post({ type: 'log', lines }));
const abort = new AbortController();

port.on('message', (message: ToWorker) => {
  handle(message).catch((error: unknown) => {
    logs.flush();
    post({ type: 'failed', error: errorInfo(error) });
  });
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'cancel':
      abort.abort();
      return;
    case 'plan-splits': {
      const plugin = findPlugin('source', message.vertex.pluginName) as SourcePlugin;
      const splits = await plugin.planSplits(message.vertex.options, message.vertex.outputTables, message.parallelism);
      post({ type: 'splits', splits });
      return;
    }
    case 'finish-sink': {
      const plugin = findPlugin('sink', message.vertex.pluginName) as SinkPlugin;
      const context = {
        subtaskIndex: 0,
        parallelism: message.parallelism,
        jobMode: message.jobMode,
        signal: abort.signal,
        log: logs.logger(message.vertex.name),
      };
      await plugin.finish?.(message.vertex.options, message.vertex.inputTables, message.results, context);
      logs.flush();
      post({ type: 'sink-finished' });
      return;
    }
    case 'run': {
      const subtask = new Subtask(message.spec, abort.signal, logs);
      const report = setInterval(() => post({ type: 'metrics', counters: subtask.counters }), message.spec.metricsInterval);
      let sinkResults: Record<number, unknown>;
      try {
        sinkResults = await subtask.run();
      } finally {
        clearInterval(report);
        logs.flush();
        post({ type: 'metrics', counters: subtask.counters });
      }
      post(abort.signal.aborted ? { type: 'canceled' } : { type: 'finished', sinkResults });
      return;
    }
  }
}

function errorInfo(error: unknown): ErrorInfo {
  const code = error instanceof SluiceError ? error.code : 'PLUGIN_FAILED';
  const stack = error instanceof Error ? error.stack : undefined;
  return { message: errorMessage(error), code, ...(stack === undefined ? {} : { stack }) };
}
