/** A vertex to lay out: its id and the ids it reads from. */
export interface LayoutInput {
  id: string;
  inputs: readonly string[];
  /** Sinks go to the last column, so every sink lines up on the right. */
  sink: boolean;
}

export interface LayoutNode {
  id: string;
  x: number;
  y: number;
  layer: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** SVG path data of the curve. */
  path: string;
  /** Where a label sits: the middle of the curve. */
  mid: { x: number; y: number };
}

export interface Layout {
  nodes: Map<string, LayoutNode>;
  edges: LayoutEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 88;
const GAP_X = 96;
const GAP_Y = 28;
const MARGIN = 16;

/**
 * Lays a DAG out left to right: each vertex one column right of its furthest input (sinks in the
 * last column), rows ordered by the barycentre of their neighbours to cut crossings, then each
 * column shifted so its vertices sit level with their neighbours. Pure: no DOM.
 */
export function layoutDag(vertices: readonly LayoutInput[]): Layout {
  const byId = new Map(vertices.map((vertex) => [vertex.id, vertex]));
  const successors = new Map<string, string[]>(vertices.map((vertex) => [vertex.id, []]));
  for (const vertex of vertices) for (const input of vertex.inputs) successors.get(input)?.push(vertex.id);

  const layerOf = new Map<string, number>();
  const visiting = new Set<string>();
  const layer = (id: string): number => {
    const known = layerOf.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle cannot come from a valid plan; do not loop on one
    visiting.add(id);
    const inputs = (byId.get(id)?.inputs ?? []).filter((input) => byId.has(input));
    const value = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map(layer));
    visiting.delete(id);
    layerOf.set(id, value);
    return value;
  };
  for (const vertex of vertices) layer(vertex.id);
  const last = Math.max(0, ...layerOf.values());
  for (const vertex of vertices) if (vertex.sink && (successors.get(vertex.id)?.length ?? 0) === 0) layerOf.set(vertex.id, Math.max(last, layerOf.get(vertex.id)!));

  const columns: string[][] = Array.from({ length: last + 1 }, () => []);
  for (const vertex of vertices) columns[layerOf.get(vertex.id)!]!.push(vertex.id);

  const order = new Map<string, number>();
  const renumber = (column: string[]): void => column.forEach((id, index) => order.set(id, index));
  columns.forEach(renumber);
  const barycentre = (ids: readonly string[], fallback: number): number => {
    const known = ids.map((id) => order.get(id)).filter((value): value is number => value !== undefined);
    return known.length === 0 ? fallback : known.reduce((a, b) => a + b, 0) / known.length;
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let c = 1; c < columns.length; c++) sortColumn(columns[c]!, (id) => barycentre(byId.get(id)!.inputs, order.get(id)!), renumber);
    for (let c = columns.length - 2; c >= 0; c--) sortColumn(columns[c]!, (id) => barycentre(successors.get(id)!, order.get(id)!), renumber);
  }

  const ys = new Map<string, number>();
  for (const column of columns) column.forEach((id, index) => ys.set(id, index * (NODE_HEIGHT + GAP_Y)));
  const align = (column: string[], neighbours: (id: string) => readonly string[]): void => {
    const desired = column.map((id) => {
      const known = neighbours(id).map((n) => ys.get(n)).filter((value): value is number => value !== undefined);
      return known.length === 0 ? ys.get(id)! : known.reduce((a, b) => a + b, 0) / known.length;
    });
    const placed: number[] = [];
    desired.forEach((want, index) => placed.push(index === 0 ? want : Math.max(want, placed[index - 1]! + NODE_HEIGHT + GAP_Y)));
    const shift = average(desired) - average(placed);
    column.forEach((id, index) => ys.set(id, placed[index]! + shift));
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 1; c < columns.length; c++) align(columns[c]!, (id) => byId.get(id)!.inputs);
    for (let c = columns.length - 2; c >= 0; c--) align(columns[c]!, (id) => successors.get(id)!);
  }

  const top = Math.min(0, ...ys.values());
  const nodes = new Map<string, LayoutNode>();
  for (const vertex of vertices) {
    const l = layerOf.get(vertex.id)!;
    nodes.set(vertex.id, { id: vertex.id, layer: l, x: MARGIN + l * (NODE_WIDTH + GAP_X), y: MARGIN + ys.get(vertex.id)! - top });
  }
  const edges: LayoutEdge[] = [];
  for (const vertex of vertices) {
    for (const input of vertex.inputs) {
      const from = nodes.get(input);
      const to = nodes.get(vertex.id)!;
      if (from === undefined) continue;
      const x1 = from.x + NODE_WIDTH;
      const y1 = from.y + NODE_HEIGHT / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_HEIGHT / 2;
      const bend = Math.max(32, (x2 - x1) / 2);
      edges.push({ from: input, to: vertex.id, path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } });
    }
  }
  const width = MARGIN * 2 + (last + 1) * NODE_WIDTH + last * GAP_X;
  const height = MARGIN * 2 + Math.max(NODE_HEIGHT, ...[...nodes.values()].map((node) => node.y - MARGIN + NODE_HEIGHT));
  return { nodes, edges, width, height };
}

function sortColumn(column: string[], key: (id: string) => number, renumber: (column: string[]) => void): void {
  const keys = new Map(column.map((id) => [id, key(id)]));
  column.sort((a, b) => keys.get(a)! - keys.get(b)!);
  renumber(column);
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
