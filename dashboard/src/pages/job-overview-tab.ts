import type { DagVertex, JobDetail } from '../api/model.js';
import { isTerminal } from '../api/values.js';
import type { RateHistory } from '../rate-history.js';
import { DagView, type VertexRates } from '../ui/dag-view.js';
import { fill, h } from '../ui/dom.js';
import { formatCount, formatRate } from '../ui/format.js';
import { lineChart } from '../ui/line-chart.js';
import { emptyState } from '../ui/notice.js';
import { SortableTable } from '../ui/sortable-table.js';
import { stateTimeline } from '../ui/state-timeline.js';

interface VertexRow {
  vertex: DagVertex;
  rates: VertexRates | undefined;
}

/** The job's DAG with live figures, a table of its vertices, read and write rate charts, and its state timeline. */
export class JobOverviewTab {
  readonly element: HTMLElement;
  private readonly dag: DagView;
  private readonly table: SortableTable<VertexRow>;
  private readonly charts: HTMLElement;
  private readonly timeline: HTMLElement;

  constructor(private readonly rates: RateHistory) {
    this.dag = new DagView((id) => this.focusVertex(id));
    this.table = new SortableTable<VertexRow>(
      [
        { key: 'vertex', label: 'Vertex', sortValue: (row) => row.vertex.name, cell: (row) => h('span', { class: `vertex-name kind-${row.vertex.kind}` }, h('span', { class: 'kind-dot', 'aria-hidden': 'true' }), h('strong', null, row.vertex.plugin), ' ', h('span', { class: 'muted' }, row.vertex.kind)) },
        { key: 'parallelism', label: 'Parallelism', sortValue: (row) => row.vertex.parallelism, cell: (row) => formatCount(row.vertex.parallelism), numeric: true },
        { key: 'in', label: 'Rows in', sortValue: (row) => row.vertex.rowsIn, cell: (row) => formatCount(row.vertex.rowsIn), numeric: true },
        { key: 'out', label: 'Rows out', sortValue: (row) => row.vertex.rowsOut, cell: (row) => formatCount(row.vertex.rowsOut), numeric: true },
        { key: 'inRate', label: 'In rows/s', sortValue: (row) => row.rates?.rowsInPerSecond ?? null, cell: (row) => formatRate(row.rates?.rowsInPerSecond), numeric: true },
        { key: 'outRate', label: 'Out rows/s', sortValue: (row) => row.rates?.rowsOutPerSecond ?? null, cell: (row) => formatRate(row.rates?.rowsOutPerSecond), numeric: true },
        { key: 'tables', label: 'Tables', cell: (row) => row.vertex.tables.join(', ') || '–' },
      ],
      null,
      { caption: 'Vertices', empty: () => emptyState('This job has no vertices.'), rowKey: (row) => row.vertex.id },
    );
    this.charts = h('div', { class: 'charts' });
    this.timeline = h('div');
    this.element = h(
      'div',
      { class: 'job-overview' },
      h('section', { class: 'panel', 'aria-labelledby': 'dag-heading' }, h('h2', { id: 'dag-heading' }, 'Graph'), this.dag.element),
      h('section', { class: 'panel', 'aria-labelledby': 'rates-heading' }, h('h2', { id: 'rates-heading' }, 'Rows per second'), this.charts),
      h('section', { class: 'panel', 'aria-labelledby': 'vertices-heading' }, h('h2', { id: 'vertices-heading' }, 'Vertices'), this.table.element),
      h('section', { class: 'panel', 'aria-labelledby': 'timeline-heading' }, h('h2', { id: 'timeline-heading' }, 'State timeline'), this.timeline),
    );
  }

  update(job: JobDetail): void {
    const rates = this.rates.vertexRates(job.id);
    this.dag.update(job.vertices, job.edges, rates);
    this.table.update(job.vertices.map((vertex) => ({ vertex, rates: rates.get(vertex.id) })));
    this.renderCharts(job);
    fill(this.timeline, stateTimeline(job.timestamps, job.now));
  }

  private renderCharts(job: JobDetail): void {
    const series = this.rates.series(job.id);
    const width = Math.max(240, (this.charts.clientWidth || 600) / (this.charts.clientWidth > 700 ? 2 : 1) - 16);
    const average = (rows: number | null): string => (rows === null || job.durationMs === null || job.durationMs <= 0 ? '–' : formatRate((rows * 1000) / job.durationMs));
    const chart = (title: string, tone: string, points: [number, number][], total: number | null): HTMLElement =>
      h(
        'figure',
        { class: 'chart-box' },
        h('figcaption', null, h('span', { class: `chart-key ${tone}`, 'aria-hidden': 'true' }), title, h('span', { class: 'chart-now' }, points.length > 0 ? formatRate(points[points.length - 1]![1]) : '')),
        points.length < 2 && isTerminal(job.state)
          ? h('p', { class: 'muted chart-empty' }, `Rates are sampled while the job runs and the page is open. Average over the run: ${average(total)}.`)
          : lineChart([{ label: title, tone, points }], { width, height: 150, label: `${title} over time` }),
      );
    fill(this.charts, chart('Read', 'series-read', series.read, job.rowsRead), chart('Written', 'series-write', series.written, job.rowsWritten));
  }

  private focusVertex(id: string): void {
    this.table.select(id);
  }
}
