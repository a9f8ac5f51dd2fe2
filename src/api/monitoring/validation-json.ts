import type { Static } from 'typebox';
import { formatDataType } from '../../core/data-type.js';
import { formatProblem, type ConfigProblem } from '../../core/errors.js';
import type { TableSchema } from '../../core/table.js';
import type { JobPlan } from '../../plan/job-plan.js';
import type { ConfigProblem as ProblemJson, ValidationPlan, ValidationResult } from './schemas/extension-schemas.js';

/**
 * The answer of POST /v1/jobs/validate, shaped for an editor: `valid`, the counts, every problem
 * (errors and warnings, by position) each with its path, 1-based line and column and a ready-made
 * one-line `text`, and the plan when there are no errors. No option values are echoed.
 */
export function validationJson(plan: JobPlan | undefined, problems: readonly ConfigProblem[]): Static<typeof ValidationResult> {
  const listed = problems.map(problemJson);
  const errors = listed.filter((problem) => problem.severity === 'error').length;
  return { valid: errors === 0 && plan !== undefined, errors, warnings: listed.length - errors, problems: listed, plan: plan === undefined ? null : planJson(plan) };
}

function problemJson(problem: ConfigProblem): Static<typeof ProblemJson> {
  return {
    severity: problem.severity ?? 'error',
    path: problem.path,
    message: problem.message,
    ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }),
    text: formatProblem(problem),
  };
}

function planJson(plan: JobPlan): Static<typeof ValidationPlan> {
  return {
    jobName: plan.jobName,
    jobMode: plan.env.jobMode,
    parallelism: plan.env.parallelism,
    restorable: plan.restorable,
    vertices: plan.vertices.map((vertex) => ({
      id: vertex.id,
      type: vertex.type,
      plugin: vertex.pluginName,
      name: vertex.name,
      configPath: `${vertex.type}[${vertex.configIndex}]`,
      pipeline: vertex.pipelineId,
      parallelism: vertex.parallelism,
      inputs: [...vertex.inputs],
      inputTables: vertex.inputTables.map(tableJson),
      outputTables: vertex.outputTables.map(tableJson),
    })),
    pipelines: plan.pipelines.map((pipeline) => ({ id: pipeline.id, parallelism: pipeline.parallelism, vertices: [...pipeline.vertexIds], edges: pipeline.edges.map((edge) => ({ from: edge.from, to: edge.to })) })),
  };
}

function tableJson(table: TableSchema): { path: string; columns: { name: string; type: string }[] } {
  return { path: table.tablePath, columns: table.columns.map((column) => ({ name: column.name, type: formatDataType(column.type) })) };
}
