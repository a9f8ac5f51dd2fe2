import { setTimeout as sleep } from 'node:timers/promises';
import { isTerminal } from '../../core/job-status.js';
import type { JobView } from '../../engine/coordinator-job.js';
import { badRequest } from '../route-kit/api-error.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import { isJsonObject } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { statusKey } from './checkpoint-handlers.js';
import type { MonitoringContext } from './monitoring-context.js';
import { jobOf, jsonObjectBody, mismatch, notFound, queryInteger } from './monitoring-request.js';
import { operationStatusReply, triggerReply } from './operation-json.js';
import { findVertex, vertexParallelism } from './vertex-figures.js';

/**
 * Rescaling. Sluice runs every pipeline of a job at one parallelism and rescales a running job in
 * place: a checkpoint, then the subtasks are redeployed with their splits redistributed. Both of
 * Flink's ways work (Flink's own PATCH …/rescaling has answered 503 since 1.9).
 */

const REDEPLOY_TIMEOUT_MS = 15_000;
const REDEPLOY_POLL_MS = 20;

/** PATCH /jobs/:jobid/rescaling?parallelism=N → 200 `{"request-id"}` (200, as Flink declares this trigger). */
export function triggerRescaling(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const parallelism = queryInteger(request, 'parallelism', 1, 100_000);
  if (parallelism === undefined) throw badRequest('Bad request, could not parse parameters: the query parameter parallelism is required (a whole number of at least 1).');
  const trigger = context.operations.trigger('rescale', job.jobId, undefined, () => rescale(context, job.jobId, parallelism));
  return triggerReply(trigger.triggerId, 200);
}

/** GET /jobs/:jobid/rescaling/:triggerid. */
export function rescalingStatus(request: RouteRequest, context: MonitoringContext): ApiReply {
  const { jobId, triggerId } = statusKey(request);
  const state = context.operations.status('rescale', jobId, triggerId);
  if (state === undefined) throw notFound(`There is no rescaling operation with triggerId=${triggerId} for job ${jobId}.`);
  return operationStatusReply(state, 'plain');
}

/** GET /jobs/:jobid/resource-requirements: per vertex, lower bound 1 and the current parallelism as upper bound. */
export function resourceRequirements(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  return json(Object.fromEntries(job.plan.vertices.map((vertex) => [String(vertex.id), { parallelism: { lowerBound: 1, upperBound: vertexParallelism(job.plan, vertex) } }])));
}

/**
 * PUT /jobs/:jobid/resource-requirements `{"<vertex id>": {"parallelism": {"lowerBound", "upperBound"}}}`:
 * rescales the job to the upper bound and answers 200 `{}` once it runs at it — unlike Flink, which
 * answers at once and rescales later, so a refusal (not running, too few slots) is the answer here.
 * The vertices given must agree on the upper bound; vertices left out follow.
 */
export async function updateResourceRequirements(request: RouteRequest, context: MonitoringContext): Promise<ApiReply> {
  const job = jobOf(request, context);
  const parallelism = wantedParallelism(job, jsonObjectBody(request, 'JobResourceRequirementsBody'));
  const current = new Set(job.plan.pipelines.map((pipeline) => pipeline.parallelism));
  if (current.size !== 1 || !current.has(parallelism)) await rescale(context, job.jobId, parallelism);
  return json({});
}

/**
 * Rescales and resolves once every pipeline runs at the new parallelism: the engine's promise
 * settles when the rescale checkpoint is stored, a moment before the subtasks are redeployed.
 */
async function rescale({ coordinator }: MonitoringContext, jobId: string, parallelism: number): Promise<void> {
  await coordinator.rescale(jobId, parallelism);
  const deadline = Date.now() + REDEPLOY_TIMEOUT_MS;
  for (;;) {
    const job = coordinator.job(jobId);
    if (job === undefined || isTerminal(job.status) || job.plan.pipelines.every((pipeline) => pipeline.parallelism === parallelism)) return;
    if (Date.now() > deadline) throw new Error(`Job ${jobId} did not redeploy at parallelism ${parallelism} within ${REDEPLOY_TIMEOUT_MS / 1000} s.`);
    await sleep(REDEPLOY_POLL_MS);
  }
}

function wantedParallelism(job: JobView, body: Record<string, unknown>): number {
  const className = 'JobResourceRequirementsBody';
  const wanted = new Set<number>();
  for (const [id, requirement] of Object.entries(body)) {
    if (findVertex(job, id) === undefined) throw mismatch(className, `vertex ${id} is not part of job ${job.jobId} (its vertices are ${job.plan.vertices.map((vertex) => vertex.id).join(', ')})`);
    const bounds = isJsonObject(requirement) && isJsonObject(requirement.parallelism) ? requirement.parallelism : undefined;
    const lower = bounds?.lowerBound;
    const upper = bounds?.upperBound;
    if (!isCount(upper) || (lower !== undefined && (!isCount(lower) || lower > upper))) {
      throw mismatch(className, `vertex ${id} needs {"parallelism": {"lowerBound": n, "upperBound": m}} with whole numbers 1 <= n <= m`);
    }
    wanted.add(upper);
  }
  if (wanted.size === 0) throw mismatch(className, 'name at least one vertex');
  if (wanted.size > 1) throw badRequest(`Sluice runs every vertex of a job at one parallelism, but the upper bounds differ (${[...wanted].join(', ')}); give them all the same upperBound.`);
  return [...wanted][0]!;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100_000;
}
