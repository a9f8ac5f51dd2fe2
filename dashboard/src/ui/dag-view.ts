import type { DagEdge, DagVertex } from '../api/model.js';
import { h, s } from './dom.js';
import { layoutDag, NODE_HEIGHT, NODE_WIDTH } from './dag-layout.js';
import { formatCompact, formatCount, formatRate } from './format.js';

export interface VertexRates {
  rowsInPerSecond: number | null;
  rowsOutPerSecond: number | null;
}

interface NodeLabels {
  group: SVGGElement;
  rows: SVGTextElement;
  rate: SVGTextElement;
  detail: SVGTextElement;
  title: SVGTitleElement;
}

/**
 * The job's DAG as SVG, left to right: a box per vertex (kind, plugin, parallelism, rows in and
 * out, rows per second), curves between them labelled with the tables they carry. The layout is
 * computed once per DAG shape; each refresh only rewrites the figures. Vertices are focusable and
 * activate `onSelect` with Enter or Space, as buttons do.
 */
export class DagView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly fitButton: HTMLButtonElement;
  private svg: SVGSVGElement | null = null;
  private shape = '';
  private fit = false;
  private readonly labels = new Map<string, NodeLabels>();

  constructor(private readonly onSelect: (vertexId: string) => void) {
    this.canvas = h('div', { class: 'dag-canvas', tabindex: '0', role: 'region', 'aria-label': 'Job graph (scrollable)' });
    this.fitButton = h('button', { type: 'button', class: 'button small', 'aria-pressed': 'false', onclick: () => this.toggleFit() }, 'Fit to width');
    this.element = h('div', { class: 'dag' }, h('div', { class: 'dag-tools' }, h('span', { class: 'legend' }, legendItem('source', 'Source'), legendItem('transform', 'Transform'), legendItem('sink', 'Sink')), this.fitButton), this.canvas);
  }

  update(vertices: readonly DagVertex[], edges: readonly DagEdge[], rates: ReadonlyMap<string, VertexRates>): void {
    const shape = JSON.stringify(vertices.map((vertex) => [vertex.id, vertex.inputs, vertex.kind, vertex.plugin])) + JSON.stringify(edges.map((edge) => edge.tables));
    if (shape !== this.shape) {
      this.shape = shape;
      this.build(vertices, edges);
    }
    for (const vertex of vertices) {
      const labels = this.labels.get(vertex.id);
      if (labels === undefined) continue;
      const rate = rates.get(vertex.id);
      labels.rows.textContent = `in ${compact(vertex.rowsIn)} · out ${compact(vertex.rowsOut)}`;
      labels.rate.textContent = `${formatRate(rate?.rowsInPerSecond)} · ${formatRate(rate?.rowsOutPerSecond)}`;
      labels.detail.textContent = `parallelism ${vertex.parallelism ?? '–'}${vertex.state ? ` · ${vertex.state}` : ''}`;
      labels.title.textContent = `${vertex.name}\nrows in ${formatCount(vertex.rowsIn)}, out ${formatCount(vertex.rowsOut)}`;
      labels.group.setAttribute('aria-label', `${vertex.kind} ${vertex.plugin}: rows in ${formatCount(vertex.rowsIn)}, rows out ${formatCount(vertex.rowsOut)}, ${formatRate(rate?.rowsOutPerSecond ?? rate?.rowsInPerSecond)}`);
    }
  }

  private build(vertices: readonly DagVertex[], edges: readonly DagEdge[]): void {
    const started = performance.now();
    this.labels.clear();
    const layout = layoutDag(vertices.map((vertex) => ({ id: vertex.id, inputs: vertex.inputs, sink: vertex.kind === 'sink' })));
    const svg = s('svg', { class: 'dag-svg', viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'group', 'aria-label': `Job graph with ${vertices.length} vertices` });
    svg.append(
      s('defs', null, s('marker', { id: 'dag-arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'dag-arrow' }))),
    );
    const tablesOf = new Map(edges.map((edge) => [`${edge.from}>${edge.to}`, edge.tables]));
    const edgeLayer = s('g', { class: 'dag-edges' });
    const labelLayer = s('g', { class: 'dag-edge-labels' });
    for (const edge of layout.edges) {
      edgeLayer.append(s('path', { d: edge.path, class: 'dag-edge', 'marker-end': 'url(#dag-arrow)' }));
      const tables = tablesOf.get(`${edge.from}>${edge.to}`) ?? [];
      if (tables.length > 0) labelLayer.append(s('text', { x: edge.mid.x, y: edge.mid.y - 5, 'text-anchor': 'middle', class: 'dag-edge-label' }, shorten(tables.join(', '), 28)));
    }
    const nodeLayer = s('g', { class: 'dag-nodes' });
    for (const vertex of vertices) {
      const at = layout.nodes.get(vertex.id)!;
      const title = s('title');
      const rows = s('text', { x: 12, y: 60, class: 'dag-rows' });
      const rate = s('text', { x: 12, y: 78, class: 'dag-rate' });
      const detail = s('text', { x: 12, y: 41, class: 'dag-detail' });
      const group = s(
        'g',
        { class: `dag-node kind-${vertex.kind}`, transform: `translate(${at.x},${at.y})`, tabindex: '0', role: 'button', 'data-vertex': vertex.id },
        title,
        s('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6, class: 'dag-box' }),
        s('rect', { width: 5, height: NODE_HEIGHT, rx: 2, class: 'dag-stripe' }),
        s('text', { x: 12, y: 21, class: 'dag-name' }, s('tspan', { class: 'dag-kind' }, `${vertex.kind.toUpperCase()} `), shorten(vertex.plugin, 20)),
        detail,
        rows,
        rate,
      );
      group.addEventListener('click', () => this.onSelect(vertex.id));
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.onSelect(vertex.id);
        }
      });
      nodeLayer.append(group);
      this.labels.set(vertex.id, { group, rows, rate, detail, title });
    }
    svg.append(edgeLayer, labelLayer, nodeLayer);
    svg.dataset.width = String(layout.width);
    this.svg = svg;
    this.applyFit();
    this.canvas.replaceChildren(svg);
    // Read by bench/dashboard.ts: the cost of laying out and drawing this DAG.
    performance.measure('sluice:dag-build', { start: started, detail: { vertices: vertices.length } });
  }

  private toggleFit(): void {
    this.fit = !this.fit;
    this.fitButton.setAttribute('aria-pressed', String(this.fit));
    this.applyFit();
  }

  private applyFit(): void {
    if (this.svg === null) return;
    const width = Number(this.svg.dataset.width);
    this.svg.setAttribute('width', this.fit ? '100%' : String(width));
    const [, , , height] = (this.svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
    if (this.fit) this.svg.removeAttribute('height');
    else this.svg.setAttribute('height', String(height));
  }
}

function legendItem(kind: string, label: string): HTMLElement {
  return h('span', { class: `legend-item kind-${kind}` }, h('span', { class: 'legend-swatch', 'aria-hidden': 'true' }), label);
}

function compact(value: number | null): string {
  return value === null ? '–' : formatCompact(value);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
