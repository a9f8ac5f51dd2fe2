import { SluiceError } from '../../core/errors.js';
import type { SourceReader, SourceSplit } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import { emitExplicitRow, type ExplicitRow } from './explicit-rows.js';
import type { FakeRowGenerator } from './fake-row-generator.js';
import type { FakeSplit } from './fake-splits.js';
import type { FastRandom } from './fast-random.js';

/** Seeded rows are made in chunks of this many, each from its own seed, so a resumed split repeats them exactly. */
const SEEDED_CHUNK = 1024;

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
  private chunk: { key: string; rows: Row[] } | undefined;

  constructor(
    private readonly tables: ReadonlyMap<string, FakeTableSource>,
    private readonly splitReadInterval: number,
    /** With the `seed` option: the generators' shared random, reseeded per chunk. */
    private readonly seed?: { value: number; random: FastRandom },
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
      const rows = source.rows !== undefined ? this.explicit(source.rows, split, count) : this.seed ? this.seeded(source, split, count) : source.generator.generate(count);
      split.emitted += rows.length;
      if (split.emitted >= total) this.current = undefined;
      return rows;
    }
  }

  snapshotSplits(): SourceSplit[] {
    const owned = this.current === undefined ? this.pending : [this.current, ...this.pending];
    return owned.map((split) => ({ ...split }));
  }

  /** Rows `emitted..emitted+count` of the split (cut at a chunk end), the same in every run with the same seed. */
  private seeded(source: FakeTableSource, split: FakeSplit, count: number): Row[] {
    const { value, random } = this.seed!;
    const index = Math.floor(split.emitted / SEEDED_CHUNK);
    const key = `${split.splitId}#${index}`;
    if (this.chunk?.key !== key) {
      random.reseed(Math.imul(value ^ Math.imul(split.index + 1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ hash(split.tablePath));
      source.generator.resetDrawn();
      this.chunk = { key, rows: source.generator.generate(Math.min(SEEDED_CHUNK, split.rowNum - index * SEEDED_CHUNK)) };
    }
    const offset = split.emitted - index * SEEDED_CHUNK;
    return this.chunk.rows.slice(offset, offset + count);
  }

  private explicit(rows: ExplicitRow[], split: FakeSplit, count: number): Row[] {
    const out = new Array<Row>(count);
    for (let i = 0; i < count; i++) out[i] = emitExplicitRow(rows[split.emitted + i] as ExplicitRow, split.tablePath, this.currentStart);
    return out;
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
