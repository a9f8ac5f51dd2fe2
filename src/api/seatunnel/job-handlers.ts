import { isTerminal, JOB_STATUSES } from '../../core/job-status.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { finishedJobJson, runningJobJson } from './job-json.js';
import type { SeaTunnelContext } from './seatunnel-context.js';
import { parseLong, seaTunnelParams } from './seatunnel-request.js';

/** GET /overview[?tag=value…]: cluster figures as strings; tags filter the node figures only (reference 4.5). */
export function overview(request: RouteRequest, { coordinator, node }: SeaTunnelContext): ApiReply {
  const filter = seaTunnelParams(request);
  const matches = Object.entries(filter).every(([key, value]) => node.tags[key] === value);
  const counts = coordinator.overview();
  const slots = counts.slots;
  return json({
    projectVersion: node.version,
    gitCommitAbbrev: 'DeadD0d0',
    totalSlot: String(matches ? (slots.total ?? 0) : 0),
    unassignedSlot: String(matches ? (slots.free ?? 0) : 0),
    workers: matches ? '1' : '0',
    runningJobs: String(counts.active),
    finishedJobs: String(counts.finished),
    failedJobs: String(counts.failed),
    cancelledJobs: String(counts.canceled),
    pendingJobs: String(counts.pending),
  });
}

/** GET /running-jobs: every accepted, unfinished job. */
export function runningJobs(_request: RouteRequest, { coordinator }: SeaTunnelContext): ApiReply {
  return json(coordinator.runningJobs().map(runningJobJson));
}

/**
 * GET /job-info/:jobId and /running-job/:jobId: the running or finished shape; an unknown id is
 * 200 `{"jobId":"<as given>"}`, a malformed one 400 (Java's NumberFormatException text).
 */
export function jobInfo(request: RouteRequest, { coordinator }: SeaTunnelContext): ApiReply {
  const given = (request.params as { jobId?: string }).jobId ?? '';
  const jobId = parseLong(given);
  const job = coordinator.job(jobId);
  if (job === undefined) return json({ jobId: given });
  return json(isTerminal(job.status) ? finishedJobJson(job) : runningJobJson(job));
}

/** GET /finished-jobs[/:state]: by finish time; the state matches case-insensitively, an unknown one gives []. */
export function finishedJobs(request: RouteRequest, { coordinator }: SeaTunnelContext): ApiReply {
  const state = ((request.params as { state?: string }).state ?? '').toUpperCase();
  const jobs = coordinator.finishedJobs();
  if (state === '') return json(jobs.map(finishedJobJson));
  if (!(JOB_STATUSES as readonly string[]).includes(state)) return json([]);
  return json(jobs.filter((job) => job.status === state).map(finishedJobJson));
}
