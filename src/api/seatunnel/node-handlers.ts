import { threadId } from 'node:worker_threads';
import { encryptJobConfig } from '../../config/shade/shade-job-config.js';
import { shadeKeyEnv } from '../../engine/coordinator-submission.js';
import { badRequest } from '../route-kit/api-error.js';
import { json, rawJson, type ApiReply } from '../route-kit/api-reply.js';
import { isJsonObject, parseJsonLossless, scalarText, stringifyJsonLossless } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { SeaTunnelContext } from './seatunnel-context.js';
import { bodyText, jsonBody } from './seatunnel-request.js';

interface ThreadEntry {
  threadName: string;
  threadId: number;
  threadState: string;
  stackTrace: string;
}

/**
 * GET /thread-dump, in Node's terms: the main thread (event loop, REST API, coordinator) and one
 * worker thread per running subtask. Worker stacks cannot be sampled from outside, so
 * `stackTrace` says what the thread runs.
 */
export function threadDump(_request: RouteRequest, context: SeaTunnelContext): ApiReply {
  return json(threads(context));
}

/** GET /running-threads: `[{threadName, classLoader}]` sorted by name (Node has no class loaders: the module kind). */
export function runningThreads(_request: RouteRequest, context: SeaTunnelContext): ApiReply {
  const entries = threads(context).map((entry) => ({ threadName: entry.threadName, classLoader: entry.threadId === threadId ? 'node:main' : 'node:worker_threads' }));
  return json(entries.sort((a, b) => a.threadName.localeCompare(b.threadName)));
}

function threads({ coordinator }: SeaTunnelContext): ThreadEntry[] {
  const entries: ThreadEntry[] = [{ threadName: 'main', threadId, threadState: 'RUNNABLE', stackTrace: 'event loop: REST API, coordinator, checkpoint coordinator' }];
  let next = threadId + 1;
  for (const job of coordinator.runningJobs()) {
    if (job.status === 'PENDING') continue;
    for (const pipeline of job.plan.pipelines) {
      for (let subtask = 0; subtask < pipeline.parallelism; subtask++) {
        entries.push({
          threadName: `job-${job.jobId}-pipeline-${pipeline.id}-subtask-${subtask}`,
          threadId: next++,
          threadState: 'RUNNABLE',
          stackTrace: `subtask ${subtask} of pipeline-${pipeline.id} of job ${job.jobName} (${job.jobId})`,
        });
      }
    }
  }
  return entries;
}

/** POST|PUT /update-tags `{"k":"v",…}`: replaces this node's tags (an empty object clears them). */
export function updateTags(request: RouteRequest, { node }: SeaTunnelContext): ApiReply {
  const body = jsonBody(request);
  if (!isJsonObject(body)) throw badRequest('Invalid JSON format in request body.');
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) Object.defineProperty(tags, key, { value: scalarText(value) ?? stringifyJsonLossless(value), enumerable: true, writable: true, configurable: true });
  node.tags = tags;
  return json({ status: 'success', message: 'update node tags done.' });
}

/**
 * POST /encrypt-config: the JSON config with the sensitive top-level keys of every source and sink
 * encrypted by `env.shade.identifier` (reference 8). A missing or empty source or sink list is a
 * 400 with SeaTunnel's text.
 */
export function encryptConfig(request: RouteRequest): ApiReply {
  const text = bodyText(request);
  let config: unknown;
  try {
    config = parseJsonLossless(text);
  } catch {
    throw badRequest('Invalid JSON format in request body.');
  }
  if (!isJsonObject(config)) throw badRequest('Invalid JSON format in request body.');
  for (const [key, name] of [['source', 'Source'], ['sink', 'Sink']] as const) {
    const list = config[key];
    if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) throw badRequest(`Miss <${name}> config! Please check the config file.`);
  }
  const encrypted = encryptJobConfig(text, { format: 'json', env: shadeKeyEnv() });
  return rawJson(stringifyJsonLossless(parseJsonLossless(encrypted.text)));
}
