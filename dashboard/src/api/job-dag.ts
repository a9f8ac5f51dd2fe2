import type { DagEdge, DagVertex, VertexKind } from './model.js';
import { arr, num, obj, str, type JsonObject } from './values.js';

/**
 * The job's DAG from what the server gives: the monitoring API's `vertices` (with their record
 * metrics) and `plan.nodes[].inputs` when present, SeaTunnel's `jobDag` always (plugin names, kinds,
 * tables). Vertices of the two are matched by name (`pipeline-1 [Source[0]-FakeSource]`), then by
 * position. Without the monitoring API, transforms have no counts and sources and sinks take
 * theirs from SeaTunnel's per-table metrics.
 */
export function buildDag(info: JsonObject, detail: JsonObject | null): { vertices: DagVertex[]; edges: DagEdge[] } {
  const dag = obj(info.jobDag);
  const seaTunnel = arr(dag.vertices).map(obj);
  const tablesById = new Map(arr(dag.vertexInfoMap).map(obj).map((entry) => [str(entry.vertexId) ?? '', arr(entry.tablePaths).map((t) => str(t) ?? '')]));
  const flink = arr(detail?.vertices).map(obj);
  const vertices = flink.length > 0 ? fromMonitoring(flink, obj(detail?.plan), seaTunnel, tablesById) : fromSeaTunnel(seaTunnel, arr(dag.edges).map(obj), tablesById, obj(info.metrics));
  return { vertices, edges: edgesOf(vertices) };
}

function fromMonitoring(flink: JsonObject[], plan: JsonObject, seaTunnel: JsonObject[], tablesById: Map<string, string[]>): DagVertex[] {
  const inputs = new Map<string, string[]>();
  for (const node of arr(plan.nodes).map(obj)) {
    inputs.set(str(node.id) ?? '', arr(node.inputs).map((input) => str(obj(input).id) ?? '').filter((id) => id !== ''));
  }
  return flink.map((vertex, index) => {
    const name = str(vertex.name) ?? '';
    const match = seaTunnel.find((candidate) => str(candidate.vertexName) === name) ?? seaTunnel[index];
    const parsed = parseVertexName(name);
    const metrics = obj(vertex.metrics);
    const id = str(vertex.id) ?? String(index);
    return {
      id,
      name,
      plugin: str(match?.pluginName) ?? parsed.plugin,
      kind: kindOf(str(match?.type)) ?? parsed.kind,
      parallelism: num(vertex.parallelism),
      inputs: inputs.get(id) ?? [],
      rowsIn: num(metrics['read-records']),
      rowsOut: num(metrics['write-records']),
      bytesIn: num(metrics['read-bytes']),
      bytesOut: num(metrics['write-bytes']),
      state: str(vertex.status),
      tables: tablesById.get(str(match?.vertexId) ?? '') ?? arr(vertex.tables).map((t) => str(t) ?? ''),
    };
  });
}

function fromSeaTunnel(seaTunnel: JsonObject[], edges: JsonObject[], tablesById: Map<string, string[]>, metrics: JsonObject): DagVertex[] {
  const sources = seaTunnel.filter((vertex) => kindOf(str(vertex.type)) === 'source').length;
  const sinks = seaTunnel.filter((vertex) => kindOf(str(vertex.type)) === 'sink').length;
  const sum = (table: unknown, names: string[]): number | null => {
    const counts = obj(table);
    const values = names.map((name) => num(counts[name])).filter((n): n is number => n !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  return seaTunnel.map((vertex) => {
    const id = str(vertex.vertexId) ?? '';
    const name = str(vertex.vertexName) ?? '';
    const kind = kindOf(str(vertex.type)) ?? parseVertexName(name).kind;
    const tables = tablesById.get(id) ?? [];
    const read = kind === 'source' ? (sum(metrics.TableSourceReceivedCount, tables) ?? (sources === 1 ? num(metrics.SourceReceivedCount) : null)) : null;
    const written = kind === 'sink' ? (sum(metrics.TableSinkWriteCount, tables) ?? (sinks === 1 ? num(metrics.SinkWriteCount) : null)) : null;
    return {
      id,
      name,
      plugin: str(vertex.pluginName) ?? parseVertexName(name).plugin,
      kind,
      parallelism: num(vertex.parallelism),
      inputs: edges.filter((edge) => str(edge.targetVertexId) === id).map((edge) => str(edge.inputVertexId) ?? ''),
      rowsIn: kind === 'sink' ? written : null,
      rowsOut: kind === 'source' ? read : null,
      bytesIn: null,
      bytesOut: null,
      state: null,
      tables,
    };
  });
}

/**
 * The tables on each edge. A source lists the tables it writes, a transform or sink the tables it
 * reads: an edge from a source carries what both list; an edge from a transform carries what the
 * target reads and no other (source) input of it provides.
 */
function edgesOf(vertices: DagVertex[]): DagEdge[] {
  const byId = new Map(vertices.map((vertex) => [vertex.id, vertex]));
  const edges: DagEdge[] = [];
  for (const target of vertices) {
    for (const fromId of target.inputs) {
      const from = byId.get(fromId);
      if (from === undefined) continue;
      let tables: string[];
      if (from.kind === 'source') tables = target.tables.filter((table) => from.tables.includes(table));
      else {
        const fromSources = new Set(target.inputs.map((id) => byId.get(id)).filter((v) => v !== undefined && v.id !== from.id && v.kind === 'source').flatMap((v) => v!.tables));
        tables = target.tables.filter((table) => !fromSources.has(table));
      }
      if (tables.length === 0 && target.inputs.length === 1) tables = target.tables;
      edges.push({ from: fromId, to: target.id, tables });
    }
  }
  return edges;
}

function kindOf(type: string | null): VertexKind | null {
  const lower = type?.toLowerCase() ?? '';
  return lower === 'source' || lower === 'transform' || lower === 'sink' ? lower : null;
}

/** `pipeline-1 [Source[0]-FakeSource]` → source, FakeSource. */
export function parseVertexName(name: string): { kind: VertexKind; plugin: string } {
  const match = /\[(Source|Transform|Sink)\[\d+\]-([^\]]+)\]/i.exec(name);
  if (match === null) return { kind: 'transform', plugin: name };
  return { kind: match[1]!.toLowerCase() as VertexKind, plugin: match[2]! };
}
