import type { DbColumn, JdbcSession } from '../jdbc-session.js';
import type { JdbcSourceSettings, SourceTableConfig } from './jdbc-source-settings.js';
import type { JdbcSplit } from './jdbc-split.js';
import { TableDefinitionError } from '../jdbc-errors.js';
import type { TableContext } from './table-context.js';

/** SeaTunnel's DEFAULT_PARTITION_NUMBER (JdbcSourceTableConfig.java) for query + partition_column. */
const DEFAULT_PARTITION_NUM = 10;
const DAY_MS = 86_400_000;

type Range = NonNullable<JdbcSplit['range']>;

/**
 * Cuts one table into splits the way SeaTunnel's JdbcSourceSplitEnumerator does:
 *
 * - `query` with `partition_column` (FixedChunkSplitter): partition_num ranges between the bounds
 *   (options, else MIN/MAX), or partition_num hash buckets for string keys;
 * - otherwise (DynamicChunkSplitter) along partition_column or the first splittable column of the
 *   primary key or a unique key: chunks of about split.size rows, by arithmetic when the key is
 *   evenly spread, else by querying where each chunk ends; dates by ranges of days;
 * - a table without a key is one split.
 *
 * Differences: rows with a NULL key go to the first split (SeaTunnel reads them in no split);
 * fixed ranges are half-open, so fractional keys between two integer bounds are not lost.
 */
export async function planTableSplits(session: JdbcSession, settings: JdbcSourceSettings, table: SourceTableConfig, index: number, tablePath: string, context: TableContext): Promise<JdbcSplit[]> {
  const order = context.uniqueKey !== undefined ? { columns: context.uniqueKey, unique: true } : { columns: context.columns.filter((c) => c.orderable).map((c) => c.name), unique: false };
  const split = (n: number, extra: Partial<JdbcSplit>): JdbcSplit => ({ splitId: `${tablePath}-${n}`, tablePath, table: index, order, ...extra });

  const fixed = table.query !== undefined && table.partitionColumn !== undefined;
  const key = splitKey(context, table);
  if (key === undefined) return [split(0, {})];

  if (fixed) {
    const count = table.partitionNum ?? DEFAULT_PARTITION_NUM;
    if (key.splitClass === 'string') {
      return Array.from({ length: count }, (_, i) => split(i, { key: key.name, bucket: { index: i, count, nulls: i === 0 } }));
    }
    const ranges = await fixedRanges(session, context, key, table, count);
    return ranges.map((range, i) => split(i, { key: key.name, range }));
  }
  const ranges = await dynamicRanges(session, settings, context, key, table);
  return ranges.map((range, i) => split(i, range === undefined ? {} : { key: key.name, range }));
}

function splitKey(context: TableContext, table: SourceTableConfig): DbColumn | undefined {
  const byName = new Map(context.all.map((c) => [c.name, c]));
  if (table.partitionColumn !== undefined) {
    const column = byName.get(table.partitionColumn) ?? context.all.find((c) => c.name.toLowerCase() === table.partitionColumn!.toLowerCase());
    if (column === undefined) throw new TableDefinitionError(`partition_column ${table.partitionColumn} is not a column of the table (it has ${context.all.map((c) => c.name).join(', ')})`);
    if (column.splitClass === undefined) throw new TableDefinitionError(`partition_column ${column.name} is ${column.dbType}; splits need a number, string or date column`);
    if (table.query !== undefined && column.splitClass === 'number' && column.type.kind === 'decimal') {
      throw new TableDefinitionError(`partition_column ${column.name} is ${column.dbType}: SeaTunnel's fixed splits need a decimal without fraction digits`);
    }
    return column;
  }
  const catalog = context.catalog;
  if (catalog === undefined) return undefined;
  for (const key of [...(catalog.primaryKey === undefined ? [] : [catalog.primaryKey]), ...catalog.uniqueKeys]) {
    for (const name of key) {
      const column = byName.get(name);
      if (column?.splitClass !== undefined) return column;
    }
  }
  return undefined;
}

