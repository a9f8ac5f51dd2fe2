import { SluiceError } from '../../core/errors.js';
import type { SourceReader, SourceSplit } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import { emitExplicitRow, type ExplicitRow } from './explicit-rows.js';
import type { FakeRowGenerator } from './fake-row-generator.js';
import type { FakeSplit } from './fake-splits.js';

/** How one table's splits are filled: from explicit rows when configured, else at random. */
export interface FakeTableSource {
  generator: FakeRowGenerator;
  rows: ExplicitRow[] | undefined;
}

/**
 * Reads FakeSource splits one after the other (SeaTunnel's FakeSourceReader). A split holds
 * `rowNum` random rows, or every explicit row once; a long split is handed out over several polls
 * of at most `maxRows`. A new split starts only `splitReadInterval` ms after the previous one
 * started; until then poll returns [] and the engine polls again.
 *
 * Unlike SeaTunnel, no extra 1000 ms sleep follows every poll: SeaTunnel's pollNext sleeps a
 * second after each call, which makes it read about one split per second per reader. Sluice
 * keeps the row counts and the split order but not that throttle.
 */
export class FakeSourceReader implements SourceReader {
  private readonly pending: FakeSplit[] = [];
  private current: FakeSplit | undefined;
  private currentStart = new Date(0);
  private lastSplitStart = -Infinity;

  constructor(
    private readonly tables: ReadonlyMap<string, FakeTableSource>,
    private readonly splitReadInterval: number,
  ) {}

  addSplits(splits: SourceSplit[]): void {
    for (const split of splits) {
      const fake = split as FakeSplit;
      this.pending.push({ ...fake, emitted: typeof fake.emitted === 'number' ? fake.emitted : 0 });
    }
  }

  poll(maxRows: number): Row[] | null {
    const limit = Math.max(1, Math.floor(maxRows));
    for (;;) {
      if (this.current === undefined) {
        const next = this.pending[0];
        if (next === undefined) return null;
        const now = Date.now();
        if (now - this.lastSplitStart < this.splitReadInterval) return [];
        this.pending.shift();
        this.current = next;
        this.lastSplitStart = now;
        this.currentStart = new Date(now);
      }
      const split = this.current;
      const source = this.tables.get(split.tablePath);
      if (source === undefined) {
        throw new SluiceError('PLUGIN_FAILED', `FakeSource got split ${split.splitId} of unknown table "${split.tablePath}"`);
      }
      const total = source.rows === undefined ? split.rowNum : source.rows.length;
      const count = Math.min(limit, total - split.emitted);
      if (count <= 0) {
        this.current = undefined;
        continue;
      }
      const rows = source.rows === undefined ? source.generator.generate(count) : this.explicit(source.rows, split, count);
      split.emitted += count;
      if (split.emitted >= total) this.current = undefined;
      return rows;
    }
  }

  snapshotSplits(): SourceSplit[] {
    const owned = this.current === undefined ? this.pending : [this.current, ...this.pending];
    return owned.map((split) => ({ ...split }));
  }

  private explicit(rows: ExplicitRow[], split: FakeSplit, count: number): Row[] {
    const out = new Array<Row>(count);
    for (let i = 0; i < count; i++) out[i] = emitExplicitRow(rows[split.emitted + i] as ExplicitRow, split.tablePath, this.currentStart);
    return out;
  }
}
