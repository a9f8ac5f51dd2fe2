import type { Pipeline } from './job-plan.js';

/**
 * Splits the DAG into its connected parts, as SeaTunnel does: each becomes a pipeline numbered
 * from 1 in the order of its first vertex. Parallelism is filled in by the planner.
 */
export function pipelinesOf(vertexCount: number, inputs: Map<number, number[]>): Pipeline[] {
  const parent = Array.from({ length: vertexCount + 1 }, (_, i) => i);
  const root = (id: number): number => {
    while (parent[id] !== id) id = parent[id] = parent[parent[id]!]!;
    return id;
  };
  for (const [to, froms] of inputs) {
    for (const from of froms) parent[root(to)] = root(from);
  }
  const byRoot = new Map<number, Pipeline>();
  for (let id = 1; id <= vertexCount; id++) {
    const key = root(id);
    let pipeline = byRoot.get(key);
    if (pipeline === undefined) {
      pipeline = { id: byRoot.size + 1, vertexIds: [], edges: [], parallelism: 1 };
      byRoot.set(key, pipeline);
    }
    pipeline.vertexIds.push(id);
  }
  for (const [to, froms] of inputs) {
    const pipeline = byRoot.get(root(to))!;
    for (const from of froms) pipeline.edges.push({ from, to });
  }
  for (const pipeline of byRoot.values()) pipeline.edges.sort((a, b) => a.from - b.from || a.to - b.to);
  return [...byRoot.values()];
}
