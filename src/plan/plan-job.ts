import type { JobConfig, PluginConfig } from '../config/job-config.js';
import { pluginPath } from '../config/job-config.js';
import { nearestPosition } from '../config/nearest-position.js';
import { validateJobConfig } from '../config/validate-job-config.js';
import { ConfigError, errorMessage, OptionError, type ConfigProblem } from '../core/errors.js';
import type { OptionValues } from '../core/option-spec.js';
import type { Plugin, PluginCatalog } from '../core/plugin.js';
import { closestNames } from '../core/suggest.js';
import type { TableSchema } from '../core/table.js';
import type { JobPlan, Pipeline, Vertex } from './job-plan.js';
import { pipelinesOf } from './pipelines-of.js';

/**
 * Turns a parsed config into a runnable plan: validates every plugin's options, wires the DAG,
 * derives the tables on every edge and splits the DAG into pipelines. Throws ConfigError with
 * every problem found; warnings are returned with the plan.
 */
export function planJob(config: JobConfig, catalog: PluginCatalog): { plan: JobPlan; warnings: ConfigProblem[] } {
  const validation = validateJobConfig(config, catalog);
  const problems: ConfigProblem[] = [...validation.problems];
  const report = (path: string, message: string): void => {
    problems.push(locate(config, path, message));
  };

  const blocks = [...config.source, ...config.transform, ...config.sink];
  const idOf = new Map(blocks.map((block, i) => [block, i + 1]));
  const inputs = wire(config, idOf, report);
  const order = topologicalOrder(blocks.length, inputs, (id) => report(pluginPath(blocks[id - 1]!), 'is part of a cycle in plugin_input'));

  const outputTables = new Map<number, TableSchema[]>();
  const inputTables = new Map<number, TableSchema[]>();
  // Blocks are bound even when their options had problems, to find every other problem; a problem
  // at a path already reported (validate() and bind() often check the same option) is not repeated.
  // A block that cannot be bound leaves its consumers unbound too: their input tables are unknown.
  const unbound = new Set<number>();
  const reportOnce = (problem: ConfigProblem): void => {
    if (!problems.some((p) => p.path === problem.path && p.severity !== 'warning')) problems.push(problem);
  };
  for (const id of order) {
    const block = blocks[id - 1]!;
    const plugin = catalog.find(block.type, block.name);
    const options = validation.options.get(block);
    const path = pluginPath(block);
    if (plugin === undefined || options === undefined || (inputs.get(id) ?? []).some((input) => unbound.has(input))) {
      unbound.add(id);
      continue;
    }
    const incoming = (inputs.get(id) ?? []).flatMap((input) => outputTables.get(input) ?? []);
    inputTables.set(id, incoming);
    try {
      const addProblem = (problem: ConfigProblem): void => {
        const at = problem.path === '' ? path : `${path}.${problem.path}`;
        reportOnce({ ...locate(config, at, problem.message), ...(problem.severity ? { severity: problem.severity } : {}) });
      };
      outputTables.set(id, tablesOf(plugin, options, block, incoming, addProblem));
    } catch (error) {
      unbound.add(id);
      reportOnce(locate(config, error instanceof OptionError ? `${path}.${error.option}` : path, errorMessage(error)));
    }
  }

  const wiringFailed = problems.some((problem) => problem.path.endsWith('.plugin_input'));
  for (const block of wiringFailed ? [] : blocks) {
    if (block.type === 'sink') continue;
    const id = idOf.get(block)!;
    const consumed = [...inputs.values()].some((list) => list.includes(id));
    if (!consumed) report(pluginPath(block), `${block.name} has no downstream transform or sink; name it in a plugin_input`);
  }

  const errors = problems.filter((problem) => problem.severity !== 'warning');
  if (errors.length > 0) throw new ConfigError(problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0)));

  const pipelines = pipelinesOf(blocks.length, inputs);
  const vertices = blocks.map((block, i) => {
    const id = i + 1;
    const pipeline = pipelines.find((p) => p.vertexIds.includes(id))!;
    const vertex = vertexOf(block, id, pipeline, catalog, validation.options.get(block)!, inputs.get(id) ?? [], inputTables.get(id) ?? [], outputTables.get(id) ?? []);
    vertex.parallelism = block.parallelism ?? config.env.parallelism;
    return vertex;
  });
  for (const pipeline of pipelines) {
    const sources = vertices.filter((v) => v.type === 'source' && pipeline.vertexIds.includes(v.id));
    pipeline.parallelism = Math.max(...sources.map((source) => source.parallelism));
    for (const vertex of vertices) {
      if (vertex.type !== 'source' && pipeline.vertexIds.includes(vertex.id)) vertex.parallelism = pipeline.parallelism;
    }
  }
  const restorable = vertices.every((vertex) => vertex.restorable);
  const plan = { jobName: config.env.jobName, env: config.env, vertices, pipelines, restorable };
  return { plan, warnings: problems };
}

