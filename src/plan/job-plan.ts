import type { EnvConfig } from '../config/job-config.js';
import type { OptionValues } from '../core/option-spec.js';
import type { PluginType } from '../core/plugin.js';
import type { TableSchema } from '../core/table.js';

/**
 * A job ready to run: plain data (structured-clone safe), so it can be sent to workers, stored in
 * job history and rendered by the REST APIs.
 */
export interface JobPlan {
  jobName: string;
  env: EnvConfig;
  vertices: Vertex[];
  pipelines: Pipeline[];
  /** Every source can snapshot its read position: the job can take savepoints, be restored and rescaled. */
  restorable: boolean;
}

/** One plugin instance of the DAG. */
export interface Vertex {
  /** 1-based, in config order: sources, then transforms, then sinks. */
  id: number;
  type: PluginType;
  /** The registered plugin name (`Console`). */
  pluginName: string;
  /** The name as written in the config (`console`). */
  configuredName: string;
  /** Position within its config section (`sink[1]` → 1). */
  configIndex: number;
  /** As SeaTunnel reports it: `pipeline-1 [Source[0]-FakeSource]`. */
  name: string;
  pipelineId: number;
  options: OptionValues;
  /** Upstream vertex ids. */
  inputs: number[];
  /** Tables flowing in (transforms, sinks) and out (sources, transforms). */
  inputTables: TableSchema[];
  outputTables: TableSchema[];
  parallelism: number;
  /** Sources: whether its readers can snapshot their position. Always true for transforms and sinks. */
  restorable: boolean;
}

/** A connected part of the DAG; it runs as `parallelism` independent subtasks. */
export interface Pipeline {
  /** 1-based. */
  id: number;
  vertexIds: number[];
  edges: { from: number; to: number }[];
  parallelism: number;
}

export function vertexTablePaths(vertex: Vertex): string[] {
  const tables = vertex.type === 'source' ? vertex.outputTables : vertex.inputTables;
  return tables.map((table) => table.tablePath);
}
