import type { SourceSplit } from '../../core/plugin.js';

/** A FakeSource split: `rowNum` random rows (or one pass over the explicit rows) of one table. */
export interface FakeSplit extends SourceSplit {
  /** SeaTunnel's split index: reader `index % parallelism` owns it. */
  index: number;
  rowNum: number;
  /** Rows of this split already emitted; a restored split resumes after them. */
  emitted: number;
}

/**
 * Cuts each table into splits exactly as SeaTunnel's FakeSourceSplitEnumerator.discoverySplits:
 * every reader gets `row.num` rows per table, in splits of ceil(row.num / split.num) rows (the
 * last one the remainder), so a reader may get fewer than split.num splits (row.num 5, split.num
 * 4 → 2 + 2 + 1). Reader i gets indices i, i + P, i + 2P, ...
 *
 * The engine hands split k of the returned list to reader k % parallelism, so each table's
 * splits are listed by index (position = index) and every table contributes a multiple of P.
 */
export function planFakeSplits(tables: readonly { tablePath: string; rowNum: number; splitNum: number }[], parallelism: number): FakeSplit[] {
  const splits: FakeSplit[] = [];
  for (const { tablePath, rowNum, splitNum } of tables) {
    if (rowNum <= 0) continue;
    const splitRowNum = Math.ceil(rowNum / Math.max(1, splitNum));
    const perReader = Math.ceil(rowNum / splitRowNum);
    for (let index = 0; index < perReader * parallelism; index++) {
      const nth = Math.floor(index / parallelism);
      const rows = Math.min(splitRowNum, rowNum - nth * splitRowNum);
      splits.push({ splitId: `${index}@${tablePath}`, tablePath, index, rowNum: rows, emitted: 0 });
    }
  }
  return splits;
}