/** Resolves plugin_input names, or the implicit chain when they are omitted. */
function wire(config: JobConfig, idOf: Map<PluginConfig, number>, report: (path: string, message: string) => void): Map<number, number[]> {
  const producers = new Map<string, number>();
  for (const block of [...config.source, ...config.transform]) {
    if (block.output === undefined) continue;
    if (producers.has(block.output)) {
      report(`${pluginPath(block)}.plugin_output`, `table "${block.output}" is already produced by another plugin`);
    }
    producers.set(block.output, idOf.get(block)!);
  }

  const inputs = new Map<number, number[]>();
  const consumers = [...config.transform, ...config.sink];
  for (const block of consumers) {
    const id = idOf.get(block)!;
    if (block.inputs.length > 0) {
      const resolved: number[] = [];
      for (const name of block.inputs) {
        const producer = producers.get(name);
        if (producer !== undefined) {
          resolved.push(producer);
          continue;
        }
        const known = [...producers.keys()];
        const hint = closestNames(name, known);
        const suggestion = hint.length > 0 ? `; did you mean ${hint.join(' or ')}?` : known.length > 0 ? `; known tables: ${known.join(', ')}` : '; no plugin sets plugin_output';
        report(`${pluginPath(block)}.plugin_input`, `unknown table "${name}"${suggestion}`);
      }
      inputs.set(id, resolved);
      continue;
    }
    const previous = implicitInput(config, block);
    if (previous === 'ambiguous') {
      report(pluginPath(block), `the job has several sources; set plugin_input to say which table ${block.name} reads`);
    } else if (previous !== undefined) {
      inputs.set(id, [idOf.get(previous)!]);
    }
  }
  return inputs;
}

/** SeaTunnel's rule without names: a plugin consumes the output of the plugin before it. */
function implicitInput(config: JobConfig, block: PluginConfig): PluginConfig | 'ambiguous' | undefined {
  if (block.type === 'transform' && block.index > 0) return config.transform[block.index - 1];
  if (block.type === 'sink' && config.transform.length > 0) return config.transform[config.transform.length - 1];
  return config.source.length > 1 ? 'ambiguous' : config.source[0];
}

function topologicalOrder(count: number, inputs: Map<number, number[]>, onCycle: (id: number) => void): number[] {
  const state = new Map<number, 'visiting' | 'done'>();
  const order: number[] = [];
  const visit = (id: number): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      onCycle(id);
      return;
    }
    state.set(id, 'visiting');
    for (const input of inputs.get(id) ?? []) visit(input);
    state.set(id, 'done');
    order.push(id);
  };
  for (let id = 1; id <= count; id++) visit(id);
  return order;
}

function tablesOf(plugin: Plugin, options: OptionValues, block: PluginConfig, incoming: TableSchema[], report: (problem: ConfigProblem) => void): TableSchema[] {
  switch (plugin.type) {
    case 'source':
      return plugin.tables(options, block.output);
    case 'transform':
      return incoming.map((table) => plugin.bind(options, table).output);
    case 'sink':
      for (const problem of plugin.check?.(options, incoming) ?? []) report(problem);
      return [];
  }
}

function vertexOf(
  block: PluginConfig,
  id: number,
  pipeline: Pipeline,
  catalog: PluginCatalog,
  options: OptionValues,
  inputs: number[],
  inputTables: TableSchema[],
  outputTables: TableSchema[],
): Vertex {
  const plugin = catalog.find(block.type, block.name)!;
  const role = { source: 'Source', transform: 'Transform', sink: 'Sink' }[block.type];
  const label = block.type === 'sink' ? `${block.name}-MultiTableSink` : plugin.name;
  return {
    id,
    type: block.type,
    pluginName: plugin.name,
    configuredName: block.name,
    configIndex: block.index,
    name: `pipeline-${pipeline.id} [${role}[${block.index}]-${label}]`,
    pipelineId: pipeline.id,
    options,
    inputs,
    inputTables,
    outputTables,
    parallelism: 1,
    restorable: plugin.type !== 'source' || plugin.restorable,
  };
}

/** A problem at `path`, placed where the parser saw it or its nearest enclosing value. */
function locate(config: JobConfig, path: string, message: string): ConfigProblem {
  const position = nearestPosition(config.positions, path);
  return position === undefined ? { path, message } : { path, message, line: position.line, column: position.column };
}
