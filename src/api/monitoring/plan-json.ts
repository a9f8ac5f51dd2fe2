import type { Static } from 'typebox';
import type { JobView } from '../../engine/coordinator-job.js';
import { vertexTablePaths } from '../../plan/job-plan.js';
import type { Plan } from './schemas/job-schemas.js';
import { vertexParallelism } from './vertex-figures.js';

/**
 * Flink's JSON plan of a job: one node per vertex (a plugin instance; Flink would chain a pipeline
 * into one node, Sluice shows its plugins so their figures can be told apart), inputs naming the
 * upstream vertex ids. No options are echoed, so nothing needs masking here.
 */
export function planJson(job: JobView): Static<typeof Plan> {
  return {
    jid: job.jobId,
    name: job.jobName,
    type: job.plan.env.jobMode,
    nodes: job.plan.vertices.map((vertex) => ({
      id: String(vertex.id),
      parallelism: vertexParallelism(job.plan, vertex),
      operator: vertex.pluginName,
      operator_strategy: vertex.type,
      description: `${vertex.name} [${vertexTablePaths(vertex).join(', ')}]`,
      inputs: vertex.inputs.map((input, num) => ({ num, id: String(input), ship_strategy: 'FORWARD', exchange: 'pipelined_bounded' })),
      optimizer_properties: {},
    })),
  };
}
