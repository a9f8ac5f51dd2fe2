import type { ConfigProblem } from './errors.js';
import type { OptionSpec, OptionValues } from './option-spec.js';
import type { Row } from './row.js';
import type { TableSchema } from './table.js';

/**
 * The contracts between the engine and connectors/transforms. A plugin is plain data plus
 * factories; plugins import only `core` and their client libraries, and are listed in
 * `src/plugins.ts`.
 *
 * Where each part runs: `tables`, `bind` and `check` are cheap, pure and run at plan time on any
 * thread (they read options only, no I/O). Everything that touches data or the outside world
 * (`planSplits`, readers, writers, `finish`) runs inside worker threads.
 */
export type PluginType = 'source' | 'transform' | 'sink';

export type JobMode = 'BATCH' | 'STREAMING';

interface PluginBase {
  /** PascalCase as in SeaTunnel; configs name it case-insensitively. */
  name: string;
  type: PluginType;
  description: string;
  options: readonly OptionSpec[];
  /** Checks between options (one of two required, ranges that depend on each other). Paths are option keys. */
  validate?(options: OptionValues): ConfigProblem[];
}

/** What a running plugin instance may use. */
export interface PluginContext {
  /** The job's id (a decimal string); names staging output so restored jobs find it. */
  jobId: string;
  subtaskIndex: number;
  parallelism: number;
  jobMode: JobMode;
  /** Aborted when the job is stopped; every wait inside the plugin should honour it. */
  signal: AbortSignal;
  log: Logger;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A unit of source work: plain JSON so it can be checkpointed and moved between readers. */
export interface SourceSplit {
  /** Unique within the source. */
  splitId: string;
  tablePath: string;
  [detail: string]: unknown;
}

export interface SourcePlugin extends PluginBase {
  type: 'source';
  /** True when the source ends by itself in BATCH mode (every SeaTunnel batch source). */
  bounded: boolean;
  /** True when its readers implement `snapshotSplits`, so jobs reading it can be checkpointed and restored. */
  restorable: boolean;
  /** The tables this source emits, from its options alone. `outputName` is its plugin_output, if any. */
  tables(options: OptionValues, outputName: string | undefined): TableSchema[];
  /** Cuts the source into splits for `parallelism` readers. Split i goes to reader i % parallelism. */
  planSplits(options: OptionValues, tables: TableSchema[], parallelism: number): SourceSplit[] | Promise<SourceSplit[]>;
  createReader(options: OptionValues, tables: TableSchema[], context: PluginContext): SourceReader;
}

export interface SourceReader {
  open?(): Promise<void> | void;
  /** Hands this reader more splits (at start, and later when splits are redistributed). */
  addSplits(splits: SourceSplit[]): void;
  /**
   * The next rows, at most about `maxRows`. An empty array means nothing right now (the engine
   * polls again shortly); null means every assigned split is finished. In STREAMING mode the engine
   * keeps a finished reader's subtask alive until the job is stopped.
   */
  poll(maxRows: number): Promise<Row[] | null> | Row[] | null;
  /**
   * The splits this reader still owns, with their positions, for checkpoints: handing them to a new
   * reader through `addSplits` must resume exactly after the last row returned by `poll`. Sources
   * without it cannot be restored.
   */
  snapshotSplits?(): SourceSplit[];
  close?(): Promise<void> | void;
}

export interface TransformPlugin extends PluginBase {
  type: 'transform';
  /**
   * Binds the transform to one input table: the output schema plus the function over batches.
   * Throws OptionError when the options do not fit the table (unknown field, wrong type).
   * Multi-table inputs are bound once per table.
   */
  bind(options: OptionValues, input: TableSchema): BoundTransform;
}

export interface BoundTransform {
  output: TableSchema;
  /** Maps a batch of rows of the input table; may reuse and mutate the given array and rows. */
  map(rows: Row[]): Row[];
}

export interface SinkPlugin extends PluginBase {
  type: 'sink';
  /** True when the sink takes part in two-phase commit (prepareCommit + commit), so a restored job neither loses nor repeats rows. */
  exactlyOnce: boolean;
  /** Refuses input tables the sink cannot take, at plan time. */
  check?(options: OptionValues, tables: TableSchema[]): ConfigProblem[];
  createWriter(options: OptionValues, tables: TableSchema[], context: SinkContext): SinkWriter;
  /**
   * Second phase of two-phase commit: makes what `prepareCommit` staged visible. Called only after
   * the checkpoint holding `commitInfos` is stored, from a worker, possibly again after a crash
   * (when a job is restored from that checkpoint): it must be idempotent.
   */
  commit?(options: OptionValues, tables: TableSchema[], commitInfos: unknown[], context: PluginContext): Promise<void> | void;
  /**
   * Called when a pipeline (re)starts, after the pending commits of the restored checkpoint were
   * committed: deletes staged-but-uncommitted output of this job left by a crashed attempt.
   */
  discardStaged?(options: OptionValues, tables: TableSchema[], context: PluginContext): Promise<void> | void;
  /** Discards what `prepareCommit` staged for a checkpoint that will never complete. Idempotent. */
  abort?(options: OptionValues, tables: TableSchema[], commitInfos: unknown[], context: PluginContext): Promise<void> | void;
  /**
   * Runs once, after every writer of the sink has closed, with what each `close()` returned, in
   * subtask order. Throwing fails the job (Assert's row rules live here).
   */
  finish?(options: OptionValues, tables: TableSchema[], results: unknown[], context: PluginContext): void | Promise<void>;
}

export interface SinkContext extends PluginContext {
  /** The plugin name as written in the config (`console`), which SeaTunnel shows in vertex names. */
  configuredName: string;
}

export interface SinkWriter {
  open?(): Promise<void> | void;
  write(rows: Row[]): Promise<void> | void;
  /**
   * First phase of two-phase commit, at a checkpoint: flushes everything written so far to a
   * staging place and returns plain JSON describing it (handed to the plugin's `commit` once the
   * checkpoint is stored), or undefined when there is nothing to commit. Also called once at the end
   * of a bounded job, before `close`.
   */
  prepareCommit?(checkpointId: number): Promise<unknown> | unknown;
  /** Ends the writer; its return value is handed to the plugin's `finish`. */
  close?(): unknown;
}

export type Plugin = SourcePlugin | TransformPlugin | SinkPlugin;

/** How config validation, planning and docs find plugins; `src/plugins.ts` provides the real one. */
export interface PluginCatalog {
  find(type: PluginType, name: string): Plugin | undefined;
  names(type: PluginType): string[];
  all(): readonly Plugin[];
}