async function minMax(session: JdbcSession, context: TableContext, key: DbColumn): Promise<[string | null, string | null]> {
  const q = session.dialect.quote(key.name);
  const [row] = await session.query(`SELECT MIN(${q}), MAX(${q}) FROM (${context.base}) AS t`);
  return [row?.[0] ?? null, row?.[1] ?? null];
}

async function fixedRanges(session: JdbcSession, context: TableContext, key: DbColumn, table: SourceTableConfig, count: number): Promise<Range[]> {
  let lower = table.lowerBound;
  let upper = table.upperBound;
  const bounded = lower !== undefined || upper !== undefined;
  if (lower === undefined || upper === undefined) {
    const [min, max] = await minMax(session, context, key);
    lower ??= min ?? undefined;
    upper ??= max ?? undefined;
  }
  if (lower === undefined || upper === undefined) return [{ nulls: true }];
  const cuts = cutPoints(key, lower, upper, count);
  // cuts: count+1 points; ranges [c0, c1), ..., [c(n-1), cn] with the last inclusive.
  return cuts.slice(0, -1).map((start, i) => {
    const last = i === cuts.length - 2;
    return { lower: start, upper: cuts[i + 1]!, upperInclusive: last, nulls: i === 0 && !bounded };
  });
}

/** `count` equal slices of [lower, upper], as SeaTunnel's JdbcNumericBetweenParametersProvider cuts them (exact integer arithmetic). */
function cutPoints(key: DbColumn, lower: string, upper: string, count: number): string[] {
  if (key.splitClass === 'date') {
    const start = Date.parse(`${lower.slice(0, 10)}T00:00:00Z`) / DAY_MS;
    const end = Date.parse(`${upper.slice(0, 10)}T00:00:00Z`) / DAY_MS;
    return integerCuts(BigInt(start), BigInt(end), count).map((day) => new Date(Number(day) * DAY_MS).toISOString().slice(0, 10));
  }
  if (key.splitClass === 'integer' && /^-?\d+$/.test(lower) && /^-?\d+$/.test(upper)) {
    return integerCuts(BigInt(lower), BigInt(upper), count).map(String);
  }
  const start = Number(lower);
  const end = Number(upper);
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new TableDefinitionError(`partition bounds ${lower} and ${upper} are not numbers for ${key.name} (${key.dbType})`);
  const n = Math.max(1, count);
  const points = Array.from({ length: n }, (_, i) => String(start + ((end - start) * i) / n));
  return [...points, String(end)];
}

/** Cut points c0 = min < c1 < ... < cn = max so that [c(i), c(i+1)) hold sizes differing by at most one. */
function integerCuts(min: bigint, max: bigint, count: number): bigint[] {
  if (max < min) return [min, min];
  const elements = max - min + 1n;
  const n = BigInt(count) > elements ? elements : BigInt(count);
  const size = (elements + n - 1n) / n;
  const big = elements - (size - 1n) * n;
  const cuts: bigint[] = [min];
  let start = min;
  for (let i = 0n; i < n; i++) {
    const end = start + size - 1n - (i >= big ? 1n : 0n);
    start = end + 1n;
    cuts.push(i === n - 1n ? max : start);
  }
  return cuts;
}

async function dynamicRanges(session: JdbcSession, settings: JdbcSourceSettings, context: TableContext, key: DbColumn, table: SourceTableConfig): Promise<(Range | undefined)[]> {
  const [min, max] = await minMax(session, context, key);
  if (min === null || max === null || min === max) return [undefined];
  const chunkSize = settings.splitSize;
  const rows = await rowCount(session, settings, context, table);
  if (rows <= chunkSize) return [undefined];
  let bounds: string[];
  if (key.splitClass === 'date') {
    bounds = dateBounds(min, max, rows, chunkSize);
  } else if (key.splitClass === 'integer' || key.splitClass === 'number') {
    const even = evenBounds(key, min, max, rows, settings);
    bounds = even ?? (await queriedBounds(session, context, key, max, chunkSize));
  } else {
    bounds = await queriedBounds(session, context, key, max, chunkSize);
  }
  if (bounds.length === 0) return [undefined];
  // [null, b1), [b1, b2), ..., [bn, null) — NULL keys with the first.
  const ranges: Range[] = [{ upper: bounds[0]!, nulls: true }];
  for (let i = 1; i < bounds.length; i++) ranges.push({ lower: bounds[i - 1]!, upper: bounds[i]! });
  ranges.push({ lower: bounds[bounds.length - 1]! });
  return ranges;
}

