import { fill, h, type Child } from './dom.js';

export interface Column<T> {
  key: string;
  label: string;
  /** The value sorted by (null sorts last). */
  sortValue?: (row: T) => string | number | null;
  cell: (row: T) => Child;
  numeric?: boolean;
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  direction: SortDirection;
}

/**
 * A table whose column headers are buttons that sort it (aria-sort says how). On narrow screens
 * each row becomes a card with the column names as labels (the `data-label` of each cell).
 */
export class SortableTable<T> {
  readonly element: HTMLElement;
  private readonly head: HTMLTableSectionElement;
  private readonly body: HTMLTableSectionElement;
  private rows: T[] = [];
  private selectedKey: string | null = null;

  constructor(
    private readonly columns: Column<T>[],
    private sort: SortState | null,
    private readonly options: { caption: string; empty: () => Child; onSort?: (sort: SortState) => void; rowKey?: (row: T) => string },
  ) {
    this.head = h('thead');
    this.body = h('tbody');
    this.element = h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive' }, h('caption', { class: 'visually-hidden' }, options.caption), this.head, this.body));
    this.renderHead();
  }

  update(rows: T[]): void {
    this.rows = rows;
    this.renderBody();
  }

  /** Highlights the row with this key (see `rowKey`) and scrolls it into view. */
  select(key: string): void {
    this.selectedKey = key;
    for (const row of this.body.querySelectorAll('tr')) row.classList.toggle('selected', row.dataset.key === key);
    this.body.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }

  private renderHead(): void {
    const cells = this.columns.map((column) => {
      const sortable = column.sortValue !== undefined;
      const active = this.sort?.key === column.key;
      const ariaSort = active ? (this.sort!.direction === 'asc' ? 'ascending' : 'descending') : sortable ? 'none' : null;
      const label = sortable
        ? h('button', { type: 'button', class: 'sort-button', onclick: () => this.toggle(column.key) }, column.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (this.sort!.direction === 'asc' ? ' ▲' : ' ▼') : ''))
        : column.label;
      return h('th', { scope: 'col', class: column.numeric ? 'num' : null, 'aria-sort': ariaSort }, label);
    });
    fill(this.head, h('tr', null, cells));
  }

  private toggle(key: string): void {
    this.sort = this.sort?.key === key ? { key, direction: this.sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'name' || key === 'id' ? 'asc' : 'desc' };
    this.renderHead();
    this.renderBody();
    this.options.onSort?.(this.sort);
  }

  private renderBody(): void {
    if (this.rows.length === 0) {
      fill(this.body, h('tr', { class: 'empty-row' }, h('td', { colspan: this.columns.length }, this.options.empty())));
      return;
    }
    const sorted = this.sorted();
    fill(
      this.body,
      sorted.map((row) =>
        h(
          'tr',
          { 'data-key': this.options.rowKey?.(row) ?? null, class: this.selectedKey !== null && this.options.rowKey?.(row) === this.selectedKey ? 'selected' : null },
          this.columns.map((column) => h('td', { class: column.numeric ? 'num' : null, 'data-label': column.label }, column.cell(row))),
        ),
      ),
    );
  }

  private sorted(): T[] {
    const column = this.columns.find((candidate) => candidate.key === this.sort?.key);
    if (column?.sortValue === undefined || this.sort === null) return this.rows;
    const value = column.sortValue;
    const sign = this.sort.direction === 'asc' ? 1 : -1;
    return [...this.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true })) * sign;
    });
  }
}