async function rowCount(session: JdbcSession, settings: JdbcSourceSettings, context: TableContext, table: SourceTableConfig): Promise<number> {
  if (!settings.useSelectCount && table.query === undefined && settings.whereCondition === undefined && context.catalog !== undefined) {
    const estimate = await session.estimateRows(context.catalog.path);
    if (estimate !== undefined) return estimate;
  }
  const [row] = await session.query(`SELECT COUNT(*) FROM (${context.base}) AS t`);
  return Number(row?.[0] ?? 0);
}

/** SeaTunnel's evenly sized chunks when (max - min + 1) / rows lies within the distribution factor bounds. */
function evenBounds(key: DbColumn, min: string, max: string, rows: number, settings: JdbcSourceSettings): string[] | undefined {
  const integer = key.splitClass === 'integer' && /^-?\d+$/.test(min) && /^-?\d+$/.test(max);
  const span = integer ? Number(BigInt(max) - BigInt(min) + 1n) : Number(max) - Number(min) + 1;
  const factor = span / Math.max(rows, 1);
  if (!(factor >= settings.factorLower && factor <= settings.factorUpper)) return undefined;
  const bounds: string[] = [];
  if (integer) {
    const step = BigInt(Math.max(Math.floor(factor * settings.splitSize), 1));
    for (let end = BigInt(min) + step; end <= BigInt(max); end += step) bounds.push(end.toString());
  } else {
    const step = Math.max(factor * settings.splitSize, Number.EPSILON);
    for (let end = Number(min) + step; end <= Number(max); end += step) bounds.push(String(end));
  }
  return bounds;
}

/** Chunk ends found by the database: the split.size-th key from the previous end (SeaTunnel's unevenly sized chunks). */
async function queriedBounds(session: JdbcSession, context: TableContext, key: DbColumn, max: string, chunkSize: number): Promise<string[]> {
  const dialect = session.dialect;
  const q = dialect.quote(key.name);
  const bounds: string[] = [];
  let previous: string | undefined;
  for (;;) {
    const from = previous === undefined ? '' : ` WHERE ${q} >= ${dialect.keyLiteral(key, previous)}`;
    const [row] = await session.query(`SELECT MAX(${q}) FROM (SELECT ${q} FROM (${context.base}) AS t${from} ORDER BY ${q} LIMIT ${chunkSize}) AS t2`);
    let end = row?.[0] ?? null;
    if (end !== null && end === previous) {
      const [next] = await session.query(`SELECT MIN(${q}) FROM (${context.base}) AS t WHERE ${q} > ${dialect.keyLiteral(key, end)}`);
      end = next?.[0] ?? null;
    }
    // Chunk ends never pass MAX, and the database prints equal keys alike: reaching MAX ends the cutting.
    if (end === null || end === max) return bounds;
    bounds.push(end);
    previous = end;
  }
}

/** Day ranges sized so that each holds about split.size rows (SeaTunnel's dateColumnSplitChunks). */
function dateBounds(min: string, max: string, rows: number, chunkSize: number): string[] {
  const first = Date.parse(`${min.slice(0, 10)}T00:00:00Z`) / DAY_MS;
  const last = Date.parse(`${max.slice(0, 10)}T00:00:00Z`) / DAY_MS;
  const days = last - first + 1;
  let step = 1;
  if (rows / days < chunkSize) step = Math.max(1, Math.floor(days / (Math.floor(rows / chunkSize) + 1)));
  const bounds: string[] = [];
  for (let day = first + step; day <= last; day += step) bounds.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  return bounds;
}
